// Replies whose JSON the store built (QuoteReads.listJson, getJson): sent as they are, with the content type Fastify
// gives a serialized reply, so that the bytes are those the reply schema's serializer would have made.
import type { FastifyReply } from 'fastify'

const JSON_TYPE = 'application/json; charset=utf-8'

/** A list page, `{"items":[…],"next_cursor":…}` as Page(…) in src/schemas/common.ts serializes it, from its items' JSON. */
export function pageJson (items: readonly string[], nextCursor: string | null): string {
  return `{"items":[${items.join(',')}],"next_cursor":${nextCursor === null ? 'null' : JSON.stringify(nextCursor)}}`
}

/** Sends JSON text without serializing it again. */
export function sendJson (reply: FastifyReply, json: string): FastifyReply {
  return reply.type(JSON_TYPE).send(json)
}
