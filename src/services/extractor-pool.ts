// Extraction on worker threads, so that ingesting many articles uses every core while the store's writes stay on
// the main thread. Workers start on the first call that needs them and keep running between calls; jobs wait in one
// queue, and a busy worker is sent a few more ahead of time, so that it keeps extracting while the main thread is busy
// storing. A batch's articles (bulk jobs) use at most `bulkWorkers` of them: in the server, all but one, which is
// left for single requests.
//
// The worker is the sibling file extractor-worker.js (dist/, compiled) or extractor-worker.ts (tests, whose
// TypeScript loader worker threads inherit through execArgv). If no worker can start, the pool says so
// (`inline`, `fallbackReason`) and extracts in the calling thread instead: slower, never wrong.
//
// A job that runs past the pool's time limit, or whose caller gives up (an AbortSignal: the client disconnected),
// is stopped by terminating its worker, which is replaced at once; the jobs sent to it ahead go back to the queue.
// JavaScript cannot interrupt a computation in its own thread, so inline extraction has no limit.
//
// Workers are threads by default, or child processes (`isolation: 'process'`, extractor-process.ts): a process
// collects its own garbage, so its whole cost can be given a low priority, down to Linux's SCHED_IDLE (`nice:
// 'idle'`), which runs it only on a core nothing else wants. A process's time limit counts the CPU time it uses, so
// an article that waits for a busy core is not given up for waiting.
import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import { MAX_QUOTATIONS, TooManyQuotationsError } from '../extract/limits.js'
import type { Extraction, ExtractOptions } from '../extract/types.js'
import type { HtmlArticle } from '../html/index.js'
import type { ArticleInput } from '../store/index.js'
import type { IngestKeys } from '../store/ingest-keys.js'
import type { ThreadModule } from '../thread-module.js'
import { isPacked, packExtraction, worthPacking, type ExtractionInput } from '../store/packed-extraction.js'
import { ArticleError } from './article-error.js'
import { idleScheduling, ProcessWorker, threadCpuMs } from './extractor-process.js'

/** An article to check and extract: one NDJSON line as written, or a value (e.g. built from a file). */
export type ArticleSource = { json: string } | { value: unknown }

/** A request made ready to store: checked, converted from HTML, extracted. */
export interface ExtractedArticle {
  article: ArticleInput
  /** Packed when it was made on a worker and holds many quotes: the store takes it so, and unpackExtraction() reads it. */
  extraction: ExtractionInput
  /** What the HTML conversion found, when the request gave html. */
  page: HtmlArticle | null
  /** The keys storing the article needs (store/ingest-keys.ts), made with the extraction. */
  keys?: IngestKeys
}

export type WorkerJob =
  | { kind: 'extract', text: string, options?: ExtractOptions }
  | { kind: 'prepare', source: ArticleSource }
  | { kind: 'reply', source: ArticleSource }

/**
 * POST /extract's reply, serialised as JSON and encoded as UTF-8 where it was made: an extraction of a long text is
 * megabytes of JSON, and serialising it (and copying the object across threads) on the main thread held every other
 * request for a tenth of a second or more. The bytes are moved, not copied, to the main thread, which only writes them.
 */
export interface ExtractReplyJson {
  json: Uint8Array
}

export type JobResult = Extraction | ExtractedArticle | ExtractReplyJson

/** What a worker is started with. */
export interface WorkerData {
  /** The nice value it gives itself (a process started under SCHED_IDLE is given 0). */
  nice: number
  /** Most quotations one article may hold (TooManyQuotationsError past it). */
  maxQuotations: number
}

export interface WorkerRequest {
  id: number
  job: WorkerJob
}

export type WorkerReply =
  /** `tid`: a worker thread's id in the kernel (Linux), whose CPU time the time limit then counts. */
  | { type: 'ready', tid?: number }
  | { type: 'done', id: number, result: JobResult }
  | { type: 'failed', id: number, message: string, field?: string | null, quotations?: { found: number, limit: number } }

/**
 * A job's result as a worker sends it: a long article's extraction packed, so that no thread but the writer's
 * unpacks it (the main thread cloned one of thousands of quotes for tens of milliseconds each way).
 */
