// Many articles in: each is checked and extracted on the pool (in parallel, a bounded number at a time) and stored
// in input order. Whenever the store is free, the articles extracted and waiting go to it together, in one
// transaction with a savepoint each (one commit per article was most of the cost of storing); a bad article is an
// error for itself alone. Reading and extracting go on while a group is stored (on a writer thread, in parallel).
import { isStorageFull, STORAGE_FULL_MESSAGE } from '../store/errors.js'
import type { DataStore, IngestAttempt, IngestStatus } from '../store/index.js'
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
  /** Called once per job, in input order, once it is stored (its transaction committed) or has failed. */
  onOutcome: (key: K, outcome: BatchOutcome) => void
  /** Called with errors that are not the article's fault (the outcome says only that it could not be stored). */
  onInternalError?: (key: K, err: unknown) => void
  /**
   * Jobs in flight at once, extracting or waiting for the store, besides the group it is storing (default: 96, at
   * least pool.bulkConcurrency; fewer while the pool's queue is half full, so that one batch does not make the pool
   * refuse other requests).
   */
  window?: number
  /** Bytes of article sources in flight at once, beyond which no more jobs are read until some are stored (default 16 MiB). */
  windowBytes?: number
}

type Settled = { ok: ExtractedArticle } | { error: unknown }

interface InFlight<K> {
  key: K
  /** Set once extracted (or failed), so that the jobs ready to store can be told from those still extracting. */
  result?: Settled
  bytes: number
}

/**
 * Jobs read and not yet handed to the store. Enough for the workers to extract ahead while a group is stored, and so
 * for large groups: storing costs less per article the more share a commit (groups of ~20 ran at 2/3 the rate of
 * groups of 200). More than this held more memory (a server's peak RSS 261 MB at 256 jobs, 218 MB at 96, over 10,000
 * articles) for no gain; 160 was no faster once storing and extracting overlapped.
 */
const DEFAULT_WINDOW = 96
const DEFAULT_WINDOW_BYTES = 16 * 1024 * 1024
/** The most articles stored in one transaction. */
const MAX_GROUP = 200

/** Roughly the memory an article's source holds (UTF-16 code units of its text). */
function sourceSize (source: ArticleSource): number {
  if ('json' in source) return source.json.length
  const value = source.value as { text?: unknown, html?: unknown } | null
  const content = value?.text ?? value?.html
  return typeof content === 'string' ? content.length : 0
}

