// Server configuration from environment variables, checked up front with messages that name the variable.
import { isIP } from 'node:net'
import { MAX_QUOTATIONS } from './extract/limits.js'
import type { WorkerIsolation, WorkerNice } from './services/extractor-pool.js'

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const
export type LogLevel = typeof LOG_LEVELS[number]

export interface Config {
  port: number
  host: string
  /** A SQLite file path, or the postgres:// URL of DATABASE_URL when set. */
  databasePath: string
  /** A PostgreSQL replica for the GET routes (DATABASE_READ_URL); null reads from databasePath. */
  readDatabaseUrl: string | null
  /** Signs pagination cursors (CURSOR_SECRET); null uses the secret stored in the database. */
  cursorSecret: string | null
  logLevel: LogLevel
  /** Ingest seeds/ when the database has no sources at start-up. */
  seed: boolean
  /** Writes need `Authorization: Bearer <apiKey>`; null leaves them open. */
  apiKey: string | null
  /** Requests per minute per client IP; 0 turns rate limiting off. */
  rateLimitPerMinute: number
  /** Origins allowed by CORS: '*', a list, or null for no CORS headers at all. */
  corsOrigin: CorsOrigin
  /** Largest JSON request body, in bytes. */
  bodyLimit: number
  /** Largest NDJSON batch request, in bytes. */
  batchBodyLimit: number
  /** Which proxies may tell the client's address in X-Forwarded-For: none, all, a hop count, or their addresses. */
  trustProxy: TrustProxy
  /** Most milliseconds one article's HTML conversion and extraction may take before it is given up (422). */
  extractTimeLimitMs: number
  /** Most quotations one article may hold before it is refused (422), whatever the time it would take. */
  maxQuotations: number
  /** Bytes of GET replies kept in memory until the database changes; 0 turns the cache off. */
  replyCacheBytes: number
  /**
   * Extraction workers as threads of the server, as child processes, or 'auto' (default): processes under Linux's
   * SCHED_IDLE where the server is alone in its CPU cgroup, threads elsewhere (EXTRACT_ISOLATION; planExtraction).
   */
  extractIsolation: WorkerIsolation | 'auto'
  /**
   * Nice value (0-19) of the extraction workers, so that the thread that answers requests comes first; 'idle'
   * (process workers only) runs them under Linux's SCHED_IDLE, on cores nothing else wants. Null when not set: idle
   * for processes, 10 for threads.
   */
  extractWorkerNice: WorkerNice | null
  /** Nice value (0-19) of the search reader threads: a costly search yields to the thread that answers requests. */
  searchReaderNice: number
  /** Reader threads for GET /quotes?q= on a SQLite file (SEARCH_READERS); 0 searches in the main thread. */
  searchReaders: number
  /** Most milliseconds one search on a reader thread may run before it is stopped and answered 503. */
  searchTimeLimitMs: number
}

export type TrustProxy = boolean | number | string[]

export type CorsOrigin = '*' | string[] | null

export const DEFAULT_RATE_LIMIT_PER_MINUTE = 1000
export const DEFAULT_BODY_LIMIT = 2 * 1024 * 1024
export const DEFAULT_BATCH_BODY_LIMIT = 100 * 1024 * 1024
export const DEFAULT_EXTRACT_TIME_LIMIT_MS = 10_000
export const DEFAULT_REPLY_CACHE_BYTES = 32 * 1024 * 1024
/**
 * Extraction workers run below the thread that answers requests: on a machine with as many busy workers as cores, a
 * reader's GET otherwise waits for a time slice behind a long article. Work is not lost, only ordered.
 */
export const DEFAULT_EXTRACT_WORKER_NICE = 10
/** Searches likewise: when searches keep both cores busy, other requests are still answered first. */
export const DEFAULT_SEARCH_READER_NICE = 10
/** Reader threads for searches: two let searches run side by side on a small machine without crowding out the rest. */
export const DEFAULT_SEARCH_READERS = 2
/** Most milliseconds one search may run: hundreds of times what a search takes at 8 million quotes (a few ms). */
export const DEFAULT_SEARCH_TIME_LIMIT_MS = 3_000
/** Shorter keys are refused: a key is the only thing between the internet and the writes. */
export const MIN_API_KEY_LENGTH = 16

