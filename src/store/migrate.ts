// Applies migrations/NNN_name.sql in order, each in its own transaction, recording each one
// in schema_migrations so that a restart applies nothing twice.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Database } from './database.js'

const MIGRATION_FILE = /^(\d{3})_[a-z0-9_]+\.sql$/

export interface MigrationFile {
  version: number
  name: string
  path: string
}

export class MigrationError extends Error {
  override name = 'MigrationError'
}

export function listMigrations (dir: string): MigrationFile[] {
  let entries: string[]
  try {
    entries = readdirSync(dir)
  } catch (err) {
    throw new MigrationError(`cannot read migrations directory ${dir}: ${(err as Error).message}`)
  }
  const files = entries
    .filter((name) => name.endsWith('.sql'))
    .map((name) => {
      const match = MIGRATION_FILE.exec(name)
      if (!match) throw new MigrationError(`migration file ${name} must be named NNN_name.sql (lowercase, e.g. 002_add_index.sql)`)
      return { version: Number(match[1]), name, path: join(dir, name) }
    })
    .sort((a, b) => a.version - b.version)
  for (let i = 1; i < files.length; i++) {
    if (files[i]!.version === files[i - 1]!.version) {
      throw new MigrationError(`migrations ${files[i - 1]!.name} and ${files[i]!.name} share version ${files[i]!.version}`)
    }
  }
  return files
}

/** Applies the migrations not yet recorded; returns the names of those it applied. */
export function migrate (db: Database, dir: string): string[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at TEXT NOT NULL
  )`)
  const applied = new Set(
    db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[],
  )
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)')
  const recorded = db.prepare<[number], number>('SELECT 1 FROM schema_migrations WHERE version = ?').pluck()
  const done: string[] = []
  const pending = listMigrations(dir).filter((file) => !applied.has(file.version))
  if (pending.length === 0) return done
  // The documented way to rebuild a table (a CHECK cannot be altered) drops the old one, which with foreign keys on
  // would cascade its deletion to every row pointing at it. Foreign keys are off while migrations run (the pragma
  // cannot change inside a transaction) and each migration is checked for dangling references before it commits.
  const foreignKeys = db.pragma('foreign_keys', { simple: true }) as number
  db.pragma('foreign_keys = OFF')
  try {
    for (const file of pending) {
      const sql = readFileSync(file.path, 'utf8')
      // Checked again inside the (immediate) transaction: another process opening the same new file at
      // the same moment may have applied it since the list above was read.
      const apply = db.transaction((): boolean => {
        if (recorded.get(file.version) !== undefined) return false
        db.exec(sql)
        const dangling = db.pragma('foreign_key_check') as Array<{ table: string, parent: string }>
        if (dangling.length > 0) {
          throw new Error(`leaves ${dangling.length} rows of ${dangling[0]!.table} pointing at no ${dangling[0]!.parent}`)
        }
        record.run(file.version, file.name, new Date().toISOString())
        return true
      })
      let wrote: boolean
      try {
        wrote = apply()
      } catch (err) {
        // The transaction has rolled back: the database is as it was before this file.
        throw new MigrationError(`migration ${file.name} failed: ${(err as Error).message}`)
      }
      if (wrote) done.push(file.name)
    }
  } finally {
    db.pragma(`foreign_keys = ${foreignKeys ? 'ON' : 'OFF'}`)
  }
  return done
}