export function forTransfer (result: JobResult): JobResult {
  return 'article' in result && !isPacked(result.extraction) && worthPacking(result.extraction)
    ? { ...result, extraction: packExtraction(result.extraction) }
    : result
}

/** What a reply can move to the other thread instead of copying: an encoded POST /extract reply, a packed extraction. */
export function transferablesOf (reply: WorkerReply): ArrayBuffer[] {
  if (reply.type !== 'done') return []
  const { result } = reply
  if ('json' in result) return [result.json.buffer as ArrayBuffer]
  if ('article' in result && isPacked(result.extraction)) return [result.extraction.packed.buffer as ArrayBuffer]
  return []
}

/** A failure as it crosses from a worker: an ArticleError keeps its field (and so its 400), a refused article its 422. */
export function failureReply (id: number, err: unknown): WorkerReply {
  if (err instanceof ArticleError) return { type: 'failed', id, message: err.message, field: err.field }
  if (err instanceof TooManyQuotationsError) return { type: 'failed', id, message: err.message, quotations: { found: err.found, limit: err.limit } }
  return { type: 'failed', id, message: err instanceof Error ? err.message : String(err) }
}

/** The error a worker's failure reply stands for, as the job would have thrown it inline. */
function failureError (reply: Extract<WorkerReply, { type: 'failed' }>): Error {
  if (reply.field !== undefined) return new ArticleError(reply.field, reply.message)
  if (reply.quotations !== undefined) return new TooManyQuotationsError(reply.quotations.found, reply.quotations.limit)
  return new Error(reply.message)
}

/** The queue is full: the caller should retry later (HTTP 503). */
export class ExtractorBusyError extends Error {
  override name = 'ExtractorBusyError'
  readonly statusCode = 503
  /** The message is meant for the client (src/plugins/errors.ts). */
  readonly expose = true
}

export class ExtractorClosedError extends Error {
  override name = 'ExtractorClosedError'
  readonly statusCode = 503
}

/** An article took longer than the pool's time limit to convert and extract: it was given up (HTTP 422). */
export class ExtractionTimeLimitError extends Error {
  override name = 'ExtractionTimeLimitError'
  readonly statusCode = 422
  readonly timeLimitMs: number

  constructor (timeLimitMs: number) {
    super(`extracting this article took longer than the limit of ${timeLimitMs} ms (EXTRACT_TIME_LIMIT_MS) and was given up`)
    this.timeLimitMs = timeLimitMs
  }
}

/**
 * A process worker waited so long for a free core that the article was given up before it had used its time limit of
 * CPU: not the article's fault (HTTP 503), the machine was too busy. Under SCHED_IDLE that happens while requests keep
 * every core busy.
 */
export class ExtractionStarvedError extends Error {
  override name = 'ExtractionStarvedError'
  readonly statusCode = 503
  readonly expose = true

  constructor (waitedMs: number, cpuMs: number) {
    super(`extracting this article waited ${Math.round(waitedMs / 1000)} s for a free core and had ${Math.round(cpuMs)} ms of CPU: ` +
      'the server is too busy to extract it now; try again later')
  }
}

/** The caller's AbortSignal fired before the job finished (its client went away). */
export class ExtractionAbortedError extends Error {
  override name = 'ExtractionAbortedError'
  // Client Closed Request: nobody reads it, but a log line says what happened.
  readonly statusCode = 499
}

/** Default time limit of one job on a worker: hundreds of times what a long real article takes (about 100 ms). */
export const DEFAULT_TIME_LIMIT_MS = 10_000