export const DEFAULT_DATABASE_PATH = './data/whosaid.db'

export class ConfigError extends Error {
  override name = 'ConfigError'
}

type Env = Record<string, string | undefined>

function parsePort (value: string | undefined): number {
  if (value === undefined || value === '') return 3000
  const port = Number(value)
  if (!/^\d+$/.test(value) || port > 65535) {
    throw new ConfigError(`PORT must be an integer from 0 to 65535, got "${value}"`)
  }
  return port
}

function parseLogLevel (value: string | undefined): LogLevel {
  if (value === undefined || value === '') return 'info'
  const level = value.toLowerCase()
  if (!(LOG_LEVELS as readonly string[]).includes(level)) {
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${value}"`)
  }
  return level as LogLevel
}

function parseSeed (value: string | undefined): boolean {
  if (value === undefined || value === '') return true
  const normalized = value.toLowerCase()
  if (normalized === 'true' || normalized === '1') return true
  if (normalized === 'false' || normalized === '0') return false
  throw new ConfigError(`SEED must be true or false, got "${value}"`)
}

function parseApiKey (value: string | undefined): string | null {
  if (value === undefined || value === '') return null
  // The same characters src/plugins/auth.ts accepts after "Bearer ".
  if (!/^[\x21-\x7e]+$/.test(value)) {
    throw new ConfigError('API_KEY must be printable ASCII without spaces (it is sent as "Authorization: Bearer <key>")')
  }
  if (value.length < MIN_API_KEY_LENGTH) {
    throw new ConfigError(`API_KEY must be at least ${MIN_API_KEY_LENGTH} characters long, got ${value.length}`)
  }
  return value
}

function parseCount (name: string, value: string | undefined, fallback: number, min: number): number {
  if (value === undefined || value === '') return fallback
  const n = Number(value)
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < min) {
    throw new ConfigError(`${name} must be an integer of at least ${min}, got "${value}"`)
  }
  return n
}

/** MAX_QUOTATIONS, for the server and the CLI commands that extract: most quotations one article may hold. */
export function parseMaxQuotations (value: string | undefined): number {
  return parseCount('MAX_QUOTATIONS', value, MAX_QUOTATIONS, 1)
}

/** 0 (as the server) to 19 (only when nothing else wants the core); lowering it below 0 would need privileges. */
function parseNice (name: string, value: string | undefined, fallback: number): number {
  const nice = parseCount(name, value, fallback, 0)
  if (nice > 19) throw new ConfigError(`${name} must be an integer from 0 to 19, got "${value}"`)
  return nice
}

function parseIsolation (value: string | undefined): WorkerIsolation | 'auto' {
  const setting = value?.trim() ?? ''
  if (setting === '' || setting === 'auto') return 'auto'
  if (setting === 'thread' || setting === 'process') return setting
  throw new ConfigError(`EXTRACT_ISOLATION must be "auto", "thread" or "process", got "${value}"`)
}

function parseWorkerNice (value: string | undefined, isolation: WorkerIsolation | 'auto'): WorkerNice | null {
  if (value === undefined || value.trim() === '') return null
  if (value.trim() !== 'idle') {
    try {
      return parseNice('EXTRACT_WORKER_NICE', value, DEFAULT_EXTRACT_WORKER_NICE)
    } catch (err) {
      throw err instanceof ConfigError ? new ConfigError(`${err.message} (or "idle")`) : err
    }
  }
  if (isolation === 'thread') throw new ConfigError('EXTRACT_WORKER_NICE=idle needs process workers, not EXTRACT_ISOLATION=thread')
  return 'idle'
}

/** Where articles are extracted and at what priority, once the machine has been asked what it allows. */
export interface ExtractionPlan {
  isolation: WorkerIsolation
  nice: WorkerNice
  /** Why, for the start-up log: what was set, or what the machine allowed. */
  reason: string
}

/** What planExtraction asks the machine (extractor-process.ts, cpu-cgroup.ts); tests give answers of their own. */
export interface ExtractionProbes {
  /** The command that starts a process under SCHED_IDLE, or why there is none. */
  idle: () => { command: string[] } | { reason: string }
  /** Null when the server is alone in its CPU cgroup, else why not. */
  sharedCgroup: () => string | null
}

