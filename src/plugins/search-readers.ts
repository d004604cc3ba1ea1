// fastify.searches: where the routes run full-text searches (GET /quotes?q=, /speakers/:id/quotes?q=, /sources?q=,
// the search page) and lookups by name words that read much of the name index (broadNameLookup: GET /speakers?name=a,
// GET /quotes?speaker=a), each bounded by SEARCH_TIME_LIMIT_MS:
// - on a SQLite file, reader threads (src/services/search-readers.ts, also fastify.searchReaders), off the main thread;
// - on PostgreSQL, fastify.reads itself, whose searches run off this thread and are stopped by statement_timeout;
// - on an in-memory database (which no other connection can open) or with readers turned off, fastify.reads without
//   a time limit.
import fp from 'fastify-plugin'
import { SearchReaders } from '../services/search-readers.js'
import type { QuoteReads, SourceReads, SpeakerReads } from '../store/interface.js'
import { broadNameLookup } from '../store/speakers.js'

/**
 * The searching part of the quote, source and speaker reads, as fastify.reads has it. `speakers` takes every lookup by
 * name words: a broad one (broadNameLookup) is bounded, the others are read as fastify.reads reads them.
 */
export interface Searches {
  quotes: Pick<QuoteReads, 'list' | 'listJson'>
  sources: Pick<SourceReads, 'list'>
  speakers: Pick<SpeakerReads, 'list' | 'idsMatching'>
}

declare module 'fastify' {
  interface FastifyInstance {
    searchReaders: SearchReaders | null
    searches: Searches
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
  /** Node options the reader threads start with (default: this thread's). */
  execArgv?: string[] | undefined
}

/**
 * Searches on reader threads; a page of quotes for a template is parsed from the JSON the reader built. A lookup by
 * name words that are not broad stays on this thread (`speakers`), where it takes a few index entries.
 */
function searchesOn (readers: SearchReaders, speakers: SpeakerReads): Searches {
  return {
    quotes: {
      listJson: (page, filter = {}) => readers.quotes(page, filter),
      list: async (page, filter = {}) => {
        const found = await readers.quotes(page, filter)
        return { items: found.items.map((json) => JSON.parse(json)), next: found.next }
      },
    },
    sources: { list: (page, filter = {}) => readers.sources(page, filter) },
    speakers: {
      list: (page, filter = {}) => broadNameLookup(filter.nameTokens) ? readers.speakers(page, filter) : speakers.list(page, filter),
      idsMatching: async (nameTokens, limit) => broadNameLookup(nameTokens)
        ? (await readers.speakers({ limit }, { nameTokens })).items.map((speaker) => speaker.id)
        : await speakers.idsMatching(nameTokens, limit),
    },
  }
}

export default fp<SearchReadersPluginOptions>(async (fastify, options) => {
  const path = options.databasePath
  const onFile = fastify.reads.kind === 'sqlite' && path !== ':memory:' && !path.startsWith('file:') && path !== ''
  const { quotes, sources, speakers } = fastify.reads
  const listJson = quotes.listJson
  if (!onFile || options.readers === 0 || listJson === undefined) {
    // PostgreSQL bounds each search itself (statement_timeout); elsewhere searches run without a limit.
    quotes.limitSearches?.(options.timeLimitMs)
    sources.limitSearches?.(options.timeLimitMs)
    speakers.limitSearches?.(options.timeLimitMs)
    fastify.decorate('searchReaders', null)
    fastify.decorate('searches', { quotes, sources, speakers })
    return
  }
  const readers = new SearchReaders({
    path,
    size: options.readers,
    timeLimitMs: options.timeLimitMs,
    nice: options.nice,
    execArgv: options.execArgv,
    inline: {
      quotes: (page, filter) => listJson.call(quotes, page, filter),
      sources: (page, filter) => sources.list(page, filter),
      speakers: (page, filter) => speakers.list(page, filter),
    },
  })
  fastify.decorate('searchReaders', readers)
  fastify.decorate('searches', searchesOn(readers, speakers))
  fastify.addHook('onClose', async () => readers.close())
}, { name: 'search-readers', dependencies: ['db'] })
