// Reading quotes across all articles: filters, full-text search, syndicated copies folded, and one
// quote with its speaker, source and the sentence around it.
import { Type } from '@sinclair/typebox'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { nameTokens } from '../../identity/names.js'
import { ErrorResponse, Id, IdParams, Page, PageQuery, errorResponses } from '../../schemas/common.js'
import { Quote, QuoteDetail, QuoteSort, QuoteType } from '../../schemas/quote.js'
import { quotePage, sendJson } from '../page-json.js'
import { DateBounds, dateBounds } from '../query.js'

// How many speakers a ?speaker= name may stand for.
const SPEAKERS_PER_NAME = 50

const QuoteListQuery = Type.Composite([PageQuery, DateBounds, Type.Object({
  speaker: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Speaker name words, matched like GET /speakers?name=.' })),
  speaker_id: Type.Optional(Id()),
  source_id: Type.Optional(Id()),
  type: Type.Optional(QuoteType),
  min_confidence: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
  q: Type.Optional(Type.String({
    minLength: 1,
    maxLength: 500,
    description: 'Full-text query (FTS5 syntax): words (all must match), "a phrase", OR, NOT, prefix*.',
  })),
  sort: Type.Optional(QuoteSort),
  distinct: Type.Boolean({ default: false, description: 'Fold the same words by the same speaker in several sources into one item.' }),
})])

const quoteRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get('/quotes', {
    schema: {
      summary: 'Quotes across all articles, newest first or by relevance',
      tags: ['quotes'],
      querystring: QuoteListQuery,
      // 503: a search (q, or a speaker name of one- or two-letter words) over SEARCH_TIME_LIMIT_MS, or too many
      // waiting for a reader thread.
      response: { 200: Page(Quote), ...errorResponses, 503: ErrorResponse },
    },
  }, async (request, reply) => {
    const { speaker, speaker_id, source_id, type, min_confidence, q, distinct } = request.query
    let speakerIds: number[] | undefined
    if (speaker !== undefined) {
      const tokens = nameTokens(speaker)
      if (tokens.length === 0) throw fastify.httpErrors.badRequest('querystring/speaker must contain a letter or digit')
      speakerIds = await fastify.searches.speakers.idsMatching(tokens, SPEAKERS_PER_NAME)
    }
    const sort = request.query.sort ?? (q === undefined ? 'newest' : 'relevance')
    const order = `quotes:${sort}`
    const pageRequest = fastify.cursors.page(order, request.query)
    const filter = { speaker_ids: speakerIds, speaker_id, source_id, type, min_confidence, match: q, distinct, sort, ...dateBounds(request.query) }
    return await quotePage(fastify, reply, order, pageRequest, filter)
  })

  fastify.get('/quotes/:id', {
    schema: {
      summary: 'One quote with its speaker, source and the sentence around it',
      tags: ['quotes'],
      params: IdParams,
      response: { 200: QuoteDetail, ...errorResponses },
    },
  }, async (request, reply) => {
    const quotes = fastify.reads.quotes
    const quote = quotes.getJson !== undefined ? await quotes.getJson(request.params.id) : await quotes.get(request.params.id)
    if (quote === undefined) throw fastify.httpErrors.notFound(`quote ${request.params.id} not found`)
    return typeof quote === 'string' ? sendJson(reply, quote) : quote
  })
}

export default quoteRoutes