/**
 * Decides EXTRACT_ISOLATION=auto and an unset EXTRACT_WORKER_NICE. Processes under SCHED_IDLE keep hostile
 * extraction furthest from a reader's p99 (bench/RESULTS.md, "Twelfth stop" and "Thirteenth stop"). But SCHED_IDLE
 * yields to every busy task of the cgroup, so auto chooses it only where the server is alone in its CPU cgroup (a
 * container, a systemd service with CPUWeight=): in a shared one its articles would wait for whatever else runs there.
 * Elsewhere threads: a process at a nice value costs 55 MB more than a thread for little of the gain.
 */
export function planExtraction (config: Pick<Config, 'extractIsolation' | 'extractWorkerNice'>, probes: ExtractionProbes): ExtractionPlan {
  const { extractIsolation: isolation, extractWorkerNice: nice } = config
  if (isolation === 'thread') return { isolation, nice: nice ?? DEFAULT_EXTRACT_WORKER_NICE, reason: 'EXTRACT_ISOLATION=thread' }
  if (typeof nice === 'number') {
    return isolation === 'process'
      ? { isolation, nice, reason: 'EXTRACT_ISOLATION=process' }
      : { isolation: 'thread', nice, reason: `EXTRACT_WORKER_NICE=${nice}: processes are chosen only for SCHED_IDLE` }
  }
  const threads = { isolation: 'thread', nice: DEFAULT_EXTRACT_WORKER_NICE } as const
  if (isolation === 'auto' && nice === null) {
    const shared = probes.sharedCgroup()
    if (shared !== null) return { ...threads, reason: `no SCHED_IDLE: ${shared}` }
  }
  const idle = probes.idle()
  if ('reason' in idle) {
    if (nice === 'idle') throw new ConfigError(`EXTRACT_WORKER_NICE=idle cannot be had here: ${idle.reason}`)
    if (isolation === 'process') return { isolation, nice: DEFAULT_EXTRACT_WORKER_NICE, reason: `EXTRACT_ISOLATION=process without SCHED_IDLE: ${idle.reason}` }
    return { ...threads, reason: `no SCHED_IDLE: ${idle.reason}` }
  }
  const reason = isolation === 'process' ? 'EXTRACT_ISOLATION=process' : nice === 'idle' ? 'EXTRACT_WORKER_NICE=idle' : 'alone in its CPU cgroup, with SCHED_IDLE'
  return { isolation: 'process', nice: 'idle', reason }
}

function parseCorsOrigin (value: string | undefined): CorsOrigin {
  if (value === undefined || value.trim() === '') return null
  if (value.trim() === '*') return '*'
  const origins = value.split(',').map((origin) => origin.trim()).filter((origin) => origin !== '')
  for (const origin of origins) {
    let parsed: URL | undefined
    try { parsed = new URL(origin) } catch { parsed = undefined }
    if (parsed === undefined || !/^https?:$/.test(parsed.protocol) || parsed.origin !== origin.replace(/\/$/, '')) {
      throw new ConfigError(`CORS_ORIGIN must be * or a comma-separated list of origins like https://example.org, got "${origin}"`)
    }
  }
  return origins.map((origin) => origin.replace(/\/$/, ''))
}

function parseTrustProxy (value: string | undefined): TrustProxy {
  if (value === undefined || value.trim() === '' || value.trim().toLowerCase() === 'false') return false
  if (value.trim().toLowerCase() === 'true') return true
  if (/^\d+$/.test(value.trim())) return Number(value.trim())
  const addresses = value.split(',').map((address) => address.trim()).filter((address) => address !== '')
  for (const address of addresses) {
    const [ip, prefix, ...rest] = address.split('/')
    const version = isIP(ip ?? '')
    const prefixOk = prefix === undefined || (/^\d+$/.test(prefix) && Number(prefix) <= (version === 6 ? 128 : 32))
    if (version === 0 || !prefixOk || rest.length > 0) {
      throw new ConfigError(`TRUST_PROXY must be true, false, a number of hops or a comma-separated list of IP addresses or CIDR ranges, got "${address}"`)
    }
  }
  return addresses
}

