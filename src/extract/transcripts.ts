// Stage 4c: transcripts. Interviews and hearings printed as "NAME: answer" or "Q: …" / "A: …" paragraphs: each
// labelled paragraph is one quote of its label's speaker, whole (all its sentences), and none of its sentences is
// mined for attributions of its own. A question labelled "Q" has no named speaker; an answer labelled "A" is the
// person the introduction names, when it names one.
import { TokenKind, type Doc } from './document.js'
import type { Attribution } from './attribution.js'
import type { Range } from './phrases.js'
import { isFirstNameToken } from './first-names.js'
import { isA, WordClass } from './word-classes.js'

const MAX_LABEL = 4
const SENTENCE_PUNCT = new Set(['.', '!', '?', '…', '...'])

/** For each paragraph, the token of the colon after its speaker label, or -1; cached per document. */
const labelsOf = new WeakMap<Doc, Int32Array | null>()

function labelColon (doc: Doc, p: number): number {
  const { firstToken, endToken } = doc.paragraphs[p]!
  // "Q. What went wrong?" / "A. My chain slipped.": the label's full stop stands for the colon.
  if (QA_LABELS.has(doc.tokens[firstToken]?.text ?? '') && doc.tokens[firstToken + 1]?.text === '.' && firstToken + 2 < endToken &&
    doc.ends[firstToken] === doc.starts[firstToken + 1] && !isInitial(doc, firstToken + 2)) return firstToken + 1
  for (let i = firstToken; i < endToken && i - firstToken <= MAX_LABEL; i++) {
    const t = doc.tokens[i]!
    if (t.text === ':') return i > firstToken && i + 1 < endToken && doc.quoteOf[i] === -1 ? i : -1
    if (t.kind !== TokenKind.Word || !t.capitalized || doc.quoteOf[i] !== -1) {
      if (!(t.text === '.' && i === firstToken + 1)) return -1 // "Q.:" is rare, "Q." then ":" is not a label
    }
  }
  return -1
}

const QA_LABELS = new Set(['Q', 'A'])

/** "J." of "A. J. Hale": a capital letter and a full stop. */
function isInitial (doc: Doc, i: number): boolean {
  const t = doc.tokens[i]
  return t !== undefined && t.text.length === 1 && t.capitalized && doc.tokens[i + 1]?.text === '.'
}

/** The "Q" or "A" of a question or answer paragraph, or null. */
function qaLabel (doc: Doc, p: number, colon: number): string | null {
  const first = doc.paragraphs[p]!.firstToken
  return colon === first + 1 && QA_LABELS.has(doc.tokens[first]!.text) ? doc.tokens[first]!.text : null
}

const isQA = (doc: Doc, p: number, colon: number): boolean => qaLabel(doc, p, colon) !== null

/**
 * The labels of a document in transcript style: at least two labelled paragraphs, a "Q" and an "A" among them or a
 * label that comes back. A lone "Poll: …" headline is no transcript, nor is a paragraph opening with an initial ("A. J.
 * Hale said …") when no question is labelled.
 */
function transcriptLabels (doc: Doc): Int32Array | null {
  if (labelsOf.has(doc)) return labelsOf.get(doc)!
  const labels = new Int32Array(doc.paragraphs.length).fill(-1)
  const seen = new Set<string>()
  let count = 0
  let transcript = false
  doc.paragraphs.forEach((para, p) => {
    if (para.furniture) return
    const colon = labelColon(doc, p)
    if (colon < 0) return
    labels[p] = colon
    count++
    const label = doc.text.slice(para.start, doc.starts[colon]!)
    // A label with a full stop for its colon counts only beside its counterpart: "A." alone may be an initial.
    if ((seen.has(label) && doc.tokens[colon]!.text === ':') || (isQA(doc, p, colon) && seen.has(label === 'Q' ? 'A' : 'Q'))) transcript = true
    seen.add(label)
  })
  const result = transcript && count >= 2 ? labels : null
  labelsOf.set(doc, result)
  return result
}

