// Turns the scorer's per-document details into a flat list of errors, one kind at a time, for study.
import type { GoldQuote, GoldRecord, PredictedQuote, PronounOutcome, ResolveRecord, ScoreResult } from './types.js'
import { goldSpans, overlapRatio, predictionSpans } from './spans.js'

export const ERROR_KINDS = ['fn', 'fp', 'speaker', 'exact', 'pronoun'] as const
export type ErrorKind = typeof ERROR_KINDS[number]

export const ERROR_KIND_LABELS: Record<ErrorKind, string> = {
  fn: 'missed gold quotes (false negatives)',
  fp: 'false positives',
  speaker: 'matched quotes with the wrong speaker',
  exact: 'matched quotes with inexact bounds',
  pronoun: 'pronoun speakers not resolved to the referent',
}

export interface QuoteError {
  kind: ErrorKind
  documentId: string
  text: string
  /** Index of the gold quote in its record, when the error concerns one. */
  goldIndex: number | null
  gold: GoldQuote | null
  prediction: PredictedQuote | null
  /** Overlap ratio between gold and prediction when both are present. */
  overlap: number
  /** The annotated pronoun item, for `pronoun` errors. */
  pronoun: ResolveRecord | null
}

export function collectErrors (
  result: ScoreResult, gold: readonly GoldRecord[], kind: ErrorKind,
): QuoteError[] {
  if (kind === 'pronoun') return pronounErrors(result.pronouns ?? [], gold)
  const errors: QuoteError[] = []
  result.documents.forEach((doc, di) => {
    const record = gold[di]!
    const base = { documentId: doc.id, text: record.text ?? '', pronoun: null }
    if (kind === 'fp') {
      for (const u of doc.unmatched) {
        if (u.status !== 'false_positive') continue
        const prediction = doc.predictions[u.prediction]!
        const nearest = nearestGold(record.quotes, prediction)
        errors.push({ ...base, kind, prediction, goldIndex: nearest?.index ?? null, gold: nearest?.quote ?? null, overlap: nearest?.ratio ?? 0 })
      }
      return
    }
    for (const o of doc.gold) {
      if (o.optional) continue
      const isError = kind === 'fn' ? o.prediction === null
        : kind === 'speaker' ? o.speaker_right === false
          : o.prediction !== null && !o.exact
      if (!isError) continue
      const shown = o.prediction ?? o.nearest
      errors.push({
        ...base, kind, goldIndex: o.gold, gold: record.quotes[o.gold]!,
        prediction: shown === null ? null : doc.predictions[shown]!, overlap: o.overlap,
      })
    }
  })
  return errors
}

/** The gold quote (optional ones included) a false positive overlaps most, to see what it was near. */
function nearestGold (quotes: readonly GoldQuote[], prediction: PredictedQuote): { index: number, quote: GoldQuote, ratio: number } | null {
  let best: { index: number, quote: GoldQuote, ratio: number } | null = null
  quotes.forEach((quote, index) => {
    const ratio = overlapRatio(goldSpans(quote), predictionSpans(prediction))
    if (ratio > 0 && (!best || ratio > best.ratio)) best = { index, quote, ratio }
  })
  return best
}

function pronounErrors (outcomes: readonly PronounOutcome[], gold: readonly GoldRecord[]): QuoteError[] {
  const texts = new Map(gold.map((r) => [String(r.id), r.text ?? '']))
  return outcomes.filter((o) => !o.right).map((o) => ({
    kind: 'pronoun' as const,
    documentId: String(o.item.id),
    text: texts.get(String(o.item.id)) ?? '',
    goldIndex: null,
    gold: null,
    prediction: o.prediction,
    overlap: o.prediction
      ? overlapRatio([[o.item.content_start, o.item.content_end]], predictionSpans(o.prediction))
      : 0,
    pronoun: o.item,
  }))
}

/** The group an error is counted in: the gold quote's type (a false positive's predicted type; for pronouns, why). */
export function errorGroup (e: QuoteError): string {
  if (e.kind === 'pronoun') return e.prediction ? 'wrong name' : 'no quote found'
  return (e.kind === 'fp' ? e.prediction?.type : e.gold?.type) ?? 'unknown'
}

/** How many errors fall in each group, largest first. */
export function countByGroup (errors: readonly QuoteError[]): Array<[string, number]> {
  const counts = new Map<string, number>()
  for (const e of errors) {
    const group = errorGroup(e)
    counts.set(group, (counts.get(group) ?? 0) + 1)
  }
  return [...counts].sort((a, b) => b[1] - a[1])
}

/** `limit` errors spread evenly over the list, so a sample is not all from the first documents. */
export function spreadSample<T> (items: readonly T[], limit: number): T[] {
  if (limit <= 0 || items.length <= limit) return [...items]
  return Array.from({ length: limit }, (_, i) => items[Math.floor((i * items.length) / limit)]!)
}
