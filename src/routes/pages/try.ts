// The try-it page: GET shows the form, POST (a plain HTML form, no script) extracts what was pasted and shows it
// marked. Nothing is stored, so the post needs no API key (config.storesNothing, src/plugins/auth.ts).
import type { FastifyPluginAsync } from 'fastify'
import { tryPage, type TryInput } from '../../pages/try-view.js'
import { TooManyQuotationsError } from '../../extract/limits.js'
import { ArticleError } from '../../services/article.js'
import { ExtractionTimeLimitError } from '../../services/extractor-pool.js'
import { unpackExtraction } from '../../store/packed-extraction.js'
import { disconnectSignal } from '../disconnect.js'
import { sendPage } from './reply.js'

const FORM = 'application/x-www-form-urlencoded'

function readForm (body: unknown): TryInput {
  const form = new URLSearchParams(typeof body === 'string' ? body : '')
  const format = form.get('format')
  return { text: form.get('text') ?? '', format: format === 'text' || format === 'html' ? format : 'guess' }
}

/** HTML when asked, or when guessing and the text starts with < (as `whosaid ingest` guesses for stdin). */
const isHtml = (input: TryInput): boolean =>
  input.format === 'html' || (input.format === 'guess' && input.text.trimStart().startsWith('<'))

const tryRoutes: FastifyPluginAsync = async (fastify) => {
  fastify.addContentTypeParser(FORM, { parseAs: 'string' }, (_request, body, done) => { done(null, body) })

  fastify.get('/try', { schema: { hide: true } }, async (_request, reply) =>
    sendPage(reply, tryPage({ text: '', format: 'guess' }, null)))

  fastify.post('/try', {
    schema: { hide: true, consumes: [FORM] },
    config: { storesNothing: true },
  }, async (request, reply) => {
    const input = readForm(request.body)
    let prepared
    try {
      // On a worker, as POST /extract: converting a pasted page is as heavy as extracting it.
      prepared = await fastify.extractor.prepare({ value: isHtml(input) ? { html: input.text } : { text: input.text } }, disconnectSignal(reply))
    } catch (err) {
      if (err instanceof ArticleError) return sendPage(reply, tryPage(input, null, err.message.replace(/^(text|html)\b/, 'the pasted $1')), 400)
      if (err instanceof TooManyQuotationsError || err instanceof ExtractionTimeLimitError) return sendPage(reply, tryPage(input, null, err.message), 422)
      throw err
    }
    const { article, page } = prepared
    return sendPage(reply, tryPage(input, { text: article.text, title: page?.title ?? null, extraction: unpackExtraction(prepared.extraction) }))
  })
}

export default tryRoutes
