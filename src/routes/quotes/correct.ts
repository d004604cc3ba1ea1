// PATCH /quotes/:id: attribute one quote to another speaker by hand. The correction is kept when
// the article is extracted again, as long as it still has a quote with the same text.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { ErrorResponse, IdParams, errorResponses } from '../../schemas/common.js'
import { QuoteDetail, QuotePatch } from '../../schemas/quote.js'

const correctRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.patch('/quotes/:id', {
    schema: {
      summary: 'Correct who said a quote',
      tags: ['quotes'],
      params: IdParams,
      body: QuotePatch,
      response: { 200: QuoteDetail, ...errorResponses, 409: ErrorResponse },
    },
  }, async (request) => {
    await fastify.db.corrections.correctQuote(request.params.id, request.body.speaker_id)
    return (await fastify.db.quotes.get(request.params.id))!
  })
}

export default correctRoutes
