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
  // The UI's own Content-Security-Policy replaces the API's "load nothing" policy on /docs routes only: its scripts,
  // styles and images from this server, "Try it out" requests to it. No upgrade-insecure-requests, so the UI still
  // loads over plain HTTP (local runs, TLS terminated elsewhere).
  await fastify.register(swaggerUi, {
    routePrefix: '/docs',
    staticCSP: {
      'default-src': ["'self'"],
      'base-uri': ["'self'"],
      'connect-src': ["'self'"],
      'font-src': ["'self'", 'data:'],
      'form-action': ["'self'"],
      'frame-ancestors': ["'self'"],
      'img-src': ["'self'", 'data:'],
      'object-src': ["'none'"],
      'script-src': ["'self'"],
      'script-src-attr': ["'none'"],
      'style-src': ["'self'", "'unsafe-inline'"],
    },
  })
}, { name: 'openapi' })
