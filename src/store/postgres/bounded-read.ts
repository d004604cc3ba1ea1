// A read whose statements may each run a given time: a full-text search that matches much of a large archive is
// stopped by the server (statement_timeout) instead of holding a connection and a core, and fails with
// SearchTimeLimitError, the same 503 as SQLite's reader threads give.
import pg from 'pg'
import { SearchTimeLimitError } from '../errors.js'
import type { Sql } from './connection.js'

/** PostgreSQL's query_canceled: a statement stopped by statement_timeout. */
const QUERY_CANCELED = '57014'

/**
 * The time limit of a reader's searches (limitSearches of PgQuoteReads, PgSourceReads, PgSpeakerReads): unset, or
 * set, their costly reads run through boundedRead.
 */
export class SearchLimit {
  #ms: number | null = null

  set (ms: number): void {
    this.#ms = Math.max(1, Math.trunc(ms))
  }

  /** `read` on `sql`; when `costly`, a limit is set and `sql` is the pool, within the limit (boundedRead). */
  async run<T> (sql: Sql, costly: boolean, read: (sql: Sql) => Promise<T>): Promise<T> {
    return costly && this.#ms !== null && sql instanceof pg.Pool ? await boundedRead(sql, this.#ms, read) : await read(sql)
  }
}

/**
 * Runs `read` on one connection of `pool` in a read-only transaction with SET LOCAL statement_timeout = `ms`. The
 * connection goes back to the pool rolled back after a failure, or is dropped if even the rollback fails.
 */
export async function boundedRead<T> (pool: pg.Pool, ms: number, read: (sql: Sql) => Promise<T>): Promise<T> {
  const client = await pool.connect()
  let broken = false
  try {
    await client.query('BEGIN READ ONLY')
    await client.query(`SET LOCAL statement_timeout = ${Math.max(1, Math.trunc(ms))}`)
    const result = await read(client)
    await client.query('COMMIT')
    return result
  } catch (err) {
    await client.query('ROLLBACK').catch(() => { broken = true })
    if ((err as { code?: unknown }).code === QUERY_CANCELED) throw new SearchTimeLimitError(ms)
    throw err
  } finally {
    client.release(broken)
  }
}
