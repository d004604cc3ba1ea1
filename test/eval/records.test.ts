import t from 'tap'
import { asGoldRecords, asPredictionRecords, parseRecords } from '../../src/eval/records.js'

t.test('one pretty-printed JSON document or JSON Lines', async (t) => {
  t.same(parseRecords('{\n "id": "a",\n "quotes": [\n  {"x": 1}\n ]\n}\n', 'f'), [{ id: 'a', quotes: [{ x: 1 }] }])
  t.same(parseRecords('{"id":"a"}\n\n{"id":"b"}\n', 'f'), [{ id: 'a' }, { id: 'b' }])
  t.same(parseRecords('  \n', 'f'), [])
})

t.test('a bad line is reported with its number', async (t) => {
  t.throws(() => parseRecords('{"id":"a"}\n{oops\n', 'gold.jsonl'), { message: /gold\.jsonl:2: invalid JSON/ })
  t.throws(() => asGoldRecords([{ id: 'a' }], 'g'), { name: 'RecordError', message: /g: record 1 is not a gold record/ })
  t.throws(() => asGoldRecords([{ id: 'a', quotes: [] }, { quotes: [] }], 'g'), { message: /record 2/ }, 'no id')
  t.same(asPredictionRecords([{ id: 'a' }], 'p'), [{ id: 'a', quotes: [] }], 'no quotes predicts nothing')
})
