// Stage 6 (part): what a pronoun or role noun refers to, read from the mentions placed so far. "he"/"she": the
// subject of the nearest sentence that names a compatible person (salience, not proximity), else the one seen last;
// "they": a group or organisation just before; "it": an organisation; "who": the name just before it; "the
// president": the named person given that title. Also who a sentence's named subject is, and where its main clause
// starts. Functions of the table's state (entity-index.ts); nothing here creates an entity.
import { SUBORDINATORS } from './entity-words.js'
import { expandTitle } from './titles.js'
import type { Mention } from './mentions.js'
import type { Entity, EntityIndex } from './entity-index.js'

/** The subject of the nearest sentence (this one first, before the pronoun) that names a compatible person. */
export function antecedent (table: EntityIndex, gender: 'male' | 'female', sentence: number, at: number, byNameUnknown = false): Entity | undefined {
  for (let s = sentence; s >= 0 && sentence - s <= 8; s--) {
    const list = table.bySentence.get(s)
    if (!list) continue
    const clauseStart = mainClauseStart(table, s)
    let inOpening: Entity | undefined
    for (const m of list) {
      if (s === sentence && m.tokens.start >= at) continue
      const e = table.entities[m.entity]!
      if (!compatible(e, gender, byNameUnknown) || !e.name) continue
      // "Asked about Cruz's charges, Rubio said": the subject of the main clause first; a person named only in
      // the opening clause ("Though Ms. Olivieri has …, the influx …") when the main clause names none.
      if (m.tokens.start < clauseStart) { inOpening ??= e; continue }
      return e
    }
    if (inOpening) return inOpening
  }
  // Else the compatible named person seen last before `at`. Sightings are in sentence order, so the search stops
  // at the first sentence before the best one found: it does not grow with the number of people in the article.
  let best: Entity | undefined
  let bestSentence = -1
  for (let k = table.sightings.length - 1; k >= 0; k--) {
    const { entity: e, sentence: s } = table.sightings[k]!
    // Bounded: news names a person again well within SIGHTING_WINDOW sentences of a pronoun for them.
    if (s < bestSentence || sentence - s > SIGHTING_WINDOW) break
    if (compatible(e, gender, byNameUnknown) && e.name && e.lastSeen < at && (!best || e.lastSeen > best.lastSeen)) {
      best = e
      bestSentence = table.doc.sentenceOf[e.lastSeen]!
    }
  }
  return best
}

function compatible (e: Entity, gender: 'male' | 'female', byNameUnknown = false): boolean {
  return e.kind === 'person' && (e.gender === null || e.gender === gender || (byNameUnknown && e.genderByName))
}

export function pluralAntecedent (table: EntityIndex, sentence: number, at: number): Entity | undefined {
  for (let s = sentence; s >= 0 && sentence - s <= 3; s--) {
    const list = table.bySentence.get(s)
    if (!list) continue
    for (const m of list) {
      if (s === sentence && m.tokens.start >= at) continue
      const e = table.entities[m.entity]!
      if (e.kind === 'organization' || e.kind === 'group') return e
    }
  }
  return undefined
}

/** "it said": the organisation named last in this sentence (before "it") or the three before it. */
export function organizationAntecedent (table: EntityIndex, sentence: number, at: number): Entity | undefined {
  for (let s = sentence; s >= 0 && sentence - s <= 3; s--) {
    const list = table.bySentence.get(s)
    if (!list) continue
    for (let k = list.length - 1; k >= 0; k--) {
      const m = list[k]!
      if (s === sentence && m.tokens.start >= at) continue
      const e = table.entities[m.entity]!
      if (e.kind === 'organization') return e
    }
  }
  return undefined
}

/** "X, the chairwoman, who said …": the person or organisation named last before "who" in its sentence. */
export function relativeAntecedent (table: EntityIndex, sentence: number, at: number): Entity | undefined {
  const list = table.bySentence.get(sentence)
  if (!list) return undefined
  for (let k = list.length - 1; k >= 0; k--) {
    const m = list[k]!
    if (m.tokens.start >= at) continue
    const e = table.entities[m.entity]!
    if ((m.kind === 'person' || m.kind === 'organization') && (e.kind === 'person' || e.kind === 'organization')) return e
    // Bounded: only the mentions of one sentence, and only the latest named one counts.
    if (at - m.tokens.end > 40) break
  }
  return undefined
}

