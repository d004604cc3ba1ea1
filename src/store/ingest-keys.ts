// What storing an article computes from its text and quotes alone: the text's content hash (the same text ingested
// twice is stored once) and each quote's words key (the same words by the same speaker in several articles fold into
// one, `distinct`). Both are SHA-256 digests. The thread that extracts an article computes them with it (prepare jobs,
// src/services/extractor-job.ts), so that the single writer thread, which is what limits ingestion, does not; the
// store computes them itself for an article that comes without them.
import { createHash } from 'node:crypto'
import type { Extraction } from '../extract/types.js'
import { textKey } from '../identity/names.js'

export interface IngestKeys {
  /** contentHash() of the article's text. */
  contentHash: string
  /** textKey() of each quote's text, in the extraction's order. */
  textKeys: string[]
}

export function contentHash (text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex')
}

export function ingestKeys (text: string, extraction: Extraction): IngestKeys {
  return { contentHash: contentHash(text), textKeys: extraction.quotes.map((quote) => textKey(quote.text)) }
}

/** Keys given with an article, if they are of its extraction (one words key a quote); else undefined. */
export function fittingKeys (keys: IngestKeys | undefined, extraction: Extraction): IngestKeys | undefined {
  return keys !== undefined && keys.textKeys.length === extraction.quotes.length ? keys : undefined
}
