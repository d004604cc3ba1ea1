// The one path from an article to stored quotes, shared by the API, seeding and the CLI.
import { extract } from '../extract/index.js'
import type { ArticleInput, IngestResult, Store } from '../store/index.js'

export function ingestArticle (store: Store, article: ArticleInput): IngestResult {
  return store.ingest(article, extract(article.text))
}
