// A speaker named in a URL by numeric id or slug; a speaker merged into another answers with a
// permanent redirect to the survivor, so old links keep working.
import type { FastifyInstance, FastifyReply } from 'fastify'

/** The id to serve, or null when a redirect has been sent. Throws 404 for an unknown speaker. */
export async function speakerFromParam (fastify: FastifyInstance, param: string, reply: FastifyReply, suffix = ''): Promise<number | null> {
  const ref = /^\d+$/.test(param) ? Number(param) : param
  const speaker = await fastify.reads.speakers.find(ref)
  if (!speaker) throw fastify.httpErrors.notFound(`speaker ${param} not found`)
  if (speaker.merged_into === null) return speaker.id
  const survivor = (await fastify.reads.speakers.get(speaker.merged_into))!
  const query = reply.request.url.includes('?') ? reply.request.url.slice(reply.request.url.indexOf('?')) : ''
  void reply.redirect(`/speakers/${survivor.slug ?? survivor.id}${suffix}${query}`, 301)
  return null
}

/** The id of the speaker named by id or slug (its survivor if `follow` and it was merged); throws 404 for an unknown one. */
export async function speakerId (fastify: FastifyInstance, ref: number | string, follow = true): Promise<number> {
  const speaker = await fastify.db.speakers.find(typeof ref === 'string' && /^\d+$/.test(ref) ? Number(ref) : ref)
  if (!speaker) throw fastify.httpErrors.notFound(`speaker ${ref} not found`)
  return follow ? (speaker.merged_into ?? speaker.id) : speaker.id
}
