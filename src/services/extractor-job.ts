// The work of one ExtractorPool job, the same on a worker thread and inline: check the article, convert its HTML,
// extract. Its own module so that the pool, which the server's request thread loads, does not load the extractor.
import { extract } from '../extract/index.js'
import { MAX_QUOTATIONS } from '../extract/limits.js'
import { ingestKeys } from '../store/ingest-keys.js'
import { parseArticleJson, prepareArticleValue } from './article.js'
import type { JobResult, WorkerJob } from './extractor-pool.js'

/**
 * What a job gives: the same in a worker and inline. Throws ArticleError for a bad article, TooManyQuotationsError
 * for one with more than `maxQuotations`.
 */
export function runJob (job: WorkerJob, maxQuotations: number = MAX_QUOTATIONS): JobResult {
  if (job.kind === 'extract') return extract(job.text, { maxQuotations, ...job.options })
  const { article, page } = 'json' in job.source ? prepareArticleValue(parseArticleJson(job.source.json)) : prepareArticleValue(job.source.value)
  const extraction = extract(article.text, { maxQuotations })
  // Made here, beside the extraction, rather than by the writer thread, which limits ingestion (store/ingest-keys.ts).
  if (job.kind === 'prepare') return { article, extraction, page, keys: ingestKeys(article.text, extraction) }
  // Offsets index into the text sent, or for html into the text taken from the page, which the reply then gives.
  const reply = page === null ? extraction
    : { ...extraction, text: article.text, title: page.title, byline: page.byline, publisher: page.publisher }
  // A TextEncoder array owns its buffer (a small Buffer shares Node's pool), so it can be transferred.
  return { json: new TextEncoder().encode(JSON.stringify(reply)) }
}
