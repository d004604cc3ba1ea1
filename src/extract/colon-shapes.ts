// Stage 4b (part): attributions with no verb of saying, where a colon is the cue: "Bush: “The mission is …”",
// "WALLACE: Do you …", a headline's "Poll: Trump Ties Clinton", a transcript line inside an open quotation, and
// "She then addressed the supporters again: “…”".
import { TokenKind, type Doc } from './document.js'
import type { Attribution } from './attribution.js'
import { phraseAfter, phraseBefore } from './phrases.js'
import { SENTENCE_PUNCT, isOpeningMark, followedByVerbish } from './subjects.js'
import { clauseEnd } from './clause-bounds.js'
import { isFirstNameToken } from './first-names.js'
import { onlyPunctuation, quoteSpan, quotesIn, spanOf } from './token-runs.js'
import { isA, WordClass } from './word-classes.js'

/**
 * "Bush: "The mission is …"", "WALLACE: Do you …": a short name, a colon, then what was said. The colon is the cue.
 */
export function colonAttribution (doc: Doc, sIndex: number, lo: number, hi: number): Attribution | null {
  const { tokens, quoteOf } = doc
  const transcript = quotedTranscript(doc, sIndex, lo, hi)
  if (transcript) return transcript
  const roundup = labelledQuotation(doc, sIndex, lo)
  if (roundup) return roundup
  let colon = lo
  // A label is short: a name, perhaps with a title and a party tag ("Rep. Trey Gowdy (R-S.C.):").
  while (colon < Math.min(hi, lo + 12) && tokens[colon]!.text !== ':' && quoteOf[colon] === -1) colon++
  if (colon >= hi - 1 || tokens[colon]!.text !== ':' || colon === lo || quoteOf[colon] !== -1) return null
  const speaker = phraseBefore(doc, colon, lo)
  if (!speaker) return null
  const words = tokens.slice(lo, colon).filter((t) => t.kind === TokenKind.Word)
  if (!words.length) return null
  let from = colon + 1
  const quotes = quotesIn(doc, from, hi)
  const direct = quotes.length === 1 && doc.quotes[quotes[0]!]!.open === from &&
    (doc.quotes[quotes[0]!]!.close === -1 || onlyPunctuation(doc, doc.quotes[quotes[0]!]!.close + 1, hi))
  // "Former secretary of state Hillary Rodham Clinton: “…”": before a whole quotation, a described person's name
  // (a first name, then the surname last) labels the speaker; otherwise every word of a label is capitalised.
  const described = direct && words.length <= 8 && onlyWords(doc, lo, speaker.start) && words[words.length - 1]!.capitalized &&
    words.slice(0, -1).some((t) => t.capitalized && isFirstNameToken(t)) &&
    // No verb in it ("Clinton told Fox News: …" is an attribution of its own); "secretary of state" is a noun.
    !words.some((t, k) => (isA(t, WordClass.CueVerbForm) && words[k - 1]?.lower !== 'of') || isA(t, WordClass.FiniteAuxiliary))
  if (!described && (speaker.start !== lo || !words.every((t) => t.capitalized) || words.length > 6)) return null
  // "Q: …" and "A: …" in interviews, or section labels ("Update:") are not speakers.
  if (words.length === 1 && words[0]!.text.length === 1) return null
  // Section labels ("Update:", "The Latest:", "Paid Notice:") are not speakers either.
  if (NON_SPEAKER_LABELS.has(words[words.length - 1]!.lower)) return null
  // Without quotation marks only transcript style counts: an all-capitals name ("WALLACE:"); or a headline
  // ("Poll: Trump Ties Clinton in Three-Way Contest", "Bill Clinton: Hillary thinks feds require too many tests").
  if (!direct && !words.every((t) => t.text === t.text.toUpperCase()) && !headlineColon(doc, sIndex, colon + 1, hi)) return null
  while (from < hi && tokens[from]!.kind === TokenKind.Punct && quoteOf[from] === -1) from++
  const end = clauseEnd(doc, from, hi, hi)
  if (end <= from) return null
  return {
    sentence: sIndex, cue: { start: colon, end: colon + 1, verb: { object: false, nominal: false }, according: false },
    shape: 'quote-after', speaker, apposition: null,
    spans: direct ? [quoteSpan(doc, quotes[0]!)] : [spanOf(doc, from, end)], quotes, direct, via: null, confidence: 0.7,
  }
}

