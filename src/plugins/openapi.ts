// OpenAPI description of every route, at /docs (browsable) and /docs/json.
import fp from 'fastify-plugin'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'

export default fp(async (fastify) => {
  await fastify.register(swagger, {
    openapi: {
      info: {
        title: 'whosaid',
        description: 'Who said what in news articles: speakers, quotes and the articles they come from.',
        version: '0.1.0',
      },
    },
  })
  await fastify.register(swaggerUi, { routePrefix: '/docs' })
}, { name: 'openapi' })
