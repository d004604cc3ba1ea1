// Tells whether the database may have changed since it was last asked: a read cache is valid only while it has not.
import type { Database } from './database.js'

/**
 * Two numbers in one statement: `total_changes()` counts the rows this connection has inserted, updated or deleted
 * (so this process's own writes, rolled back ones included), and `PRAGMA data_version` changes when another
 * connection or process commits. Either moving means the database may hold something new.
 */
export class ChangeCounter {
  private readonly read
  private changes = -1
  private version = -1

  constructor (db: Database) {
    this.read = db.prepare<[], [number, number]>('SELECT total_changes(), data_version FROM pragma_data_version').raw()
  }

  /** True when a write may have been made since the previous call (and on the first call). */
  moved (): boolean {
    const [changes, version] = this.read.get() as [number, number]
    if (changes === this.changes && version === this.version) return false
    this.changes = changes
    this.version = version
    return true
  }
}
