// POST /sources: one article (text or HTML) extracted off the main thread and stored in one transaction.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { ArticleRequest } from '../../schemas/article.js'
import { ErrorResponse, errorResponses } from '../../schemas/common.js'
import { IngestReply } from '../../schemas/source.js'
import { disconnectSignal } from '../disconnect.js'
import { sendIngestedDetail, sendSourceDetail } from './detail.js'

const ingestRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.post('/sources', {
    schema: {
      summary: 'Ingest an article: extract its quotes and store them',
      description: 'The same text again returns the stored source (200, status existing). A different text under a url ' +
        'already stored replaces that source and its quotes (200, status updated).',
      tags: ['sources'],
      body: ArticleRequest,
      response: { 200: IngestReply, 201: IngestReply, ...errorResponses, 413: ErrorResponse, 415: ErrorResponse, 422: ErrorResponse, 503: ErrorResponse },
    },
  }, async (request, reply) => {
    // Checking, HTML conversion and extraction run on a worker thread, stopped past the time limit (422) or when the
    // client goes away (nothing is stored then); the write stays here.
    const { article, extraction } = await fastify.extractor.prepare({ value: request.body }, disconnectSignal(reply))
    const { db } = fastify
    // SQLite reads the reply where it stores the article (the writer thread); PostgreSQL stores, then reads here.
    const detailed = db.ingestDetailed === undefined ? undefined : await db.ingestDetailed(article, extraction)
    const result = detailed?.result ?? await db.ingest(article, extraction)
    reply.code(result.status === 'created' ? 201 : 200)
    if (result.status === 'created') reply.header('location', `/sources/${result.source_id}`)
    const outcome = { status: result.status, updated: result.status === 'updated' }
    if (detailed !== undefined) return sendIngestedDetail(fastify, reply, detailed, outcome)
    return await sendSourceDetail(fastify, reply, db, (await db.sources.get(result.source_id))!, outcome)
  })
}

export default ingestRoutes
