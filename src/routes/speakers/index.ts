// Reading speakers: the list (name words, kind, sort), one speaker with its names and titles, and
// its quotes. `:id` is the numeric id or the slug.
import { Type } from '@sinclair/typebox'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { nameTokens } from '../../identity/names.js'
import { ErrorResponse, Page, PageQuery, errorResponses } from '../../schemas/common.js'
import { Quote, QuoteSort, QuoteType } from '../../schemas/quote.js'
import { Speaker, SpeakerDetail, SpeakerKind, SpeakerParams } from '../../schemas/speaker.js'
import { quotePage } from '../page-json.js'
import { DateBounds, dateBounds } from '../query.js'
import { speakerFromParam } from './ref.js'

const SpeakerListQuery = Type.Composite([PageQuery, Type.Object({
  name: Type.Optional(Type.String({
    minLength: 1,
    maxLength: 200,
    description: 'Words that start the speaker\'s names or aliases, any case or accents: witkoff, "steve wit".',
  })),
  kind: Type.Optional(SpeakerKind),
  sort: Type.Union([Type.Literal('quotes'), Type.Literal('name')], { default: 'quotes' }),
})])

const SpeakerQuotesQuery = Type.Composite([PageQuery, DateBounds, Type.Object({
  type: Type.Optional(QuoteType),
  q: Type.Optional(Type.String({ minLength: 1, maxLength: 500, description: 'Full-text query (FTS5 syntax).' })),
  sort: Type.Optional(QuoteSort),
})])

const redirect = { 301: Type.Null({ description: 'The speaker was merged; Location names the survivor.' }) }

const speakerRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get('/speakers', {
    schema: {
      summary: 'Speakers across all articles, most quoted first',
      description: 'Groups, unnamed speakers and organisations named only by role belong to one article: groups are listed ' +
        'with kind=group, the others with kind=unnamed. See docs/speaker-identity.md.',
      tags: ['speakers'],
      querystring: SpeakerListQuery,
      // 503: a name word of one or two letters whose lookup ran past SEARCH_TIME_LIMIT_MS.
      response: { 200: Page(Speaker), ...errorResponses, 503: ErrorResponse },
    },
  }, async (request) => {
    const { name, kind, sort } = request.query
    const tokens = name === undefined ? undefined : nameTokens(name)
    if (tokens !== undefined && tokens.length === 0) throw fastify.httpErrors.badRequest('querystring/name must contain a letter or digit')
    const order = `speakers:${sort}`
    // A lookup by name words goes where a broad one (a word of one or two letters) is bounded as a search is.
    const speakers = tokens === undefined ? fastify.reads.speakers : fastify.searches.speakers
    const page = await speakers.list(fastify.cursors.page(order, request.query), { nameTokens: tokens, kind, sort })
    return { items: page.items, next_cursor: fastify.cursors.encode(order, page.next) }
  })

  fastify.get('/speakers/:id', {
    schema: {
      summary: 'One speaker, with the names and titles the articles give it',
      tags: ['speakers'],
      params: SpeakerParams,
      response: { 200: SpeakerDetail, ...redirect, ...errorResponses, 404: ErrorResponse },
    },
  }, async (request, reply) => {
    const id = await speakerFromParam(fastify, request.params.id, reply)
    if (id === null) return reply
    return (await fastify.reads.speakers.get(id))!
  })

  fastify.get('/speakers/:id/quotes', {
    schema: {
      summary: "A speaker's quotes, newest first",
      tags: ['speakers', 'quotes'],
      params: SpeakerParams,
      querystring: SpeakerQuotesQuery,
      // 503: a search (q) over SEARCH_TIME_LIMIT_MS, or too many waiting for a reader thread.
      response: { 200: Page(Quote), ...redirect, ...errorResponses, 503: ErrorResponse },
    },
  }, async (request, reply) => {
    const id = await speakerFromParam(fastify, request.params.id, reply, '/quotes')
    if (id === null) return reply
    const { type, q } = request.query
    const sort = request.query.sort ?? (q === undefined ? 'newest' : 'relevance')
    const order = `quotes:${sort}`
    return await quotePage(fastify, reply, order, fastify.cursors.page(order, request.query),
      { speaker_id: id, type, match: q, sort, ...dateBounds(request.query) })
  })
}

export default speakerRoutes
