// Noun phrases around a verb of saying, found by shape rather than by a tagger: capitalised names with their
// titles ("U.S. special envoy Steve Witkoff"), descriptions ("the prime minister’s office"), pronouns, and the
// appositions that follow a name ("Steve Witkoff, the US special envoy to the Middle East, told …").
import { TokenKind, type Doc, type Token } from './document.js'
import { FINITE_AUXILIARIES } from './lexicon.js'
import { isA, WordClass } from './word-classes.js'

const NAME_SUFFIXES = new Set(['inc', 'corp', 'co', 'ltd', 'plc', 'llc', 'jr', 'sr', 'bros', 'cos', 'lp', 'llp'])

const STANDALONE = new Set(['one', 'another', 'others', 'some', 'many', 'several', 'both'])

export interface Range { start: number, end: number } // token indices [start, end)

const MAX_PHRASE = 12
const MAX_MODIFIERS = 4

export const isNounish = (t: Token): boolean =>
  isA(t, WordClass.RoleNoun | WordClass.GroupNoun | WordClass.OrgHead | WordClass.Title)

const isPossessive = (t: Token): boolean => t.lower === '’s' || t.lower === "'s"

/** A full stop that belongs to the word before it: "Mr.", "D.", "Sen.". */
function isAttachedStop (doc: Pick<Doc, 'tokens' | 'starts' | 'ends'>, i: number): boolean {
  const { tokens } = doc
  const prev = tokens[i - 1]
  const next = tokens[i + 1]
  // Only mid-phrase: a stop followed by a capitalised word ("Sen. Kwan"), never a sentence's final stop ("… Ann Lee.").
  return tokens[i]!.text === '.' && prev !== undefined && doc.ends[i - 1] === doc.starts[i] && prev.kind === TokenKind.Word &&
    (prev.text.length <= 4 && (prev.capitalized || isA(prev, WordClass.Title))) && next !== undefined &&
    // "Mr. de Vos": a name particle before a capitalised word starts a name too.
    (next.capitalized || (isA(next, WordClass.NameParticle) && tokens[i + 2]?.capitalized === true))
}

/**
 * The noun phrase that ends just before token `end` (exclusive), reading backwards no further than `lo`.
 * Returns null when the words there cannot name a speaker.
 */
export function phraseBefore (doc: Pick<Doc, 'tokens' | 'quoteOf' | 'starts' | 'ends'>, phraseEnd: number, lo: number): Range | null {
  let end = phraseEnd
  const { tokens, quoteOf } = doc
  let i = end - 1
  let modifiers = 0
  let head: Token | null = null
  for (; i >= lo && end - i <= MAX_PHRASE; i--) {
    const t = tokens[i]!
    if (quoteOf[i] !== -1) break
    // A parenthetical tag after the name, "(R-Wis.)", "(D-N.Y.)": step over it.
    if (t.text === ')' && head === null) {
      let j = i - 1
      while (j > lo && i - j <= 8 && tokens[j]!.text !== '(') j--
      if (tokens[j]?.text === '(' && j > lo) { i = j; end = j; continue }
      return null
    }
    if (t.kind === TokenKind.Word) {
      if (head === null) {
        if (isA(t, WordClass.PersonalPronoun) || t.lower === 'who') return { start: i, end }
        // "“…,” one said." / "another added": a determiner standing for an unnamed person.
        if (STANDALONE.has(t.lower) && (i === lo || !isA(tokens[i - 1], WordClass.Determiner))) return { start: i, end }
        if (!t.capitalized && !isNounish(t)) return null
        head = t
        continue
      }
      if (isA(t, WordClass.Determiner)) { i--; break }
      // "voters who backed Trump": a relative pronoun ends the phrase, which lies inside the clause.
      if (isA(t, WordClass.NpStopper | WordClass.CueVerbForm | WordClass.PersonalPronoun) || t.text === 'who') break
      if ((t.lower === 'of' || t.lower === 'for') && !(tokens[i - 1] && (isNounish(tokens[i - 1]!) || tokens[i - 1]!.capitalized))) break
      if (t.capitalized || isNounish(t) || t.lower === 'of' || t.lower === 'for') continue
      if (++modifiers > MAX_MODIFIERS || t.lower.endsWith('ly')) break
      continue
    }
    // "the 43-year-old": a number as the head of a described person.
    if (head === null && t.kind === TokenKind.Number && i > lo && isA(tokens[i - 1], WordClass.Determiner)) { head = t; continue }
    // "Kestrel Foods Inc. said": the stop of a company or generational suffix ends the name, not a sentence.
    if (head === null && t.text === '.' && i - 1 >= lo && doc.ends[i - 1] === doc.starts[i] && NAME_SUFFIXES.has(tokens[i - 1]!.lower)) continue
    if (head === null) return null
    if (isPossessive(t) || isAttachedStop(doc, i) || t.kind === TokenKind.Number) continue
    if ((t.text === '-' || t.text === '&') && tokens[i - 1]?.kind === TokenKind.Word) continue
    break
  }
  return trimPhrase(tokens, { start: i + 1, end })
}

