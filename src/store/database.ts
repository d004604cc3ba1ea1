// Opens the SQLite file with the settings every connection needs.
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'

export type Database = BetterSqlite3.Database

export function openDatabase (path: string): Database {
  if (path !== ':memory:' && !path.startsWith('file:')) {
    mkdirSync(dirname(path), { recursive: true })
  }
  const db = new BetterSqlite3(path)
  try {
    db.pragma('journal_mode = WAL')
    db.pragma('foreign_keys = ON')
    // Wait for a competing writer (e.g. `whosaid seed` next to the server) instead of failing at once.
    db.pragma('busy_timeout = 5000')
    db.pragma('synchronous = NORMAL')
  } catch (err) {
    db.close()
    throw err
  }
  return db
}