/** The worker module defaults to the sibling extractor-worker file. */
export interface ExtractorPoolOptions extends ThreadModule {
  /** Most jobs waiting for a worker before extract() rejects with ExtractorBusyError (default 1000). */
  maxQueue?: number
  /**
   * Jobs sent to a busy worker ahead of time (default 24). A worker gets its next job from the main thread, which
   * cannot answer while it stores a group of articles: without jobs in hand, workers sat idle through every store,
   * and the next group held only what they had finished.
   */
  prefetch?: number
  /** Most milliseconds one job may run on a worker before it is given up with ExtractionTimeLimitError (default 10 s). */
  timeLimitMs?: number
  /** Most quotations one article may hold before it is refused with TooManyQuotationsError (default MAX_QUOTATIONS). */
  maxQuotations?: number
  /** Workers as threads of this process (default) or as child processes of their own. */
  isolation?: WorkerIsolation
  /** Told once, with the reason, when workers cannot start and the pool extracts in the calling thread instead. */
  onFallback?: (reason: string) => void
  /**
   * Nice value each worker gives itself (default 0). Linux schedules threads by their own nice value, so a server's
   * workers can yield to the thread that answers requests without slowing it or the other processes. 'idle' (process
   * workers only, and the chrt command of util-linux) starts them under SCHED_IDLE: they run only on an idle core.
   */
  nice?: WorkerNice
  /**
   * The most workers that bulk jobs (a batch's articles: prepare() with `bulk`) run on at once (default: all). The
   * server gives batches besideTheWriter() of its workers and keeps the other for single requests.
   */
  bulkWorkers?: number
}

export type WorkerIsolation = 'thread' | 'process'
export type WorkerNice = number | 'idle'

/** How a job is run: `bulk` for one article of many (a batch), which may use at most `bulkWorkers` workers. */
export interface JobOptions {
  bulk?: boolean
}

interface Job {
  id: number
  job: WorkerJob
  bulk: boolean
  resolve: (result: JobResult) => void
  reject: (err: Error) => void
  /** Settled already (aborted): the worker running it is to be stopped, its result is not wanted. */
  abandoned?: boolean
}

interface Slot {
  worker: Worker | ProcessWorker
  ready: boolean
  /** Sent to this worker, in order; it runs the first and holds the others. */
  jobs: Job[]
  /** What made the worker fail, until its exit is handled. */
  error?: Error
  /** The job the time limit runs for (the first of `jobs`), and its timer. */
  timed?: Job
  timer?: NodeJS.Timeout
  /** When the timed job became the one the worker runs: wall clock, and the worker's CPU time (null: not known). */
  timedSince?: number
  timedCpuSince?: number | null
  /** A worker thread's id in the kernel, as it said when ready; its CPU time is read from /proc/self/task/<tid>. */
  tid?: number
  /** The worker's CPU time as last read (ms, null: not known), and when (Date.now()). */
  cpuRead?: { at: number, ms: number | null }
}

/**
 * An article's extraction allocates much and keeps little, so a small young generation costs a worker no speed
 * (10,000 articles through POST /sources/batch: 774 articles/s at 8 MB, 770 at V8's default of up to 32 MB) and
 * the server 47 MB less peak RSS with two workers (291 MB against 339). At 4 MB it was slower.
 */
const WORKER_HEAP_LIMITS = { maxYoungGenerationSizeMb: 8 }
/** The same for a process worker: V8's young generation is three semi-spaces. */
const PROCESS_HEAP_FLAGS = ['--max-semi-space-size=3']

/**
 * A worker (a process, or a thread that said its kernel id) is given up past its time limit in CPU time; one starved
 * of CPU that long (the machine overloaded, a worker at a low priority beside busy ones, or a worker stuck without
 * computing) is given up past this many times the limit in elapsed time, as the server's fault (503).
 */
const ELAPSED_LIMIT_FACTOR = 10

/**
 * A worker's CPU time read when a job starts is used again for the next jobs for this long (ms). A read of /proc takes
 * about 20 µs of the request thread, and a batch starts a job every millisecond; a job's limit then counts up to this
 * much of the jobs before it, against a limit of seconds.
 */
const CPU_READING_REUSE_MS = 100

/**
 * CPU time a worker has used so far (ms): a process's, or a thread's that said its kernel id; null where unknown. A
 * reading younger than `reuseMs` is returned again.
 */
