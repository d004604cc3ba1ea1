// Opens the store a location names: a postgres:// URL selects PostgreSQL, anything else is a SQLite file path.
import { join } from 'node:path'
import type { DataStore } from './interface.js'

export interface OpenStoreOptions {
  /** A SQLite file path (or ':memory:'), or a postgres:// URL. */
  location: string
  /** Migrations to apply; by default migrations/ for SQLite and migrations/postgres/ for PostgreSQL. */
  migrationsDir?: string | undefined
  /** The directory holding both default migration sets (the project's migrations/). */
  defaultMigrationsDir: string
}

export function isPostgresUrl (location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location)
}

/** Opens and migrates the store; rejects with MigrationError when a migration fails. */
export async function openStore (options: OpenStoreOptions): Promise<DataStore> {
  if (isPostgresUrl(options.location)) {
    // Loaded only when asked for: the SQLite default never loads node-postgres.
    const { PgStore } = await import('./postgres/index.js')
    return await PgStore.open({
      url: options.location,
      migrationsDir: options.migrationsDir ?? join(options.defaultMigrationsDir, 'postgres'),
    })
  }
  const { Store } = await import('./index.js')
  return Store.open({ path: options.location, migrationsDir: options.migrationsDir ?? options.defaultMigrationsDir })
}
