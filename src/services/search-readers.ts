// Searches on reader threads (full text over quotes and article titles, broad lookups by name words), each thread with
// its own read-only connection to the SQLite file: a search no longer holds the main thread (and every other request
// behind it), searches run side by side, and one that runs past the time limit is answered 503 and stopped by
// terminating its thread, which a fresh one replaces at once.
// better-sqlite3 can neither interrupt a statement nor install a progress handler, so a thread is the unit that
// can be given up.
//
// A terminated thread stops at its next return from SQLite to JavaScript: at once inside a search that steps through
// rows, at the end of the statement otherwise. The reply does not wait for it, and its replacement starts at once.
//
// The reader is the sibling file search-reader.js (dist/, compiled) or search-reader.ts (tests, whose TypeScript
// loader worker threads inherit through execArgv). If no reader can start, searches run through `inline`
// (the main thread's store) instead: slower for the other requests, never wrong, and without a time limit.
//
// A reader answers with each quote's JSON as SQLite builds it (QuoteStore.listJson): the main thread neither copies
// quote objects across nor serializes them, it only joins the strings into the page.
import { Worker } from 'node:worker_threads'
import type { PageRequest, PageResult } from '../store/page.js'
import type { QuoteFilter } from '../store/quotes.js'
import type { SourceFilter, SourceSummary } from '../store/sources.js'
import type { Speaker, SpeakerFilter } from '../store/speakers.js'
import { SearchTimeLimitError } from '../store/errors.js'
import type { ThreadModule } from '../thread-module.js'

/**
 * What a reader searches: quotes (each as its reply JSON, QuoteStore.listJson), articles (SourceStore.list) or
 * speakers by name words (SpeakerStore.list).
 */
export type ReaderSearch =
  | { kind: 'quotes', page: PageRequest, filter: QuoteFilter }
  | { kind: 'sources', page: PageRequest, filter: SourceFilter }
  | { kind: 'speakers', page: PageRequest, filter: SpeakerFilter }

export type ReaderRequest = ReaderSearch & { id: number }

/** A reader's answer to each kind of search. */
export type ReaderResult = PageResult<string> | PageResult<SourceSummary> | PageResult<Speaker>

/** A failure as it crosses from a reader: its name, message and status (a bad query or cursor stays a 400). */
export interface ReaderFailure {
  name: string
  message: string
  statusCode?: number
}

export type ReaderReply =
  | { type: 'ready' }
  | { type: 'done', id: number, result: ReaderResult }
  | { type: 'failed', id: number, error: ReaderFailure }

export function failedSearch (id: number, err: unknown): ReaderReply {
  if (!(err instanceof Error)) return { type: 'failed', id, error: { name: 'Error', message: String(err) } }
  const statusCode = (err as { statusCode?: unknown }).statusCode
  return { type: 'failed', id, error: { name: err.name, message: err.message, ...(typeof statusCode === 'number' ? { statusCode } : {}) } }
}

function errorFrom (failure: ReaderFailure): Error {
  const err = new Error(failure.message)
  err.name = failure.name
  if (failure.statusCode !== undefined) Object.assign(err, { statusCode: failure.statusCode })
  return err
}

/** Too many searches are waiting for a reader (HTTP 503). */
export class SearchBusyError extends Error {
  override name = 'SearchBusyError'
  readonly statusCode = 503
  readonly expose = true
}

export class SearchReadersClosedError extends Error {
  override name = 'SearchReadersClosedError'
  readonly statusCode = 503
}

/** The reader module defaults to the sibling search-reader file. */
export interface SearchReadersOptions extends ThreadModule {
  /** The SQLite file (a connection that migrated it is open elsewhere). */
  path: string
  /** Reader threads (at least 1). */
  size: number
  /** Most milliseconds one search may run on a reader before it is stopped with SearchTimeLimitError. */
  timeLimitMs: number
  /** Run a search in the calling thread when no reader can start. */
  inline: {
    quotes: (page: PageRequest, filter: QuoteFilter) => PageResult<string> | Promise<PageResult<string>>
    sources: (page: PageRequest, filter: SourceFilter) => PageResult<SourceSummary> | Promise<PageResult<SourceSummary>>
    speakers: (page: PageRequest, filter: SpeakerFilter) => PageResult<Speaker> | Promise<PageResult<Speaker>>
  }
  /** Most searches waiting for a reader before list() rejects with SearchBusyError (default 1000). */
  maxQueue?: number
  /** Nice value each reader thread gives itself (default 0), as the extraction workers do (ExtractorPoolOptions.nice). */
  nice?: number
}

