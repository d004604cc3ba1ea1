// Deleting an article, and extracting a stored article again with the current extractor.
import { Type } from '@sinclair/typebox'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { ErrorResponse, IdParams, errorResponses } from '../../schemas/common.js'
import { ReextractReply } from '../../schemas/source.js'
import { reextractSourceWith } from '../../services/ingest.js'
import { disconnectSignal } from '../disconnect.js'

const ReextractQuery = Type.Object({
  force: Type.Boolean({ default: false, description: 'Extract again even when the extractor version has not changed.' }),
})

const manageRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.delete('/sources/:id', {
    schema: {
      summary: 'Delete an article and its quotes',
      description: 'Speakers left without quotes disappear from listings.',
      tags: ['sources'],
      params: IdParams,
      response: { 204: Type.Null(), ...errorResponses },
    },
  }, async (request, reply) => {
    if (!await fastify.db.articles.delete(request.params.id)) {
      throw fastify.httpErrors.notFound(`source ${request.params.id} not found`)
    }
    return reply.code(204).send(null)
  })

  fastify.post('/sources/:id/reextract', {
    schema: {
      summary: "Replace an article's quotes with those of the current extractor",
      description: 'Does nothing when the source was extracted by the current version, unless force=true. ' +
        'Manual merges, splits and quote corrections are kept.',
      tags: ['sources'],
      params: IdParams,
      querystring: ReextractQuery,
      response: { 200: ReextractReply, ...errorResponses, 422: ErrorResponse, 503: ErrorResponse },
    },
  }, async (request, reply) => {
    // Extracted on a worker thread (422 past the time limit); stored here.
    const signal = disconnectSignal(reply)
    const result = await reextractSourceWith(fastify.db, request.params.id, request.query.force,
      (text) => fastify.extractor.extract(text, signal))
    if (!result) throw fastify.httpErrors.notFound(`source ${request.params.id} not found`)
    return result
  })
}

export default manageRoutes
