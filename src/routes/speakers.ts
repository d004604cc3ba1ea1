import { Type } from '@sinclair/typebox'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { IdParams, Page, PageQuery, errorResponses } from '../schemas/common.js'
import { Quote } from '../schemas/quote.js'
import { Speaker, SpeakerKind } from '../schemas/speaker.js'
import { encodeCursor, pageRequest } from './cursor.js'

const SpeakerListQuery = Type.Composite([PageQuery, Type.Object({
  kind: Type.Optional(SpeakerKind),
})])

const speakerRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get('/speakers', {
    schema: {
      summary: 'Speakers across all articles',
      tags: ['speakers'],
      querystring: SpeakerListQuery,
      response: { 200: Page(Speaker), ...errorResponses },
    },
  }, async (request) => {
    const page = fastify.db.speakers.list(pageRequest(request.query), { kind: request.query.kind })
    return { items: page.items, next_cursor: encodeCursor(page.next_after) }
  })

  fastify.get('/speakers/:id', {
    schema: {
      summary: 'One speaker',
      tags: ['speakers'],
      params: IdParams,
      response: { 200: Speaker, ...errorResponses },
    },
  }, async (request) => {
    const speaker = fastify.db.speakers.get(request.params.id)
    if (!speaker) throw fastify.httpErrors.notFound(`speaker ${request.params.id} not found`)
    return speaker
  })

  fastify.get('/speakers/:id/quotes', {
    schema: {
      summary: "A speaker's quotes",
      tags: ['speakers', 'quotes'],
      params: IdParams,
      querystring: PageQuery,
      response: { 200: Page(Quote), ...errorResponses },
    },
  }, async (request) => {
    const id = request.params.id
    if (!fastify.db.speakers.get(id)) throw fastify.httpErrors.notFound(`speaker ${id} not found`)
    const page = fastify.db.quotes.list(pageRequest(request.query), { speaker_id: id })
    return { items: page.items, next_cursor: encodeCursor(page.next_after) }
  })
}

export default speakerRoutes
