// Stage 6 (part): after the whole article is read. An organisation named by a common noun only ("the council") is the
// named one of the article it fits; a definite role no one held when it was read ("the town's fire chief said …") is
// the person the article gives that role anywhere, or, for a speaker, the person named beside it; otherwise it stays
// honestly unnamed.
import { ROLE_NOUNS, TITLES } from './lexicon.js'
import type { Mention } from './mentions.js'
import { titlesAgree } from '../identity/titles.js'
import { contentWords } from './titles.js'
import { KIN_NOUNS, gendered } from './entity-words.js'
import { MAX_TITLES, type Entity, type EntityIndex } from './entity-index.js'
import { orgByRole } from './entity-orgs.js'
import { byRole, namedSubject } from './antecedents.js'

/**
 * After the whole article is read: a role nothing fitted when it was read goes to the person the article gives that
 * role anywhere, before or after; otherwise it stays honestly unnamed.
 */
export function settleRoles (table: EntityIndex): void {
  for (const { entity, mention } of table.pendingOrgs) {
    const named = orgByRole(table, mention)
    if (named && named !== entity && named.name && /^\p{Lu}/u.test(named.name)) entity.mergedInto = named
  }
  for (const { entity, mention, sentence, speaker } of table.pendingRoles) {
    // Only a speaker's role is matched to a person beside it: a role in passing ("suggested the interim chief …")
    // is too loosely tied to the sentences around it.
    const holder = byRole(table, mention, Number.MAX_SAFE_INTEGER) ?? (speaker ? namedBeside(table, mention, sentence) : undefined)
    if (holder && holder !== entity) {
      entity.mergedInto = holder
      if (!speaker) continue
      // "His cousin, the senator," found to be Ms. Abernathy: the role is a title of hers ("cousin" is none).
      // Kept in their order, before the holder's own titles, which stay the latest.
      const given = entity.titles.filter((t) => !holder.titles.includes(t) && contentWords(t).some((w) => (ROLE_NOUNS.has(w) || TITLES.has(w)) && !KIN_NOUNS.has(w)))
      holder.titles.unshift(...given)
      if (holder.titles.length > MAX_TITLES) holder.titles.splice(0, holder.titles.length - MAX_TITLES)
    }
  }
}

/**
 * A role no one in the article holds, spoken beside a person the article names but does not describe: "In Pell
 * River, Okafor said …¶“…?” the chief asked." (the subject named just before), or "…, the town's fire chief said.¶…,
 * Darnell Okafor said." (a person named for the first time just after). The role is then that person's description.
 * Not when the sentence of the role names someone else before it, when the person's own titles disagree with the
 * role ("Smith, a resident" is no mayor), or when genders differ.
 */
/** Roles of the people who put the questions in an interview. */
const INTERVIEWERS = new Set(['reporter', 'journalist', 'interviewer', 'moderator', 'host', 'anchor', 'correspondent', 'presenter'])

function namedBeside (table: EntityIndex, m: Mention, sentence: number): Entity | undefined {
  const own = table.bySentence.get(sentence) ?? []
  for (const x of own) {
    if (x.tokens.start >= m.tokens.start) break
    // A name in parentheses is a dateline's agency or an aside ("PELL RIVER, Neb. (Meridian Wire) —"), no subject.
    if ((x.kind === 'person' || x.kind === 'pronoun') && table.doc.tokens[x.tokens.start - 1]?.text !== '(') return undefined
  }
  const role = table.doc.text.slice(m.start, m.end)
  // "HOST:", "MODERATOR:": a transcript's label takes turns with the people named beside it.
  if (!/\p{Ll}/u.test(role) && !m.indefinite) return undefined
  // "“And the roof?” asked the reporter.": the one asking the questions is not the person answering them.
  if (m.head !== null && INTERVIEWERS.has(m.head)) return undefined
  // "His cousin, the senator, said she …": the pronoun that opens what the role said tells its gender.
  const gender = gendered(m.gender) ? m.gender : pronounAfter(table, m.tokens.end)
  const fits = (e: Entity | undefined): e is Entity => e !== undefined && e.kind === 'person' && e.name !== null &&
    !(gender && gendered(e.gender) && gender !== e.gender) && e.titles.every((t) => titlesAgree(t, role) !== false)
  const before = namedSubject(table, sentence - 1, true)
  if (fits(before)) return before
  const after = namedSubject(table, sentence + 1)
  if (fits(after) && after.firstSeen > m.tokens.start) return after
  return undefined
}

/** The gender of "he" or "she" within a few words after token `from` in its sentence, outside quotations, or null. */
function pronounAfter (table: EntityIndex, from: number): 'male' | 'female' | null {
  const { tokens, quoteOf, sentenceOf } = table.doc
  for (let k = from; k < tokens.length && k < from + 8 && sentenceOf[k] === sentenceOf[from]; k++) {
    if (quoteOf[k] !== -1) return null
    const w = tokens[k]!.lower
    if (w === 'he') return 'male'
    if (w === 'she') return 'female'
  }
  return null
}
