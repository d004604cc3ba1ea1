// Opens the store (running migrations) and makes it fastify.db, and fastify.reads the store the GET routes read from
// (a PostgreSQL replica when configured, else the same store); closes them when the app closes.
// A postgres:// location selects PostgreSQL, anything else is a SQLite file.
import fp from 'fastify-plugin'
import { openStore, Store, type DataStore } from '../store/index.js'
import { ThreadedStore } from '../store/writer-thread.js'

declare module 'fastify' {
  interface FastifyInstance {
    db: DataStore
    /** What GET routes read from: a replica (DATABASE_READ_URL) or fastify.db. Writes, and reads after a write, use db. */
    reads: DataStore
  }
}

export interface DbPluginOptions {
  /** A SQLite file path (or ':memory:'), or a postgres:// URL. */
  databasePath: string
  /** A PostgreSQL replica for the GET routes, or null. */
  readDatabaseUrl: string | null
  /** Migrations to apply; by default those of the store's kind under defaultMigrationsDir. */
  migrationsDir?: string | undefined
  defaultMigrationsDir: string
  /** SQLite in a file: carry out writes on a thread of their own (src/store/writer-thread.ts). */
  writerThread?: boolean
  /** Node options the writer thread starts with (default: this thread's). */
  threadExecArgv?: string[] | undefined
}

export default fp<DbPluginOptions>(async (fastify, options) => {
  let store: DataStore = await openStore({
    location: options.databasePath,
    migrationsDir: options.migrationsDir,
    defaultMigrationsDir: options.defaultMigrationsDir,
  })
  if (store.appliedMigrations.length > 0) {
    fastify.log.info({ migrations: store.appliedMigrations }, 'applied migrations')
  }
  if (options.writerThread === true && store instanceof Store && !['', ':memory:'].includes(store.db.name)) {
    try {
      store = await ThreadedStore.open(store, options.migrationsDir ?? options.defaultMigrationsDir, { execArgv: options.threadExecArgv })
    } catch (err) {
      fastify.log.warn({ err }, 'writes stay on the main thread: the database writer thread could not start')
    }
  }
  let reads = store
  try {
    if (options.readDatabaseUrl !== null) reads = await store.readReplica(options.readDatabaseUrl)
  } catch (err) {
    await store.close()
    throw err
  }
  fastify.decorate('db', store)
  fastify.decorate('reads', reads)
  // Runs after the HTTP server has stopped and in-flight requests have finished.
  fastify.addHook('onClose', async () => {
    if (reads !== store) await reads.close()
    await store.close()
  })
}, { name: 'db' })
