import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { IdParams, Page, PageQuery, errorResponses } from '../schemas/common.js'
import { SourceDetail, SourceSummary } from '../schemas/source.js'
import { encodeCursor, pageRequest } from './cursor.js'

const sourceRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get('/sources', {
    schema: {
      summary: 'Ingested articles, oldest first (without their text)',
      tags: ['sources'],
      querystring: PageQuery,
      response: { 200: Page(SourceSummary), ...errorResponses },
    },
  }, async (request) => {
    const page = fastify.db.sources.list(pageRequest(request.query))
    return { items: page.items, next_cursor: encodeCursor(page.next_after) }
  })

  fastify.get('/sources/:id', {
    schema: {
      summary: 'One article with its text',
      tags: ['sources'],
      params: IdParams,
      response: { 200: SourceDetail, ...errorResponses },
    },
  }, async (request) => {
    const source = fastify.db.sources.get(request.params.id)
    if (!source) throw fastify.httpErrors.notFound(`source ${request.params.id} not found`)
    return source
  })
}

export default sourceRoutes
