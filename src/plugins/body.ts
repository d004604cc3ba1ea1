// What request bodies the API takes: the size limits (fastify.limits) and, for routes whose body schema is an
// object, only the media types they parse (415 otherwise, decided before the body is read).
import type { FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'

export interface Limits {
  /** Largest JSON body in bytes: the server-wide bodyLimit (BODY_LIMIT). */
  bodyLimit: number
  /** Largest NDJSON batch request in bytes (BATCH_BODY_LIMIT): a batch route sets `bodyLimit: fastify.limits.batchBodyLimit`. */
  batchBodyLimit: number
}

declare module 'fastify' {
  interface FastifyInstance {
    limits: Limits
  }
}

export class UnsupportedMediaTypeError extends Error {
  override name = 'UnsupportedMediaTypeError'
  readonly statusCode = 415
}

/** The media type of a Content-Type header, lower case, without parameters ("application/json; charset=utf-8" → "application/json"). */
export function mediaType (contentType: string): string {
  return contentType.split(';')[0]!.trim().toLowerCase()
}

/**
 * The media types a route takes: its schema's `consumes` (also shown in the OpenAPI description) or, for a body
 * schema that is a JSON object, application/json; undefined when the route leaves it to the parsers it has.
 */
export function acceptedTypes (request: FastifyRequest): string[] | undefined {
  const schema = request.routeOptions.schema as { body?: { type?: unknown }, consumes?: unknown } | undefined
  if (Array.isArray(schema?.consumes)) return schema.consumes.map(String)
  return schema?.body?.type === 'object' ? ['application/json'] : undefined
}

export const listTypes = (types: string[]): string => types.join(' or ')

/** A JSON body whose bytes are not UTF-8 (RFC 8259 §8.1): refused rather than stored with U+FFFD in place of them. */
export class InvalidUtf8Error extends Error {
  override name = 'InvalidUtf8Error'
  readonly statusCode = 400
  constructor () {
    super('body is not valid UTF-8')
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true })

export default fp<Limits>(async (fastify, options) => {
  fastify.decorate('limits', { bodyLimit: options.bodyLimit, batchBodyLimit: options.batchBodyLimit })

  // Fastify's own JSON parser decodes the bytes leniently, so a byte that is not UTF-8 would become U+FFFD in stored
  // text. The same parser (with its prototype-poisoning checks) runs here on bytes checked to be UTF-8.
  const parseJson = fastify.getDefaultJsonParser('error', 'error')
  fastify.removeContentTypeParser('application/json')
  fastify.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    let text: string
    try {
      text = utf8.decode(body as Buffer)
    } catch {
      done(new InvalidUtf8Error(), undefined)
      return
    }
    parseJson(request, text, done)
  })

  // Fastify parses text/plain into a string, which a JSON route would then refuse as "body must be object" (400);
  // the client sent the wrong kind of body, and 415 says so, before any of it is read.
  // A callback hook, not an async one: it runs on every request, and most have nothing to check.
  fastify.addHook('preParsing', (request, reply, payload, done) => {
    const contentType = request.headers['content-type']
    const accepted = contentType === undefined ? undefined : acceptedTypes(request)
    if (contentType === undefined || accepted === undefined || accepted.includes(mediaType(contentType))) {
      done(null, payload)
      return
    }
    reply.header('connection', 'close')
    done(new UnsupportedMediaTypeError(
      `Content-Type ${JSON.stringify(mediaType(contentType))} is not accepted here; send ${listTypes(accepted)}`))
  })
}, { name: 'body' })
