// Readable listing of scoring errors: one block per error with the spans, speakers and marked text around them.
import { ERROR_KIND_LABELS, countByGroup, spreadSample } from './error-analysis.js'
import type { ErrorKind, QuoteError } from './error-analysis.js'
import { MENTION_MARK, QUOTE_MARK, markedSnippet } from './snippet.js'
import type { Mark } from './snippet.js'
import { goldSpans, predictionSpans } from './spans.js'
import type { GoldQuote, PredictedQuote, Span } from './types.js'

export interface ReportOptions {
  /** Errors shown per kind; 0 shows all. */
  limit: number
  /** Characters of text shown on each side of the quote. */
  context: number
  /** Spread the shown errors over the whole list instead of taking the first ones. */
  sample: boolean
}

export function formatErrorSection (kind: ErrorKind, errors: readonly QuoteError[], options: ReportOptions): string {
  const shown = options.sample ? spreadSample(errors, options.limit) : errors.slice(0, options.limit || undefined)
  const groups = countByGroup(errors).map(([type, n]) => `${type} ${n}`).join(', ')
  const lines = [
    `== ${kind}: ${errors.length} ${ERROR_KIND_LABELS[kind]}${groups ? ` (${groups})` : ''}` +
      `${shown.length < errors.length ? `, showing ${shown.length}` : ''} ==`,
  ]
  for (const error of shown) lines.push(formatError(error, options.context), '')
  return lines.join('\n')
}

export function formatError (error: QuoteError, context: number): string {
  const lines = [headerLine(error)]
  if (error.kind === 'pronoun') {
    lines.push(...pronounLines(error, context))
    return lines.join('\n')
  }
  if (error.gold) lines.push(`  gold: ${describeGold(error.gold)}`)
  if (error.prediction) lines.push(`  pred: ${describePrediction(error.prediction)}`)
  if (error.gold && error.kind !== 'fp') lines.push(`  gold› ${goldSnippet(error.text, error.gold, context)}`)
  if (error.prediction) lines.push(`  pred› ${predictionSnippet(error.text, error.prediction, context)}`)
  if (error.gold && error.kind === 'fp') lines.push(`  near› ${goldSnippet(error.text, error.gold, context)}`)
  return lines.join('\n')
}

function headerLine (error: QuoteError): string {
  const where = error.goldIndex !== null ? ` gold #${error.goldIndex}` : ''
  const relation = error.kind === 'fn'
    ? (error.prediction ? `nearest prediction overlaps ${error.overlap.toFixed(2)}` : 'no prediction overlaps')
    : error.kind === 'fp'
      ? (error.gold ? `overlaps ${error.gold.optional ? 'optional ' : ''}gold by ${error.overlap.toFixed(2)}` : 'overlaps no gold quote')
      : error.prediction ? `overlap ${error.overlap.toFixed(2)}` : 'no prediction covers it'
  return `[${error.kind}] ${error.documentId}${where} — ${relation}`
}

function spanText (spans: readonly Span[]): string {
  return spans.map(([s, e]) => `${s}–${e}`).join(' + ')
}

function describeGold (quote: GoldQuote): string {
  const mention = quote.speaker_mention !== undefined ? ` as "${quote.speaker_mention ?? ''}"` : ''
  const at = Number.isInteger(quote.speaker_start) ? ` @${quote.speaker_start}–${quote.speaker_end}` : ''
  const speaker = quote.speaker || Number.isInteger(quote.speaker_start) ? `"${quote.speaker ?? ''}"${mention}${at}` : 'none'
  const flags = [quote.type ?? 'unknown', ...(quote.optional ? ['optional'] : []), ...(quote.cue ? [`cue "${quote.cue}"`] : [])]
  return `${spanText(goldSpans(quote))} ${flags.join(', ')}; speaker ${speaker}`
}

function describePrediction (quote: PredictedQuote): string {
  const s = quote.speaker
  const speaker = s
    ? `"${s.name ?? ''}"${s.mention ? ` as "${s.mention}"` : ''}${Number.isInteger(s.start) ? ` @${s.start}–${s.end}` : ''}`
    : 'none'
  return `${spanText(predictionSpans(quote))} ${quote.type ?? 'unknown'}; speaker ${speaker}`
}

function quoteMarks (spans: readonly Span[]): Mark[] {
  return spans.map((span) => ({ span, ...QUOTE_MARK }))
}

function mentionMark (start: number | null | undefined, end: number | null | undefined): Mark[] {
  return Number.isInteger(start) && Number.isInteger(end) ? [{ span: [start!, end!], ...MENTION_MARK }] : []
}

function goldSnippet (text: string, quote: GoldQuote, context: number): string {
  const spans = goldSpans(quote)
  return markedSnippet(text, spans, [...quoteMarks(spans), ...mentionMark(quote.speaker_start, quote.speaker_end)], context)
}

function predictionSnippet (text: string, quote: PredictedQuote, context: number): string {
  const spans = predictionSpans(quote)
  return markedSnippet(text, spans, [...quoteMarks(spans), ...mentionMark(quote.speaker?.start, quote.speaker?.end)], context)
}

function pronounLines (error: QuoteError, context: number): string[] {
  const item = error.pronoun!
  const content: Span[] = [[item.content_start, item.content_end]]
  const marks = [...quoteMarks(content), ...mentionMark(item.speaker_start, item.speaker_end)]
  const pronoun = Number.isInteger(item.speaker_start) ? error.text.slice(item.speaker_start, item.speaker_end) : '?'
  return [
    `  gold: ${spanText(content)}; "${pronoun}" means "${item.referent ?? ''}"${item.evidence ? ` (evidence: "${item.evidence}")` : ''}`,
    `  pred: ${error.prediction ? describePrediction(error.prediction) : 'none'}`,
    `  gold› ${markedSnippet(error.text, content, marks, context)}`,
  ]
}
