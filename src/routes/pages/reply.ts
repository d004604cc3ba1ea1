// How every page is sent: HTML, never cached (articles and speakers change as they are corrected).
import type { FastifyReply } from 'fastify'

export function sendPage (reply: FastifyReply, page: string, status = 200): FastifyReply {
  return reply.code(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(page)
}
