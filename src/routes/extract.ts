// POST /extract: the quotes and speakers in a text or an HTML page, without storing anything.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { errorResponses, ErrorResponse } from '../schemas/common.js'
import { ExtractRequest, ExtractResponse } from '../schemas/extraction.js'
import { disconnectSignal } from './disconnect.js'

const extractRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.post('/extract', {
    schema: {
      summary: 'Find the quotes in a text or an HTML page (nothing is stored)',
      description: 'Offsets index into the text given, or for html into the `text` of the reply.',
      tags: ['extract'],
      body: ExtractRequest,
      response: { 200: ExtractResponse, ...errorResponses, 413: ErrorResponse, 422: ErrorResponse, 503: ErrorResponse },
    },
  }, async (request, reply) => {
    // Checking, HTML conversion and extraction all run on a worker thread, stopped past the time limit (422) or
    // when the client goes away.
    // The reply comes back serialised and encoded, so that megabytes of JSON are never built or encoded on this
    // thread; a Buffer is sent as it is.
    const { json } = await fastify.extractor.extractReply({ value: request.body }, disconnectSignal(reply))
    const body = Buffer.from(json.buffer, json.byteOffset, json.byteLength)
    return reply.type('application/json; charset=utf-8').send(body as never) // already the JSON of an ExtractResponse
  })
}

export default extractRoutes
