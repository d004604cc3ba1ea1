// Writes (POST, PUT, PATCH, DELETE) need `Authorization: Bearer <API key>` when a key is configured; reads are open.
// The check is an onRequest hook, so an unauthenticated request is refused before its body is read.
import { createHash, timingSafeEqual } from 'node:crypto'
import type { FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'

export interface AuthPluginOptions {
  /** null or undefined: writes are open to anyone (and a warning says so at start-up). */
  apiKey?: string | null
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** A POST route that changes nothing stored: open without the API key. */
    storesNothing?: boolean
  }
}

export const WRITE_METHODS: ReadonlySet<string> = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

const sha256 = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest()

/**
 * Whether `presented` is the key whose SHA-256 is `expectedHash`. Both sides are hashed first, so the comparison
 * takes the same time whatever the presented key's length or content.
 */
export function keyMatches (presented: string, expectedHash: Buffer): boolean {
  return timingSafeEqual(sha256(presented), expectedHash)
}

// "Bearer" (any case, RFC 7235), spaces, then the key: printable ASCII without spaces, as config.ts requires of API_KEY.
const BEARER = /^Bearer +([\x21-\x7e]+) *$/i

function refuse (reply: FastifyReply, message: string, challenge: string): FastifyReply {
  return reply
    .code(401)
    .header('www-authenticate', challenge)
    .send({ statusCode: 401, error: 'Unauthorized', message })
}

function hasBody (request: FastifyRequest): boolean {
  const length = request.headers['content-length']
  return request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0')
}

export default fp<AuthPluginOptions>(async (fastify, options) => {
  const apiKey = options.apiKey ?? null
  if (apiKey === null) {
    fastify.log.warn('API_KEY is not set: writes (POST, PUT, PATCH, DELETE) are open to anyone who can reach the server')
    return
  }
  const expectedHash = sha256(apiKey)

  fastify.addHook('onRequest', async (request, reply) => {
    if (!WRITE_METHODS.has(request.method)) return
    // A form post that stores nothing (the try-it page, src/routes/pages/try.ts) is a read for this purpose.
    if (request.routeOptions.config?.storesNothing === true) return
    // An unread body is not worth keeping the connection for: close it after the 401.
    if (hasBody(request)) reply.header('connection', 'close')
    const header = request.headers.authorization
    if (header === undefined || header === '') {
      return refuse(reply, 'writes need an API key: send "Authorization: Bearer <API key>"', 'Bearer realm="whosaid"')
    }
    const match = BEARER.exec(header)
    if (match === null) {
      return refuse(reply, 'Authorization header must be "Bearer <API key>"',
        'Bearer realm="whosaid", error="invalid_request"')
    }
    if (!keyMatches(match[1]!, expectedHash)) {
      return refuse(reply, 'API key is not valid', 'Bearer realm="whosaid", error="invalid_token"')
    }
    // Authorised: the request goes on (and the connection may be kept alive after all).
    reply.removeHeader('connection')
  })
}, { name: 'auth' })
