// fastify.extractor: the ExtractorPool the routes extract with, closed when the app closes.
import fp from 'fastify-plugin'
import { besideTheWriter, ExtractorPool, type WorkerIsolation, type WorkerNice } from './extractor-pool.js'

declare module 'fastify' {
  interface FastifyInstance {
    extractor: ExtractorPool
  }
}

export interface ExtractorPluginOptions {
  /** Worker threads; 0 extracts in the main thread. Workers start on the first extraction. */
  workers: number
  /** Most milliseconds one job may run on a worker before it is given up (ExtractionTimeLimitError, 422). */
  timeLimitMs?: number
  /** Most quotations one article may hold before it is refused (TooManyQuotationsError, 422). */
  maxQuotations?: number
  /** Workers as threads (default) or child processes. */
  isolation?: WorkerIsolation
  /** Nice value of the workers (default 0), or 'idle' for process workers. */
  nice?: WorkerNice
  /** Node options the worker threads start with (default: this thread's). */
  execArgv?: string[] | undefined
  /**
   * The most workers a batch's articles use at once (ExtractorPoolOptions.bulkWorkers). By default all but one, at
   * least one (besideTheWriter): the batch's writer thread takes a core of its own, and the worker left over answers
   * single requests (POST /extract, POST /sources) without waiting behind a batch's articles.
   */
  bulkWorkers?: number
}

export default fp<ExtractorPluginOptions>(async (fastify, options) => {
  const pool = new ExtractorPool(options.workers, {
    timeLimitMs: options.timeLimitMs,
    maxQuotations: options.maxQuotations,
    isolation: options.isolation,
    nice: options.nice,
    execArgv: options.execArgv,
    bulkWorkers: options.bulkWorkers ?? besideTheWriter(options.workers),
    // Articles then hold the thread that answers requests, with no time limit: an operator has to know (and /health says).
    onFallback: (reason) => fastify.log.error(reason),
  })
  fastify.decorate('extractor', pool)
  fastify.addHook('onClose', async () => pool.close())
}, { name: 'extractor' })
