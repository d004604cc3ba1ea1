// fastify.searchReaders: reader threads for GET /quotes?q= on a SQLite file (src/services/search-readers.ts), with a
// time limit per search; null for PostgreSQL (whose queries already run off this thread, each search bounded by the
// server's statement_timeout), an in-memory database (which no other connection can open) or readers turned off,
// where searches run through fastify.reads.
import fp from 'fastify-plugin'
import { SearchReaders } from '../services/search-readers.js'

declare module 'fastify' {
  interface FastifyInstance {
    searchReaders: SearchReaders | null
  }
}

export interface SearchReadersPluginOptions {
  databasePath: string
  /** Reader threads; 0 searches in the main thread, without a time limit. */
  readers: number
  /** Most milliseconds one search may run (SearchTimeLimitError, 503). */
  timeLimitMs: number
  /** Nice value of the reader threads (default 0). */
  nice?: number
}

export default fp<SearchReadersPluginOptions>(async (fastify, options) => {
  const path = options.databasePath
  const onFile = fastify.reads.kind === 'sqlite' && path !== ':memory:' && !path.startsWith('file:') && path !== ''
  const quotes = fastify.reads.quotes
  if (!onFile || options.readers === 0 || quotes.listJson === undefined) {
    // PostgreSQL bounds each search itself (statement_timeout); elsewhere searches run without a limit.
    quotes.limitSearches?.(options.timeLimitMs)
    fastify.decorate('searchReaders', null)
    return
  }
  const readers = new SearchReaders({
    path,
    size: options.readers,
    timeLimitMs: options.timeLimitMs,
    nice: options.nice,
    inline: (page, filter) => quotes.listJson!(page, filter),
  })
  fastify.decorate('searchReaders', readers)
  fastify.addHook('onClose', async () => readers.close())
}, { name: 'search-readers', dependencies: ['db'] })
