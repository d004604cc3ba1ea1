// Schemas shared by every resource: errors, ids, pagination.
import { Type, type Static, type TSchema, type TUnsafe } from '@sinclair/typebox'

/** The schema or null, for what TypeBox's own checker reads (services/article.ts): it knows anyOf, not type arrays. */
export const NullableInput = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()])

const SCALAR_TYPES = new Set(['string', 'integer', 'number', 'boolean'])

/**
 * The schema or null, for replies. A scalar becomes `type: [T, 'null']` rather than `anyOf`: the serializer then checks
 * the value's type instead of running a validator for each branch on every nullable field of every reply.
 */
export const Nullable = <T extends TSchema>(schema: T): TUnsafe<Static<T> | null> =>
  typeof schema['type'] === 'string' && SCALAR_TYPES.has(schema['type'])
    ? Type.Unsafe<Static<T> | null>({ ...schema, type: [schema['type'], 'null'] })
    : Type.Unsafe<Static<T> | null>(Type.Union([schema, Type.Null()]))

export const ErrorResponse = Type.Object({
  statusCode: Type.Integer(),
  error: Type.String(),
  message: Type.String(),
}, { title: 'ErrorResponse', description: 'Every error reply has this shape.' })

/** The error replies a route can give besides its success, for its response schema. */
export const errorResponses = {
  400: ErrorResponse,
  404: ErrorResponse,
  500: ErrorResponse,
}

/** A row id: larger ones would lose precision as JavaScript numbers and match the wrong row, or none. */
export const Id = (options: { description?: string } = {}) =>
  Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER, ...options })

export const IdParams = Type.Object({
  id: Id({ description: 'Numeric id.' }),
})

export const PageQuery = Type.Object({
  limit: Type.Integer({ minimum: 1, maximum: 100, default: 20, description: 'Items per page (1–100).' }),
  cursor: Type.Optional(Type.String({ minLength: 1, description: 'next_cursor from the previous page.' })),
})

export const Page = <T extends TSchema>(item: T) => Type.Object({
  items: Type.Array(item),
  next_cursor: Nullable(Type.String({ description: 'Pass as cursor for the next page; null on the last page.' })),
})
