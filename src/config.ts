// Server configuration from environment variables, checked up front with messages that name the variable.

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const
export type LogLevel = typeof LOG_LEVELS[number]

export interface Config {
  port: number
  host: string
  databasePath: string
  logLevel: LogLevel
  /** Ingest seeds/ when the database has no sources at start-up. */
  seed: boolean
}

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

export function databasePathFrom (env: Env): string {
  const value = env['DATABASE_PATH']
  return value === undefined || value === '' ? DEFAULT_DATABASE_PATH : value
}

/** Reads every setting, throwing ConfigError on the first bad one. */
export function loadConfig (env: Env): Config {
  const host = env['HOST']
  return {
    port: parsePort(env['PORT']),
    host: host === undefined || host === '' ? '127.0.0.1' : host,
    databasePath: databasePathFrom(env),
    logLevel: parseLogLevel(env['LOG_LEVEL']),
    seed: parseSeed(env['SEED']),
  }
}
