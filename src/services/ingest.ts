// The one path from an article to stored quotes, shared by the API, seeding and the CLI. The extractor is loaded
// when first used: the server's routes import this module, and its thread extracts nothing (workers do).
import { EXTRACTOR_VERSION } from '../extract/version.js'
import type { Extraction } from '../extract/types.js'
import type { ArticleInput, DataStore, IngestResult } from '../store/index.js'

/** How a caller has a text extracted: in its own thread (extractHere) or on the server's worker pool. */
export type ExtractText = (text: string) => Promise<Extraction>

/** Extracts in the calling thread, loading the extractor the first time. */
export async function extractHere (text: string): Promise<Extraction> {
  const { extract } = await import('../extract/index.js')
  return extract(text)
}

/** Stores an article with its extraction, made by `extractText` (the server passes its worker pool's). */
export async function ingestArticle (
  store: DataStore, article: ArticleInput, extractText: ExtractText = extractHere,
): Promise<IngestResult> {
  return await store.ingest(article, await extractText(article.text))
}

export interface ReextractResult {
  source_id: number
  extractor_version: string
  /** False when the source was already extracted by the current version and `force` was not set. */
  reextracted: boolean
  quote_count: number
}

/** Extracts a stored article again with the current extractor; undefined when there is no such source. */
export async function reextractSource (store: DataStore, sourceId: number, force = false): Promise<ReextractResult | undefined> {
  const source = await store.sources.get(sourceId)
  if (!source) return undefined
  if (source.extractor_version === EXTRACTOR_VERSION && !force) {
    return { source_id: sourceId, extractor_version: EXTRACTOR_VERSION, reextracted: false, quote_count: source.quote_count }
  }
  const extraction = await extractHere(source.text)
  await store.articles.reextract(sourceId, extraction)
  return { source_id: sourceId, extractor_version: EXTRACTOR_VERSION, reextracted: true, quote_count: extraction.quotes.length }
}

/**
 * reextractSource with the extraction done elsewhere (the server's worker pool), so that the calling thread stays
 * free meanwhile. The text is read again after the wait: if the source was replaced meanwhile, its new text is
 * extracted, so that stored offsets always index into the text stored.
 */
export async function reextractSourceWith (
  store: DataStore, sourceId: number, force: boolean, extractText: ExtractText,
): Promise<ReextractResult | undefined> {
  let source = await store.sources.get(sourceId)
  for (;;) {
    if (!source) return undefined
    if (source.extractor_version === EXTRACTOR_VERSION && !force) {
      return { source_id: sourceId, extractor_version: EXTRACTOR_VERSION, reextracted: false, quote_count: source.quote_count }
    }
    const text = source.text
    const extraction = await extractText(text)
    source = await store.sources.get(sourceId)
    if (source?.text !== text) continue
    await store.articles.reextract(sourceId, extraction)
    return { source_id: sourceId, extractor_version: EXTRACTOR_VERSION, reextracted: true, quote_count: extraction.quotes.length }
  }
}
