// Record shapes of the corpus (gold), the prediction files and the pronoun-resolution annotations,
// and the scores and per-document details the scorer returns. See /work/shared/corpus/README.md.

/** A [start, end) span of UTF-16 code unit offsets. */
export type Span = [number, number]

export interface GoldQuote {
  content?: string
  content_start: number
  content_end: number
  /** Several spans when the quote is interrupted by its attribution. */
  content_fragments?: Span[] | null
  /** The mention as written ("he") in the corpus; the resolved name where `speaker_mention` is present (seed article). */
  speaker?: string | null
  speaker_mention?: string | null
  speaker_start?: number | null
  speaker_end?: number | null
  cue?: string | null
  type?: string
  /** Not a speech quote: neither credited nor penalised. */
  optional?: boolean
}

export interface GoldSpeaker {
  name: string
  aliases?: string[]
}

export interface GoldRecord {
  id: string | number
  text?: string
  quotes: GoldQuote[]
  speakers?: GoldSpeaker[]
}

export interface PredictedSpeaker {
  name?: string | null
  mention?: string | null
  start?: number | null
  end?: number | null
}

export interface PredictedQuote {
  start: number
  end: number
  fragments?: Span[] | null
  type?: string
  speaker?: PredictedSpeaker | null
}

export interface PredictionRecord {
  id: string | number
  quotes: PredictedQuote[]
}

/** A quote whose speaker is a pronoun, annotated with the person meant. */
export interface ResolveRecord {
  id: string | number
  content_start: number
  content_end: number
  speaker_start?: number
  speaker_end?: number
  referent?: string | null
  /** false for unnamed groups, which are not scored. */
  named?: boolean
  evidence?: string
}

export interface CountScores {
  tp: number
  precision: number
  recall: number
  f1: number
}

/** Same shape and field names as the JSON of /work/shared/eval/score.mjs. */
export interface Scores {
  documents: number
  missing_documents: number
  quote: CountScores & { fp: number, fn: number }
  quote_exact: CountScores
  quote_any_overlap_recall: number
  speaker_accuracy: number
  end_to_end: CountScores
  pronoun_resolution?: PronounScores
  /** "found/gold" per gold quote type, in order of first appearance. */
  recall_by_type: Record<string, string>
}

export interface PronounScores {
  items: number
  quotes_found: number
  accuracy_on_found: number
  accuracy: number
}

/** What happened to one gold quote. */
export interface GoldQuoteOutcome {
  gold: number
  optional: boolean
  /** Index (into the document's valid predictions) of the matched prediction, or null. */
  prediction: number | null
  /** Overlap ratio of the match, or of the best overlapping prediction when unmatched (0 if none). */
  overlap: number
  /** Index of the best overlapping prediction when unmatched (below half), or null. */
  nearest: number | null
  exact: boolean
  /** null when not judged: unmatched, optional, or no annotated speaker. */
  speaker_right: boolean | null
}

/** What happened to one prediction that matched no gold quote. */
export type UnmatchedStatus = 'false_positive' | 'on_optional' | 'piece_of_matched'

export interface UnmatchedPrediction {
  prediction: number
  status: UnmatchedStatus
}

export interface DocumentDetails {
  id: string
  /** false when the prediction file has no record for this document. */
  predicted: boolean
  /** The predictions scored: those with integer offsets and end > start, in their original order. */
  predictions: PredictedQuote[]
  gold: GoldQuoteOutcome[]
  unmatched: UnmatchedPrediction[]
}

export interface PronounOutcome {
  item: ResolveRecord
  /** The prediction best covering the quote (at least half), or null. */
  prediction: PredictedQuote | null
  right: boolean
}

export interface ScoreResult {
  scores: Scores
  documents: DocumentDetails[]
  /** Present when resolve records were given: one entry per scored (named) item. */
  pronouns?: PronounOutcome[]
}
