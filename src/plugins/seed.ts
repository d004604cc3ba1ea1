// Fills an empty database with the articles in seeds/ at start-up.
import fp from 'fastify-plugin'
import { seedIfEmpty } from '../services/seed.js'

export interface SeedPluginOptions {
  seedsDir: string
}

export default fp<SeedPluginOptions>(async (fastify, options) => {
  // On the extractor's workers, like every other extraction of the server: the request thread never loads it.
  const seeded = await seedIfEmpty(fastify.db, options.seedsDir, async (text) => await fastify.extractor.extract(text))
  if (seeded) {
    for (const article of seeded) {
      fastify.log.info({ file: article.file, source_id: article.source_id, quotes: article.quote_count }, 'seeded article')
    }
  }
}, { name: 'seed', dependencies: ['db', 'extractor'] })
