// Stage 4c: transcripts. Interviews and hearings printed as "NAME: answer" or "Q: …" / "A: …" paragraphs: each
// labelled paragraph is one quote of its label's speaker, whole (all its sentences), and none of its sentences is
// mined for attributions of its own. Questions and answers labelled only "Q" and "A" have no named speaker.
import { TokenKind, type Doc } from './document.js'
import type { Attribution } from './attribution.js'

const MAX_LABEL = 4
const SENTENCE_PUNCT = new Set(['.', '!', '?', '…', '...'])

/** For each paragraph, the token of the colon after its speaker label, or -1; cached per document. */
const labelsOf = new WeakMap<Doc, Int32Array | null>()

function labelColon (doc: Doc, p: number): number {
  const { firstToken, endToken } = doc.paragraphs[p]!
  for (let i = firstToken; i < endToken && i - firstToken <= MAX_LABEL; i++) {
    const t = doc.tokens[i]!
    if (t.text === ':') return i > firstToken && i + 1 < endToken && doc.quoteOf[i] === -1 ? i : -1
    if (t.kind !== TokenKind.Word || !t.capitalized || doc.quoteOf[i] !== -1) {
      if (!(t.text === '.' && i === firstToken + 1)) return -1 // "Q.:" is rare, "Q." then ":" is not a label
    }
  }
  return -1
}

function isQA (doc: Doc, p: number, colon: number): boolean {
  const first = doc.paragraphs[p]!.firstToken
  return colon === first + 1 && (doc.tokens[first]!.text === 'Q' || doc.tokens[first]!.text === 'A')
}

/**
 * The labels of a document in transcript style: at least two labelled paragraphs, one of them "Q"/"A" or a label
 * that comes back. A lone "Poll: …" headline is no transcript.
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
    if (isQA(doc, p, colon) || seen.has(label)) transcript = true
    seen.add(label)
  })
  const result = transcript && count >= 2 ? labels : null
  labelsOf.set(doc, result)
  return result
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
    shape: 'transcript', speaker: isQA(doc, s.paragraph, colon) ? null : { start: p.firstToken, end: colon }, apposition: null,
    spans: [span], quotes, direct, via: null, confidence: 0.7,
  }
}
