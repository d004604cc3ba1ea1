// Pages for people, rendered on the server: `/` for a browser, and everything else under /ui/. The JSON API keeps
// its own URLs, so a page URL always gives a page and an API URL always gives JSON, whatever the Accept header.
// Pages run no script at all: their Content-Security-Policy allows this server's stylesheet, images and form posts.
import type { FastifyError, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { STATUS_CODES } from 'node:http'
import { errorPage } from '../../pages/error-view.js'
import articleRoutes from './article.js'
import assetRoutes from './assets.js'
import homeRoutes from './home.js'
import searchRoutes from './search.js'
import speakerRoutes from './speaker.js'
import tryRoutes from './try.js'
import { sendPage } from './reply.js'

export const PAGE_CSP = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

function pageError (error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const status = typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 600 ? error.statusCode : 500
  if (status >= 500) {
    request.log.error({ err: error }, 'page failed')
    return sendPage(reply, errorPage(status, 'The error has been logged. Please try again later.'), status)
  }
  return sendPage(reply, errorPage(status, error.message || (STATUS_CODES[status] ?? 'Error')), status)
}

const pageRoutes: FastifyPluginAsync = async (fastify) => {
  fastify.addHook('onRequest', (_request, reply, done) => {
    reply.header('content-security-policy', PAGE_CSP)
    done()
  })
  fastify.setErrorHandler(pageError)
  await fastify.register(homeRoutes)
  await fastify.register(async (ui) => {
    ui.get('/', { schema: { hide: true } }, async (_request, reply) => reply.redirect('/', 302))
    ui.setNotFoundHandler((request, reply) =>
      sendPage(reply, errorPage(404, `There is no page at ${request.url.split('?')[0]}.`), 404))
    await ui.register(assetRoutes)
    await ui.register(articleRoutes)
    await ui.register(speakerRoutes)
    await ui.register(searchRoutes)
    await ui.register(tryRoutes)
  }, { prefix: '/ui' })
}

export default pageRoutes
