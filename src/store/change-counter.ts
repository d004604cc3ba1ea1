// Tells whether the database may have changed since it was last asked: a read cache is valid only while it has not.
import type { Database } from './database.js'

/**
 * Two numbers: `total_changes()` counts the rows this connection has inserted, updated or deleted (so this process's
 * own writes, rolled back ones included), and `PRAGMA data_version` changes when another connection or process
 * commits. Either moving means the database may hold something new. Read as two statements: the pragma itself takes
 * about 2.5 µs (it looks at the WAL's index), its table-valued form `pragma_data_version` in one SELECT with the other
 * about 3.7 µs, and `SELECT total_changes()` under 0.1 µs; the check runs before every cacheable GET.
 */
export class ChangeCounter {
  private readonly readChanges
  private readonly readVersion
  private changes = -1
  private version = -1

  constructor (db: Database) {
    this.readChanges = db.prepare<[], number>('SELECT total_changes()').pluck()
    this.readVersion = db.prepare<[], number>('PRAGMA data_version').pluck()
  }

  /** True when a write may have been made since the previous call (and on the first call). */
  moved (): boolean {
    const changes = this.readChanges.get() as number
    const version = this.readVersion.get() as number
    if (changes === this.changes && version === this.version) return false
    this.changes = changes
    this.version = version
    return true
  }
}