/**
 * The person the article gave this role: holders of the role's head word ("the town's fire chief" → a "Fire Chief"),
 * the one whose titles share most of the mention's words first, then the one seen last before the mention, then the
 * first one after it.
 */
export function byRole (table: EntityIndex, m: Mention, at: number): Entity | undefined {
  if (!m.head) return undefined
  const words = table.titleWords.get(table.doc.text.slice(m.start, m.end)).map(expandTitle)
  const head = expandTitle(m.head)
  let best: Entity | undefined
  let bestScore = -1
  for (const e of table.roleHolders.get(head) ?? []) {
    if (e.kind !== 'person' || !e.name) continue
    if (m.gender && (m.gender === 'male' || m.gender === 'female') && e.gender && e.gender !== m.gender) continue
    let score = 0
    // "the town's fire chief" is no "chief executive": the role's head must head one of the titles.
    if (!e.roleHeads.has(head)) continue
    for (const w of words) if (e.roleWords.has(w)) score++
    const better = score > bestScore ||
      (score === bestScore && best !== undefined && (e.lastSeen < at ? (best.lastSeen >= at || e.lastSeen > best.lastSeen) : (best.lastSeen >= at && e.lastSeen < best.lastSeen)))
    if (better) { best = e; bestScore = score }
  }
  return best
}

/**
 * Whether the person a pronoun found may be the one an unnamed role speaker stands for: named by name just before
 * the role ("Lori Bernstein held up a sign. The 57-year-old scientist says …", "When … Trump hadn't answered, the
 * candidate said …"), or between the role and the pronoun.
 */
export function describedBy (table: EntityIndex, e: Entity, speaker: { mention: Mention, sentence: number }, sentence: number, at: number): boolean {
  const named = (s: number, from: number, to: number): boolean =>
    (table.bySentence.get(s) ?? []).some((x) => x.entity === e.id && x.kind === 'person' && x.tokens.start >= from && x.tokens.start < to)
  const role = speaker.mention.tokens.start
  return named(speaker.sentence, 0, role) || namedSubject(table, speaker.sentence - 1) === e ||
    named(speaker.sentence, role + 1, speaker.sentence === sentence ? at : Number.MAX_SAFE_INTEGER) || (speaker.sentence < sentence && named(sentence, 0, at))
}

/** The person a sentence names first in its main clause, by name (not by pronoun or role). */
export function namedSubject (table: EntityIndex, sentence: number, byPronoun = false): Entity | undefined {
  const speaker = table.namedSpeakers.get(sentence)
  if (speaker) return table.final(speaker)
  const list = table.bySentence.get(sentence)
  if (!list || sentence < 0) return undefined
  const clauseStart = mainClauseStart(table, sentence)
  let inOpening: Entity | undefined
  for (const x of list) {
    const e = table.final(table.entities[x.entity]!)
    // "She was sitting in her kitchen … .¶“…,” the swimmer says.": a subject pronoun carries its person on.
    if (byPronoun && x.kind === 'pronoun' && e.kind === 'person' && e.name && x.tokens.start >= clauseStart) return e
    if (x.kind !== 'person' || e.kind !== 'person') {
      // The subject is someone else ("the crew said"): no one named later in the sentence is it.
      if (x.tokens.start >= clauseStart && x.kind !== 'organization') return inOpening
      continue
    }
    if (x.tokens.start < clauseStart) { inOpening ??= e; continue }
    return e
  }
  return inOpening
}

/** "Asked about Cruz's charges, Rubio said …": names in an opening subordinate clause are not the subject. */
export function mainClauseStart (table: EntityIndex, sentence: number): number {
  const { tokens, quoteOf } = table.doc
  const s = table.doc.sentences[sentence]!
  const first = tokens[s.firstToken]!
  // "Appearing before supporters, Suu Kyi said": an opening participle is a subordinate clause too.
  const participle = first.lower.length > 5 && first.lower.endsWith('ing') && !(tokens[s.firstToken + 1]?.capitalized ?? true)
  if (!SUBORDINATORS.has(first.lower) && !participle) return s.firstToken
  for (let i = s.firstToken; i < s.endToken && i < s.firstToken + 30; i++) {
    if (tokens[i]!.text === ',' && quoteOf[i] === -1) return i + 1
  }
  return s.firstToken
}

/** How many sentences back a pronoun looks for the last compatible person seen (see antecedent()). */
const SIGHTING_WINDOW = 40
