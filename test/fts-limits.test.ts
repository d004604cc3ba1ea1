// Limits on the shape of a full-text query: words, prefix searches and their length, refused with a 400 naming the
// limit before SQLite runs them; ordinary queries pass.
import t from 'tap'
import { checkQueryShape, MAX_PREFIX_SEARCHES, MAX_QUERY_WORDS, MIN_PREFIX_LENGTH } from '../src/store/fts-limits.js'
import { testApp } from './helpers/app.js'

t.test('ordinary queries pass', async (t) => {
  for (const q of ['peace', 'peace deal', '"peace deal" OR ceasefire', 'tax* NOT "income tax"', 'NEAR(budget vote, 5)',
    'text: harbour', 'élect*', '"prime minist"*', '(a OR b) AND c', `${'word '.repeat(MAX_QUERY_WORDS)}`]) {
    t.doesNotThrow(() => checkQueryShape(q), q)
  }
})

t.test('too many words, counted inside phrases, operators and column names left out', async (t) => {
  const many = Array.from({ length: MAX_QUERY_WORDS + 1 }, (_, i) => `w${i}`)
  t.throws(() => checkQueryShape(many.join(' OR ')), { statusCode: 400, message: `q searches for ${MAX_QUERY_WORDS + 1} words; at most ${MAX_QUERY_WORDS} are allowed` })
  t.throws(() => checkQueryShape(`"${many.join(' ')}"`), { message: /searches for 13 words/ })
  t.doesNotThrow(() => checkQueryShape(many.slice(1).join(' AND ')), 'AND is not a word')
  t.doesNotThrow(() => checkQueryShape(many.slice(1).map((w) => `text:${w}`).join(' ')), 'column names are not words')
})

t.test('prefix searches: at most a few, none too short', async (t) => {
  t.throws(() => checkQueryShape('t*'), { statusCode: 400, message: `q: the prefix search "t*" is too short; give at least ${MIN_PREFIX_LENGTH} characters before *` })
  t.throws(() => checkQueryShape('"peace d"*'), { message: /"d\*" is too short/ })
  const prefixes = Array.from({ length: MAX_PREFIX_SEARCHES + 1 }, (_, i) => `word${i}*`).join(' OR ')
  t.throws(() => checkQueryShape(prefixes), { message: `q has ${MAX_PREFIX_SEARCHES + 1} prefix searches (word*); at most ${MAX_PREFIX_SEARCHES} are allowed` })
  t.throws(() => checkQueryShape(Array(83).fill('t*').join(' OR ')), { statusCode: 400 }, 'the probe that held the server')
})

t.test('the routes that take q answer 400 with the usual error shape', async (t) => {
  const app = await testApp()
  t.teardown(() => app.close())
  const stored = await app.inject({ method: 'POST', url: '/sources', payload: { text: '“The harbour will reopen in May,” said mayor Ruth Okafor.' } })
  const speaker = (stored.json() as { quotes: Array<{ speaker: { id: number } }> }).quotes[0]!.speaker.id
  for (const url of ['/quotes', '/sources', `/speakers/${speaker}/quotes`]) {
    const res = await app.inject({ method: 'GET', url: `${url}?q=${encodeURIComponent(Array(83).fill('t*').join(' OR '))}` })
    t.equal(res.statusCode, 400, url)
    t.same(res.json(), { statusCode: 400, error: 'Bad Request', message: 'q: the prefix search "t*" is too short; give at least 3 characters before *' }, url)
  }
  const fine = await app.inject({ method: 'GET', url: '/quotes?q=harb*' })
  t.equal(fine.statusCode, 200)
})