function workerCpuMs (slot: Slot, reuseMs: number): number | null {
  const now = Date.now()
  if (slot.cpuRead !== undefined && now - slot.cpuRead.at < reuseMs) return slot.cpuRead.ms
  const ms = slot.worker instanceof ProcessWorker
    ? slot.worker.cpuMs()
    : slot.tid === undefined ? null : threadCpuMs(slot.tid)
  slot.cpuRead = { at: now, ms }
  return ms
}

/** One worker per core by default. */
export function defaultWorkerCount (): number {
  return availableParallelism()
}

/**
 * Of `count` cores (or workers), those left for extraction beside the one that stores, at least one. Storing is what
 * limits an ingest, and on two cores a second extraction worker beside the writer only took CPU from it and held
 * about 30 MB of lexicons: one worker stored 10,000 articles through POST /sources/batch at 769-965 articles/s and
 * 244-251 MB of peak RSS, two at 700-856 and 286-290 MB (bench/RESULTS.md, "Eighth stop").
 */
export function besideTheWriter (count: number): number {
  return Math.max(1, count - 1)
}

function siblingWorkerUrl (): URL {
  const extension = import.meta.url.endsWith('.ts') ? '.ts' : '.js'
  return new URL(`./extractor-worker${extension}`, import.meta.url)
}

export class ExtractorPool {
  /** Workers asked for; 0 means extraction runs in the calling thread. */
  readonly size: number
  readonly maxQueue: number
  readonly timeLimitMs: number
  readonly maxQuotations: number
  /** The most workers that hold bulk jobs at once. */
  readonly bulkWorkers: number
  private readonly prefetch: number
  private readonly workerUrl: URL
  private readonly execArgv: string[] | undefined
  private readonly nice: WorkerNice
  readonly isolation: WorkerIsolation
  /** The command a process worker starts under (chrt for SCHED_IDLE), or none. */
  private readonly wrapper: string[]
  private readonly slots: Slot[] = []
  private readonly queue: Job[] = []
  /** Workers started (a replacement takes the place of the one it replaces): bulk jobs start only those they may use. */
  private startedWorkers = 0
  private closed = false
  private nextId = 1
  private fallback: string | null = null
  private readonly onFallback: ((reason: string) => void) | undefined

  constructor (size: number = defaultWorkerCount(), options: ExtractorPoolOptions = {}) {
    if (!Number.isInteger(size) || size < 0) throw new RangeError(`pool size must be a whole number >= 0, got ${size}`)
    this.size = size
    this.maxQueue = options.maxQueue ?? 1000
    this.prefetch = options.prefetch ?? 24
    this.timeLimitMs = options.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS
    if (!(this.timeLimitMs > 0)) throw new RangeError(`time limit must be > 0 ms, got ${this.timeLimitMs}`)
    this.maxQuotations = options.maxQuotations ?? MAX_QUOTATIONS
    if (!Number.isInteger(this.maxQuotations) || this.maxQuotations < 1) throw new RangeError(`maxQuotations must be a whole number >= 1, got ${this.maxQuotations}`)
    this.workerUrl = options.workerUrl ?? siblingWorkerUrl()
    this.execArgv = options.execArgv
    this.onFallback = options.onFallback
    this.isolation = options.isolation ?? 'thread'
    if (this.isolation !== 'thread' && this.isolation !== 'process') throw new RangeError(`isolation must be 'thread' or 'process', got ${String(this.isolation)}`)
    this.nice = options.nice ?? 0
    this.wrapper = []
    if (this.nice === 'idle') {
      if (this.isolation !== 'process') throw new RangeError("nice 'idle' needs process workers (isolation 'process')")
      const idle = idleScheduling()
      if ('reason' in idle) throw new RangeError(`nice 'idle' needs Linux's SCHED_IDLE: ${idle.reason}`)
      this.wrapper = idle.command
    } else if (!Number.isInteger(this.nice) || this.nice < 0 || this.nice > 19) {
      throw new RangeError(`nice must be a whole number from 0 to 19 or 'idle', got ${this.nice}`)
    }
    this.bulkWorkers = options.bulkWorkers ?? Math.max(1, size)
    if (!Number.isInteger(this.bulkWorkers) || this.bulkWorkers < 1) throw new RangeError(`bulkWorkers must be a whole number >= 1, got ${this.bulkWorkers}`)
  }

