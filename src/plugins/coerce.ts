// Query strings, path parameters and headers arrive as text, so "?limit=5" must become the integer 5 before the
// schema checks it; a JSON body arrives typed and must be taken as sent. Ajv can only coerce everything or nothing
// (and, coercing, turns a JSON null into "" and 5 into "5" in a body), so the app runs ajv with coerceTypes off and
// converts the text parts here, in a preValidation hook, by their schemas, as ajv's coerceTypes: 'array' would.
import fp from 'fastify-plugin'

interface Schema {
  type?: string | string[]
  properties?: Record<string, Schema>
  items?: Schema | Schema[]
  anyOf?: Schema[]
  oneOf?: Schema[]
  allOf?: Schema[]
  const?: unknown
  enum?: unknown[]
}

function fitsType (value: unknown, type: string): boolean {
  switch (type) {
    case 'integer': return Number.isInteger(value)
    case 'number': return typeof value === 'number' && Number.isFinite(value)
    case 'boolean': return typeof value === 'boolean'
    case 'null': return value === null
    case 'string': return typeof value === 'string'
    case 'array': return Array.isArray(value)
    case 'object': return typeof value === 'object' && value !== null && !Array.isArray(value)
    default: return true
  }
}

function toType (value: unknown, type: string): unknown {
  if (typeof value !== 'string') return value
  switch (type) {
    case 'integer':
    case 'number': {
      if (value.trim() === '') return value
      const n = Number(value)
      return Number.isFinite(n) ? n : value
    }
    case 'boolean': return value === 'true' ? true : value === 'false' ? false : value
    case 'null': return value === '' ? null : value
    default: return value
  }
}

/** Whether `value` could pass `schema` as far as its type goes (the rest is ajv's job). */
function fits (value: unknown, schema: Schema): boolean {
  if ('const' in schema) return schema.const === value
  if (schema.enum !== undefined) return schema.enum.includes(value)
  if (schema.type === undefined) return true
  return (Array.isArray(schema.type) ? schema.type : [schema.type]).some((type) => fitsType(value, type))
}

/** `value` (text, an array of texts, or an object of them) converted to the types `schema` asks for, where it can be. */
export function coerce (value: unknown, schema: Schema | undefined): unknown {
  if (schema === undefined || typeof schema !== 'object') return value
  const union = schema.anyOf ?? schema.oneOf
  if (union !== undefined) {
    for (const branch of union) {
      const converted = coerce(value, branch)
      if (fits(converted, branch)) return converted
    }
    return value
  }
  if (schema.allOf !== undefined) return schema.allOf.reduce((v, part) => coerce(v, part), value)

  const types = schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type]
  if (types.includes('array')) {
    const items = Array.isArray(value) ? value : [value]
    const itemSchema = Array.isArray(schema.items) ? undefined : schema.items
    return items.map((item) => coerce(item, itemSchema))
  }
  // A key given twice (?limit=1&limit=2) is an array; given once where one value is expected, it is that value.
  if (Array.isArray(value)) return value.length === 1 ? coerce(value[0], schema) : value
  if (types.includes('object') || schema.properties !== undefined) {
    if (typeof value !== 'object' || value === null || schema.properties === undefined) return value
    const object = value as Record<string, unknown>
    for (const [key, propertySchema] of Object.entries(schema.properties)) {
      if (Object.hasOwn(object, key)) object[key] = coerce(object[key], propertySchema)
    }
    return object
  }
  if (types.length === 0 || types.some((type) => fitsType(value, type))) return value
  for (const type of types) {
    const converted = toType(value, type)
    if (fitsType(converted, type)) return converted
  }
  return value
}

export default fp(async (fastify) => {
  // A callback hook, not an async one: it runs on every request.
  fastify.addHook('preValidation', (request, _reply, done) => {
    const schema = request.routeOptions.schema as { querystring?: Schema, params?: Schema, headers?: Schema } | undefined
    if (schema !== undefined) {
      if (schema.querystring !== undefined) coerce(request.query, schema.querystring)
      if (schema.params !== undefined) coerce(request.params, schema.params)
      if (schema.headers !== undefined) coerce(request.headers, schema.headers)
    }
    done()
  })
}, { name: 'coerce' })
