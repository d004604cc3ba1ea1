// Builds the Fastify application without listening: plugins first, then one route file per resource.
import type { Server } from 'node:http'
import Fastify, { type FastifyHttpOptions, type FastifyInstance, type FastifyServerOptions } from 'fastify'
import sensible from '@fastify/sensible'
import fp from 'fastify-plugin'
import type { FastifyPluginAsyncTypebox, TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { DEFAULT_BATCH_BODY_LIMIT, DEFAULT_BODY_LIMIT, DEFAULT_EXTRACT_TIME_LIMIT_MS, DEFAULT_RATE_LIMIT_PER_MINUTE, DEFAULT_REPLY_CACHE_BYTES, DEFAULT_SEARCH_READERS, DEFAULT_SEARCH_TIME_LIMIT_MS, type CorsOrigin, type TrustProxy } from './config.js'
import { MIGRATIONS_DIR, SEEDS_DIR } from './paths.js'
import auth from './plugins/auth.js'
import body from './plugins/body.js'
import coerce from './plugins/coerce.js'
import db from './plugins/db.js'
import errors, { frameworkErrorReply } from './plugins/errors.js'
import etag from './plugins/etag.js'
import openapi from './plugins/openapi.js'
import replyCache from './plugins/reply-cache.js'
import searchReaders from './plugins/search-readers.js'
import security, { clientErrorReply } from './plugins/security.js'
import seed from './plugins/seed.js'
import healthRoutes from './routes/health.js'
import pageRoutes from './routes/pages/index.js'
import cursors from './plugins/cursors.js'
import quoteCorrectionRoutes from './routes/quotes/correct.js'
import quoteRoutes from './routes/quotes/index.js'
import extractRoutes from './routes/extract.js'
import sourceBatchRoutes from './routes/sources/batch.js'
import sourceRoutes from './routes/sources/index.js'
import sourceIngestRoutes from './routes/sources/ingest.js'
import sourceManageRoutes from './routes/sources/manage.js'
import speakerCorrectionRoutes from './routes/speakers/corrections.js'
import speakerRoutes from './routes/speakers/index.js'
import extractor from './services/extractor-plugin.js'
import { defaultWorkerCount, type WorkerIsolation, type WorkerNice } from './services/extractor-pool.js'

export interface AppOptions {
  /** A SQLite file path, ':memory:', or a postgres:// URL (PostgreSQL). */
  databasePath: string
  /** A PostgreSQL replica the GET routes read from; unset or null reads from databasePath. */
  readDatabaseUrl?: string | null
  /** Signs pagination cursors; unset or null uses the secret stored in the database. */
  cursorSecret?: string | null
  /** Ingest the seeds directory when the database has no sources. */
  seed: boolean
  seedsDir?: string
  migrationsDir?: string
  /** Writes need `Authorization: Bearer <apiKey>`; unset or null leaves them open. */
  apiKey?: string | null
  /** Requests per minute per client IP (default 1000); 0 turns the limit off. */
  rateLimitPerMinute?: number
  /** CORS origins: '*' or a list; unset or null sends no CORS headers. */
  corsOrigin?: CorsOrigin
  /** Largest JSON body in bytes (default 2 MB). */
  bodyLimit?: number
  /** Largest NDJSON batch request in bytes (default 100 MB), read by batch routes as fastify.limits.batchBodyLimit. */
  batchBodyLimit?: number
  /** Proxies trusted to give the client's address in X-Forwarded-For (default none): true, a hop count or addresses. */
  trustProxy?: TrustProxy
  /**
   * SQLite in a file: writes (ingest, deletion, corrections) on a thread of their own, so that storing a long article
   * never holds the requests being answered (default true; tests of the routes turn it off to start no thread).
   */
  writerThread?: boolean
  /** Worker threads for extraction (POST /extract, POST /sources/batch); default one per core, 0 = main thread. */
  extractorWorkers?: number
  /** Most milliseconds one article's conversion and extraction may take on a worker (default 10 s); then 422. */
  extractTimeLimitMs?: number
  /** Most quotations one article may hold before it is refused with 422 (default MAX_QUOTATIONS, 10,000). */
  maxQuotations?: number
  /** Bytes of GET replies kept in memory until the database changes (default 32 MB); 0 turns the cache off. */
  replyCacheBytes?: number
  /** Extraction workers as threads (default) or child processes (the server passes what planExtraction chose). */
  extractIsolation?: WorkerIsolation
  /** Nice value of the extraction workers (default 0: as the rest; the server passes EXTRACT_WORKER_NICE). */
  extractWorkerNice?: WorkerNice
  /** Nice value of the search reader threads (default 0: as the rest; the server passes SEARCH_READER_NICE). */
  searchReaderNice?: number
  /** Reader threads for GET /quotes?q= on a SQLite file (default 2); 0 searches in the main thread. */
  searchReaders?: number
  /** Most milliseconds one search on a reader may run (default 3 s); then 503. */
  searchTimeLimitMs?: number
  /** Server timeouts (default SERVER_TIMEOUTS); tests shorten them. */
  timeouts?: Partial<ServerTimeouts>
  /**
   * Node options the app's threads (extraction workers, search readers, the writer) start with (default: this
   * thread's, as Node passes them on). The tests leave out the test runner's own preloads (its mocks and process
   * tracking), which each thread would load again.
   */
  threadExecArgv?: string[]
}

export interface ServerTimeouts {
  /** A whole request, including a 100 MB batch upload, must arrive within this. */
  requestTimeout: number
  /** The request line and headers must arrive within this (slow senders of headers: slowloris). */
  headersTimeout: number
  keepAliveTimeout: number
  /** How often Node looks for connections past those limits: a late one is cut off at most this much later. */
  connectionsCheckingInterval: number
}

/** Server timeouts (ms). */
export const SERVER_TIMEOUTS: Readonly<ServerTimeouts> = {
  requestTimeout: 120_000,
  headersTimeout: 30_000,
  keepAliveTimeout: 72_000,
  // Node's default is 30 s, which let a slow sender hold a connection for up to twice headersTimeout.
  connectionsCheckingInterval: 5_000,
}

export const app: FastifyPluginAsyncTypebox<AppOptions> = async (fastify, options) => {
  await fastify.register(sensible)
  await fastify.register(errors)
  // Headers, CORS and the rate limit first, then auth: hooks run in this order, all before any body is read.
  await fastify.register(security, {
    rateLimitPerMinute: options.rateLimitPerMinute ?? DEFAULT_RATE_LIMIT_PER_MINUTE,
    corsOrigin: options.corsOrigin ?? null,
  })
  await fastify.register(auth, { apiKey: options.apiKey ?? null })
  await fastify.register(body, {
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    batchBodyLimit: options.batchBodyLimit ?? DEFAULT_BATCH_BODY_LIMIT,
  })
  await fastify.register(coerce)
  await fastify.register(etag)
  await fastify.register(openapi)
  await fastify.register(db, {
    databasePath: options.databasePath,
    readDatabaseUrl: options.readDatabaseUrl ?? null,
    migrationsDir: options.migrationsDir,
    defaultMigrationsDir: MIGRATIONS_DIR,
    writerThread: options.writerThread ?? true,
    threadExecArgv: options.threadExecArgv,
  })
  await fastify.register(cursors, { secret: options.cursorSecret ?? null })
  await fastify.register(searchReaders, {
    databasePath: options.databasePath,
    readers: options.searchReaders ?? DEFAULT_SEARCH_READERS,
    timeLimitMs: options.searchTimeLimitMs ?? DEFAULT_SEARCH_TIME_LIMIT_MS,
    nice: options.searchReaderNice,
    execArgv: options.threadExecArgv,
  })
  // After the security, auth and ETag hooks, which run for cached replies too.
  await fastify.register(replyCache, { maxBytes: options.replyCacheBytes ?? DEFAULT_REPLY_CACHE_BYTES })
  await fastify.register(extractor, {
    workers: options.extractorWorkers ?? defaultWorkerCount(),
    timeLimitMs: options.extractTimeLimitMs ?? DEFAULT_EXTRACT_TIME_LIMIT_MS,
    maxQuotations: options.maxQuotations,
    isolation: options.extractIsolation,
    nice: options.extractWorkerNice,
    execArgv: options.threadExecArgv,
  })
  if (options.seed) await fastify.register(seed, { seedsDir: options.seedsDir ?? SEEDS_DIR })
  await fastify.register(healthRoutes)
  await fastify.register(sourceRoutes)
  await fastify.register(sourceIngestRoutes)
  await fastify.register(sourceManageRoutes)
  await fastify.register(sourceBatchRoutes)
  await fastify.register(extractRoutes)
  await fastify.register(speakerRoutes)
  await fastify.register(speakerCorrectionRoutes)
  await fastify.register(quoteRoutes)
  await fastify.register(quoteCorrectionRoutes)
  await fastify.register(pageRoutes)
}

export type App = FastifyInstance

/** The options the Fastify instance is built with: body limit, strict validation, timeouts. */
export function serverOptions (options: AppOptions, logger: FastifyServerOptions['logger'] = false): FastifyHttpOptions<Server> {
  const timeouts = { ...SERVER_TIMEOUTS, ...options.timeouts }
  return {
    logger,
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    // request.ip, and so the rate limit, is the proxy's address unless the proxy is trusted.
    // (A hop count works, though Fastify's types leave numbers out.)
    trustProxy: (options.trustProxy ?? false) as FastifyServerOptions['trustProxy'],
    // A body schema with additionalProperties: false refuses unknown fields instead of dropping them silently, and
    // a body is taken as typed: only query strings, params and headers are converted (src/plugins/coerce.ts).
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false } },
    // Errors raised while routing (bad percent-encoding, an over-long path parameter) in the usual error shape too.
    frameworkErrors: frameworkErrorReply,
    // Bytes that are not HTTP get the usual error shape and security headers too.
    clientErrorHandler: clientErrorReply,
    requestTimeout: timeouts.requestTimeout,
    keepAliveTimeout: timeouts.keepAliveTimeout,
    http: { connectionsCheckingInterval: timeouts.connectionsCheckingInterval },
  }
}

/** A ready application; rejects (e.g. with a MigrationError) when start-up fails. */
export async function buildApp (options: AppOptions, logger: FastifyServerOptions['logger'] = false): Promise<App> {
  const fastify = Fastify(serverOptions(options, logger)).withTypeProvider<TypeBoxTypeProvider>()
  // Slow senders of headers (slowloris) are cut off sooner than slow senders of bodies.
  fastify.server.headersTimeout = options.timeouts?.headersTimeout ?? SERVER_TIMEOUTS.headersTimeout
  // Unencapsulated so that tests and server.ts see fastify.db on the instance they hold.
  await fastify.register(fp(app), options)
  try {
    await fastify.ready()
  } catch (err) {
    await fastify.close().catch(() => {})
    throw err
  }
  return fastify
}