/** Where the data lives: DATABASE_URL (postgres://…) when set, else the SQLite file DATABASE_PATH. */
export function databasePathFrom (env: Env): string {
  const url = env['DATABASE_URL']
  if (url !== undefined && url !== '') {
    if (!/^postgres(ql)?:\/\/./i.test(url)) {
      throw new ConfigError(`DATABASE_URL must be a PostgreSQL URL like postgres://user:password@host:5432/whosaid, got "${url.replace(/:[^:@/]*@/, ':***@')}"`)
    }
    return url
  }
  const value = env['DATABASE_PATH']
  return value === undefined || value === '' ? DEFAULT_DATABASE_PATH : value
}

function parseReadUrl (env: Env): string | null {
  const value = env['DATABASE_READ_URL']
  if (value === undefined || value === '') return null
  if (env['DATABASE_URL'] === undefined || env['DATABASE_URL'] === '') {
    throw new ConfigError('DATABASE_READ_URL needs DATABASE_URL: a read replica is for PostgreSQL, not for a SQLite file')
  }
  if (!/^postgres(ql)?:\/\/./i.test(value)) {
    throw new ConfigError(`DATABASE_READ_URL must be a PostgreSQL URL like postgres://user:password@replica:5432/whosaid, got "${value.replace(/:[^:@/]*@/, ':***@')}"`)
  }
  return value
}

/** Shorter cursor secrets are refused: anyone who guesses it can forge cursors. */
export const MIN_CURSOR_SECRET_LENGTH = 16

function parseCursorSecret (value: string | undefined): string | null {
  if (value === undefined || value === '') return null
  if (value.length < MIN_CURSOR_SECRET_LENGTH) {
    throw new ConfigError(`CURSOR_SECRET must be at least ${MIN_CURSOR_SECRET_LENGTH} characters long, got ${value.length}`)
  }
  return value
}

/** Reads every setting, throwing ConfigError on the first bad one. */
export function loadConfig (env: Env): Config {
  const host = env['HOST']
  const extractIsolation = parseIsolation(env['EXTRACT_ISOLATION'])
  return {
    port: parsePort(env['PORT']),
    host: host === undefined || host === '' ? '127.0.0.1' : host,
    databasePath: databasePathFrom(env),
    readDatabaseUrl: parseReadUrl(env),
    cursorSecret: parseCursorSecret(env['CURSOR_SECRET']),
    logLevel: parseLogLevel(env['LOG_LEVEL']),
    seed: parseSeed(env['SEED']),
    apiKey: parseApiKey(env['API_KEY']),
    rateLimitPerMinute: parseCount('RATE_LIMIT_PER_MINUTE', env['RATE_LIMIT_PER_MINUTE'], DEFAULT_RATE_LIMIT_PER_MINUTE, 0),
    corsOrigin: parseCorsOrigin(env['CORS_ORIGIN']),
    bodyLimit: parseCount('BODY_LIMIT', env['BODY_LIMIT'], DEFAULT_BODY_LIMIT, 1),
    batchBodyLimit: parseCount('BATCH_BODY_LIMIT', env['BATCH_BODY_LIMIT'], DEFAULT_BATCH_BODY_LIMIT, 1),
    trustProxy: parseTrustProxy(env['TRUST_PROXY']),
    extractTimeLimitMs: parseCount('EXTRACT_TIME_LIMIT_MS', env['EXTRACT_TIME_LIMIT_MS'], DEFAULT_EXTRACT_TIME_LIMIT_MS, 1),
    maxQuotations: parseMaxQuotations(env['MAX_QUOTATIONS']),
    replyCacheBytes: parseCount('REPLY_CACHE_BYTES', env['REPLY_CACHE_BYTES'], DEFAULT_REPLY_CACHE_BYTES, 0),
    extractIsolation,
    extractWorkerNice: parseWorkerNice(env['EXTRACT_WORKER_NICE'], extractIsolation),
    searchReaderNice: parseNice('SEARCH_READER_NICE', env['SEARCH_READER_NICE'], DEFAULT_SEARCH_READER_NICE),
    searchReaders: parseCount('SEARCH_READERS', env['SEARCH_READERS'], DEFAULT_SEARCH_READERS, 0),
    searchTimeLimitMs: parseCount('SEARCH_TIME_LIMIT_MS', env['SEARCH_TIME_LIMIT_MS'], DEFAULT_SEARCH_TIME_LIMIT_MS, 1),
  }
}
