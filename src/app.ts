// Builds the Fastify application without listening: plugins first, then one route file per resource.
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify'
import sensible from '@fastify/sensible'
import fp from 'fastify-plugin'
import type { FastifyPluginAsyncTypebox, TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { MIGRATIONS_DIR, SEEDS_DIR } from './paths.js'
import db from './plugins/db.js'
import errors from './plugins/errors.js'
import openapi from './plugins/openapi.js'
import seed from './plugins/seed.js'
import healthRoutes from './routes/health.js'
import quoteRoutes from './routes/quotes.js'
import sourceRoutes from './routes/sources.js'
import speakerRoutes from './routes/speakers.js'

export interface AppOptions {
  /** A file path, or ':memory:'. */
  databasePath: string
  /** Ingest the seeds directory when the database has no sources. */
  seed: boolean
  seedsDir?: string
  migrationsDir?: string
}

export const app: FastifyPluginAsyncTypebox<AppOptions> = async (fastify, options) => {
  await fastify.register(sensible)
  await fastify.register(errors)
  await fastify.register(openapi)
  await fastify.register(db, {
    databasePath: options.databasePath,
    migrationsDir: options.migrationsDir ?? MIGRATIONS_DIR,
  })
  if (options.seed) await fastify.register(seed, { seedsDir: options.seedsDir ?? SEEDS_DIR })
  await fastify.register(healthRoutes)
  await fastify.register(sourceRoutes)
  await fastify.register(speakerRoutes)
  await fastify.register(quoteRoutes)
}

export type App = FastifyInstance

/** A ready application; rejects (e.g. with a MigrationError) when start-up fails. */
export async function buildApp (options: AppOptions, logger: FastifyServerOptions['logger'] = false): Promise<App> {
  const fastify = Fastify({ logger }).withTypeProvider<TypeBoxTypeProvider>()
  // Unencapsulated so that tests and server.ts see fastify.db on the instance they hold.
  await fastify.register(fp(app), options)
  try {
    await fastify.ready()
  } catch (err) {
    await fastify.close().catch(() => {})
    throw err
  }
  return fastify
}