  /** True when extraction runs in the calling thread: size 0, or workers could not start. */
  get inline (): boolean {
    return this.size === 0 || this.fallback !== null
  }

  /** Why the pool fell back to inline extraction, or null. */
  get fallbackReason (): string | null {
    return this.fallback
  }

  /** Workers (threads or processes) running or starting (they start as jobs need them). */
  get workers (): number {
    return this.slots.length
  }

  /** Jobs not yet finished (running and waiting). */
  get pending (): number {
    return this.queue.length + this.slots.reduce((sum, slot) => sum + slot.jobs.length, 0)
  }

  /** How many bulk jobs a batch should keep in flight to keep the workers it may use busy. */
  get bulkConcurrency (): number {
    return this.inline ? 1 : Math.min(this.size, this.bulkWorkers) * 2
  }

  /**
   * Starts the workers that jobs of this kind would use, ahead of the first: each takes a third of a second or more to
   * load the extractor, which can overlap the caller's own start (opening a store, starting its writer thread).
   */
  warm (options: JobOptions = {}): void {
    if (this.inline || this.closed) return
    this.startWorkers(options.bulk === true ? Math.min(this.size, this.bulkWorkers) : this.size)
    // Nothing to send yet: dispatch only lets the idle workers not keep the process alive, as between jobs.
    this.dispatch()
  }

  /** The extraction of a text; `signal` gives it up (ExtractionAbortedError) and stops the work. */
  extract (text: string, signal?: AbortSignal, options?: ExtractOptions): Promise<Extraction> {
    return this.run(options === undefined ? { kind: 'extract', text } : { kind: 'extract', text, options }, signal) as Promise<Extraction>
  }

  /**
   * An article request checked (prepareArticle: parsed, HTML converted) and extracted, all off the main thread.
   * Rejects with ArticleError (400, naming the field) for a bad request, ExtractionTimeLimitError (422) past the
   * time limit, ExtractionAbortedError when `signal` fires first.
   */
  prepare (source: ArticleSource, signal?: AbortSignal, options: JobOptions = {}): Promise<ExtractedArticle> {
    return this.run({ kind: 'prepare', source }, signal, options.bulk === true) as Promise<ExtractedArticle>
  }

  /**
   * POST /extract's reply for a request, as JSON text: checked, converted, extracted and serialised off the main
   * thread. Rejects as prepare() does.
   */
  extractReply (source: ArticleSource, signal?: AbortSignal): Promise<ExtractReplyJson> {
    return this.run({ kind: 'reply', source }, signal) as Promise<ExtractReplyJson>
  }

  private run (job: WorkerJob, signal?: AbortSignal, bulk = false): Promise<JobResult> {
    if (this.closed) return Promise.reject(new ExtractorClosedError('the extractor pool is closed'))
    if (signal?.aborted === true) return Promise.reject(new ExtractionAbortedError('the request was given up before extraction'))
    if (this.inline) return this.runInline(job)
    // Jobs sent ahead to a busy worker are still waiting, as far as the limit goes.
    const waiting = this.queue.length + this.slots.reduce((sum, slot) => sum + Math.max(0, slot.jobs.length - 1), 0)
    if (waiting >= this.maxQueue) {
      return Promise.reject(new ExtractorBusyError(`the extractor queue is full (${this.maxQueue} articles waiting); try again later`))
    }
    this.startWorkers(bulk ? Math.min(this.size, this.bulkWorkers) : this.size)
    return new Promise((resolve, reject) => {
      const entry: Job = { id: this.nextId++, job, bulk, resolve, reject }
      if (signal !== undefined) {
        const onAbort = (): void => this.abandon(entry)
        signal.addEventListener('abort', onAbort, { once: true })
        entry.resolve = (result) => { signal.removeEventListener('abort', onAbort); resolve(result) }
        entry.reject = (err) => { signal.removeEventListener('abort', onAbort); reject(err) }
      }
      this.queue.push(entry)
      this.dispatch()
    })
  }