/** The message of an error the client can act on: its article's fault (4xx), a busy extractor (503), a full disk. */
function clientMessage (err: unknown): string | null {
  if (isStorageFull(err)) return STORAGE_FULL_MESSAGE
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
  store: DataStore, pool: ExtractorPool, jobs: AsyncIterable<BatchJob<K>> | Iterable<BatchJob<K>>, options: BatchOptions<K>,
): Promise<BatchCounts> {
  const counts = emptyCounts()
  const window = Math.max(1, options.window ?? Math.max(DEFAULT_WINDOW, pool.bulkConcurrency))
  const windowBytes = options.windowBytes ?? DEFAULT_WINDOW_BYTES
  const inFlight: Array<InFlight<K>> = []
  let bytesInFlight = 0

  const report = (key: K, outcome: BatchOutcome): void => {
    if (outcome.status === 'error') counts.failed++
    else counts[outcome.status]++
    options.onOutcome(key, outcome)
  }

  const failure = (key: K, err: unknown, what: string): BatchOutcome => {
    const message = clientMessage(err)
    if (message === null) options.onInternalError?.(key, err)
    return { status: 'error', error: message ?? `could not ${what} this article (internal error)` }
  }

  let callbackError: { error: unknown } | null = null

  // Stores a group and only then reports its jobs, in order.
  const storeGroup = async (group: Array<InFlight<K>>): Promise<void> => {
    const extracted = group.flatMap((job) => 'ok' in job.result! ? [job.result.ok] : [])
    let attempts: IngestAttempt[]
    try {
      attempts = extracted.length === 0 ? [] : await store.ingestMany(extracted)
    } catch (error) {
      attempts = extracted.map(() => ({ ok: false, error }))
    }
    let next = 0
    for (const job of group) {
      const result = job.result!
      let outcome: BatchOutcome
      if ('error' in result) outcome = failure(job.key, result.error, 'extract')
      else {
        const attempt = attempts[next++]!
        outcome = attempt.ok
          ? { status: attempt.result.status, source_id: attempt.result.source_id, quote_count: attempt.result.quote_count }
          : failure(job.key, attempt.error, 'store')
      }
      // An outcome callback that throws (its output is gone) does not keep the others of the group from theirs: the
      // batch stops reading, stores and reports what it has read, and throws the first such error.
      try {
        report(job.key, outcome)
      } catch (error) {
        callbackError ??= { error }
      }
    }
  }

  // The reading loop waits here for room in the window, or for the batch to be stored: woken by every change.
  let wake: (() => void) | null = null
  const changed = (): void => {
    const resume = wake
    wake = null
    resume?.()
  }
  const changes = (): Promise<void> => new Promise((resolve) => { wake = resolve })

  // The store takes one group at a time: whenever it is free, the oldest jobs that are extracted (up to MAX_GROUP)
  // go to it as one group. Jobs go on being read and extracted meanwhile, so with a writer thread storing and
  // extracting overlap, and the busier the store, the larger the next group (the cheaper each article).
  //
  // A group waits until it has minGroup jobs, unless every job in hand is extracted. Workers finish jobs a little out
  // of order, so the extracted prefix grows one or two at a time; a store that took it whenever free stored most
  // articles one to a transaction (10,000 through POST /sources/batch: 366 groups, 236 of them under 20), paying a
  // commit and a full-text segment each, and kept the CPU from the workers (niced) it was waiting on.
  const minGroup = Math.min(MAX_GROUP, Math.ceil(window / 2))
  let storing = false
  let pumpScheduled = false
  const pump = (): void => {
    pumpScheduled = false
    if (storing || inFlight[0]?.result === undefined) return
    let count = 1
    while (count < inFlight.length && count < MAX_GROUP && inFlight[count]!.result !== undefined) count++
    // Jobs still extracting will lengthen the group; each one's result pumps again.
    if (count < minGroup && count < inFlight.length) return
    const group = inFlight.splice(0, count)
    for (const job of group) bytesInFlight -= job.bytes
    storing = true
    storeGroup(group)
      .catch((error: unknown) => { callbackError ??= { error } })
      .finally(() => {
        storing = false
        pump()
        changed()
      })
    changed()
  }
  // Once per turn of the event loop, so that the worker replies that came together are stored together.
  const schedulePump = (): void => {
    if (pumpScheduled) return
    pumpScheduled = true
    setImmediate(pump)
  }

  const push = (key: K, bytes: number, settled: Promise<Settled>): void => {
    const job: InFlight<K> = { key, bytes }
    void settled.then((result) => {
      job.result = result
      schedulePump()
      changed()
    })
    inFlight.push(job)
    bytesInFlight += bytes
  }

  const full = (): boolean => inFlight.length >= window ||
    (inFlight.length > 0 && (bytesInFlight > windowBytes || pool.pending >= pool.maxQueue / 2))
  const rethrow = (): void => {
    if (callbackError === null) return
    const { error } = callbackError
    callbackError = null
    throw error
  }

  const input = Symbol.asyncIterator in jobs ? jobs[Symbol.asyncIterator]() : jobs[Symbol.iterator]()
  let ended = false
  try {
    for (;;) {
      rethrow()
      let step: IteratorResult<BatchJob<K>>
      try {
        step = await input.next()
      } catch (err) {
        ended = true // the input threw: it is finished
        throw err
      }
      if (step.done === true) {
        ended = true
        break
      }
      const job = step.value
      if ('error' in job) {
        // Keeps the order: a job known bad still waits for those before it.
        push(job.key, 0, Promise.resolve({ error: Object.assign(new Error(job.error), { statusCode: 400 }) }))
      } else {
        // Settled at once into a value, so that a rejection never goes unhandled while older jobs are awaited.
        push(job.key, sourceSize(job.source),
          pool.prepare(job.source, undefined, { bulk: true }).then((ok): Settled => ({ ok }), (error: unknown): Settled => ({ error })))
      }
      while (full() && callbackError === null) await changes()
    }
  } finally {
    // Everything read is stored (and reported) before the batch ends, however it ends.
    while (inFlight.length > 0 || storing) await changes()
    // Left early (an outcome callback threw): the input is closed, as for-await would.
    if (!ended) await input.return?.()
  }
  rethrow()
  return counts
}
