// Stage 4b: attribution patterns. For each cue, finds who speaks (a noun phrase before or after it) and what is
// said (an adjacent quotation, or the clause the cue introduces), in the patterns of news prose:
//   "Q," X said.  /  "Q," said X.  /  X said: "Q"  /  X said (that) CLAUSE  /  CLAUSE, X said.
//   according to X, CLAUSE  /  CLAUSE, according to X.  /  "Q1," X said, "Q2."  /  X, the Y of Z, said …
//   X's claim that CLAUSE  /  his promise to VERB …
// This file is the per-sentence driver: transcript lines and nominal frames first, then the cues with their speakers
// (cue-speakers.ts) and the shapes around each verb (verb-shapes.ts), "according to" (according.ts), or, with no
// cue, a colon (colon-shapes.ts); and possessive frames (possessive-frames.ts) beside them. Where content starts and
// ends is in content-start.ts and clause-bounds.ts.
import { TokenKind, type Doc, type Sentence } from './document.js'
import type { Cue, FrameWords } from './cues.js'
import { findCues } from './cues.js'
import type { Range } from './phrases.js'
import { transcriptLine } from './transcripts.js'
import { nominalFrame } from './frames.js'
import { SENTENCE_PUNCT } from './subjects.js'
import { cueSpeakers } from './cue-speakers.js'
import { verbAttribution } from './verb-shapes.js'
import { attributeAccording } from './according.js'
import { colonAttribution, subjectColonQuote } from './colon-shapes.js'
import { possessiveFrames } from './possessive-frames.js'

export type Shape = 'quote-before' | 'quote-after' | 'clause-after' | 'clause-before' | 'according' | 'asked' | 'transcript'

export interface Attribution {
  sentence: number
  cue: Cue
  shape: Shape
  /** The words that name the speaker (without an apposition). */
  speaker: Range | null
  /** An apposition or relative clause after the speaker's name: "the US special envoy to the Middle East". */
  apposition: Range | null
  /** Content as character spans; several when a quote is interrupted or continued. */
  spans: Array<[number, number]>
  /** Quotations (indices into doc.quotes) the content is made of or contains. */
  quotes: number[]
  /** Whether the content is entirely quoted. */
  direct: boolean
  /** "according to X" alongside another cue: the second-hand source. */
  via: Range | null
  confidence: number
}

// One record for every sentence (extraction is synchronous): most sentences hold no noun of speech.
const FRAME_WORDS: FrameWords = { frameNouns: [], nominalWords: [] }

/** The attributions of sentence `sIndex`: whole transcript lines and frames, or one for each cue that finds its content. */
export function attributeSentence (doc: Doc, sIndex: number): Attribution[] {
  const s: Sentence = doc.sentences[sIndex]!
  const lo = s.firstToken
  const hi = s.endToken
  const line = transcriptLine(doc, sIndex)
  if (line) return line === 'inside' ? [] : [line]
  const frameWords = FRAME_WORDS
  frameWords.frameNouns.length = 0
  frameWords.nominalWords.length = 0
  const cues = findCues(doc, lo, hi, frameWords)
  const frame = nominalFrame(doc, sIndex, lo, hi, frameWords.nominalWords)
  if (frame) return [frame]
  const { frameNouns } = frameWords
  if (cues.length === 0) {
    const colon = colonAttribution(doc, sIndex, lo, hi) ?? subjectColonQuote(doc, sIndex, lo, hi)
    return colon ? [colon] : possessiveFrames(doc, sIndex, frameNouns, lo, hi, [])
  }
  const out: Attribution[] = []
  const according = cues.filter((c) => c.according)
  const { subjects, byCue, embedded, nextSubjects } = cueSpeakers(doc, cues, lo, hi)

  cues.forEach((cue, k) => {
    if (cue.according || byCue[k] || embedded[k]) return
    const attribution = verbAttribution(doc, sIndex, cue, subjects[k] ?? null, nextSubjects[k] ?? null, lo, hi)
    if (attribution) out.push(attribution)
  })

  // according to X
  attributeAccording(doc, sIndex, according, lo, hi, out)
  if (frameNouns.length) out.push(...possessiveFrames(doc, sIndex, frameNouns, lo, hi, out))
  return isHeadline(doc, s) ? out.filter((a) => a.quotes.length > 0) : out
}

/** A title-case paragraph of one sentence without a final stop: a headline, where unquoted "X Says Y" is no quote. */
function isHeadline (doc: Doc, s: Sentence): boolean {
  const p = doc.paragraphs[s.paragraph]!
  if (s.firstToken !== p.firstToken || s.endToken !== p.endToken || SENTENCE_PUNCT.has(doc.tokens[s.endToken - 1]!.text)) return false
  let words = 0
  let capitals = 0
  for (let i = s.firstToken; i < s.endToken; i++) {
    const t = doc.tokens[i]!
    if (t.kind !== TokenKind.Word || t.text.length < 4) continue
    words++
    if (t.capitalized) capitals++
  }
  return words >= 3 && capitals / words >= 0.7
}