  /** A job its caller gave up: dropped from the queue, or its worker stopped once the job is the one it runs. */
  private abandon (job: Job): void {
    job.abandoned = true
    job.reject(new ExtractionAbortedError('the request was given up during extraction'))
    const queued = this.queue.indexOf(job)
    if (queued >= 0) {
      this.queue.splice(queued, 1)
      return
    }
    for (const slot of this.slots) if (slot.jobs[0] === job) this.stop(slot, null)
  }

  /**
   * Terminates a worker in the middle of its first job (over its time limit, or abandoned), which fails with `err`
   * unless already settled; the jobs sent ahead go back to the queue and a new worker takes its place.
   */
  private stop (slot: Slot, err: Error | null): void {
    const index = this.slots.indexOf(slot)
    if (index < 0) return
    this.slots.splice(index, 1)
    clearTimeout(slot.timer)
    void slot.worker.terminate()
    const [job, ...ahead] = slot.jobs.splice(0)
    this.queue.unshift(...ahead.filter((waiting) => waiting.abandoned !== true))
    if (job && err !== null) job.reject(err)
    if (!this.closed) this.slots.push(this.spawn())
    this.dispatch()
  }

  /**
   * Keeps the time limit on the job a worker is running (its first), from when it became first: the worker runs
   * jobs in order, so the previous reply is when it started. A first job already abandoned stops the worker now.
   */
  private watch (slot: Slot): void {
    const running = slot.jobs[0]
    if (running === slot.timed) return
    clearTimeout(slot.timer)
    slot.timed = running
    slot.timer = undefined
    if (running === undefined) return
    if (running.abandoned === true) {
      this.stop(slot, null)
      return
    }
    slot.timedSince = Date.now()
    slot.timedCpuSince = workerCpuMs(slot, CPU_READING_REUSE_MS)
    this.arm(slot, this.timeLimitMs)
  }

  private arm (slot: Slot, ms: number): void {
    slot.timer = setTimeout(() => this.overtime(slot), ms)
    // The time limit alone never keeps the process alive (a busy worker does, see dispatch).
    slot.timer.unref()
  }

  /**
   * The timed job has run as long as the limit. A worker whose CPU time is known is stopped once it has used that much
   * CPU for the job, or waited ELAPSED_LIMIT_FACTOR times as long; until then the limit is checked again when the
   * CPU it has left could be used up. Another (a thread elsewhere than Linux) is stopped.
   */
  private overtime (slot: Slot): void {
    const since = slot.timedCpuSince
    const now = workerCpuMs(slot, 0)
    if (since !== null && since !== undefined && now !== null) {
      const left = this.timeLimitMs - (now - since)
      const waited = Date.now() - slot.timedSince!
      if (left > 0 && waited < this.timeLimitMs * ELAPSED_LIMIT_FACTOR) {
        // At least 10 ms: Linux counts CPU time in hundredths of a second.
        this.arm(slot, Math.max(left, 10))
        return
      }
      if (left > 0) {
        this.stop(slot, new ExtractionStarvedError(waited, now - since))
        return
      }
    }
    this.stop(slot, new ExtractionTimeLimitError(this.timeLimitMs))
  }

  /** Stops the workers; jobs not finished reject with ExtractorClosedError. */
  async close (): Promise<void> {
    if (this.closed) return
    this.closed = true
    const error = new ExtractorClosedError('the extractor pool was closed')
    for (const job of this.queue.splice(0)) job.reject(error)
    const slots = this.slots.splice(0)
    for (const slot of slots) {
      clearTimeout(slot.timer)
      for (const job of slot.jobs.splice(0)) job.reject(error)
    }
    await Promise.all(slots.map((slot) => slot.worker.terminate()))
  }

  private async runInline (job: WorkerJob): Promise<JobResult> {
    // Loaded only here: with workers, the calling thread never holds the extractor.
    const { runJob } = await import('./extractor-job.js')
    return await new Promise((resolve, reject) => {
      setImmediate(() => {
        try {
          resolve(runJob(job, this.maxQuotations))
        } catch (err) {
          reject(err instanceof Error ? err : new Error(String(err)))
        }
      })
    })
  }

