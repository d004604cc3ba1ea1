// Security headers on every reply, CORS when origins are configured, and a rate limit per client IP.
// Registered before auth and the routes, so that 401 and 429 replies carry the same headers as any other; the
// replies made before any hook runs (a routing error, a request that is not HTTP) set them with the helpers below.
import { STATUS_CODES } from 'node:http'
import type { Duplex } from 'node:stream'
import type { FastifyReply, FastifyRequest } from 'fastify'
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

/** The security headers on a reply that no onRequest hook saw (Fastify's frameworkErrors). */
export function setSecurityHeaders (reply: FastifyReply): void {
  reply.headers(SECURITY_HEADERS)
}

const RAW_SECURITY_HEADERS = Object.entries(SECURITY_HEADERS).map(([name, value]) => `${name}: ${value}\r\n`).join('')

/**
 * Fastify's `clientErrorHandler` (set in src/app.ts): the reply to bytes that are not an HTTP request (a malformed
 * request line or header, headers too large, too slow), written to the socket as Node and Fastify would, but in the
 * usual error shape and with the same security headers as every other reply.
 */
export function clientErrorReply (err: NodeJS.ErrnoException, socket: Duplex): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return
  const [status, message] = err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? [408, 'the request did not arrive in time']
    : err.code === 'HPE_HEADER_OVERFLOW' ? [431, 'the request headers are larger than the server accepts']
      : [400, 'the request is not valid HTTP']
  const body = JSON.stringify({ statusCode: status, error: STATUS_CODES[status], message })
  if (socket.writable) {
    socket.write(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n${RAW_SECURITY_HEADERS}` +
      `content-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\n` +
      `connection: close\r\n\r\n${body}`)
  }
  socket.destroy(err)
}

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
