// Text from query strings, path parameters and headers converted by schema, as ajv's coerceTypes: 'array' would.
import { Type } from '@sinclair/typebox'
import t from 'tap'
import { coerce } from '../src/plugins/coerce.js'

t.test('scalars', async (t) => {
  t.equal(coerce('5', Type.Integer()), 5)
  t.equal(coerce('-2.5', Type.Number()), -2.5)
  t.equal(coerce('2.5', Type.Integer()), '2.5', 'no integer: left for the validator to refuse')
  t.equal(coerce('abc', Type.Integer()), 'abc', 'left as it is when it is no number')
  t.equal(coerce('', Type.Integer()), '', 'an empty value is no number')
  t.equal(coerce('Infinity', Type.Number()), 'Infinity')
  t.equal(coerce('true', Type.Boolean()), true)
  t.equal(coerce('false', Type.Boolean()), false)
  t.equal(coerce('yes', Type.Boolean()), 'yes')
  t.equal(coerce('', Type.Null()), null)
  t.equal(coerce('5', Type.String()), '5', 'a string schema keeps text')
  t.equal(coerce('5', {} as never), '5', 'no type: unchanged')
})

t.test('unions take the first branch the value fits', async (t) => {
  t.equal(coerce('5', Type.Union([Type.Integer(), Type.Null()])), 5)
  t.equal(coerce('', Type.Union([Type.Integer(), Type.Null()])), null)
  t.equal(coerce('direct', Type.Union([Type.Literal('direct'), Type.Literal('indirect')])), 'direct')
  t.equal(coerce('7', Type.Union([Type.Literal(7), Type.Literal('seven')])), 7)
  t.equal(coerce('x', Type.Union([Type.Integer(), Type.Boolean()])), 'x', 'no branch fits: unchanged')
  t.equal(coerce('5', { type: ['integer', 'null'] } as never), 5)
})

t.test('arrays and repeated keys', async (t) => {
  t.same(coerce('3', Type.Array(Type.Integer())), [3], 'one value where a list is expected is a list of one')
  t.same(coerce(['3', '4'], Type.Array(Type.Integer())), [3, 4])
  t.equal(coerce(['3'], Type.Integer()), 3, 'a list of one where one value is expected is that value')
  t.same(coerce(['3', '4'], Type.Integer()), ['3', '4'], 'two values where one is expected are left for the validator to refuse')
})

t.test('objects convert their known properties in place', async (t) => {
  const query: Record<string, unknown> = { limit: '20', source_id: '3', q: '42', unknown: '7' }
  const schema = Type.Object({
    limit: Type.Integer(),
    source_id: Type.Optional(Type.Integer()),
    q: Type.Optional(Type.String()),
    flag: Type.Optional(Type.Boolean()),
  })
  t.equal(coerce(query, schema), query)
  t.same(query, { limit: 20, source_id: 3, q: '42', unknown: '7' }, 'missing properties are not added')
  const both = { a: '1', b: 'true' }
  coerce(both, Type.Intersect([Type.Object({ a: Type.Integer() }), Type.Object({ b: Type.Boolean() })]))
  t.same(both, { a: 1, b: true }, 'allOf parts each convert their properties')
})