/** Documents named by an -ing noun, which speak as reports do: "The filing said …", "the ruling says". */
const DOCUMENT_ING_NOUNS = new Set(['filing', 'ruling', 'briefing', 'posting', 'listing', 'finding', 'warning', 'recording', 'ranking', 'reading'])

const QUANTIFIERS = new Set(['percent', 'in', 'of', 'out'])
const QUANTITY_MODIFIERS = new Set(['about', 'nearly', 'almost', 'roughly', 'some', 'only', 'just', 'more', 'fewer', 'less', 'than',
  'over', 'under', 'around', 'barely', 'exactly', 'slightly', 'well'])
/** Shares of a group polled or asked, which speak for it: "half", "a third", "most", "a majority". */
const FRACTIONS = new Set(['half', 'third', 'thirds', 'quarter', 'quarters', 'fifth', 'fifths', 'majority', 'majorities', 'most',
  'plurality', 'minority'])
const NUMBER_WORDS = /^(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)(-[a-z]+)?$/

const DEMONSTRATIVES = new Set(['this', 'that', 'these', 'those'])

/**
 * A described subject with a common noun for its head, found where phraseBefore finds no name or title: "the
 * billionaire real estate magnate", "that person", "regulators", "about 4 in 10", "58 percent of voters". It must open
 * with a determiner or a number, or be a plural noun at the start of a clause.
 */
export function describedBefore (doc: Pick<Doc, 'tokens' | 'quoteOf' | 'starts' | 'ends'>, end: number, lo: number): Range | null {
  const { tokens, quoteOf } = doc
  const head = tokens[end - 1]
  if (!head || end - 1 < lo || quoteOf[end - 1] !== -1) return null
  const isNumber = (t: Token): boolean => t.kind === TokenKind.Number || NUMBER_WORDS.test(t.lower)
  // After a determiner or number, a verb's form is a noun: "the planning", "five states", "the report".
  const nounSlot = tokens[end - 2] !== undefined && end - 2 >= lo && quoteOf[end - 2] === -1 &&
    (isA(tokens[end - 2], WordClass.Determiner) || isNumber(tokens[end - 2]!))
  const headOk = (head.kind === TokenKind.Word && !head.capitalized && head.lower.length > 2 &&
    (!/(ly|ed|ing)$/.test(head.lower) || isA(head, WordClass.LyNoun) || DOCUMENT_ING_NOUNS.has(head.lower) || (nounSlot && head.lower.endsWith('ing'))) &&
    !isA(head, WordClass.NpStopper) && (!isA(head, WordClass.CueVerbForm) || nounSlot) && !isA(head, WordClass.Determiner)) ||
    (isNumber(head) && tokens[end - 2]?.lower === 'in')
  if (!headOk) return null
  // Take in a number's modifiers: "about 4 in 10", "nearly 60 percent", "nearly half".
  const withModifiers = (i: number): Range => {
    let start = i
    while (start > lo && QUANTITY_MODIFIERS.has(tokens[start - 1]!.lower)) start--
    return { start, end }
  }
  const fraction = FRACTIONS.has(head.lower)
  for (let i = end - 2; i >= lo && end - i <= 9; i--) {
    const t = tokens[i]!
    if (quoteOf[i] !== -1) return null
    if (isA(t, WordClass.Determiner) || isNumber(t)) return withModifiers(i)
    // "That person said …", "These residents say …": a demonstrative opening the clause is a determiner; elsewhere
    // "that" may join a clause ("officials said that person …").
    if (DEMONSTRATIVES.has(t.lower) && (i === lo || /^(and|but|so|yet|then|later)$/.test(tokens[i - 1]!.lower))) return { start: i, end }
    // "Nearly half said", "roughly a third say": a share of the people polled speaks for them.
    if (fraction && i === end - 2 && QUANTITY_MODIFIERS.has(t.lower)) return withModifiers(i)
    if (t.kind === TokenKind.Word && (isA(t, WordClass.NpStopper) && !QUANTIFIERS.has(t.lower))) break
    // "some state lobbyists", "the report authors": a verb's base form between a determiner and the noun is a noun.
    if (t.kind === TokenKind.Word && isA(t, WordClass.CueVerbForm) && i === end - 2 && i > lo && (isA(tokens[i - 1], WordClass.Determiner) || isNumber(tokens[i - 1]!)) &&
      !/(ed|ing|s)$/.test(t.lower)) continue
    if (t.kind === TokenKind.Word && (isA(t, WordClass.CueVerbForm | WordClass.PersonalPronoun) || /(ly)$/.test(t.lower))) return null
    if (t.kind === TokenKind.Punct && !isPossessive(t) && t.text !== '-') break
  }
  // No determiner: a bare plural noun ("regulators say", "security specialists say") or share ("Half said") opening
  // its clause.
  if (!(head.lower.endsWith('s') && !head.lower.endsWith('ss')) && !fraction) return null
  let start = end - 1
  // Modifiers before the noun, capitalised ones too: "security specialists", "Trump fans", "Republican voters".
  while (start > lo && end - start < 3 && tokens[start - 1]!.kind === TokenKind.Word && quoteOf[start - 1] === -1 &&
    !isA(tokens[start - 1], WordClass.NpStopper | WordClass.CueVerbForm) && !/(ly)$/.test(tokens[start - 1]!.lower)) start--
  const before = tokens[start - 1]
  if (start === lo || (before && (before.text === ',' || /^(and|but|while|as|because|though|although|whereas|so)$/.test(before.lower)))) return { start, end }
  return null
}

