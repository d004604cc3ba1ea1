// A confidence in a quote's JSON built by SQLite (src/store/quote-json.ts) is printed as JavaScript prints it, which is
// what the reply schema's serializer did: SQLite's own formatting differs for 1.0, 1e-7 and some 17-digit values.
import fc from 'fast-check'
import t from 'tap'
import { openDatabase } from '../src/store/database.js'
import { jsNumber, registerJsonNumber } from '../src/store/quote-json.js'

t.test('numbers print as in JavaScript, whatever their value in [0, 1]', async (t) => {
  const db = openDatabase(':memory:')
  t.teardown(() => db.close())
  registerJsonNumber(db)
  const print = db.prepare<[number], string>(`SELECT json_object('c', ${jsNumber('t.c')}) FROM (SELECT CAST(? AS REAL) AS c) t`).pluck()
  const check = (value: number): void => { if (print.get(value) !== JSON.stringify({ c: value })) t.fail(`${value} printed as ${print.get(value)}`) }
  for (const value of [0, 1, 0.5, 0.85, 0.1 + 0.2, 1 / 3, 2 / 3, 1e-4, 0.00005, 1e-7, 5e-324, 0.9999999999999999]) check(value)
  for (let hundredths = 0; hundredths <= 100; hundredths++) check(hundredths / 100)
  fc.assert(fc.property(fc.double({ min: 0, max: 1, noNaN: true }), (value) => { check(value) }), { numRuns: 5000 })
  t.pass('every value printed as JSON.stringify does')
})
