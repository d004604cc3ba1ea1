// An AbortSignal that fires when the client goes away before its reply is sent, so that work done for it stops.
import type { FastifyReply } from 'fastify'

/**
 * Fires when the connection closes before the reply was written. The response's 'close' (not the request's, which
 * Node emits once the body is read) comes either after the reply is finished or when the socket is lost.
 */
export function disconnectSignal (reply: FastifyReply): AbortSignal {
  const controller = new AbortController()
  const response = reply.raw
  response.once('close', () => {
    if (!response.writableFinished) controller.abort()
  })
  return controller.signal
}
