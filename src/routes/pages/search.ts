// GET /ui/search?q=: speakers whose names start with the words, and quotes holding every word.
import { Type } from '@sinclair/typebox'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { nameTokens } from '../../identity/names.js'
import { searchPage } from '../../pages/search-view.js'
import { sendPage } from './reply.js'

const SPEAKERS_SHOWN = 10
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
    if (words.length === 0) return sendPage(reply, searchPage({ query, words, speakers: [], quotes: [], nextCursor: null }))
    const speakers = request.query.cursor === undefined
      ? fastify.db.speakers.list({ limit: SPEAKERS_SHOWN }, { nameTokens: words }).items
      : []
    // Each word as an FTS5 string, so that what a person types is never read as query syntax (OR, NOT, quotes).
    const match = words.map((word) => `"${word}"`).join(' ')
    const page = fastify.db.quotes.list(fastify.cursors.page(ORDER, { limit: QUOTES_PER_PAGE, cursor: request.query.cursor }),
      { match, sort: 'relevance' })
    return sendPage(reply, searchPage({ query, words, speakers, quotes: page.items, nextCursor: fastify.cursors.encode(ORDER, page.next) }))
  })
}

export default searchRoutes
