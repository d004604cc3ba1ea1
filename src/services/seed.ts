// Ingests every article of a seeds directory through the ordinary ingest path.
import type { DataStore, IngestResult } from '../store/index.js'
import { extractHere, ingestArticle, type ExtractText } from './ingest.js'
import { readSeedArticles } from './seed-articles.js'

export interface SeededArticle extends IngestResult {
  file: string
}

/** Idempotent: an article whose text is already stored is left as it is (status 'existing'). */
export async function seed (
  store: DataStore, dir: string, extractText: ExtractText = extractHere,
): Promise<SeededArticle[]> {
  // Read and check every file first so a bad metadata file stops seeding before anything is written.
  const articles = readSeedArticles(dir)
  const seeded: SeededArticle[] = []
  for (const { file, ...article } of articles) seeded.push({ file, ...await ingestArticle(store, article, extractText) })
  return seeded
}

/** Seeds only a database with no sources yet; returns null when it had some. */
export async function seedIfEmpty (store: DataStore, dir: string, extractText?: ExtractText): Promise<SeededArticle[] | null> {
  return await store.sources.count() === 0 ? await seed(store, dir, extractText) : null
}
