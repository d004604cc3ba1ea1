// Applies migrations/postgres/NNN_name.sql in order, each in its own transaction, under an advisory lock so that
// instances starting at once apply each migration once; records them in schema_migrations as SQLite's runner does.
import { readFileSync } from 'node:fs'
import type pg from 'pg'
import { listMigrations, MigrationError } from '../migrate.js'
import { MIGRATION_LOCK } from './connection.js'

export async function migratePostgres (pool: pg.Pool, dir: string): Promise<string[]> {
  const files = listMigrations(dir)
  const client = await pool.connect()
  const done: string[] = []
  try {
    // A session lock: held across the transactions below, released when this returns (or the connection drops).
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK])
    try {
      await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
        version    integer PRIMARY KEY,
        name       text NOT NULL,
        applied_at text NOT NULL
      )`)
      const applied = new Set((await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows
        .map((row) => row.version))
      for (const file of files) {
        if (applied.has(file.version)) continue
        const sql = readFileSync(file.path, 'utf8')
        try {
          await client.query('BEGIN')
          await client.query(sql)
          await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)',
            [file.version, file.name, new Date().toISOString()])
          await client.query('COMMIT')
        } catch (err) {
          await client.query('ROLLBACK').catch(() => {})
          // The transaction has rolled back: the database is as it was before this file.
          throw new MigrationError(`migration ${file.name} failed: ${(err as Error).message}`)
        }
        done.push(file.name)
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {})
    }
  } finally {
    client.release()
  }
  return done
}
