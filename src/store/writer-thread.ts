// The SQLite store with its writes on a thread of their own. Storing an article costs about a millisecond, but a long
// one (a transcript, or a hostile text of 40,000 "quotes") takes seconds, and on the thread that answers requests every
// reader waited that long. Here the writes (ingest, re-extraction, deletion, corrections) go to a worker thread with its
// own connection to the same file, one at a time and in the order asked, as before; reads stay on the main thread's
// connection, which in WAL mode sees each write once it is committed and is never blocked by it. The reply cache still
// sees every write: a commit by another connection moves PRAGMA data_version (src/store/change-counter.ts).
import { Worker } from 'node:worker_threads'
import { readerCache } from './database.js'
import { ConflictError, NotFoundError } from './errors.js'
import { InvalidExtractionError, type IngestAttempt, type IngestItem, type IngestResult } from './source-writes.js'
import type { Store } from './index.js'
import type { ArticleWrites, ChangeWatch, CorrectionWrites, DataStore, IngestedDetail } from './interface.js'
import type { Extraction } from '../extract/types.js'
import type { ThreadModule } from '../thread-module.js'
import type { ExtractionInput } from './packed-extraction.js'
import type { ArticleInput } from './source-writes.js'

/** The writes the thread carries out, by name, with their arguments and results. */
export interface WriteCalls {
  ingest: [[ArticleInput, ExtractionInput], IngestResult]
  ingestDetailed: [[ArticleInput, ExtractionInput], IngestedDetail]
  ingestMany: [[readonly IngestItem[]], IngestAttempt[]]
  reextract: [[number, Extraction], boolean]
  delete: [[number], boolean]
  merge: [[number, number], number]
  split: [[number, string], number]
  correctQuote: [[number, number], void]
}
export type WriteName = keyof WriteCalls

export interface WriterData {
  path: string
  migrationsDir: string
}

export interface WriteRequest { id: number, name: WriteName, args: unknown[] }

/** An error as it crosses threads: its class by name, and what the error handler reads (code, statusCode). */
export interface ErrorShape { name: string, message: string, code?: unknown, statusCode?: unknown }

export type WriterReply =
  | { type: 'ready' }
  | { type: 'opened', error: ErrorShape }
  | { type: 'done', id: number, result: unknown }
  | { type: 'failed', id: number, error: ErrorShape }

export function errorShape (err: unknown): ErrorShape {
  if (!(err instanceof Error)) return { name: 'Error', message: String(err) }
  const { code, statusCode } = err as { code?: unknown, statusCode?: unknown }
  return { name: err.name, message: err.message, code, statusCode }
}

const ERROR_CLASSES: Record<string, new (message: string) => Error> = {
  NotFoundError, ConflictError, InvalidExtractionError,
}

/** The error again, of its own class where the store has one (404, 409 …), else an Error with its name and code. */
export function rebuiltError (shape: ErrorShape): Error {
  const Class = ERROR_CLASSES[shape.name]
  if (Class !== undefined) return new Class(shape.message)
  const err = new Error(shape.message) as Error & { code?: unknown, statusCode?: unknown }
  err.name = shape.name
  if (shape.code !== undefined) err.code = shape.code
  if (shape.statusCode !== undefined) err.statusCode = shape.statusCode
  return err
}

/** An ingestMany attempt's error crosses as a shape too, and is rebuilt on arrival. */
export function attemptsForTransfer (attempts: IngestAttempt[]): IngestAttempt[] {
  return attempts.map((a) => a.ok ? a : { ok: false, error: errorShape(a.error) })
}

function siblingWorkerUrl (): URL {
  const extension = import.meta.url.endsWith('.ts') ? '.ts' : '.js'
  return new URL(`./writer-worker${extension}`, import.meta.url)
}

interface Pending { resolve: (value: unknown) => void, reject: (err: Error) => void }

/**
 * The writer's heap: it allocates each group's articles and statement arguments and keeps little of them, and V8's
 * default young generation (up to 48 MB) let it hold that much garbage between scavenges. At 16 MB a server's peak RSS
 * over a 10,000-article POST /sources/batch was 226-235 MB against 242-250 (seven alternating runs), at the same speed
 * (851-1,022 against 700-1,067 articles/s); `whosaid ingest` likewise (229-250 against 243-262 MB).
 */
const WRITER_HEAP_LIMITS = { maxYoungGenerationSizeMb: 16 }

/** The thread and its queue of writes; a thread that dies fails the writes it held, and the next write starts another. */
class WriterThread {
  #worker: Worker | null = null
  #started: Promise<void> | null = null
  #pending = new Map<number, Pending>()
  /** Every write sent and not yet answered, so that close() can wait for them. */
  #inFlight = new Set<Promise<unknown>>()
  #nextId = 1
  #closed = false

  constructor (private readonly data: WriterData, private readonly workerUrl: URL, private readonly execArgv?: string[]) {}