interface Job {
  id: number
  search: ReaderSearch
  resolve: (result: ReaderResult) => void
  reject: (err: Error) => void
}

interface Slot {
  worker: Worker
  ready: boolean
  /** The search it runs, the timer of its limit, and when that limit falls (performance.now()). */
  job?: Job
  timer?: NodeJS.Timeout
  deadline?: number
  /** What made the reader fail, until its exit is handled. */
  error?: Error
}

/**
 * A reader's heap: a search holds one page of quotes at a time, so a small young generation costs it little time and
 * keeps each reader's memory (which adds to the server's) to a few tens of MB; the old generation leaves room for a
 * page of 100 quotes with their copies many times over. A reader past it fails its search (500) and is replaced.
 */
const READER_HEAP_LIMITS = { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 256 }

function siblingWorkerUrl (): URL {
  const extension = import.meta.url.endsWith('.ts') ? '.ts' : '.js'
  return new URL(`./search-reader${extension}`, import.meta.url)
}

export class SearchReaders {
  readonly size: number
  /** Read when each search starts: a change applies to the next search. */
  timeLimitMs: number
  readonly maxQueue: number
  readonly #path: string
  readonly #inline: SearchReadersOptions['inline']
  readonly #workerUrl: URL
  readonly #nice: number
  readonly #execArgv: string[] | undefined
  readonly #slots: Slot[] = []
  readonly #queue: Job[] = []
  #started = false
  #closed = false
  #nextId = 1
  #fallback: string | null = null
  /** Searches stopped at the time limit since the pool started (each but a late reply also cost its reader). */
  stopped = 0

