// Every error reply is { statusCode, error, message }. A 4xx says what was wrong with the request (naming the field
// or header); a 5xx, and any error that is not a deliberate 4xx, never shows a stack trace, a file path or SQL.
import { STATUS_CODES } from 'node:http'
import type { FastifyError, FastifyReply, FastifyRequest, FastifySchemaValidationError, FastifyServerOptions } from 'fastify'
import fp from 'fastify-plugin'
import { isStorageFull, STORAGE_FULL_MESSAGE } from '../store/errors.js'
import { acceptedTypes, listTypes, mediaType } from './body.js'
import { setSecurityHeaders } from './security.js'

type SchemaErrorDataVar = Parameters<NonNullable<FastifyServerOptions['schemaErrorFormatter']>>[1]

const GENERIC_5XX = 'Something went wrong on our side; the error has been logged.'

/** "2 MB (2097152 bytes)", "1000 bytes". */
export function describeBytes (bytes: number): string {
  for (const [unit, size] of [['MB', 1024 * 1024], ['KB', 1024]] as const) {
    if (bytes >= size && bytes % size === 0) return `${bytes / size} ${unit} (${bytes} bytes)`
  }
  return `${bytes} bytes`
}

function describeError (error: FastifySchemaValidationError, where: string): string {
  const params = error.params
  switch (error.keyword) {
    case 'additionalProperties':
      return `${where} has unknown field ${JSON.stringify(params['additionalProperty'])}`
    case 'required':
      return `${where}/${String(params['missingProperty'])} is required`
    case 'enum':
      return `${where} must be one of ${(params['allowedValues'] as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`
    case 'const':
      return `${where} must be ${JSON.stringify(params['allowedValue'])}`
    case 'type':
      if (where === 'body' && params['type'] === 'object') return 'body must be a JSON object'
      return `${where} must be ${String(params['type'])}`
    default:
      return `${where} ${error.message ?? 'is not valid'}`
  }
}

/**
 * One message per problem, naming the part of the request and the field: `body has unknown field "titel"`,
 * `querystring/limit must be <= 100`, `body/url must match format "uri"`. The failures of each branch of a union
 * (anyOf/oneOf) are folded into one message: the constraint a value of the right type broke, or the types allowed.
 */
export function formatSchemaErrors (errors: FastifySchemaValidationError[], dataVar: SchemaErrorDataVar): Error {
  const messages: string[] = []
  let branchErrors: FastifySchemaValidationError[] = []
  for (const error of errors) {
    const where = `${dataVar}${error.instancePath}`
    if (error.keyword === 'anyOf' || error.keyword === 'oneOf') {
      const inside = branchErrors.filter((e) => e.instancePath.startsWith(error.instancePath))
      const constraint = inside.find((e) => e.keyword !== 'type' && e.keyword !== 'const' && e.keyword !== 'enum')
      if (constraint !== undefined) {
        messages.push(describeError(constraint, `${dataVar}${constraint.instancePath}`))
      } else {
        const branches = inside.filter((e) => e.instancePath === error.instancePath)
        const alternatives = [...new Set(branches.map((e) =>
          e.keyword === 'type' ? String(e.params['type']) : JSON.stringify(e.params['allowedValue'] ?? e.params['allowedValues'])))]
        if (alternatives.length === 0) messages.push(describeError(error, where))
        else if (branches.every((e) => e.keyword === 'const')) messages.push(`${where} must be one of ${alternatives.join(', ')}`)
        else messages.push(`${where} must be ${alternatives.join(' or ')}`)
      }
      branchErrors = branchErrors.filter((e) => !inside.includes(e))
      continue
    }
    branchErrors.push(error)
  }
  // Errors outside any union (with ajv's allErrors off, usually just one).
  for (const error of branchErrors) messages.push(describeError(error, `${dataVar}${error.instancePath}`))
  return new Error([...new Set(messages)].join('; '))
}

/** The message for a 4xx the framework raised before the handler ran, or undefined to keep the error's own. */
function frameworkMessage (error: FastifyError, request: FastifyRequest): string | undefined {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return 'body is not valid JSON'
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return 'body is empty; send a JSON document'
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return `body is larger than the limit of ${describeBytes(request.routeOptions.bodyLimit)}`
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return 'body size did not match the Content-Length header'
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE': {
      const accepted = acceptedTypes(request) ?? ['application/json']
      const contentType = request.headers['content-type']
      return contentType === undefined
        ? `a body needs a Content-Type header; send ${listTypes(accepted)}`
        : `Content-Type ${JSON.stringify(mediaType(contentType))} is not accepted here; send ${listTypes(accepted)}`
    }
    default:
      return undefined
  }
}

/**
 * Fastify's `frameworkErrors` option (set in src/app.ts): errors raised while routing, before any hook or error
 * handler runs (a path that is not valid percent-encoding, a path parameter over maxParamLength), in the usual shape.
 */
export function frameworkErrorReply (error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const status = typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500
    ? error.statusCode
    : 500
  if (status >= 500) request.log.error({ err: error }, 'request failed while routing')
  // No onRequest hook has run: the headers every reply carries are set here.
  setSecurityHeaders(reply)
  void reply.code(status).send({
    statusCode: status,
    error: STATUS_CODES[status] ?? 'Error',
    message: status >= 500 ? GENERIC_5XX : error.message,
  })
}

export default fp(async (fastify) => {
  fastify.setSchemaErrorFormatter(formatSchemaErrors)

  fastify.setErrorHandler((error: FastifyError, request, reply) => {
    if (isStorageFull(error)) {
      request.log.error({ err: error }, 'write refused: the database cannot grow')
      return reply.code(507).send({ statusCode: 507, error: STATUS_CODES[507], message: STORAGE_FULL_MESSAGE })
    }
    const status = typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 600
      ? error.statusCode
      : 500
    // A 503 that tells the client what to change or when to come back (a search over its time limit) says so.
    if (status >= 500 && (error as { expose?: unknown }).expose === true) {
      request.log.warn({ err: error }, 'request refused')
      return reply.code(status).send({ statusCode: status, error: STATUS_CODES[status] ?? 'Error', message: error.message })
    }
    if (status >= 500) {
      request.log.error({ err: error }, 'request failed')
      return reply.code(status).send({
        statusCode: status,
        error: STATUS_CODES[status] ?? 'Internal Server Error',
        message: GENERIC_5XX,
      })
    }
    const message = frameworkMessage(error, request) ?? error.message
    return reply.code(status).send({ statusCode: status, error: STATUS_CODES[status] ?? 'Error', message })
  })

  fastify.setNotFoundHandler((request, reply) => {
    return reply.code(404).send({
      statusCode: 404,
      error: 'Not Found',
      message: `Route ${request.method} ${request.url.split('?')[0]} not found`,
    })
  })
}, { name: 'errors' })
