// Security headers on every reply, CORS when origins are configured, and a rate limit per client IP.
// Registered before auth and the routes, so that 401 and 429 replies carry the same headers as any other.
import type { FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import cors from '@fastify/cors'
import rateLimit from '@fastify/rate-limit'
import type { CorsOrigin } from '../config.js'

export interface SecurityPluginOptions {
  /** Requests per minute per client IP; 0 turns the limit off. */
  rateLimitPerMinute: number
  /** null: no CORS headers at all. */
  corsOrigin: CorsOrigin
}

const SECURITY_HEADERS = Object.freeze({
  'content-security-policy': "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'origin-agent-cluster': '?1',
  'referrer-policy': 'no-referrer',
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'x-dns-prefetch-control': 'off',
  'x-download-options': 'noopen',
  'x-frame-options': 'SAMEORIGIN',
  'x-permitted-cross-domain-policies': 'none',
  'x-xss-protection': '0',
})

/** A route with `config: { rateLimit: false }` (e.g. /health, which probes call) is never limited. */
const exempt = (request: FastifyRequest): boolean => request.routeOptions.config?.rateLimit === false

const seconds = (ms: number): string => {
  const n = Math.max(1, Math.ceil(ms / 1000))
  return n === 1 ? '1 second' : `${n} seconds`
}

export default fp<SecurityPluginOptions>(async (fastify, options) => {
  // The headers helmet sets by default, as one constant object set in one hook: helmet's middleware chain cost a
  // third of the throughput of a small reply. A JSON API loads nothing, so its pages may load nothing either; the
  // Swagger UI at /docs replaces the policy with its own in an onSend hook (src/plugins/openapi.ts).
  fastify.addHook('onRequest', (_request, reply, done) => {
    reply.headers(SECURITY_HEADERS)
    done()
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