  constructor (options: SearchReadersOptions) {
    if (!Number.isInteger(options.size) || options.size < 1) throw new RangeError(`readers must be a whole number >= 1, got ${options.size}`)
    if (!(options.timeLimitMs > 0)) throw new RangeError(`time limit must be > 0 ms, got ${options.timeLimitMs}`)
    this.size = options.size
    this.timeLimitMs = options.timeLimitMs
    this.maxQueue = options.maxQueue ?? 1000
    this.#path = options.path
    this.#inline = options.inline
    this.#workerUrl = options.workerUrl ?? siblingWorkerUrl()
    this.#nice = options.nice ?? 0
    this.#execArgv = options.execArgv
    if (!Number.isInteger(this.#nice) || this.#nice < 0 || this.#nice > 19) throw new RangeError(`nice must be a whole number from 0 to 19, got ${this.#nice}`)
  }

  /** Why searches run in the calling thread (no reader could start), or null. */
  get fallbackReason (): string | null {
    return this.#fallback
  }

  /** Searches running on readers now. */
  get running (): number {
    return this.#slots.reduce((n, slot) => n + (slot.job === undefined ? 0 : 1), 0)
  }

  /** A page of quotes, each as the JSON QuoteStore.listJson gives (its reply as the schema would serialize it), read on a reader thread. */
  quotes (page: PageRequest, filter: QuoteFilter): Promise<PageResult<string>> {
    return this.#search({ kind: 'quotes', page, filter }) as Promise<PageResult<string>>
  }

  /** A page of articles as SourceStore.list gives it (a search of their titles), read on a reader thread. */
  sources (page: PageRequest, filter: SourceFilter): Promise<PageResult<SourceSummary>> {
    return this.#search({ kind: 'sources', page, filter }) as Promise<PageResult<SourceSummary>>
  }

  /** A page of speakers as SpeakerStore.list gives it (a lookup by name words), read on a reader thread. */
  speakers (page: PageRequest, filter: SpeakerFilter): Promise<PageResult<Speaker>> {
    return this.#search({ kind: 'speakers', page, filter }) as Promise<PageResult<Speaker>>
  }

  #search (search: ReaderSearch): Promise<ReaderResult> {
    if (this.#closed) return Promise.reject(new SearchReadersClosedError('the search readers are closed'))
    if (this.#fallback !== null) return Promise.resolve().then(() => this.#runInline(search))
    if (this.#queue.length >= this.maxQueue) {
      return Promise.reject(new SearchBusyError(`${this.maxQueue} searches are waiting for a reader; try again later`))
    }
    if (!this.#started) {
      this.#started = true
      for (let i = 0; i < this.size; i++) this.#slots.push(this.#spawn())
    }
    return new Promise((resolve, reject) => {
      this.#queue.push({ id: this.#nextId++, search, resolve, reject })
      this.#dispatch()
    })
  }

  #runInline (search: ReaderSearch): ReaderResult | Promise<ReaderResult> {
    switch (search.kind) {
      case 'quotes': return this.#inline.quotes(search.page, search.filter)
      case 'sources': return this.#inline.sources(search.page, search.filter)
      case 'speakers': return this.#inline.speakers(search.page, search.filter)
    }
  }

  /** Stops the readers; searches not finished reject with SearchReadersClosedError. */
  async close (): Promise<void> {
    if (this.#closed) return
    this.#closed = true
    const error = new SearchReadersClosedError('the search readers were closed')
    for (const job of this.#queue.splice(0)) job.reject(error)
    const slots = this.#slots.splice(0)
    for (const slot of slots) {
      clearTimeout(slot.timer)
      slot.job?.reject(error)
    }
    await Promise.all(slots.map((slot) => slot.worker.terminate()))
  }

  #spawn (): Slot {
    const worker = new Worker(this.#workerUrl, {
      workerData: { path: this.#path, nice: this.#nice },
      resourceLimits: READER_HEAP_LIMITS,
      execArgv: this.#execArgv,
    })
    const slot: Slot = { worker, ready: false }
    worker.on('message', (reply: ReaderReply) => this.#onReply(slot, reply))
    // Handled at 'exit', which comes after any reply the reader sent before it died.
    worker.on('error', (err) => { slot.error ??= err })
    worker.on('exit', (code) => this.#onExit(slot, slot.error ?? new Error(`search reader exited with code ${code}`)))
    worker.unref()
    return slot
  }

  #onReply (slot: Slot, reply: ReaderReply): void {
    if (reply.type === 'ready') {
      slot.ready = true
    } else if (slot.job?.id === reply.id) {
      const job = slot.job
      clearTimeout(slot.timer)
      slot.job = undefined
      slot.timer = undefined
      // A busy or descheduled main thread can read a reply that came after the limit before it runs the timer: the
      // limit still holds (the reader is idle and healthy, so it stays).
      if (performance.now() > slot.deadline!) {
        this.stopped++
        job.reject(new SearchTimeLimitError(this.timeLimitMs))
      } else if (reply.type === 'done') job.resolve(reply.result)
      else job.reject(errorFrom(reply.error))
    }
    this.#dispatch()
  }

  /** Takes a reader out of the pool and terminates it; a new one takes its place unless the pool is closed. */
  #replace (slot: Slot): void {
    const index = this.#slots.indexOf(slot)
    if (index < 0) return
    this.#slots.splice(index, 1)
    clearTimeout(slot.timer)
    void slot.worker.terminate()
    if (!this.#closed) this.#slots.push(this.#spawn())
  }

  #onTimeLimit (slot: Slot): void {
    const job = slot.job
    slot.job = undefined
    this.stopped++
    this.#replace(slot)
    job?.reject(new SearchTimeLimitError(this.timeLimitMs))
    this.#dispatch()
  }

  /** A reader that dies before it is ready means readers cannot run here: search inline. One that dies later is replaced. */
  #onExit (slot: Slot, err: Error): void {
    if (this.#closed || !this.#slots.includes(slot)) return
    const job = slot.job
    slot.job = undefined
    if (!slot.ready) {
      this.#fallback = `search readers cannot start (${err.message}); searching in the main thread`
      for (const other of this.#slots.splice(0)) {
        clearTimeout(other.timer)
        if (other.job) this.#queue.unshift(other.job)
        void other.worker.terminate()
      }
      if (job) this.#queue.unshift(job)
      for (const waiting of this.#queue.splice(0)) {
        Promise.resolve().then(() => this.#runInline(waiting.search)).then(waiting.resolve, waiting.reject)
      }
      return
    }
    this.#replace(slot)
    job?.reject(new Error(`the search reader failed: ${err.message}`))
    this.#dispatch()
  }

  #dispatch (): void {
    for (const slot of this.#slots) {
      if (this.#queue.length === 0) break
      if (!slot.ready || slot.job !== undefined) continue
      const job = this.#queue.shift()!
      slot.job = job
      slot.worker.postMessage({ id: job.id, ...job.search } satisfies ReaderRequest)
      slot.deadline = performance.now() + this.timeLimitMs
      slot.timer = setTimeout(() => this.#onTimeLimit(slot), this.timeLimitMs)
      slot.timer.unref()
    }
    // A reader with a search (or with searches waiting) keeps the process alive; idle ones never hold it open.
    const waiting = this.#queue.length > 0
    for (const slot of this.#slots) {
      if (slot.job !== undefined || waiting) slot.worker.ref()
      else slot.worker.unref()
    }
  }
}
