// Extraction on worker threads, so that ingesting many articles uses every core while the store's writes stay on
// the main thread. Workers start on the first call and keep running between calls; jobs wait in one queue, and a
// busy worker is sent a few more ahead of time, so that it keeps extracting while the main thread is busy storing.
//
// The worker is the sibling file extractor-worker.js (dist/, compiled) or extractor-worker.ts (tests under tap's
// TypeScript loader, which worker threads inherit through execArgv). If no worker can start, the pool says so
// (`inline`, `fallbackReason`) and extracts in the calling thread instead: slower, never wrong.
import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import { extract } from '../extract/index.js'
import type { Extraction } from '../extract/types.js'
import type { ArticleInput } from '../store/index.js'
import { ArticleError, parseArticleJson, prepareArticleValue } from './article.js'

/** An article to check and extract: one NDJSON line as written, or a value (e.g. built from a file). */
export type ArticleSource = { json: string } | { value: unknown }

/** A request made ready to store: checked, converted from HTML, extracted. */
export interface ExtractedArticle {
  article: ArticleInput
  extraction: Extraction
}

export type WorkerJob = { kind: 'extract', text: string } | { kind: 'prepare', source: ArticleSource }

export interface WorkerRequest {
  id: number
  job: WorkerJob
}

export type WorkerReply =
  | { type: 'ready' }
  | { type: 'done', id: number, result: Extraction | ExtractedArticle }
  | { type: 'failed', id: number, message: string, field?: string | null }

/** What a job gives: the same in a worker and inline. Throws ArticleError for a bad article. */
export function runJob (job: WorkerJob): Extraction | ExtractedArticle {
  if (job.kind === 'extract') return extract(job.text)
  const { article } = 'json' in job.source ? prepareArticleValue(parseArticleJson(job.source.json)) : prepareArticleValue(job.source.value)
  return { article, extraction: extract(article.text) }
}

/** A failure as it crosses from a worker: an ArticleError keeps its field (and so its 400). */
export function failureReply (id: number, err: unknown): WorkerReply {
  if (err instanceof ArticleError) return { type: 'failed', id, message: err.message, field: err.field }
  return { type: 'failed', id, message: err instanceof Error ? err.message : String(err) }
}

/** The queue is full: the caller should retry later (HTTP 503). */
export class ExtractorBusyError extends Error {
  override name = 'ExtractorBusyError'
  readonly statusCode = 503
}

export class ExtractorClosedError extends Error {
  override name = 'ExtractorClosedError'
  readonly statusCode = 503
}

export interface ExtractorPoolOptions {
  /** Most jobs waiting for a worker before extract() rejects with ExtractorBusyError (default 1000). */
  maxQueue?: number
  /** The worker module (default: the sibling extractor-worker file). */
  workerUrl?: URL
  /**
   * Jobs sent to a busy worker ahead of time (default 24). A worker gets its next job from the main thread, which
   * cannot answer while it stores a group of articles: without jobs in hand, workers sat idle through every store,
   * and the next group held only what they had finished.
   */
  prefetch?: number
}

interface Job {
  id: number
  job: WorkerJob
  resolve: (result: Extraction | ExtractedArticle) => void
  reject: (err: Error) => void
}

interface Slot {
  worker: Worker
  ready: boolean
  /** Sent to this worker, in order; it runs the first and holds the others. */
  jobs: Job[]
  /** What made the worker fail, until its exit is handled. */
  error?: Error
}

/** One worker per core by default. */
export function defaultWorkerCount (): number {
  return availableParallelism()
}

function siblingWorkerUrl (): URL {
  const extension = import.meta.url.endsWith('.ts') ? '.ts' : '.js'
  return new URL(`./extractor-worker${extension}`, import.meta.url)
}

export class ExtractorPool {
  /** Workers asked for; 0 means extraction runs in the calling thread. */
  readonly size: number
  readonly maxQueue: number
  private readonly prefetch: number
  private readonly workerUrl: URL
  private readonly slots: Slot[] = []
  private readonly queue: Job[] = []
  private started = false
  private closed = false
  private nextId = 1
  private fallback: string | null = null

  constructor (size: number = defaultWorkerCount(), options: ExtractorPoolOptions = {}) {
    if (!Number.isInteger(size) || size < 0) throw new RangeError(`pool size must be a whole number >= 0, got ${size}`)
    this.size = size
    this.maxQueue = options.maxQueue ?? 1000
    this.prefetch = options.prefetch ?? 24
    this.workerUrl = options.workerUrl ?? siblingWorkerUrl()
  }

  /** True when extraction runs in the calling thread: size 0, or workers could not start. */
  get inline (): boolean {
    return this.size === 0 || this.fallback !== null
  }

  /** Why the pool fell back to inline extraction, or null. */
  get fallbackReason (): string | null {
    return this.fallback
  }

  /** Jobs not yet finished (running and waiting). */
  get pending (): number {
    return this.queue.length + this.slots.reduce((sum, slot) => sum + slot.jobs.length, 0)
  }

  /** How many jobs a caller should keep in flight to keep every worker busy. */
  get concurrency (): number {
    return this.inline ? 1 : this.size * 2
  }

