// Connections to PostgreSQL (node-postgres): a pool whose numbers come back as JavaScript numbers, and transactions
// that serialise the store's writes across every instance sharing the database and retry on a conflict.
import pg from 'pg'

/** A pool or one client of it: what a query needs. */
export interface Sql {
  query<R extends pg.QueryResultRow = any>(text: string, values?: unknown[]): Promise<pg.QueryResult<R>>
}

// bigint (ids, count(*)) and numeric as numbers: ids stay far below 2^53.
const NUMERIC_OIDS = new Set([20, 1700])
const types = {
  getTypeParser: (oid: number, format?: 'text' | 'binary') =>
    NUMERIC_OIDS.has(oid) && format !== 'binary' ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format),
} as pg.CustomTypesConfig

export function createPool (url: string, max = 10): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, types, max })
  // An idle connection the server closed (restart, failover) is dropped from the pool, not thrown at the process.
  pool.on('error', () => {})
  return pool
}

/**
 * The key of the advisory lock every write transaction takes first: writes of all instances run one at a time, as
 * SQLite's do, while extraction (the slow part) runs in parallel. Speaker matching reads candidates and then inserts;
 * under the lock no other instance can insert the same speaker in between.
 */
export const WRITE_LOCK = 0x77686f73 // "whos"
/** The key the migration runner holds while it applies migrations. */
export const MIGRATION_LOCK = 0x77686f6d // "whom"

/** Errors after which the whole transaction is tried again: serialisation failure, deadlock, unique violation. */
const RETRYABLE = new Set(['40001', '40P01', '23505'])
const MAX_ATTEMPTS = 5

export function isRetryable (err: unknown): boolean {
  return RETRYABLE.has((err as { code?: string } | null)?.code ?? '')
}

/** The channel every committed write notifies, so that each instance's reply cache learns of it (change-watch.ts). */
export const CHANGES_CHANNEL = 'whosaid_changes'

/** Runs one write transaction: writeTransaction bound to a pool and told of each attempt. */
export type Transact = <T>(work: (sql: pg.PoolClient) => Promise<T>) => Promise<T>

/**
 * Runs `work` in one transaction holding the write lock; a conflict with another instance rolls back and retries.
 * The commit notifies CHANGES_CHANNEL; `wrote` is called after every attempt, committed or not.
 */
export async function writeTransaction<T> (pool: pg.Pool, work: (sql: pg.PoolClient) => Promise<T>, wrote?: () => void): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const client = await pool.connect()
    let broken = false
    try {
      await client.query('BEGIN')
      await client.query('SELECT pg_advisory_xact_lock($1)', [WRITE_LOCK])
      const result = await work(client)
      // Delivered to every listener when (and only if) the transaction commits.
      await client.query('SELECT pg_notify($1, \'\')', [CHANGES_CHANNEL])
      await client.query('COMMIT')
      return result
    } catch (err) {
      try {
        await client.query('ROLLBACK')
      } catch {
        broken = true
      }
      if (attempt >= MAX_ATTEMPTS || !isRetryable(err)) throw err
    } finally {
      client.release(broken)
      wrote?.()
    }
  }
}

/** Runs `work` inside a savepoint of the caller's transaction: a failure rolls back this part alone, then rethrows. */
export async function inSavepoint<T> (client: pg.PoolClient, work: () => Promise<T>): Promise<T> {
  await client.query('SAVEPOINT article')
  try {
    const result = await work()
    await client.query('RELEASE SAVEPOINT article')
    return result
  } catch (err) {
    await client.query('ROLLBACK TO SAVEPOINT article')
    throw err
  }
}