  /** Starts the thread and waits until its connection is open; rejects with the reason if it cannot. */
  start (): Promise<void> {
    this.#started ??= new Promise<void>((resolve, reject) => {
      const worker = new Worker(this.workerUrl, {
        workerData: this.data satisfies WriterData,
        execArgv: this.execArgv,
        resourceLimits: WRITER_HEAP_LIMITS,
      })
      this.#worker = worker
      let ready = false
      worker.on('message', (reply: WriterReply) => {
        if (reply.type === 'ready') { ready = true; resolve(); return }
        if (reply.type === 'opened') { reject(rebuiltError(reply.error)); return }
        const pending = this.#pending.get(reply.id)
        if (pending === undefined) return
        this.#pending.delete(reply.id)
        if (reply.type === 'done') pending.resolve(reply.result)
        else pending.reject(rebuiltError(reply.error))
      })
      let failure: Error | undefined
      worker.on('error', (err) => { failure ??= err })
      worker.on('exit', (code) => {
        const err = failure ?? new Error(`the database writer thread exited with code ${code}`)
        if (!ready) reject(err)
        this.#worker = null
        this.#started = null
        for (const pending of this.#pending.values()) pending.reject(err)
        this.#pending.clear()
      })
    })
    return this.#started
  }

  async call<N extends WriteName> (name: N, ...args: WriteCalls[N][0]): Promise<WriteCalls[N][1]> {
    if (this.#closed) throw new Error('the store is closed')
    await this.start()
    const id = this.#nextId++
    const answer = new Promise<WriteCalls[N][1]>((resolve, reject) => {
      this.#pending.set(id, { resolve: resolve as (value: unknown) => void, reject })
      this.#worker!.postMessage({ id, name, args } satisfies WriteRequest)
    })
    this.#inFlight.add(answer)
    try {
      return await answer
    } finally {
      this.#inFlight.delete(answer)
    }
  }

  /** Lets the writes already sent finish, then closes the thread's connection (the worker closes it on exit). */
  async close (): Promise<void> {
    this.#closed = true
    await Promise.allSettled([...this.#inFlight])
    const worker = this.#worker
    if (worker === null) return
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()))
    worker.postMessage('close')
    await exited
  }
}

/**
 * A SQLite Store whose reads answer on the calling thread and whose writes are carried out on the writer thread.
 * Open it with ThreadedStore.open: if no thread can start there, it says why and the caller keeps the plain Store.
 */
export class ThreadedStore implements DataStore {
  readonly kind = 'sqlite' as const
  readonly sources: DataStore['sources']
  readonly speakers: DataStore['speakers']
  readonly quotes: DataStore['quotes']
  readonly articles: ArticleWrites
  readonly corrections: CorrectionWrites
  readonly appliedMigrations: string[]

  private constructor (readonly reader: Store, private readonly writer: WriterThread) {
    this.appliedMigrations = reader.appliedMigrations
    this.sources = reader.sources
    this.speakers = reader.speakers
    this.quotes = reader.quotes
    this.articles = {
      reextract: (sourceId, extraction) => writer.call('reextract', sourceId, extraction),
      delete: (sourceId) => writer.call('delete', sourceId),
    }
    this.corrections = {
      merge: (id, into) => writer.call('merge', id, into),
      split: (id, alias) => writer.call('split', id, alias),
      correctQuote: (quoteId, speakerId) => writer.call('correctQuote', quoteId, speakerId),
    }
  }

  /** `reader` is open and migrated; the thread opens the same file. Rejects if the thread cannot open it. */
  /** `thread` picks the writer's module (default: the sibling writer-worker file) and Node options. */
  static async open (reader: Store, migrationsDir: string, thread: ThreadModule = {}): Promise<ThreadedStore> {
    const writer = new WriterThread({ path: reader.db.name, migrationsDir }, thread.workerUrl ?? siblingWorkerUrl(), thread.execArgv)
    try {
      await writer.start()
    } catch (err) {
      await writer.close()
      throw err
    }
    // From here the calling thread's connection only reads.
    readerCache(reader.db)
    return new ThreadedStore(reader, writer)
  }

  ingest (article: ArticleInput, extraction: ExtractionInput): Promise<IngestResult> {
    return this.writer.call('ingest', article, extraction)
  }

  /**
   * The detail is read on the writer thread, in the state its write left: a long article's 500 quotes read and encoded
   * there instead of on the thread that answers requests (bench/RESULTS.md, seventeenth stop). The bytes cross as a
   * copy, which costs little beside their encoding.
   */
  ingestDetailed (article: ArticleInput, extraction: ExtractionInput): Promise<IngestedDetail> {
    return this.writer.call('ingestDetailed', article, extraction)
  }

  async ingestMany (items: readonly IngestItem[]): Promise<IngestAttempt[]> {
    const attempts = await this.writer.call('ingestMany', items)
    return attempts.map((a) => a.ok ? a : { ok: false, error: rebuiltError(a.error as ErrorShape) })
  }

  cursorSecret (): string { return this.reader.cursorSecret() }
  ping (): void { this.reader.ping() }
  storage (): 'ok' | 'full' { return this.reader.storage() }
  changeWatch (): ChangeWatch { return this.reader.changeWatch() }
  readReplica (): Promise<DataStore> { return this.reader.readReplica() }

  async close (): Promise<void> {
    await this.writer.close()
    this.reader.close()
  }
}
