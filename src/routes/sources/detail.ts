// An article's detail as GET /sources/:id and POST /sources give it: the source, its first quotes, and a cursor to the
// rest (a few hundred at most are read and serialised per request, however many the article has).
//
// Where the store builds each quote's JSON (SQLite), the reply is put together from those strings and sent as it is:
// serializing 500 quote objects through the reply schema took tens of milliseconds of the thread that answers every
// other request. The keys come in the order of the reply schema, each value as its serializer writes it, so the bytes
// are the same either way (test/routes/json-replies.test.ts).
import type { FastifyInstance, FastifyReply } from 'fastify'
import { IngestReply } from '../../schemas/source.js'
import type { DataStore, SourceDetail } from '../../store/index.js'
import { sendJson } from '../page-json.js'

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
  const values: Record<string, unknown> = { ...source, quotes_next_cursor: fastify.cursors.encode('quotes:position', page.next), ...outcome }
  const fields = KEYS.flatMap((key) => key === 'quotes' ? [`"quotes":[${page.items.join(',')}]`]
    : values[key] === undefined ? [] : [`${JSON.stringify(key)}:${JSON.stringify(values[key])}`])
  return sendJson(reply, `{${fields.join(',')}}`)
}
