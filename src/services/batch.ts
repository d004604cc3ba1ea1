// Many articles in: each is checked and extracted on the pool (in parallel, a bounded number at a time) and stored
// on this thread in its own transaction, in input order. A bad article is an error for itself alone.
import type { IngestStatus, Store } from '../store/index.js'
import type { ArticleSource, ExtractedArticle, ExtractorPool } from './extractor-pool.js'

export interface BatchOutcome {
  status: IngestStatus | 'error'
  source_id?: number
  quote_count?: number
  error?: string
}

export interface BatchCounts {
  created: number
  existing: number
  updated: number
  failed: number
}

/** One article to ingest, with the key its outcome is reported under (a line number, a file name). */
export type BatchJob<K> = { key: K, source: ArticleSource } | { key: K, error: string }

export interface BatchOptions<K> {
  /** Called once per job, in input order, as soon as it is stored or has failed. */
  onOutcome: (key: K, outcome: BatchOutcome) => void
  /** Called with errors that are not the article's fault (the outcome says only that it could not be stored). */
  onInternalError?: (key: K, err: unknown) => void
  /** Jobs in flight at once (default: pool.concurrency). */
  window?: number
}

type Settled = { ok: ExtractedArticle } | { error: unknown }

/** The message of an error the client can act on: its article's fault (4xx), or a busy extractor (503). */
function clientMessage (err: unknown): string | null {
  const status = (err as { statusCode?: unknown } | null)?.statusCode
  const meaningful = typeof status === 'number' && ((status >= 400 && status < 500) || status === 503)
  return err instanceof Error && meaningful ? err.message : null
}

export function emptyCounts (): BatchCounts {
  return { created: 0, existing: 0, updated: 0, failed: 0 }
}

/**
 * Ingests every job. Resolves with the counts once all are done; if reading the jobs throws (a stream over its
 * limit, a broken connection), the jobs already read are still finished and stored, then the error is thrown.
 */
export async function ingestBatch<K> (
  store: Store, pool: ExtractorPool, jobs: AsyncIterable<BatchJob<K>> | Iterable<BatchJob<K>>, options: BatchOptions<K>,
): Promise<BatchCounts> {
  const counts = emptyCounts()
  const window = Math.max(1, options.window ?? pool.concurrency)
  const inFlight: Array<{ key: K, settled: Promise<Settled> }> = []

  const report = (key: K, outcome: BatchOutcome): void => {
    if (outcome.status === 'error') counts.failed++
    else counts[outcome.status]++
    options.onOutcome(key, outcome)
  }

  const finishOldest = async (): Promise<void> => {
    const { key, settled } = inFlight.shift()!
    const result = await settled
    if ('error' in result) {
      const message = clientMessage(result.error)
      if (message === null) options.onInternalError?.(key, result.error)
      report(key, { status: 'error', error: message ?? 'could not extract this article (internal error)' })
      return
    }
    try {
      const stored = store.ingest(result.ok.article, result.ok.extraction)
      report(key, { status: stored.status, source_id: stored.source_id, quote_count: stored.quote_count })
    } catch (err) {
      const message = clientMessage(err)
      if (message === null) options.onInternalError?.(key, err)
      report(key, { status: 'error', error: message ?? 'could not store this article (internal error)' })
    }
  }

  try {
    for await (const job of jobs) {
      if ('error' in job) {
        // Keeps the order: a job known bad still waits for those before it.
        inFlight.push({ key: job.key, settled: Promise.resolve({ error: Object.assign(new Error(job.error), { statusCode: 400 }) }) })
      } else {
        // Settled at once into a value, so that a rejection never goes unhandled while older jobs are awaited.
        const settled = pool.prepare(job.source).then((ok): Settled => ({ ok }), (error: unknown): Settled => ({ error }))
        inFlight.push({ key: job.key, settled })
      }
      while (inFlight.length >= window) await finishOldest()
    }
  } finally {
    while (inFlight.length > 0) await finishOldest()
  }
  return counts
}
