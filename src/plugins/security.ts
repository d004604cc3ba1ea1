// Security headers on every reply (helmet), CORS when origins are configured, and a rate limit per client IP.
// Registered before auth and the routes, so that 401 and 429 replies carry the same headers as any other.
import type { FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import cors from '@fastify/cors'
import helmet from '@fastify/helmet'
import rateLimit from '@fastify/rate-limit'
import type { CorsOrigin } from '../config.js'

export interface SecurityPluginOptions {
  /** Requests per minute per client IP; 0 turns the limit off. */
  rateLimitPerMinute: number
  /** null: no CORS headers at all. */
  corsOrigin: CorsOrigin
}

/** A route with `config: { rateLimit: false }` (e.g. /health, which probes call) is never limited. */
const exempt = (request: FastifyRequest): boolean => request.routeOptions.config?.rateLimit === false

const seconds = (ms: number): string => {
  const n = Math.max(1, Math.ceil(ms / 1000))
  return n === 1 ? '1 second' : `${n} seconds`
}

export default fp<SecurityPluginOptions>(async (fastify, options) => {
  // A JSON API loads nothing, so its pages may load nothing either; the Swagger UI at /docs sets its own policy
  // (src/plugins/openapi.ts).
  await fastify.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'none'"],
        'base-uri': ["'none'"],
        'form-action': ["'none'"],
        'frame-ancestors': ["'none'"],
      },
    },
  })

  if (options.corsOrigin !== null) {
    await fastify.register(cors, {
      origin: options.corsOrigin,
      methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
      allowedHeaders: ['Authorization', 'Content-Type'],
      exposedHeaders: ['Retry-After', 'X-RateLimit-Limit', 'X-RateLimit-Remaining', 'X-RateLimit-Reset'],
      maxAge: 600,
    })
  }

  if (options.rateLimitPerMinute > 0) {
    await fastify.register(rateLimit, {
      // Not per route: one onRequest hook for every request, unknown routes included, before auth runs.
      global: false,
      max: options.rateLimitPerMinute,
      timeWindow: 60_000,
      allowList: exempt,
      errorResponseBuilder: (_request, context) => Object.assign(
        new Error(`rate limit of ${context.max} requests per minute exceeded; retry in ${seconds(context.ttl)}`),
        { statusCode: context.statusCode },
      ),
    })
    fastify.addHook('onRequest', fastify.rateLimit())
  }
}, { name: 'security' })
