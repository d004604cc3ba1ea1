import t from 'tap'
import { sameTrimmedBounds, spansOverlap, trimmedBounds } from '../../src/eval/spans.js'

t.test('overlap of span lists sums shared characters', async (t) => {
  t.equal(spansOverlap([[0, 10], [20, 30]], [[5, 25]]), 10)
  t.equal(spansOverlap([[0, 10]], [[10, 20]]), 0)
})

t.test('trimmed bounds skip quotation marks, punctuation and spaces', async (t) => {
  const text = 'She said, “Yes — fine.” '
  const start = text.indexOf('Yes')
  t.same(trimmedBounds(text, [[text.indexOf('“'), text.length]]), [start, text.indexOf('fine') + 4])
  t.ok(sameTrimmedBounds(text, [[start, start + 13]], [[start - 1, text.length]]))
  t.notOk(sameTrimmedBounds(undefined, [[0, 1]], [[0, 1]]), 'no text, no exactness')
  t.same(trimmedBounds('“…”', [[0, 3]]), [3, 3], 'all punctuation trims to an empty span at its end')
})
