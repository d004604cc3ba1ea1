// Reading ingested articles: the list (publisher, date, title words), one article with its text
// and quotes, and its quotes as a page.
import { Type } from '@sinclair/typebox'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { ErrorResponse, IdParams, Page, PageQuery, errorResponses } from '../../schemas/common.js'
import { Quote, QuoteType } from '../../schemas/quote.js'
import { SourceDetail, SourceSummary } from '../../schemas/source.js'
import { DateBounds, dateBounds } from '../query.js'
import { sendSourceDetail } from './detail.js'

const SourceListQuery = Type.Composite([PageQuery, DateBounds, Type.Object({
  publisher: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Exact publisher, any case.' })),
  q: Type.Optional(Type.String({ minLength: 1, maxLength: 500, description: 'Full-text query over titles (FTS5 syntax).' })),
})])

const SourceQuotesQuery = Type.Composite([PageQuery, Type.Object({ type: Type.Optional(QuoteType) })])

const sourceRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get('/sources', {
    schema: {
      summary: 'Ingested articles, oldest first (without their text)',
      tags: ['sources'],
      querystring: SourceListQuery,
      // 503: a title search (q) over SEARCH_TIME_LIMIT_MS, or too many waiting for a reader thread.
      response: { 200: Page(SourceSummary), ...errorResponses, 503: ErrorResponse },
    },
  }, async (request) => {
    const { publisher, q } = request.query
    // A title search runs where fastify.searches bounds its time.
    const sources = q === undefined ? fastify.reads.sources : fastify.searches.sources
    const page = await sources.list(fastify.cursors.page('sources', request.query), { publisher, titleMatch: q, ...dateBounds(request.query) })
    return { items: page.items, next_cursor: fastify.cursors.encode('sources', page.next) }
  })

  fastify.get('/sources/:id', {
    schema: {
      summary: 'One article with its text and its quotes (up to 500, then a cursor), with offsets into the text',
      tags: ['sources'],
      params: IdParams,
      response: { 200: SourceDetail, ...errorResponses },
    },
  }, async (request, reply) => {
    const source = await fastify.reads.sources.get(request.params.id)
    if (!source) throw fastify.httpErrors.notFound(`source ${request.params.id} not found`)
    return await sendSourceDetail(fastify, reply, fastify.reads, source)
  })

  fastify.get('/sources/:id/quotes', {
    schema: {
      summary: "An article's quotes in article order",
      tags: ['sources', 'quotes'],
      params: IdParams,
      querystring: SourceQuotesQuery,
      response: { 200: Page(Quote), ...errorResponses },
    },
  }, async (request) => {
    const id = request.params.id
    if (!await fastify.reads.sources.get(id)) throw fastify.httpErrors.notFound(`source ${id} not found`)
    const page = await fastify.reads.quotes.list(fastify.cursors.page('quotes:position', request.query),
      { source_id: id, type: request.query.type, sort: 'position' })
    return { items: page.items, next_cursor: fastify.cursors.encode('quotes:position', page.next) }
  })
}

export default sourceRoutes
