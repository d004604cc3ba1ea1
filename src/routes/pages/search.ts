// GET /ui/search?q=: speakers whose names start with the words, articles whose titles hold them, and quotes
// holding every word.
import { Type } from '@sinclair/typebox'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { nameTokens } from '../../identity/names.js'
import { searchPage } from '../../pages/search-view.js'
import { sendPage } from './reply.js'

const SPEAKERS_SHOWN = 10
const ARTICLES_SHOWN = 10
const QUOTES_PER_PAGE = 20
const ORDER = 'quotes:relevance'

const SearchQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 200 })),
  cursor: Type.Optional(Type.String({ maxLength: 1000 })),
})

const searchRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get('/search', { schema: { hide: true, querystring: SearchQuery } }, async (request, reply) => {
    const query = (request.query.q ?? '').trim()
    const words = nameTokens(query)
    if (words.length === 0) {
      return sendPage(reply, searchPage({ query, words, speakers: [], articles: [], quotes: [], nextCursor: null }))
    }
    // Each word as an FTS5 string, so that what a person types is never read as query syntax (OR, NOT, quotes).
    const match = words.map((word) => `"${word}"`).join(' ')
    // Speakers and articles on the first page only; the next pages are more quotes.
    const first = request.query.cursor === undefined
    // Searches, and a lookup by one- or two-letter words, run where fastify.searches bounds their time (503 past
    // SEARCH_TIME_LIMIT_MS).
    const speakers = first ? (await fastify.searches.speakers.list({ limit: SPEAKERS_SHOWN }, { nameTokens: words })).items : []
    const articles = first ? (await fastify.searches.sources.list({ limit: ARTICLES_SHOWN }, { titleMatch: match })).items : []
    const page = await fastify.searches.quotes.list(fastify.cursors.page(ORDER, { limit: QUOTES_PER_PAGE, cursor: request.query.cursor }),
      { match, sort: 'relevance' })
    return sendPage(reply, searchPage({ query, words, speakers, articles, quotes: page.items, nextCursor: fastify.cursors.encode(ORDER, page.next) }))
  })
}

export default searchRoutes
