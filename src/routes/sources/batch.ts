// POST /sources/batch: NDJSON, one ArticleRequest a line, read as it arrives. Each line is checked and extracted on
// the extractor pool and stored (in a savepoint of a transaction shared with the lines extracted beside it, see
// services/batch.ts); a bad line is an error item and loses nothing else.
import type { Readable } from 'node:stream'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyRequest } from 'fastify'
import { BatchReply } from '../../schemas/batch.js'
import { ErrorResponse, errorResponses } from '../../schemas/common.js'
import { ingestBatch, type BatchJob, type BatchOutcome } from '../../services/batch.js'
import { readNdjsonLines, StreamTooLargeError } from '../../services/ndjson.js'

/** The media types taken: NDJSON under its usual names. */
export const NDJSON_TYPES = ['application/x-ndjson', 'application/ndjson', 'application/jsonl']

/** How long the rest of a refused body is read and dropped before the connection is cut. */
const LINGER_MS = 2_000

/**
 * After a 413 the body's remaining bytes are read and dropped, for at most LINGER_MS, instead of the connection being
 * closed on them: a socket closed with unread bytes is reset, and a client still sending then loses the 413 itself
 * (its next write fails before the reply is read). The connection stays open once the body has ended; a client still
 * sending after LINGER_MS is cut off, so a body without end holds nothing but a timer.
 */
function dropRestOfBody (request: FastifyRequest): void {
  const body = request.raw
  if (body.complete) return
  const cut = setTimeout(() => { body.socket.destroy() }, LINGER_MS)
  cut.unref()
  body.once('end', () => { clearTimeout(cut) })
  body.once('close', () => { clearTimeout(cut) })
  body.resume()
}

const batchRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  // Only in this plugin's scope: the body stays a stream, read line by line by the handler.
  fastify.addContentTypeParser(NDJSON_TYPES, (_request, payload, done) => { done(null, payload) })

  fastify.post('/sources/batch', {
    bodyLimit: fastify.limits.batchBodyLimit,
    schema: {
      summary: 'Ingest many articles: NDJSON, one article (as for POST /sources) a line',
      description: 'Each non-blank line is stored, or refused, on its own: the reply lists every line in order with its ' +
        'status (created, existing, updated or error with a message). A line may be as long as the JSON body limit ' +
        '(BODY_LIMIT); the whole request as long as BATCH_BODY_LIMIT (413 beyond it, after the lines already read ' +
        'are stored).',
      tags: ['sources'],
      consumes: NDJSON_TYPES,
      response: { 200: BatchReply, ...errorResponses, 413: ErrorResponse, 415: ErrorResponse, 503: ErrorResponse },
    },
  }, async (request) => {
    const stream = request.body as unknown
    if (stream === null || typeof stream !== 'object' || typeof (stream as Readable).pipe !== 'function') {
      throw fastify.httpErrors.unsupportedMediaType(`send NDJSON (Content-Type ${NDJSON_TYPES[0]})`)
    }
    const { bodyLimit, batchBodyLimit } = fastify.limits
    const declared = Number(request.headers['content-length'])
    if (Number.isFinite(declared) && declared > batchBodyLimit) {
      dropRestOfBody(request)
      throw fastify.httpErrors.payloadTooLarge(`the request is larger than the limit of ${batchBodyLimit} bytes`)
    }

    async function * jobs (): AsyncGenerator<BatchJob<number>> {
      // Not destroyed when the reading stops early (a limit, an error): its rest is dropped after the reply.
      const chunks = (stream as Readable).iterator({ destroyOnReturn: false })
      for await (const line of readNdjsonLines(chunks, { lineLimit: bodyLimit, totalLimit: batchBodyLimit })) {
        yield 'error' in line ? { key: line.line, error: line.error } : { key: line.line, source: { json: line.text } }
      }
    }

    const items: Array<{ line: number } & BatchOutcome> = []
    try {
      const counts = await ingestBatch(fastify.db, fastify.extractor, jobs(), {
        onOutcome: (line, outcome) => { items.push({ line, ...outcome }) },
        onInternalError: (line, err) => { request.log.error({ err, line }, 'batch line failed') },
      })
      return { items, ...counts }
    } catch (err) {
      dropRestOfBody(request)
      if (!(err instanceof StreamTooLargeError)) throw err
      const stored = items.filter((item) => item.status !== 'error').length
      throw fastify.httpErrors.payloadTooLarge(`${err.message}: lines 1 to ${err.lastLine} were read ` +
        `(${stored} stored, ${items.length - stored} refused) and the rest was not`)
    }
  })
}

export default batchRoutes
