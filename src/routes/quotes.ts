import { Type } from '@sinclair/typebox'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { toFtsQuery } from '../store/index.js'
import { IdParams, Page, PageQuery, errorResponses } from '../schemas/common.js'
import { Quote, QuoteType } from '../schemas/quote.js'
import { encodeCursor, pageRequest } from './cursor.js'

const QuoteListQuery = Type.Composite([PageQuery, Type.Object({
  source_id: Type.Optional(Type.Integer({ minimum: 1 })),
  speaker_id: Type.Optional(Type.Integer({ minimum: 1 })),
  type: Type.Optional(QuoteType),
  q: Type.Optional(Type.String({ minLength: 1, maxLength: 500, description: 'Words the quote contains (all of them).' })),
})])

const quoteRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get('/quotes', {
    schema: {
      summary: 'Quotes across all articles, filtered',
      tags: ['quotes'],
      querystring: QuoteListQuery,
      response: { 200: Page(Quote), ...errorResponses },
    },
  }, async (request) => {
    const { source_id, speaker_id, type, q } = request.query
    let match: string | undefined
    if (q !== undefined) {
      match = toFtsQuery(q) ?? undefined
      if (match === undefined) throw fastify.httpErrors.badRequest('q must contain at least one word')
    }
    const page = fastify.db.quotes.list(pageRequest(request.query), { source_id, speaker_id, type, match })
    return { items: page.items, next_cursor: encodeCursor(page.next_after) }
  })

  fastify.get('/quotes/:id', {
    schema: {
      summary: 'One quote',
      tags: ['quotes'],
      params: IdParams,
      response: { 200: Quote, ...errorResponses },
    },
  }, async (request) => {
    const quote = fastify.db.quotes.get(request.params.id)
    if (!quote) throw fastify.httpErrors.notFound(`quote ${request.params.id} not found`)
    return quote
  })
}

export default quoteRoutes
