// Stage 6 (part): organisations in the entity table. The body a person speaks for ("Gareth Pryce, for Harrowgate
// Living"), a capitalised name that is a known organisation's or a body's rather than a person's ("Prairie Central
// said", "Harrowgate Living said in a statement"), and a definite common noun for one ("the museum", "the company").
import type { Mention } from './mentions.js'
import { isFirstName } from './first-names.js'
import { COMPANY_TRADES, DEFINITE, GENERIC_ORG_NOUNS, isCompanyName } from './entity-words.js'
import type { Entity, EntityIndex } from './entity-index.js'

/**
 * "Gareth Pryce, for Harrowgate Living, warned …": the capitalised name a person speaks for is an organisation of the
 * article, which "the developer" or "the company" may then mean.
 */
export function noteAffiliation (table: EntityIndex, apposition: string | null, m: Mention): void {
  const match = apposition ? /^(?:for|on behalf of)\s+((?:\p{Lu}[\p{L}&.'’-]*\s*){1,5})$/u.exec(apposition.trim()) : null
  if (!match) return
  const name = match[1]!.trim()
  const key = table.normalize(name)
  let org = table.orgsByName.get(key)
  if (!org) {
    org = table.create('organization', { ...m, kind: 'organization', name, surname: null, firstName: null, title: null, gender: null }, name)
    table.orgsByName.set(key, org)
  }
  table.lastOrg = org
  if (isCompanyName(name)) table.lastCompany = org
}

/**
 * "Prairie Central said" after "Prairie Central Railroad", "the Aldridge": a capitalised name with no first name,
 * title or honorific that opens a known organisation's name is that organisation.
 */
export function orgNamedLikePerson (table: EntityIndex, m: Mention, sentence: number): Entity | undefined {
  if (!m.name || (m.title && !GENERIC_ORG_NOUNS.has(m.title.toLowerCase()))) return undefined
  const same = table.orgsByName.get(table.normalize(m.name))
  if (same) return same
  const known = m.firstName !== null && isFirstName(m.firstName)
  // "Developer Harrowgate Living", "Harrowgate Living said in a statement": no first name, and the article treats
  // it as a body.
  if (!known && m.firstName && (m.title || inStatement(table, sentence))) {
    const e = table.create('organization', m, m.name)
    table.orgsByName.set(table.normalize(m.name), e)
    if (m.title) table.addTitle(e, m.title)
    return e
  }
  // No organisation named yet (most mentions of most articles): no name to open.
  if (table.orgWords.size === 0) return undefined
  const words = table.titleWords.get(m.name)
  if (!words.length) return undefined
  let best: Entity | undefined
  for (const e of table.orgWords.get(words[0]!) ?? []) {
    const own = e.name ? table.titleWords.get(e.name) : []
    // The organisation's name goes on in capitals ("Prairie Central Railroad"), unlike "the Rubio campaign",
    // which is the person's.
    const rest = e.name ? e.name.split(/\s+/)[words.length] ?? '' : ''
    if (own.length > words.length && words.every((w, k) => own[k] === w) && /^\p{Lu}/u.test(rest) && (!best || e.lastSeen > best.lastSeen)) best = e
  }
  return best
}

/** Whether the sentence says "in a statement" (outside quotations): what bodies, not people, usually issue. */
function inStatement (table: EntityIndex, sentence: number): boolean {
  // Asked once per sentence: a sentence that names many people (a hostile run-on one) is scanned once, not per name.
  let known = table.statementSentences.get(sentence)
  if (known === undefined) table.statementSentences.set(sentence, (known = saysInStatement(table, sentence)))
  return known
}

function saysInStatement (table: EntityIndex, sentence: number): boolean {
  const { tokens, quoteOf } = table.doc
  const s = table.doc.sentences[sentence]!
  for (let i = s.firstToken + 2; i < s.endToken; i++) {
    if (tokens[i]!.lower === 'statement' && quoteOf[i] === -1 && (tokens[i - 1]!.lower === 'a' || tokens[i - 1]!.lower === 'written') && tokens[i - 2]!.lower === 'in') return true
  }
  return false
}

/**
 * A definite common noun for an organisation ("the museum", "the council", "the developer", "the company"): the
 * organisation of the article whose name or description holds that word, else for a generic word ("company",
 * "firm") the organisation named last. Undefined when none fits, so that the mention stays its own.
 */
export function orgByRole (table: EntityIndex, m: Mention): Entity | undefined {
  const first = table.doc.tokens[m.tokens.start]!.lower
  if (m.indefinite && !(m.kind === 'group' && DEFINITE.has(first))) return undefined
  if (!DEFINITE.has(first) || m.tokens.end - m.tokens.start > 4 || !m.head || m.gender === 'plural') return undefined
  // Only a common noun: "the Federal Rail Safety Board" is a name of its own.
  if (/\p{Lu}/u.test(table.doc.text.slice(table.doc.ends[m.tokens.start]!, m.end))) return undefined
  const head = m.head
  let best: Entity | undefined
  // Only organisations with a name of their own: "council" itself is found by its key.
  const named = (e: Entity): boolean => e.kind === 'organization' && e.name !== null && /^\p{Lu}/u.test(e.name)
  for (const e of table.orgWords.get(head) ?? []) if (named(e) && (!best || e.lastSeen > best.lastSeen)) best = e
  if (!best) for (const e of table.roleHolders.get(head) ?? []) if (named(e) && (!best || e.lastSeen > best.lastSeen)) best = e
  if (!best && GENERIC_ORG_NOUNS.has(head) && table.lastOrg) best = table.lastOrg
  // "Shares of Kestrel Foods Inc. fell after the frozen-food maker disclosed …": a trade is a company's.
  if (!best && COMPANY_TRADES.test(head) && table.lastCompany) best = table.lastCompany
  return best
}