/** Words only from `from` to `to`: a description before a labelled name ("Former secretary of state"). */
function onlyWords (doc: Doc, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (doc.tokens[i]!.kind !== TokenKind.Word || doc.quoteOf[i] !== -1) return false
  return true
}

const MAX_ROUNDUP_LABEL = 14

/**
 * A roundup of views, one a paragraph: "Meghan Hale, Twitter: “…”", "Ann F. Cole, editor of The Ledger: “…”". A
 * person's name (a first name and a surname, an initial allowed) opens the paragraph, an affiliation may follow after a
 * comma, and after the colon a quotation runs to the paragraph's end. The name speaks; the affiliation is its
 * apposition.
 */
function labelledQuotation (doc: Doc, sIndex: number, lo: number): Attribution | null {
  const { tokens, quoteOf } = doc
  const s = doc.sentences[sIndex]!
  const p = doc.paragraphs[s.paragraph]!
  if (s.firstToken !== p.firstToken || lo !== s.firstToken) return null
  // The name: a first name, an optional initial, a capitalised surname.
  const first = tokens[lo]
  if (!first || first.kind !== TokenKind.Word || !first.capitalized || !isFirstNameToken(first) || quoteOf[lo] !== -1) return null
  let nameEnd = lo + 1
  if (tokens[nameEnd]?.text.length === 1 && tokens[nameEnd]!.capitalized && tokens[nameEnd + 1]?.text === '.') nameEnd += 2
  const surname = tokens[nameEnd]
  if (!surname || surname.kind !== TokenKind.Word || !surname.capitalized || quoteOf[nameEnd] !== -1) return null
  nameEnd++
  let colon = nameEnd
  if (tokens[colon]?.text === ',') {
    colon++
    while (colon < p.endToken && colon - lo <= MAX_ROUNDUP_LABEL && tokens[colon]!.text !== ':') {
      const t = tokens[colon]!
      if (quoteOf[colon] !== -1 || t.text === ',' || t.text === ';' || SENTENCE_PUNCT.has(t.text) && !(t.text === '.' && tokens[colon - 1]!.capitalized)) return null
      colon++
    }
    if (colon === nameEnd + 1) return null
  }
  if (tokens[colon]?.text !== ':' || quoteOf[colon] !== -1 || !isOpeningMark(doc, colon + 1)) return null
  const q = quoteOf[colon + 1]!
  const quote = doc.quotes[q]!
  // The quotation is the rest of the paragraph (left open at its end, or closed with nothing but punctuation after).
  if (quote.close !== -1 && !onlyPunctuation(doc, quote.close + 1, p.endToken)) return null
  return {
    sentence: sIndex, cue: { start: colon, end: colon + 1, verb: { object: false, nominal: false }, according: false },
    shape: 'quote-after', speaker: { start: lo, end: nameEnd },
    apposition: colon > nameEnd + 1 ? { start: nameEnd + 1, end: colon } : null,
    spans: [quoteSpan(doc, q)], quotes: [q], direct: true, via: null, confidence: 0.75,
  }
}

/** A headline after "NAME:": the sentence is a whole short paragraph, the article's first or in title case. */
function headlineColon (doc: Doc, sIndex: number, from: number, hi: number): boolean {
  const s = doc.sentences[sIndex]!
  const p = doc.paragraphs[s.paragraph]!
  if (s.firstToken !== p.firstToken || s.endToken !== p.endToken || hi - from > 30 || hi - from < 3) return false
  if (s.paragraph === 0) return true
  let words = 0
  let capitals = 0
  for (let i = from; i < hi; i++) {
    const t = doc.tokens[i]!
    if (t.kind !== TokenKind.Word || t.text.length < 4) continue
    words++
    if (t.capitalized) capitals++
  }
  return words >= 2 && capitals / words >= 0.7
}

/**
 * A transcript line inside a quotation left open to the paragraph's end: "WALLACE: Let's start with …
 */
