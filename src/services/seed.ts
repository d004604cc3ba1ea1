// Ingests every article of a seeds directory through the ordinary ingest path.
import type { IngestResult, Store } from '../store/index.js'
import { ingestArticle } from './ingest.js'
import { readSeedArticles } from './seed-articles.js'

export interface SeededArticle extends IngestResult {
  file: string
}

/** Idempotent: an article whose text is already stored is left as it is (status 'existing'). */
export function seed (store: Store, dir: string): SeededArticle[] {
  // Read and check every file first so a bad metadata file stops seeding before anything is written.
  const articles = readSeedArticles(dir)
  return articles.map(({ file, ...article }) => ({ file, ...ingestArticle(store, article) }))
}

/** Seeds only a database with no sources yet; returns null when it had some. */
export function seedIfEmpty (store: Store, dir: string): SeededArticle[] | null {
  return store.sources.count() === 0 ? seed(store, dir) : null
}
