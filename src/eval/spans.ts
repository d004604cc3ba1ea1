// Span arithmetic shared by the scorer: sizes, overlaps and the "exact bounds" comparison.
import type { GoldQuote, PredictedQuote, Span } from './types.js'

export function overlap (a0: number, a1: number, b0: number, b1: number): number {
  return Math.max(0, Math.min(a1, b1) - Math.max(a0, b0))
}

export function spansSize (spans: readonly Span[]): number {
  return spans.reduce((n, [a, b]) => n + Math.max(0, b - a), 0)
}

/** Characters shared by two span lists (each list's spans are assumed disjoint). */
export function spansOverlap (x: readonly Span[], y: readonly Span[]): number {
  let shared = 0
  for (const [a0, a1] of x) for (const [b0, b1] of y) shared += overlap(a0, a1, b0, b1)
  return shared
}

/** Overlap as a share of the longer of the two span lists. */
export function overlapRatio (x: readonly Span[], y: readonly Span[]): number {
  const longer = Math.max(spansSize(x), spansSize(y))
  return longer > 0 ? spansOverlap(x, y) / longer : 0
}

export function goldSpans (quote: GoldQuote): Span[] {
  const fragments = quote.content_fragments
  return Array.isArray(fragments) && fragments.length > 0 ? fragments : [[quote.content_start, quote.content_end]]
}

export function predictionSpans (quote: PredictedQuote): Span[] {
  const fragments = quote.fragments
  return Array.isArray(fragments) && fragments.length > 0 ? fragments : [[quote.start, quote.end]]
}

// Whether a quote's offsets include its quotation marks (or closing punctuation) must not matter.
const TRIMMABLE = `\\s"'“”‘’«»„.,;:!?…—–-`
const LEADING = new RegExp(`^[${TRIMMABLE}]+`, 'u')
const TRAILING = new RegExp(`[${TRIMMABLE}]+$`, 'u')

/** The outer bounds of the spans with quotation marks, punctuation and spaces trimmed off both ends. */
export function trimmedBounds (text: string, spans: readonly Span[]): Span {
  const start = Math.min(...spans.map((s) => s[0]))
  const end = Math.max(...spans.map((s) => s[1]))
  const raw = text.slice(start, end)
  const afterLead = raw.replace(LEADING, '')
  const core = afterLead.replace(TRAILING, '')
  const lead = raw.length - afterLead.length
  return [start + lead, start + lead + core.length]
}

export function sameTrimmedBounds (text: string | undefined, x: readonly Span[], y: readonly Span[]): boolean {
  if (typeof text !== 'string') return false
  const [a0, a1] = trimmedBounds(text, x)
  const [b0, b1] = trimmedBounds(text, y)
  return a0 === b0 && a1 === b1
}
