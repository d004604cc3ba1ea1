// Opens the store (running migrations) and makes it fastify.db; closes it when the app closes.
// A postgres:// location selects PostgreSQL, anything else is a SQLite file.
import fp from 'fastify-plugin'
import { openStore, type DataStore } from '../store/index.js'

declare module 'fastify' {
  interface FastifyInstance {
    db: DataStore
  }
}

export interface DbPluginOptions {
  /** A SQLite file path (or ':memory:'), or a postgres:// URL. */
  databasePath: string
  /** Migrations to apply; by default those of the store's kind under defaultMigrationsDir. */
  migrationsDir?: string | undefined
  defaultMigrationsDir: string
}

export default fp<DbPluginOptions>(async (fastify, options) => {
  const store = await openStore({
    location: options.databasePath,
    migrationsDir: options.migrationsDir,
    defaultMigrationsDir: options.defaultMigrationsDir,
  })
  if (store.appliedMigrations.length > 0) {
    fastify.log.info({ migrations: store.appliedMigrations }, 'applied migrations')
  }
  fastify.decorate('db', store)
  // Runs after the HTTP server has stopped and in-flight requests have finished.
  fastify.addHook('onClose', async () => { await store.close() })
}, { name: 'db' })
