// GET /ui/speakers/:id: a speaker and their quotes, newest first, filtered by type and date, a page at a time.
// A merged speaker redirects to the survivor's page, filters kept.
import { Type } from '@sinclair/typebox'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { speakerPageHref } from '../../pages/marked-text.js'
import { speakerPage } from '../../pages/speaker-view.js'
import { dateBounds } from '../query.js'
import { sendPage } from './reply.js'

const QUOTES_PER_PAGE = 20
const ORDER = 'quotes:newest'

// Strings, so that a form's empty fields ("any type", no date) are accepted and mean no filter.
const SpeakerPageQuery = Type.Object({
  type: Type.Optional(Type.Union([Type.Literal(''), Type.Literal('direct'), Type.Literal('mixed'), Type.Literal('indirect')])),
  since: Type.Optional(Type.String({ maxLength: 40 })),
  until: Type.Optional(Type.String({ maxLength: 40 })),
  cursor: Type.Optional(Type.String({ maxLength: 1000 })),
})

// Any text: a mistyped name is a page saying there is no such speaker, not a pattern to match.
const SpeakerPageParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 200 }) })

const given = (value: string | undefined): string | undefined => value === undefined || value === '' ? undefined : value

const speakerRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get('/speakers/:id', { schema: { hide: true, params: SpeakerPageParams, querystring: SpeakerPageQuery } }, async (request, reply) => {
    const param = request.params.id
    const ref = await fastify.reads.speakers.find(/^[1-9]\d{0,15}$/.test(param) ? Number(param) : param.toLowerCase())
    if (!ref) throw fastify.httpErrors.notFound(`There is no speaker ${param}.`)
    if (ref.merged_into !== null) {
      const survivor = (await fastify.reads.speakers.get(ref.merged_into))!
      const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : ''
      return reply.redirect(`${speakerPageHref(survivor)}${query}`, 301)
    }
    const speaker = (await fastify.reads.speakers.get(ref.id))!
    const filters = { type: given(request.query.type), since: given(request.query.since), until: given(request.query.until) }
    const cursor = given(request.query.cursor)
    const page = await fastify.reads.quotes.list(fastify.cursors.page(ORDER, { limit: QUOTES_PER_PAGE, cursor }), {
      speaker_id: speaker.id,
      type: filters.type as 'direct' | 'mixed' | 'indirect' | undefined,
      sort: 'newest',
      ...dateBounds(filters),
    })
    return sendPage(reply, speakerPage(speaker, page.items, filters, fastify.cursors.encode(ORDER, page.next)))
  })
}

export default speakerRoutes