function quotedTranscript (doc: Doc, sIndex: number, lo: number, hi: number): Attribution | null {
  const { tokens } = doc
  if (!isOpeningMark(doc, lo)) return null
  const q = doc.quoteOf[lo]!
  if (doc.quotes[q]!.close !== -1) return null
  let colon = lo + 1
  while (colon < Math.min(hi, lo + 5) && tokens[colon]!.kind === TokenKind.Word && tokens[colon]!.text.length > 1 &&
    tokens[colon]!.text === tokens[colon]!.text.toUpperCase() && /\p{Lu}/u.test(tokens[colon]!.text)) colon++
  if (colon === lo + 1 || colon >= hi - 1 || tokens[colon]!.text !== ':') return null
  if (colon === lo + 2 && NON_SPEAKER_LABELS.has(tokens[lo + 1]!.lower)) return null
  let from = colon + 1
  while (from < hi && tokens[from]!.kind === TokenKind.Punct && tokens[from]!.kind !== TokenKind.QuoteMark) from++
  let end = hi
  while (end > from && SENTENCE_PUNCT.has(tokens[end - 1]!.text)) end--
  if (end <= from) return null
  return {
    sentence: sIndex, cue: { start: colon, end: colon + 1, verb: { object: false, nominal: false }, according: false },
    shape: 'quote-after', speaker: { start: lo + 1, end: colon }, apposition: null,
    spans: [spanOf(doc, from, end)], quotes: [q], direct: true, via: null, confidence: 0.7,
  }
}

/**
 * "She then addressed the supporters again: “…”": a sentence whose subject does something and then, after a
 * colon, a quotation runs to the sentence's end. The subject speaks it.
 */
export function subjectColonQuote (doc: Doc, sIndex: number, lo: number, hi: number): Attribution | null {
  const { tokens, quoteOf } = doc
  let colon = -1
  for (let i = lo; i < hi; i++) {
    if (quoteOf[i] !== -1) break
    if (tokens[i]!.text === ':') { colon = i; break }
  }
  if (colon < 0 || !isOpeningMark(doc, colon + 1)) return null
  const q = doc.quoteOf[colon + 1]!
  if (doc.quotes[q]!.close !== -1 && !onlyPunctuation(doc, doc.quotes[q]!.close + 1, hi)) return null
  let start = lo
  while (start < colon && tokens[start]!.kind === TokenKind.Punct) start++
  if (/^(as|and|but|so|then)$/.test(tokens[start]!.lower)) start++
  // "In a Fox interview later that day, Trump went even further: “…”": an opening phrase of time or place, to its comma.
  if (/^(in|at|on|during|after|before|later|earlier)$/.test(tokens[start]!.lower)) {
    let comma = start + 1
    while (comma < colon && comma - start <= 12 && tokens[comma]!.text !== ',') comma++
    if (comma < colon && tokens[comma]!.text === ',') start = comma + 1
  }
  const speaker = phraseAfter(doc, start, colon)
  if (!speaker || !followedByVerbish(tokens, speaker.end)) return null
  return {
    sentence: sIndex, cue: { start: colon, end: colon + 1, verb: { object: false, nominal: false }, according: false },
    shape: 'quote-after', speaker, apposition: null, spans: [quoteSpan(doc, q)], quotes: [q], direct: true, via: null, confidence: 0.6,
  }
}

const NON_SPEAKER_LABELS = new Set(['latest', 'notice', 'email', 'contact', 'caption', 'credit', 'tags', 'topics', 'update', 'updates', 'note', 'editor', 'correction', 'related', 'source', 'sources', 'photo', 'video', 'watch', 'read', 'listen', 'abstract', 'full', 'text', 'warning', 'breaking', 'exclusive', 'analysis', 'opinion', 'q', 'a', 'live', 'factbox', 'explainer', 'timeline', 'recap', 'transcript', 'picture', 'pictured',
  // Credit lines and exclamations: "Contributing: Ann Cole", "BYLINE: …", "LOOK: …", "BOOM: …".
  'contributing', 'contributors', 'contributor', 'byline', 'reporting', 'photos', 'look', 'boom', 'wow'])
