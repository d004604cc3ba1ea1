// Stage 4d: nominal frames of attribution, where a noun of speech or a description of the speaker's manner carries
// the quotation instead of a verb of saying:
//   "…," was the verdict of one fan.  /  The reply from the ministry was blunt: "…"  /  Hale's response was: "…"
//   Asks Hale: "…"  /  …, asks Hale, "…"  /  …, the chief executive was blunt: "…"
import { TokenKind, type Doc } from './document.js'
import type { Attribution } from './attribution.js'
import { phraseAfter, phraseBefore, type Range } from './phrases.js'
import { clauseEnd } from './clause-bounds.js'
import { quotesIn, spanOf } from './token-runs.js'
import { INVERTED_CUES, NOMINAL_SPEECH_NOUNS } from './lexicon.js'

const MANNER_ADJECTIVES = new Set(['blunt', 'emphatic', 'clear', 'firm', 'direct', 'adamant', 'defiant', 'succinct', 'brief', 'candid',
  'frank', 'simple', 'short', 'unequivocal', 'categorical', 'unrepentant', 'unapologetic', 'philosophical', 'upbeat'])
const SPEECH_NOUNS = NOMINAL_SPEECH_NOUNS
const INVERTED = INVERTED_CUES

const isWord = (doc: Doc, i: number): boolean => doc.tokens[i]?.kind === TokenKind.Word && doc.quoteOf[i] === -1

/** The quotation that opens at token i, when it runs to the sentence's end (closing punctuation aside). */
function quoteToEnd (doc: Doc, i: number, hi: number): number {
  const q = doc.quoteOf[i]
  if (q === undefined || q === -1 || doc.quotes[q]!.open !== i) return -1
  const close = doc.quotes[q]!.close
  if (close === -1) return q
  for (let j = close + 1; j < hi; j++) if (doc.tokens[j]!.kind !== TokenKind.Punct || doc.quoteOf[j] !== -1) return -1
  return q
}

/** A short noun phrase after `from` up to punctuation: a name, or a description ("one fan", "a neighbour"). */
function speakerAfter (doc: Doc, from: number, hi: number): Range | null {
  const named = phraseAfter(doc, from, hi)
  if (named) return named
  let end = from
  while (end < hi && end - from < 6 && isWord(doc, end)) end++
  return end > from + 1 || (end === from + 1 && doc.tokens[from]!.capitalized) ? { start: from, end } : null
}

function attribution (sentence: number, cue: number, speaker: Range, q: number, doc: Doc): Attribution {
  const span = doc.quotes[q]!
  return {
    sentence, cue: { start: cue, end: cue + 1, verb: { object: false, nominal: false }, according: false }, shape: 'quote-after',
    speaker, apposition: null, spans: [[span.contentStart, span.contentEnd]], quotes: [q], direct: true, via: null, confidence: 0.75,
  }
}

/**
 * "Hale's response was that the pool would reopen.": a that-clause after the noun of speech and "was" is what was
 * said, in reported speech.
 */
function reportedAfterWas (doc: Doc, sentence: number, cue: number, speaker: Range, i: number, hi: number): Attribution | null {
  if (!/^(was|is)$/.test(doc.tokens[i]?.lower ?? '') || doc.tokens[i + 1]?.lower !== 'that' || !isWord(doc, i + 2)) return null
  const from = i + 1
  const end = clauseEnd(doc, from, hi, hi)
  if (end - from < 3) return null
  const quotes = quotesIn(doc, from, end)
  return {
    sentence, cue: { start: cue, end: cue + 1, verb: { object: false, nominal: false }, according: false }, shape: 'clause-after',
    speaker, apposition: null, spans: [spanOf(doc, from, end)], quotes, direct: false, via: null, confidence: 0.7,
  }
}

/** "NOUN (was) ADJ? :? “…”": the colon (or "was") before a quotation that runs to the end; returns its token or -1. */
function introducedQuote (doc: Doc, i: number, hi: number): { at: number, q: number } | null {
  let j = i
  if (doc.tokens[j]?.lower !== 'was' && doc.tokens[j]?.lower !== 'is') return null
  j++
  if (MANNER_ADJECTIVES.has(doc.tokens[j]?.lower ?? '')) j++
  if (doc.tokens[j]?.text === ':' || doc.tokens[j]?.text === ',') j++
  const q = quoteToEnd(doc, j, hi)
  return q === -1 ? null : { at: i, q }
}

/**
 * The nominal frame of the sentence from `lo` to `hi`, if any. `frameWords` are the indices, in order, of its words
 * outside quotations that may carry one (a verb of INVERTED_CUES, a noun of NOMINAL_SPEECH_NOUNS, "was"), which the
 * cue stage collects (findCues): the scan below looks at those alone.
 */
