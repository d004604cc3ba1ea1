// Opens the store (running migrations) and makes it fastify.db; closes it when the app closes.
import fp from 'fastify-plugin'
import { Store } from '../store/index.js'

declare module 'fastify' {
  interface FastifyInstance {
    db: Store
  }
}

export interface DbPluginOptions {
  databasePath: string
  migrationsDir: string
}

export default fp<DbPluginOptions>(async (fastify, options) => {
  const store = Store.open({ path: options.databasePath, migrationsDir: options.migrationsDir })
  if (store.appliedMigrations.length > 0) {
    fastify.log.info({ migrations: store.appliedMigrations }, 'applied migrations')
  }
  fastify.decorate('db', store)
  // Runs after the HTTP server has stopped and in-flight requests have finished.
  fastify.addHook('onClose', async () => store.close())
}, { name: 'db' })