/** The noun phrase starting at token `start`, reading forwards no further than `hi` (exclusive). */
export function phraseAfter (doc: Pick<Doc, 'tokens' | 'quoteOf' | 'starts' | 'ends'>, start: number, hi: number): Range | null {
  const { tokens, quoteOf } = doc
  let i = start
  let named = false
  for (; i < hi && i - start < MAX_PHRASE; i++) {
    const t = tokens[i]!
    if (quoteOf[i] !== -1) break
    if (t.kind === TokenKind.Word) {
      if (i === start && isA(t, WordClass.PersonalPronoun)) return { start, end: start + 1 }
      if (i === start && STANDALONE.has(t.lower) && (tokens[i + 1]?.kind !== TokenKind.Word)) return { start, end: start + 1 }
      if (isA(t, WordClass.NpStopper) && !(t.lower === 'of' || t.lower === 'for')) break
      if (isA(t, WordClass.CueVerbForm) && i > start && !t.capitalized) break
      if ((t.lower === 'of' || t.lower === 'for') && !named) break
      if (t.capitalized) { if (!isA(t, WordClass.NonNameCapital | WordClass.TimeWord)) named = true; continue }
      if (isNounish(t)) { named = true; continue }
      if (isA(t, WordClass.Determiner) && i === start) continue
      if (i > start && !t.lower.endsWith('ly')) continue
      // "political scientist Jane Doe": lower-case modifiers first, when a title or name follows soon.
      if (i === start && !t.lower.endsWith('ly') && nounSoon(tokens, i + 1, hi)) continue
      break
    }
    if (isPossessive(t) || isAttachedStop(doc, i) || t.kind === TokenKind.Number) continue
    if ((t.text === '-' || t.text === '&') && tokens[i + 1]?.kind === TokenKind.Word) continue
    break
  }
  if (!named) return null
  // Trailing "of"/"for" without their object, or modifiers after the head, are not part of the name.
  let end = i
  // "Carson took the stage Tuesday at …": a day or month after the words is no part of the name either.
  while (end > start && (!(tokens[end - 1]!.capitalized || isNounish(tokens[end - 1]!) || tokens[end - 1]!.text === '.') ||
    (end - 1 > start && isA(tokens[end - 1], WordClass.TimeWord)))) end--
  // "Speaking at a rally, …": a participle opening the sentence is no name.
  // ("Boreing said", "King told" are names: the participle is followed by its preposition or object.)
  if (end - start === 1 && /[a-z]ing$/.test(tokens[start]!.lower) && !isNounish(tokens[start]!) &&
    (/^(at|on|in|to|with|from|before|after|for|about|during|the|a|an|his|her|their|its|this|that|earlier|later)$/.test(tokens[start + 1]?.lower ?? '') ||
      isA(tokens[start + 1], WordClass.TimeWord))) return null
  return trimPhrase(tokens, { start, end })
}

