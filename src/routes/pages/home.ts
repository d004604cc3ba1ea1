// GET /: the home page for a browser (Accept: text/html); for any other client a short JSON index of where the
// API, its documentation and the pages are.
import type { FastifyPluginAsync } from 'fastify'
import { homePage } from '../../pages/home-view.js'
import { sendPage } from './reply.js'

const SPEAKERS_SHOWN = 10
const ARTICLES_SHOWN = 10

export const wantsHtml = (accept: string | undefined): boolean => accept !== undefined && /\btext\/html\b/i.test(accept)

const homeRoutes: FastifyPluginAsync = async (fastify) => {
  fastify.get('/', { schema: { hide: true } }, async (request, reply) => {
    if (!wantsHtml(request.headers.accept)) {
      return {
        name: 'whosaid',
        description: 'Who said what in news articles: speakers, quotes and the articles they come from.',
        pages: '/ (open in a browser)',
        docs: '/docs',
        openapi: '/docs/json',
        health: '/health',
      }
    }
    const speakers = (await fastify.reads.speakers.list({ limit: SPEAKERS_SHOWN }, { sort: 'quotes' })).items
    return sendPage(reply, homePage(speakers, await fastify.reads.sources.latest(ARTICLES_SHOWN)))
  })
}

export default homeRoutes
