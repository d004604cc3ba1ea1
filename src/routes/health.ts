import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { ErrorResponse } from '../schemas/common.js'
import { Health } from '../schemas/health.js'

const healthRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get('/health', {
    // Probes must never see a 429.
    config: { rateLimit: false },
    schema: {
      summary: 'Whether the service and its database answer',
      tags: ['health'],
      response: { 200: Health, 503: ErrorResponse },
    },
  }, async (request, reply) => {
    try {
      await fastify.db.ping()
    } catch (err) {
      request.log.error({ err }, 'health check: database did not answer')
      return reply.code(503).send({ statusCode: 503, error: 'Service Unavailable', message: 'database is not answering' })
    }
    // Still 200 when storage is full or workers failed: reads are served, and a load balancer should keep sending them.
    const storage = await fastify.db.storage()
    const extraction = fastify.extractor.inline ? 'main-thread' as const : 'workers' as const
    const degraded = storage !== 'ok' || fastify.extractor.fallbackReason !== null
    return { status: degraded ? 'degraded' as const : 'ok' as const, database: 'ok' as const, storage, extraction }
  })
}

export default healthRoutes