function nounSoon (tokens: Token[], from: number, hi: number): boolean {
  for (let j = from; j < Math.min(hi, from + 3); j++) {
    const t = tokens[j]!
    if (t.kind !== TokenKind.Word || isA(t, WordClass.NpStopper)) return false
    if (isNounish(t) || (t.capitalized && !isA(t, WordClass.NonNameCapital))) return true
  }
  return false
}

/** Months and modals that are surnames too: "Theresa May", "Yin Myint May". */
const SURNAME_WORDS = new Set(['may', 'march', 'april', 'june', 'august', 'will', 'still', 'long'])

/** Drops sentence openers and time words from the front: "But Trump", "Thursday Smith". */
function trimPhrase (tokens: Token[], r: Range): Range | null {
  let { start } = r
  while (start < r.end) {
    const t = tokens[start]!
    if (t.kind === TokenKind.Word && isA(t, WordClass.NonNameCapital | WordClass.TimeWord) && !isA(t, WordClass.Determiner) &&
      !(t.lower === 'mr' || t.lower === 'mrs' || t.lower === 'ms' || t.lower === 'dr')) { start++; continue }
    if (t.kind === TokenKind.Punct) { start++; continue }
    break
  }
  if (start >= r.end) return null
  const last = tokens[r.end - 1]!
  // "Theresa May", "Yin Myint May": such a word after a name word is a surname, not "May" the month.
  const before = r.end - 2 >= start ? tokens[r.end - 2]! : null
  const nameBefore = before !== null && before.kind === TokenKind.Word && before.capitalized && !isA(before, WordClass.NonNameCapital) &&
    !isA(before, WordClass.TimeWord | WordClass.Title)
  if (last.kind === TokenKind.Word && isA(last, WordClass.NonNameCapital) && !isA(last, WordClass.PersonalPronoun) && !(nameBefore && SURNAME_WORDS.has(last.lower))) return null
  return { start, end: r.end }
}

/** A "who" or "whose" within the first six words of `start` to `end`. */
function relativeSoon (tokens: Token[], start: number, end: number): boolean {
  for (let i = start + 1; i < end && i - start <= 6; i++) if (tokens[i]!.lower === 'who' || tokens[i]!.lower === 'whose') return true
  return false
}

/** Whether the words from `start` to `end` read as an apposition or relative clause after a name. */
export function isAppositive (tokens: Token[], start: number, end: number): boolean {
  const first = tokens[start]
  if (!first) return false
  // A relative clause may run long: "Hadwin, who notched two top-10 finishes … while recovering from an injury, said".
  if (first.lower === 'who' || first.lower === 'whose' || first.lower === 'which') return end - start <= 40
  // "a top operative who played a major role in … and is now running …": a described person with a relative clause
  // may run as long as a relative clause alone.
  if (end - start > 20 && !(isA(first, WordClass.Determiner) && relativeSoon(tokens, start, end) && end - start <= 40)) return false
  // "…, the race will be tight, said Dan Cole": a finite auxiliary before any relative pronoun makes a clause, not an
  // apposition ("a teacher who has taught here for years" is one).
  for (let i = start; i < end; i++) {
    const w = tokens[i]!.lower
    if (w === 'who' || w === 'which' || w === 'that' || w === 'whose') break
    if (FINITE_AUXILIARIES.has(w)) return false
  }
  if (isA(first, WordClass.Determiner | WordClass.Title | WordClass.RoleNoun)) return true
  if (first.kind === TokenKind.Number) return true // "21, …" ages
  // "then 38", "now 81 and retired", "citing …", "Pyongyang’s only ally"
  if ((first.lower === 'then' || first.lower === 'now') && tokens[start + 1]?.kind === TokenKind.Number) return true
  if (first.capitalized && tokens[start + 1] && isPossessive(tokens[start + 1]!)) return true
  // "R-N.H.", "D-Calif.": party and state tags.
  if (/^[RDI]-/.test(first.text)) return true
  if (first.capitalized && end - start <= 8) {
    for (let i = start; i < end; i++) if (isNounish(tokens[i]!) && !tokens[i]!.capitalized) return true
    if (isA(first, WordClass.Title)) return true
  }
  // "…, noting the size of his following, said": a participle's phrase.
  return !first.capitalized && first.kind === TokenKind.Word && !isA(first, WordClass.NpStopper) &&
    (!isA(first, WordClass.CueVerbForm) || first.lower.endsWith('ing'))
}
