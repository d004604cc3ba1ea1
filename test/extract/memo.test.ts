// The memo of pure name and title functions: one article's answers, in front of which stand the process's, which keep
// only strings met in more than one article (a string met once dies with its article instead of ageing in the heap).
import t from 'tap'
import { Memo, SharedAnswers } from '../../src/extract/memo.js'

t.test('a string is kept for the process from the second article that meets it, and answered from there', async (t) => {
  const shared = new SharedAnswers<string>()
  let calls = 0
  const upper = (s: string): string => { calls++; return s.toUpperCase() }
  const first = new Memo(upper, shared)
  t.equal(first.get('the president'), 'THE PRESIDENT')
  t.equal(first.get('the president'), 'THE PRESIDENT', 'again in the same article')
  t.equal(calls, 1, 'computed once in the first article')
  t.equal(shared.answers.size, 0, 'met in one article only: not kept for the process')

  const second = new Memo(upper, shared)
  t.equal(second.get('the president'), 'THE PRESIDENT')
  t.equal(calls, 2, 'computed again in the second article, which keeps it')
  t.same([...shared.answers.keys()], ['the president'])

  const third = new Memo(upper, shared)
  t.equal(third.get('the president'), 'THE PRESIDENT')
  t.equal(calls, 2, 'the third article reads the kept answer')
})

t.test('a key sliced from a long text is kept and answered, and a null answer is kept as an answer', async (t) => {
  const shared = new SharedAnswers<string | null>()
  let calls = 0
  const none = (): null => { calls++; return null }
  const text = `${'x'.repeat(10_000)} Margaret Hale, the councillor`
  const name = text.slice(10_001, 10_014)
  new Memo(none, shared).get(name)
  new Memo(none, shared).get(name)
  const kept = [...shared.answers.keys()][0]!
  t.equal(kept, 'Margaret Hale')
  t.equal(new Memo(none, shared).get(name), null)
  t.equal(calls, 2, 'a kept null is not computed again')
})

t.test('many distinct strings keep memory bounded and answers right', async (t) => {
  const shared = new SharedAnswers<number>()
  const length = (s: string): number => s.length
  for (let article = 0; article < 3; article++) {
    const memo = new Memo(length, shared)
    for (let k = 0; k < 20_000; k++) {
      const key = `name ${k}`
      if (memo.get(key) !== key.length) { t.fail(`wrong answer for ${key}`); return }
    }
  }
  t.ok(shared.answers.size <= 4096, `at most 4096 kept (${shared.answers.size})`)
})
