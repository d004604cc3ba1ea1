// The invariant every stored quote must keep, whatever extractor made it.

export interface QuoteSpan {
  text: string
  start: number
  end: number
  fragments: Array<[number, number]> | null
}

/** The quote text as the source text gives it: the span itself, or its fragments joined with " … ". */
export function sliceQuote (source: string, quote: QuoteSpan): string {
  if (quote.fragments === null) return source.slice(quote.start, quote.end)
  return quote.fragments.map(([start, end]) => source.slice(start, end)).join(' … ')
}
