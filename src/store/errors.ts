// Errors the store throws for requests it cannot carry out. Each carries the HTTP status it
// stands for, which the error handler uses; the CLI shows the message alone.
import { checkQueryShape } from './fts-limits.js'

/** The id names nothing stored. */
export class NotFoundError extends Error {
  override name = 'NotFoundError'
  readonly statusCode = 404
}

/** The request contradicts what is stored (merging a speaker into itself, an alias it does not have). */
export class ConflictError extends Error {
  override name = 'ConflictError'
  readonly statusCode = 409
}

/** A full-text query (FTS5) that is not valid syntax. */
export class QuerySyntaxError extends Error {
  override name = 'QuerySyntaxError'
  readonly statusCode = 400
}

/**
 * Runs a query that takes a user's FTS5 expression `match` (if any), turning SQLite's syntax errors into
 * QuerySyntaxError; an expression over the limits of fts-limits.ts is refused (QueryLimitError) before it runs.
 */
export function withFtsQuery<T> (match: string | undefined, run: () => T): T {
  if (match !== undefined) checkQueryShape(match)
  try {
    return run()
  } catch (err) {
    if (err instanceof Error && /fts5|syntax error|unterminated string|no such column|unknown special query/i.test(err.message)) {
      throw new QuerySyntaxError(`q is not a valid full-text query (${err.message.replace(/^fts5: /, '')}); put phrases in double quotes, e.g. "peace deal"`)
    }
    throw err
  }
}

/** A search ran past the time limit and was stopped (HTTP 503; `expose`: the message is meant for the client). */
export class SearchTimeLimitError extends Error {
  override name = 'SearchTimeLimitError'
  readonly statusCode = 503
  readonly expose = true
  readonly timeLimitMs: number

  constructor (timeLimitMs: number) {
    super(`this search took longer than the limit of ${timeLimitMs} ms (SEARCH_TIME_LIMIT_MS) and was stopped; ` +
      'narrow it (rarer words, a phrase, a date range, a speaker) or try again later')
    this.timeLimitMs = timeLimitMs
  }
}

/** What a write that failed for want of space is told (HTTP 507): nothing of it was stored. */
export const STORAGE_FULL_MESSAGE = 'the database cannot grow: its disk (or its size limit) is full, so nothing of this ' +
  'request was stored; reads still work, and writes succeed again once space is freed'

/**
 * The database could not write for want of space: SQLite's SQLITE_FULL (the disk, or the database's max_page_count),
 * PostgreSQL's disk_full (53100).
 */
export function isStorageFull (err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code
  return code === 'SQLITE_FULL' || code === '53100'
}
