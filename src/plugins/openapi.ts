// OpenAPI description of every route, at /docs (browsable) and /docs/json. Pages (src/routes/pages) are hidden.
import fp from 'fastify-plugin'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import type { FastifySchema, RouteOptions } from 'fastify'
import { WRITE_METHODS } from './auth.js'

type JsonSchema = Record<string, unknown>

const errorReply = (description: string): JsonSchema => ({
  description,
  type: 'object',
  properties: { statusCode: { type: 'integer' }, error: { type: 'string' }, message: { type: 'string' } },
  required: ['statusCode', 'error', 'message'],
})

// The replies the plugins give before a handler runs (auth, body, security), documented on the routes they reach.
const UNAUTHORIZED = errorReply('The server has an API key and the request did not send it: `Authorization: Bearer <API key>`.')
const TOO_LARGE = errorReply('The body is larger than the server\'s limit (BODY_LIMIT; BATCH_BODY_LIMIT for batches).')
const UNSUPPORTED = errorReply('The Content-Type is not one this route takes.')
const RATE_LIMITED = errorReply('Too many requests from this address (RATE_LIMIT_PER_MINUTE); Retry-After says when to try again.')

/** A union of string constants, which Swagger UI shows as a free text box, as an enum, which it offers as a list. */
function asEnum (schema: JsonSchema): JsonSchema {
  const branches = schema['anyOf']
  if (!Array.isArray(branches) || branches.length === 0) return schema
  if (!branches.every((b: JsonSchema) => typeof b['const'] === 'string')) return schema
  const { anyOf: _, ...rest } = schema
  return { ...rest, type: 'string', enum: branches.map((b: JsonSchema) => b['const']) }
}

/**
 * A query schema as the description should give it: a parameter with a default is optional to the client (the
 * schema lists it as required only so that handlers see the default), and unions of constants become enums.
 */
function describedQuery (query: JsonSchema): JsonSchema {
  const properties = (query['properties'] ?? {}) as Record<string, JsonSchema>
  const required = Array.isArray(query['required']) ? query['required'] as string[] : []
  return {
    ...query,
    properties: Object.fromEntries(Object.entries(properties).map(([name, schema]) => [name, asEnum(schema)])),
    required: required.filter((name) => properties[name]?.['default'] === undefined),
  }
}

/** The route as the description shows it: one tag, the optional and enum parameters, and the plugins' replies. */
export function describedRoute (schema: FastifySchema & JsonSchema, route: Pick<RouteOptions, 'method' | 'config'>): FastifySchema {
  const methods = Array.isArray(route.method) ? route.method : [route.method]
  const writes = methods.some((method) => WRITE_METHODS.has(method))
  const response = { ...(schema.response as JsonSchema | undefined) }
  if (writes) response['401'] ??= UNAUTHORIZED
  if (schema.body !== undefined || schema['consumes'] !== undefined) {
    response['413'] ??= TOO_LARGE
    response['415'] ??= UNSUPPORTED
  }
  if ((route.config as { rateLimit?: unknown } | undefined)?.rateLimit !== false) response['429'] ??= RATE_LIMITED
  const tags = schema['tags'] as string[] | undefined
  return {
    ...schema,
    // Swagger UI lists a route once under each of its tags; the first says where it belongs.
    ...(tags === undefined ? {} : { tags: tags.slice(0, 1) }),
    ...(schema.querystring === undefined ? {} : { querystring: describedQuery(schema.querystring as JsonSchema) }),
    ...(writes ? { security: [{ apiKey: [] }] } : {}),
    response,
  }
}

export default fp(async (fastify) => {
  await fastify.register(swagger, {
    openapi: {
      info: {
        title: 'whosaid',
        description: 'Who said what in news articles: speakers, quotes and the articles they come from. ' +
          'Reads are open; when the server has an API key, writes (POST, PUT, PATCH, DELETE) need it: ' +
          'press Authorize and give the key. Pages for people are at [/](/).',
        version: '0.1.0',
      },
      components: {
        securitySchemes: {
          apiKey: { type: 'http', scheme: 'bearer', description: 'The server\'s API_KEY, sent as `Authorization: Bearer <API key>`.' },
        },
      },
    },
    transform: ({ schema, url, route }) => ({
      schema: schema === undefined || (schema as { hide?: boolean }).hide === true
        ? schema
        : describedRoute(schema as FastifySchema & JsonSchema, route),
      url,
    }),
  })
  // The UI's own Content-Security-Policy replaces the API's "load nothing" policy on /docs routes only: its scripts,
  // styles and images from this server, "Try it out" requests to it. No upgrade-insecure-requests, so the UI still
  // loads over plain HTTP (local runs, TLS terminated elsewhere).
  await fastify.register(swaggerUi, {
    routePrefix: '/docs',
    staticCSP: {
      'default-src': ["'self'"],
      'base-uri': ["'self'"],
      'connect-src': ["'self'"],
      'font-src': ["'self'", 'data:'],
      'form-action': ["'self'"],
      'frame-ancestors': ["'self'"],
      'img-src': ["'self'", 'data:'],
      'object-src': ["'none'"],
      'script-src': ["'self'"],
      'script-src-attr': ["'none'"],
      'style-src': ["'self'", "'unsafe-inline'"],
    },
  })
}, { name: 'openapi' })