  /** The extraction of a text. */
  extract (text: string): Promise<Extraction> {
    return this.run({ kind: 'extract', text }) as Promise<Extraction>
  }

  /**
   * An article request checked (prepareArticle: parsed, HTML converted) and extracted, all off the main thread.
   * Rejects with ArticleError (400, naming the field) for a bad request.
   */
  prepare (source: ArticleSource): Promise<ExtractedArticle> {
    return this.run({ kind: 'prepare', source }) as Promise<ExtractedArticle>
  }

  private run (job: WorkerJob): Promise<Extraction | ExtractedArticle> {
    if (this.closed) return Promise.reject(new ExtractorClosedError('the extractor pool is closed'))
    if (this.inline) return this.runInline(job)
    // Jobs sent ahead to a busy worker are still waiting, as far as the limit goes.
    const waiting = this.queue.length + this.slots.reduce((sum, slot) => sum + Math.max(0, slot.jobs.length - 1), 0)
    if (waiting >= this.maxQueue) {
      return Promise.reject(new ExtractorBusyError(`the extractor queue is full (${this.maxQueue} articles waiting); try again later`))
    }
    if (!this.started) this.start()
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, job, resolve, reject })
      this.dispatch()
    })
  }

  /** Stops the workers; jobs not finished reject with ExtractorClosedError. */
  async close (): Promise<void> {
    if (this.closed) return
    this.closed = true
    const error = new ExtractorClosedError('the extractor pool was closed')
    for (const job of this.queue.splice(0)) job.reject(error)
    const slots = this.slots.splice(0)
    for (const slot of slots) {
      for (const job of slot.jobs.splice(0)) job.reject(error)
    }
    await Promise.all(slots.map((slot) => slot.worker.terminate()))
  }

  private runInline (job: WorkerJob): Promise<Extraction | ExtractedArticle> {
    return new Promise((resolve, reject) => {
      setImmediate(() => {
        try {
          resolve(runJob(job))
        } catch (err) {
          reject(err instanceof Error ? err : new Error(String(err)))
        }
      })
    })
  }

  private start (): void {
    this.started = true
    for (let i = 0; i < this.size; i++) this.slots.push(this.spawn())
  }

  private spawn (): Slot {
    const worker = new Worker(this.workerUrl)
    const slot: Slot = { worker, ready: false, jobs: [] }
    worker.on('message', (reply: WorkerReply) => this.onReply(slot, reply))
    // Handled at 'exit', which comes after the replies the worker sent before it died: the jobs it finished keep
    // their results, and the first job left is the one it died on.
    worker.on('error', (err) => { slot.error ??= err })
    worker.on('exit', (code) => this.onFailure(slot, slot.error ?? new Error(`extractor worker exited with code ${code}`)))
    return slot
  }

  private onReply (slot: Slot, reply: WorkerReply): void {
    if (reply.type === 'ready') {
      slot.ready = true
    } else {
      const index = slot.jobs.findIndex((job) => job.id === reply.id)
      const job = index < 0 ? null : slot.jobs.splice(index, 1)[0]!
      if (job !== null) {
        if (reply.type === 'done') job.resolve(reply.result)
        else job.reject(reply.field !== undefined ? new ArticleError(reply.field, reply.message) : new Error(reply.message))
      }
    }
    this.dispatch()
  }

  /** A worker that dies before it is ready means workers cannot run here: go inline. One that dies later is replaced. */
  private onFailure (slot: Slot, err: Error): void {
    const index = this.slots.indexOf(slot)
    if (this.closed || index < 0) return
    this.slots.splice(index, 1)
    void slot.worker.terminate()
    // The worker runs its jobs in order: the first is the one it failed on, the others go back to the queue.
    const [job, ...ahead] = slot.jobs.splice(0)
    this.queue.unshift(...ahead)
    if (!slot.ready) {
      this.fallback = `extractor workers cannot start (${err.message}); extracting in the main thread`
      for (const other of this.slots.splice(0)) {
        this.queue.unshift(...other.jobs.splice(0))
        void other.worker.terminate()
      }
      if (job) this.queue.unshift(job)
      for (const waiting of this.queue.splice(0)) this.runInline(waiting.job).then(waiting.resolve, waiting.reject)
      return
    }
    if (job) job.reject(new Error(`the extractor worker failed on this article: ${err.message}`))
    this.slots.push(this.spawn())
    this.dispatch()
  }

  private dispatch (): void {
    // Each ready worker in turn, the least loaded first, up to one job running and `prefetch` waiting.
    while (this.queue.length > 0) {
      let slot: Slot | undefined
      for (const candidate of this.slots) {
        if (candidate.ready && candidate.jobs.length <= this.prefetch && (!slot || candidate.jobs.length < slot.jobs.length)) slot = candidate
      }
      if (!slot) break
      const job = this.queue.shift()!
      slot.jobs.push(job)
      slot.worker.postMessage({ id: job.id, job: job.job } satisfies WorkerRequest)
    }
    // Busy or starting workers keep the process alive; idle ones never hold it open.
    const waiting = this.queue.length > 0
    for (const slot of this.slots) {
      if (slot.jobs.length > 0 || waiting) slot.worker.ref()
      else slot.worker.unref()
    }
  }
}
