// GET /ui/articles/:id: an article's text with its quotes marked in their speakers' colours.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { articlePage } from '../../pages/article-view.js'
import { IdParams } from '../../schemas/common.js'
import type { SpeakerDetail } from '../../store/index.js'
import { sendPage } from './reply.js'

const articleRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get('/articles/:id', { schema: { hide: true, params: IdParams } }, async (request, reply) => {
    const source = await fastify.reads.sources.get(request.params.id)
    if (!source) throw fastify.httpErrors.notFound(`There is no article ${request.params.id}.`)
    // The first QUOTES_SHOWN_PER_SOURCE: a page for a text of 40,000 "quotes" would hold the server for seconds.
    const quotes = (await fastify.reads.quotes.ofSource(source.id)).items
    const speakers = new Map<number, SpeakerDetail>()
    for (const quote of quotes) {
      const id = quote.speaker?.id
      if (id === undefined || speakers.has(id)) continue
      const speaker = await fastify.reads.speakers.get(id)
      if (speaker) speakers.set(id, speaker)
    }
    return sendPage(reply, articlePage(source, quotes, speakers))
  })
}

export default articleRoutes
