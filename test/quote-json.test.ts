// A confidence in a quote's JSON built by SQLite (src/store/quote-json.ts) is printed as JavaScript prints it, which is
// what the reply schema's serializer did: SQLite's own formatting differs for 1.0, 1e-7 and some 17-digit values.
import fc from 'fast-check'
import t from 'tap'
import { openDatabase } from '../src/store/database.js'
import { jsNumber, registerJsonNumber } from '../src/store/quote-json.js'

t.test('numbers print as in JavaScript: any value in [0, 1], hundredths and their neighbours up to 1e11', async (t) => {
  const db = openDatabase(':memory:')
  t.teardown(() => db.close())
  registerJsonNumber(db)
  const print = db.prepare<[number], string>(`SELECT json_object('c', ${jsNumber('t.c')}) FROM (SELECT CAST(? AS REAL) AS c) t`).pluck()
  const check = (value: number): void => { if (print.get(value) !== JSON.stringify({ c: value })) t.fail(`${value} printed as ${print.get(value)}`) }
  for (const value of [0, 1, 0.5, 0.85, 0.1 + 0.2, 1 / 3, 2 / 3, 1e-4, 0.00005, 1e-7, 5e-324, 0.9999999999999999]) check(value)
  for (let hundredths = 0; hundredths <= 100; hundredths++) check(hundredths / 100)
  // Hundredths go to json_object as they are: their neighbours (one or two units in the last place off) must not,
  // nor large ones where SQLite no longer reads its own print back exactly.
  const step = (x: number, units: number): number => {
    const bits = new BigInt64Array(new Float64Array([x]).buffer)
    bits[0] = bits[0]! + BigInt(units)
    return new Float64Array(bits.buffer)[0]!
  }
  for (let hundredths = 1; hundredths <= 2000; hundredths++) for (const units of [-2, -1, 1, 2]) check(step(hundredths / 100, units))
  for (const value of [999999999.99, 1e9 - 0.01, 1e9 + 0.01, 9999999999999.99, 123456789012.34]) check(value)
  fc.assert(fc.property(fc.integer({ min: 1, max: 1e13 }), fc.integer({ min: -2, max: 2 }), (k, units) => { check(step(k / 100, units)) }), { numRuns: 5000 })
  fc.assert(fc.property(fc.double({ min: 0, max: 1, noNaN: true }), (value) => { check(value) }), { numRuns: 5000 })
  t.pass('every value printed as JSON.stringify does')
})
