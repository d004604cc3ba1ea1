// An article's detail as GET /sources/:id and POST /sources give it: the source, its first quotes, and a cursor to the
// rest (a few hundred at most are read and serialised per request, however many the article has).
//
// Where the store builds each quote's JSON (SQLite), the reply is put together from those strings and sent as it is:
// serializing 500 quote objects through the reply schema took tens of milliseconds of the thread that answers every
// other request. The keys come in the order of the reply schema, each value as its serializer writes it, so the bytes
// are the same either way (test/routes/json-replies.test.ts).
import type { FastifyInstance, FastifyReply } from 'fastify'
import { IngestReply } from '../../schemas/source.js'
import type { DataStore, IngestedDetail, PageKey, SourceDetail } from '../../store/index.js'
import { sendJsonBytes } from '../page-json.js'

/** What POST /sources adds to the detail. */
export interface IngestOutcome {
  status: 'created' | 'existing' | 'updated'
  updated: boolean
}

/** IngestReply's keys in order; SourceDetail's are the same without the last two. */
const KEYS = Object.keys(IngestReply.properties)

export async function sourceDetail (fastify: FastifyInstance, store: DataStore, source: SourceDetail) {
  const page = await store.quotes.ofSource(source.id)
  return { ...source, quotes: page.items, quotes_next_cursor: fastify.cursors.encode('quotes:position', page.next) }
}

type Detail = Awaited<ReturnType<typeof sourceDetail>>

/**
 * Answers with the detail (and the ingest outcome, for POST /sources): JSON put together here where the store builds
 * quotes' JSON, else the object for the reply schema to serialize.
 */
export async function sendSourceDetail (fastify: FastifyInstance, reply: FastifyReply, store: DataStore, source: SourceDetail): Promise<Detail | FastifyReply>
export async function sendSourceDetail (fastify: FastifyInstance, reply: FastifyReply, store: DataStore, source: SourceDetail, outcome: IngestOutcome): Promise<Detail & IngestOutcome | FastifyReply>
export async function sendSourceDetail (fastify: FastifyInstance, reply: FastifyReply, store: DataStore, source: SourceDetail, outcome?: IngestOutcome): Promise<Detail | FastifyReply> {
  if (store.quotes.ofSourceJson === undefined) return { ...await sourceDetail(fastify, store, source), ...outcome }
  const page = await store.quotes.ofSourceJson(source.id)
  return sendDetailJson(fastify, reply, source, Buffer.from(page.items.join(',')), page.next, outcome)
}

/** Answers POST /sources with the detail a store read as it stored the article (DataStore.ingestDetailed). */
export function sendIngestedDetail (fastify: FastifyInstance, reply: FastifyReply, detail: IngestedDetail, outcome: IngestOutcome): FastifyReply {
  return sendDetailJson(fastify, reply, detail.source, detail.quotesJson, detail.next, outcome)
}

/** The detail's JSON around its quotes' (UTF-8, joined by commas), in the reply schema's key order. */
function sendDetailJson (fastify: FastifyInstance, reply: FastifyReply, source: SourceDetail, quotesJson: Uint8Array, next: PageKey | null, outcome?: IngestOutcome): FastifyReply {
  const values: Record<string, unknown> = { ...source, quotes_next_cursor: fastify.cursors.encode('quotes:position', next), ...outcome }
  const field = (key: string): string[] => values[key] === undefined ? [] : [`${JSON.stringify(key)}:${JSON.stringify(values[key])}`]
  const quotesAt = KEYS.indexOf('quotes')
  const before = KEYS.slice(0, quotesAt).flatMap(field)
  const after = KEYS.slice(quotesAt + 1).flatMap(field)
  const head = `{${before.map((f) => f + ',').join('')}"quotes":[`
  const tail = `]${after.map((f) => ',' + f).join('')}}`
  return sendJsonBytes(reply, Buffer.concat([Buffer.from(head), quotesJson, Buffer.from(tail)]))
}