/** For each document in Q&A style, the person its introduction names (the one answering), or null. */
const intervieweeOf = new WeakMap<Doc, Range | null>()

/**
 * "Maya Chen spoke to the Gazette after the race.¶Q. …¶A. …": the one person (a first name and a surname) named in
 * the paragraphs before the first question, who gives the answers. Null when the introduction names none or several.
 */
function interviewee (doc: Doc, labels: Int32Array): Range | null {
  if (intervieweeOf.has(doc)) return intervieweeOf.get(doc)!
  let found: Range | null = null
  let name = ''
  let several = false
  for (let p = 0; p < doc.paragraphs.length && labels[p] === -1 && !several; p++) {
    const { firstToken, endToken, furniture } = doc.paragraphs[p]!
    if (furniture) continue
    for (let i = firstToken; i < endToken - 1; i++) {
      const t = doc.tokens[i]!
      const next = doc.tokens[i + 1]!
      if (doc.quoteOf[i] !== -1 || t.kind !== TokenKind.Word || !t.capitalized || !isFirstNameToken(t) || isA(t, WordClass.NonNameCapital)) continue
      if (next.kind !== TokenKind.Word || !next.capitalized || doc.quoteOf[i + 1] !== -1) continue
      const mention = doc.text.slice(doc.starts[i]!, doc.ends[i + 1]!)
      if (found && mention !== name) { several = true; break }
      if (!found) { found = { start: i, end: i + 2 }; name = mention }
      i++
    }
  }
  const result = several ? null : found
  intervieweeOf.set(doc, result)
  return result
}

/** The label's words, the interviewee for an "A" answer, none for a "Q" question. */
function speakerOf (doc: Doc, labels: Int32Array, p: number, colon: number): Range | null {
  const qa = qaLabel(doc, p, colon)
  if (qa === 'Q') return null
  if (qa === 'A') return interviewee(doc, labels)
  return { start: doc.paragraphs[p]!.firstToken, end: colon }
}

/**
 * The transcript line that sentence `sIndex` opens (the quote of the whole paragraph), 'inside' for a later sentence
 * of such a paragraph, or null when the sentence is no part of a transcript.
 */
export function transcriptLine (doc: Doc, sIndex: number): Attribution | 'inside' | null {
  const labels = transcriptLabels(doc)
  if (!labels) return null
  const s = doc.sentences[sIndex]!
  const colon = labels[s.paragraph]!
  if (colon < 0) return null
  const p = doc.paragraphs[s.paragraph]!
  if (s.firstToken !== p.firstToken) return 'inside'
  let from = colon + 1
  let end = p.endToken
  while (end > from && SENTENCE_PUNCT.has(doc.tokens[end - 1]!.text) && doc.quoteOf[end - 1] === -1) end--
  const q = doc.quoteOf[from]!
  // "NAME: “…”": the quotation is the content.
  const direct = q !== -1 && doc.quotes[q]!.open === from && (doc.quotes[q]!.close === -1 || doc.quotes[q]!.close >= end - 1)
  if (end <= from) return null
  const quotes: number[] = []
  for (let i = from; i < end; i++) if (doc.quoteOf[i] !== -1 && quotes[quotes.length - 1] !== doc.quoteOf[i]) quotes.push(doc.quoteOf[i]!)
  const span: [number, number] = direct ? [doc.quotes[q]!.contentStart, doc.quotes[q]!.contentEnd] : [doc.starts[from]!, doc.ends[end - 1]!]
  if (direct) from = doc.quotes[q]!.open
  return {
    sentence: sIndex, cue: { start: colon, end: colon + 1, verb: { object: false, nominal: false }, according: false },
    shape: 'transcript', speaker: speakerOf(doc, labels, s.paragraph, colon), apposition: null,
    spans: [span], quotes, direct, via: null, confidence: 0.7,
  }
}