  /**
   * Starts workers up to `count`. A batch alone starts only the workers it may use: each worker holds the extractor's
   * lexicons and name lists (about 30 MB), so one the batch never uses is memory for nothing; the first single request
   * starts the rest.
   */
  private startWorkers (count: number): void {
    for (; this.startedWorkers < count; this.startedWorkers++) this.slots.push(this.spawn())
  }

  private spawn (): Slot {
    const workerData = { nice: this.nice === 'idle' ? 0 : this.nice, maxQuotations: this.maxQuotations } satisfies WorkerData
    const worker = this.isolation === 'process'
      ? new ProcessWorker(this.workerUrl, {
        workerData,
        execArgv: [...(this.execArgv ?? process.execArgv), ...PROCESS_HEAP_FLAGS],
        wrapper: this.wrapper,
      })
      : new Worker(this.workerUrl, { workerData, resourceLimits: WORKER_HEAP_LIMITS, execArgv: this.execArgv })
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
      if (reply.tid !== undefined && Number.isInteger(reply.tid) && reply.tid > 0) slot.tid = reply.tid
    } else {
      const index = slot.jobs.findIndex((job) => job.id === reply.id)
      const job = index < 0 ? null : slot.jobs.splice(index, 1)[0]!
      if (job !== null) {
        if (reply.type === 'done') job.resolve(reply.result)
        else job.reject(failureError(reply))
      }
    }
    this.dispatch()
  }

  /** A worker that dies before it is ready means workers cannot run here: go inline. One that dies later is replaced. */
  private onFailure (slot: Slot, err: Error): void {
    const index = this.slots.indexOf(slot)
    if (this.closed || index < 0) return
    this.slots.splice(index, 1)
    clearTimeout(slot.timer)
    void slot.worker.terminate()
    // The worker runs its jobs in order: the first is the one it failed on, the others go back to the queue.
    const [job, ...ahead] = slot.jobs.splice(0)
    this.queue.unshift(...ahead.filter((waiting) => waiting.abandoned !== true))
    if (!slot.ready) {
      this.fallback = `extractor workers cannot start (${err.message}); extracting in the main thread`
      this.onFallback?.(this.fallback)
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

  /**
   * The least loaded ready worker with room for `job` (one job running and `prefetch` waiting). A bulk job goes to one
   * of the first `bulkWorkers`: always the same ones, so that the others stay small (a worker's heap grows with the
   * articles it extracts, and extraction outruns storing, so bulk jobs given to whichever worker was free spread over
   * all of them). A single job is not sent ahead behind bulk jobs while the pool has workers kept from them: it waits
   * for one of those (started, if need be, by run()).
   */
  private slotFor (job: Job): Slot | undefined {
    const eligible = job.bulk ? Math.min(this.bulkWorkers, this.slots.length) : this.slots.length
    const keptFromBulk = !job.bulk && this.size > this.bulkWorkers
    let slot: Slot | undefined
    for (let k = 0; k < eligible; k++) {
      const candidate = this.slots[k]!
      if (!candidate.ready || candidate.jobs.length > this.prefetch) continue
      if (keptFromBulk && candidate.jobs.some((queued) => queued.bulk)) continue
      if (!slot || candidate.jobs.length < slot.jobs.length) slot = candidate
    }
    return slot
  }

  private dispatch (): void {
    // In queue order; a bulk job that must wait for its workers lets the jobs behind it go to the others.
    for (let q = 0; q < this.queue.length && this.slots.some((s) => s.ready && s.jobs.length <= this.prefetch);) {
      const job = this.queue[q]!
      const slot = this.slotFor(job)
      if (!slot) { q++; continue }
      this.queue.splice(q, 1)
      slot.jobs.push(job)
      slot.worker.postMessage({ id: job.id, job: job.job } satisfies WorkerRequest)
    }
    for (const slot of [...this.slots]) this.watch(slot)
    // Busy or starting workers keep the process alive; idle ones never hold it open.
    const waiting = this.queue.length > 0
    for (const slot of this.slots) {
      if (slot.jobs.length > 0 || waiting) slot.worker.ref()
      else slot.worker.unref()
    }
  }
}
