// Correcting speaker identity by hand: merge two speakers, or split a name off one. Both survive
// re-extraction of the articles involved.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { ErrorResponse, errorResponses } from '../../schemas/common.js'
import { MergeBody, SpeakerDetail, SpeakerParams, SplitBody } from '../../schemas/speaker.js'
import { speakerId } from './ref.js'

const correctionRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.post('/speakers/:id/merge', {
    schema: {
      summary: 'Merge this speaker into another',
      description: 'Quotes, names and titles move to `into`; this speaker\'s id and slug redirect there from now on.',
      tags: ['speakers'],
      params: SpeakerParams,
      body: MergeBody,
      response: { 200: SpeakerDetail, ...errorResponses, 409: ErrorResponse },
    },
  }, async (request) => {
    const from = await speakerId(fastify, request.params.id, false)
    const into = await speakerId(fastify, request.body.into)
    return (await fastify.db.speakers.get(await fastify.db.corrections.merge(from, into)))!
  })

  fastify.post('/speakers/:id/split', {
    schema: {
      summary: 'Split a name off this speaker into a new speaker',
      description: 'The articles where this speaker went by `alias` move to a new speaker, also when they are extracted again.',
      tags: ['speakers'],
      params: SpeakerParams,
      body: SplitBody,
      response: { 201: SpeakerDetail, ...errorResponses, 409: ErrorResponse },
    },
  }, async (request, reply) => {
    const id = await speakerId(fastify, request.params.id, false)
    const created = await fastify.db.corrections.split(id, request.body.alias)
    const speaker = (await fastify.db.speakers.get(created))!
    reply.header('location', `/speakers/${speaker.slug ?? speaker.id}`)
    return reply.code(201).send(speaker)
  })
}

export default correctionRoutes
