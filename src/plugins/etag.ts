// Conditional GETs: every successful GET carries an ETag taken from its body, and a request whose If-None-Match
// names it gets 304 with no body. The tag is a hash of the bytes sent, so a write changes the tags of exactly the
// replies whose content it changes and no others (a global write counter would change them all).
import { createHash } from 'node:crypto'
import type { FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'

/** A strong tag: 20 bytes of SHA-1 in base64url. Replies are sent uncompressed, so bytes and content agree. */
export function etagOf (body: string | Buffer): string {
  return `"${createHash('sha1').update(body).digest('base64url')}"`
}

/**
 * If-None-Match uses the weak comparison (RFC 9110 §13.1.2): W/ prefixes are ignored, `*` matches any current
 * representation, and the header may list several tags.
 */
export function noneMatch (header: string, etag: string): boolean {
  if (header.trim() === '*') return true
  for (const part of header.split(',')) {
    const tag = part.trim()
    if ((tag.startsWith('W/') ? tag.slice(2) : tag) === etag) return true
  }
  return false
}

function onSend (request: FastifyRequest, reply: FastifyReply, payload: unknown, done: (err: null, payload?: unknown) => void): void {
  // Only whole bodies of successful reads; streams (NDJSON batch replies) and errors are left as they are.
  if ((request.method !== 'GET' && request.method !== 'HEAD') || reply.statusCode !== 200 ||
      !(typeof payload === 'string' || Buffer.isBuffer(payload))) {
    done(null, payload)
    return
  }
  // A tag set before (a reply from src/plugins/reply-cache.ts, a static asset) is the body's already.
  const preset = reply.getHeader('etag')
  const etag = typeof preset === 'string' ? preset : etagOf(payload)
  if (preset === undefined) reply.header('etag', etag)
  const header = request.headers['if-none-match']
  if (header !== undefined && noneMatch(header, etag)) {
    reply.code(304)
    reply.removeHeader('content-length')
    done(null, '')
    return
  }
  done(null, payload)
}

export default fp(async (fastify) => {
  fastify.addHook('onSend', onSend)
}, { name: 'etag' })
