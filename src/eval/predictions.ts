// The prediction record the scorer reads, made from the extractor's result.
import type { Extraction, ExtractedQuote } from '../extract/types.js'
import type { PredictedQuote, PredictionRecord } from './types.js'

export function toPredictedQuote (quote: ExtractedQuote): PredictedQuote {
  const speaker = quote.speaker
  return {
    start: quote.start,
    end: quote.end,
    ...(quote.fragments && quote.fragments.length > 0 ? { fragments: quote.fragments.map(([s, e]) => [s, e]) } : {}),
    type: quote.type,
    speaker: speaker ? { name: speaker.name, mention: speaker.mention, start: speaker.start, end: speaker.end } : null,
  }
}

export function toPredictionRecord (id: string | number, extraction: Extraction): PredictionRecord {
  return { id, quotes: extraction.quotes.map(toPredictedQuote) }
}
