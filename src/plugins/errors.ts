// Every error reply is { statusCode, error, message }; a 5xx never shows a stack trace or SQL.
import { STATUS_CODES } from 'node:http'
import type { FastifyError } from 'fastify'
import fp from 'fastify-plugin'

export default fp(async (fastify) => {
  fastify.setErrorHandler((error: FastifyError, request, reply) => {
    const status = error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 600
      ? error.statusCode
      : 500
    if (status >= 500) {
      request.log.error({ err: error }, 'request failed')
      return reply.code(status).send({
        statusCode: status,
        error: STATUS_CODES[status] ?? 'Internal Server Error',
        message: 'Something went wrong on our side; the error has been logged.',
      })
    }
    return reply.code(status).send({ statusCode: status, error: STATUS_CODES[status] ?? 'Error', message: error.message })
  })

  fastify.setNotFoundHandler((request, reply) => {
    return reply.code(404).send({
      statusCode: 404,
      error: 'Not Found',
      message: `Route ${request.method} ${request.url.split('?')[0]} not found`,
    })
  })
}, { name: 'errors' })
