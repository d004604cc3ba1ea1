// Stage 4b (part): a noun of speech owned by its speaker carries what was said, with no verb of saying:
//   "Trump's claim that there have been “thousands of shootings” …"  /  "his warning that Britain would …"
//   "her promise to cut taxes"  /  "the mayor's insistence that the pool reopen"
// The owner speaks; the that-clause or the infinitive is the content. These add to the sentence's other attributions,
// outside their content ("Hale said Trump's claim that … was false" reports only Hale).
import { TokenKind, type Doc } from './document.js'
import type { Attribution } from './attribution.js'
import { phraseBefore, type Range } from './phrases.js'
import { clauseEnd } from './clause-bounds.js'
import { isPossessiveToken, quotesIn, spanOf } from './token-runs.js'
import { isA, WordClass } from './word-classes.js'

/** Nouns of speech (FRAME_NOUNS) whose infinitive is what was said: "her promise to cut taxes", not "his warning to voters". */
const INFINITIVE_NOUNS = new Set(['claim', 'promise', 'promises', 'pledge', 'vow', 'vows', 'threat', 'threats'])
/** Possessive determiners that stand for a speaker named before. */
const POSSESSIVE_DETERMINERS = new Set(['his', 'her', 'their', 'its'])
/** Adjectives that may stand between the owner and the noun: "Trump's repeated claim that …". */
const NOUN_MODIFIERS = new Set(['repeated', 'earlier', 'recent', 'latest', 'false', 'dubious', 'frequent', 'oft-repeated', 'initial',
  'stark', 'dire', 'public', 'new', 'previous', 'unfounded', 'baseless', 'famous', 'infamous'])

const MAX_POSSESSIVE_FRAMES = 8

/**
 * The possessive frames of the sentence from `lo` to `hi` around the nouns of speech at `nouns` (token indices, found by
 * the cue stage), each outside the content of `taken`.
 */
export function possessiveFrames (doc: Doc, sIndex: number, nouns: readonly number[], lo: number, hi: number, taken: Attribution[]): Attribution[] {
  const { tokens, quoteOf } = doc
  const out: Attribution[] = []
  // Bounded per sentence, tried as well as found: each try reads a clause and the sentence's other attributions.
  let tried = 0
  for (let n = 0; n < nouns.length && tried < MAX_POSSESSIVE_FRAMES; n++) {
    const i = nouns[n]!
    if (i <= lo || i >= hi - 2) continue
    const t = tokens[i]!
    let owner = i - 1
    if (NOUN_MODIFIERS.has(tokens[owner]!.lower) && quoteOf[owner] === -1) owner--
    if (owner < lo || quoteOf[owner] !== -1) continue
    const speaker = ownerOf(doc, owner, lo)
    // Only as an object ("seized on Trump's claim that …", "particularly his warning that …"): as the sentence's subject
    // ("Her vow to cut taxes won applause") the noun phrase ends where its verb starts, which only a parser could find.
    if (!speaker || speaker.start === lo || !objectPosition(doc, speaker.start - 1)) continue
    const next = tokens[i + 1]!
    if (quoteOf[i + 1] !== -1) continue
    const from = i + 1
    if (next.lower === 'that') {
      // "his claim that …" opens a clause; "the claim that he made" is a relative clause about the claim.
      const after = tokens[i + 2]
      if (!after || (after.kind === TokenKind.Word && /^(he|she|they|we|i)$/.test(after.lower) && /^(made|makes|repeated|offered|issued)$/.test(tokens[i + 3]?.lower ?? ''))) continue
    } else if (!(next.lower === 'to' && INFINITIVE_NOUNS.has(t.lower) && infinitive(doc, i + 2))) continue
    tried++
    const end = clauseEnd(doc, from, hi, hi)
    if (end - from < 3) continue
    const [start, stop] = spanOf(doc, from, end)
    if (taken.some((a) => a.spans.some(([s, e]) => s < stop && start < e))) continue
    out.push({
      sentence: sIndex, cue: { start: i, end: i + 1, verb: { object: false, nominal: true }, according: false }, shape: 'clause-after',
      speaker, apposition: null, spans: [[start, stop]], quotes: quotesIn(doc, from, end), direct: false, via: null, confidence: 0.6,
    })
  }
  return out
}

/** The owner before the noun, ending at token `i`: "his", "her", or a name or noun phrase with its "’s". */
function ownerOf (doc: Doc, i: number, lo: number): Range | null {
  const t = doc.tokens[i]!
  if (POSSESSIVE_DETERMINERS.has(t.lower)) return { start: i, end: i + 1 }
  if (!isPossessiveToken(t) || i - 1 < lo) return null
  const phrase = phraseBefore(doc, i, lo)
  if (!phrase) return null
  // A name or a pronoun owns it; "the bill's claim" is a thing's.
  const last = doc.tokens[phrase.end - 1]!
  if (!last.capitalized && !isA(last, WordClass.PersonalPronoun)) return null
  return { start: phrase.start, end: i }
}

/** A word before the owner that makes the frame an object: a preposition, a verb or an adverb, not a comma or a conjunction. */
function objectPosition (doc: Doc, i: number): boolean {
  const t = doc.tokens[i]!
  return t.kind === TokenKind.Word && doc.quoteOf[i] === -1 && !/^(and|but|or|so|yet|because|while|although|though|as)$/.test(t.lower) && !t.capitalized
}

/** A verb's base form at `i` after "to": "to cut", not "to voters" or "to the board". */
function infinitive (doc: Doc, i: number): boolean {
  const t = doc.tokens[i]
  return t !== undefined && t.kind === TokenKind.Word && !t.capitalized && !isA(t, WordClass.Determiner) && doc.quoteOf[i] === -1 &&
    !/^(him|her|them|us|me|it|this|that|these|those|voters|reporters)$/.test(t.lower) && !(t.lower.endsWith('s') && !t.lower.endsWith('ss'))
}
