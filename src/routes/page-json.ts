// Replies whose JSON the store built (QuoteReads.listJson, getJson): sent as they are, with the content type Fastify
// gives a serialized reply, so that the bytes are those the reply schema's serializer would have made.
import type { FastifyInstance, FastifyReply } from 'fastify'
import type { QuoteReads } from '../store/interface.js'
import type { PageRequest, Quote, QuoteFilter } from '../store/index.js'

const JSON_TYPE = 'application/json; charset=utf-8'

/** A list page, `{"items":[…],"next_cursor":…}` as Page(…) in src/schemas/common.ts serializes it, from its items' JSON. */
export function pageJson (items: readonly string[], nextCursor: string | null): string {
  return `{"items":[${items.join(',')}],"next_cursor":${nextCursor === null ? 'null' : JSON.stringify(nextCursor)}}`
}

/**
 * Sends JSON text without serializing it again, encoded to UTF-8 once: sent as a string, a page of quotes was read for
 * its length twice (the reply cache, Content-Length) and encoded twice (the ETag's hash, the socket), about 30 µs of
 * a 20 KB page's request (bench/RESULTS.md, sixteenth stop).
 */
export function sendJson (reply: FastifyReply, json: string): FastifyReply {
  return sendJsonBytes(reply, Buffer.from(json))
}

/** Sends JSON already encoded to UTF-8. */
export function sendJsonBytes (reply: FastifyReply, json: Buffer): FastifyReply {
  return reply.type(JSON_TYPE).send(json)
}

/**
 * The reply of a quote list (list order `order`, for its cursor): sent as JSON the store built where it can (SQLite),
 * else the page for the reply schema to serialize (PostgreSQL). A full-text search (filter.match) goes to
 * fastify.searches, which bounds its time; other lists to fastify.reads.
 */
export async function quotePage (fastify: FastifyInstance, reply: FastifyReply, order: string, page: PageRequest, filter: QuoteFilter):
Promise<FastifyReply | { items: Quote[], next_cursor: string | null }> {
  const quotes: Pick<QuoteReads, 'list' | 'listJson'> = filter.match === undefined ? fastify.reads.quotes : fastify.searches.quotes
  if (quotes.listJson !== undefined) {
    const json = await quotes.listJson(page, filter)
    return sendJson(reply, pageJson(json.items, fastify.cursors.encode(order, json.next)))
  }
  const listed = await quotes.list(page, filter)
  return { items: listed.items, next_cursor: fastify.cursors.encode(order, listed.next) }
}