export function nominalFrame (doc: Doc, sIndex: number, lo: number, hi: number, frameWords: readonly number[]): Attribution | null {
  const { tokens } = doc
  const first = tokens[lo]
  if (!first) return null
  // "“…,” was the verdict of one fan."
  if (doc.quoteOf[lo] !== -1 && doc.quotes[doc.quoteOf[lo]!]!.open === lo) {
    const q = doc.quoteOf[lo]!
    const close = doc.quotes[q]!.close
    let i = close + 1
    while (i < hi && tokens[i]!.kind === TokenKind.Punct && doc.quoteOf[i] === -1) i++
    if (close > 0 && /^(was|is)$/.test(tokens[i]?.lower ?? '') && /^(the|his|her|their|its)$/.test(tokens[i + 1]?.lower ?? '') &&
      SPEECH_NOUNS.has(tokens[i + 2]?.lower ?? '') && /^(of|from)$/.test(tokens[i + 3]?.lower ?? '')) {
      const speaker = speakerAfter(doc, i + 4, hi)
      if (speaker) return attribution(sIndex, i + 2, speaker, q, doc)
    }
    return null
  }
  // "Asks Hale: “…”", "Says Ann Lee, “…”", "Said Ann Lee, who grew up here, “…”"
  if ((INVERTED.has(first.lower) || first.lower === 'said') && first.capitalized) {
    const speaker = phraseAfter(doc, lo + 1, hi)
    if (speaker && (tokens[speaker.end]?.text === ':' || tokens[speaker.end]?.text === ',')) {
      let q = quoteToEnd(doc, speaker.end + 1, hi)
      // A relative clause about the speaker may stand between the name and the quotation.
      if (q === -1 && tokens[speaker.end]!.text === ',' && /^(who|whose)$/.test(tokens[speaker.end + 1]?.lower ?? '')) {
        for (let c = speaker.end + 2; c < hi && c - speaker.end <= 30 && doc.quoteOf[c] === -1; c++) {
          if (tokens[c]!.text === ',') { q = quoteToEnd(doc, c + 1, hi); break }
        }
      }
      if (q !== -1) return attribution(sIndex, lo, speaker, q, doc)
    }
    return null
  }
  // Within 31 words of the start, and before any quotation.
  let stop = Math.min(hi, lo + 31)
  for (let i = lo; i < stop; i++) if (doc.quoteOf[i] !== -1) stop = i
  for (const i of frameWords) {
    if (i >= stop) break
    const t = tokens[i]!
    // "And now, asks Tom Ray, “who is checking …?”": an inverted cue set off by commas introduces the quotation after.
    if (INVERTED.has(t.lower) && i > lo && tokens[i - 1]!.text === ',') {
      const speaker = phraseAfter(doc, i + 1, hi)
      const q = speaker && (tokens[speaker.end]?.text === ':' || tokens[speaker.end]?.text === ',') ? quoteToEnd(doc, speaker.end + 1, hi) : -1
      if (speaker && q !== -1) return attribution(sIndex, i, speaker, q, doc)
    }
    if (SPEECH_NOUNS.has(t.lower) && /^(from|of)$/.test(tokens[i + 1]?.lower ?? '') && i > lo && /^(the|a)$/.test(tokens[i - 1]!.lower)) {
      const speaker = phraseAfter(doc, i + 2, hi)
      const intro = speaker ? introducedQuote(doc, speaker.end, hi) : null
      if (speaker && intro) return attribution(sIndex, i, speaker, intro.q, doc)
      const reported = speaker ? reportedAfterWas(doc, sIndex, i, speaker, speaker.end, hi) : null
      if (reported) return reported
    }
    // "Hale’s response was: “…”"
    if (SPEECH_NOUNS.has(t.lower) && i > lo && (tokens[i - 1]!.text === '’s' || tokens[i - 1]!.text === "'s")) {
      const speaker = phraseBefore(doc, i - 1, lo)
      const intro = speaker ? introducedQuote(doc, i + 1, hi) : null
      if (speaker && intro) return attribution(sIndex, i, speaker, intro.q, doc)
      const reported = speaker ? reportedAfterWas(doc, sIndex, i, speaker, i + 1, hi) : null
      if (reported) return reported
    }
    // "…, the chief executive was blunt: “…”"
    if (t.lower === 'was' && MANNER_ADJECTIVES.has(tokens[i + 1]?.lower ?? '') && tokens[i + 2]?.text === ':' && i > lo) {
      const q = quoteToEnd(doc, i + 3, hi)
      const speaker = q === -1 ? null : phraseBefore(doc, i, lo)
      if (speaker) return attribution(sIndex, i + 1, speaker, q, doc)
    }
  }
  return null
}
