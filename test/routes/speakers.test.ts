import t from 'tap'
import { testApp } from '../helpers/app.js'
import { queryColumn } from '../helpers/stores.js'
import { budgetArticle } from '../helpers/article.js'

async function appWithArticle (t: { teardown: (fn: () => unknown) => void }) {
  const app = await testApp()
  t.teardown(() => app.close())
  const { article, extraction } = budgetArticle()
  await app.db.ingest(article, extraction)
  return app
}

t.test('GET /speakers lists named speakers, most quoted first, with counts and dates', async (t) => {
  const app = await appWithArticle(t)
  const res = await app.inject({ method: 'GET', url: '/speakers' })
  t.equal(res.statusCode, 200)
  const { items, next_cursor: nextCursor } = res.json()
  t.equal(nextCursor, null)
  t.same(items[0], {
    id: 1, slug: 'jane-doe', name: 'Jane Doe', kind: 'person', title: 'Mayor', source_id: null, quote_count: 2, source_count: 1,
    first_quoted_at: '2024-05-01T08:00:00.000Z', last_quoted_at: '2024-05-01T08:00:00.000Z',
  })
  t.same(items.map((s: { name: string | null }) => s.name), ['Jane Doe', 'Acme Corp'], 'the unnamed speaker belongs to its article')
  const unnamed = (await app.inject({ method: 'GET', url: '/speakers?kind=unnamed' })).json().items
  t.same(unnamed.map((s: { kind: string, source_id: number }) => [s.kind, s.source_id]), [['unnamed', 1]])
  const byName = (await app.inject({ method: 'GET', url: '/speakers?sort=name' })).json().items
  t.same(byName.map((s: { name: string }) => s.name), ['Acme Corp', 'Jane Doe'])
})

t.test('GET /speakers?name= matches words of names and aliases, any case or accent', async (t) => {
  const app = await appWithArticle(t)
  const names = async (name: string) => (await app.inject({ method: 'GET', url: `/speakers?name=${encodeURIComponent(name)}` })).json().items.map((s: { name: string }) => s.name)
  t.same(await names('doe'), ['Jane Doe'])
  t.same(await names('DOÉ'), ['Jane Doe'])
  t.same(await names('jan'), ['Jane Doe'], 'a word prefix')
  t.same(await names('jane doe'), ['Jane Doe'])
  t.same(await names('acme'), ['Acme Corp'])
  t.same(await names('jane acme'), [], 'every word must match')
  t.same(await names('oe'), [], 'inside a word is not a match')
  const bad = await app.inject({ method: 'GET', url: '/speakers?name=%20%3F' })
  t.equal(bad.statusCode, 400)
  t.match(bad.json().message, /name must contain a letter or digit/)
})

t.test('speakers of one article are found by name only with kind=unnamed', async (t) => {
  const app = await testApp()
  t.teardown(() => app.close())
  const text = 'The prime minister\'s office said it would reply. Office Depot said it would not. Senior officials said so too.'
  const at = (words: string): [number, number] => [text.indexOf(words), text.indexOf(words) + words.length]
  const quote = (speaker: number, mention: string, words: string) => ({
    text: words, start: at(words)[0], end: at(words)[1], fragments: null, type: 'indirect' as const, cue: 'said',
    speaker: { id: speaker, name: null, mention, start: at(mention)[0], end: at(mention)[1], kind: 'unnamed' as const },
    confidence: 0.8, via: null, context: [0, text.length] as [number, number],
  })
  await app.db.ingest({ title: 'Offices', text }, {
    extractor_version: 'test-1',
    speakers: [
      { id: 0, name: 'the prime minister\'s office', kind: 'organization', title: null, aliases: ['The prime minister\'s office'] },
      { id: 1, name: 'Office Depot', kind: 'organization', title: null, aliases: ['Office Depot'] },
      { id: 2, name: null, kind: 'unnamed', title: null, aliases: ['Senior officials'] },
    ],
    quotes: [
      quote(0, 'The prime minister\'s office', 'it would reply'),
      quote(1, 'Office Depot', 'it would not'),
      quote(2, 'Senior officials', 'so too'),
    ],
  })
  const names = async (query: string) => (await app.inject({ method: 'GET', url: `/speakers?${query}` })).json().items
    .map((s: { name: string | null, source_id: number | null }) => [s.name, s.source_id])
  t.same(await names('name=office'), [['Office Depot', null]], 'the shared speakers only')
  t.same(await names('name=office&kind=unnamed'), [['the prime minister\'s office', 1]])
  t.same(await names('name=senior%20officials&kind=unnamed'), [[null, 1]], 'an unnamed speaker by the words that named it')
  t.same(await names('name=depot&kind=unnamed'), [])
  const tokens = async (table: string) => await queryColumn(app.db, `SELECT token FROM ${table} ORDER BY token`)
  t.same(await tokens('speaker_tokens'), ['depot', 'office'], 'the shared lookup holds no word of a local speaker')
  t.same(await tokens('local_speaker_tokens'), ['minister', 'office', 'officials', 'prime', 'senior', 'the'])
})

t.test('GET /speakers filters by kind and refuses unknown kinds', async (t) => {
  const app = await appWithArticle(t)
  const orgs = await app.inject({ method: 'GET', url: '/speakers?kind=organization' })
  t.same(orgs.json().items.map((s: { name: string }) => s.name), ['Acme Corp'])
  const bad = await app.inject({ method: 'GET', url: '/speakers?kind=robot' })
  t.equal(bad.statusCode, 400)
  t.match(bad.json().message, /querystring\/kind/)
})

t.test('GET /speakers/:id and /speakers/:id/quotes', async (t) => {
  const app = await appWithArticle(t)
  const speaker = await app.inject({ method: 'GET', url: '/speakers/2' })
  t.equal(speaker.statusCode, 200)
  t.equal(speaker.json().name, 'Acme Corp')
  const bySlug = (await app.inject({ method: 'GET', url: '/speakers/jane-doe' })).json()
  t.equal(bySlug.id, 1)
  t.same(bySlug.titles, ['Mayor'])
  t.same(bySlug.aliases, [{ alias: 'Doe', source_count: 1, source_ids: [1] }, { alias: 'Jane Doe', source_count: 1, source_ids: [1] }])

  const quotes = await app.inject({ method: 'GET', url: '/speakers/1/quotes' })
  t.equal(quotes.statusCode, 200)
  const items = quotes.json().items
  t.same(items.map((q: { text: string }) => q.text), ['It is not over, … not by a long way.', 'balanced and fair.'])
  t.ok(items.every((q: { speaker: { id: number } }) => q.speaker.id === 1))

  const paged = (await app.inject({ method: 'GET', url: '/speakers/1/quotes?limit=1' })).json()
  t.equal(paged.items.length, 1)
  const next = (await app.inject({ method: 'GET', url: `/speakers/jane-doe/quotes?limit=1&cursor=${paged.next_cursor}` })).json()
  t.same(next.items.map((q: { cue: string }) => q.cue), ['said'])
  t.equal(next.next_cursor, null)
})

t.test('unknown speakers are 404, bad ids 400', async (t) => {
  const app = await appWithArticle(t)
  for (const url of ['/speakers/99', '/speakers/99/quotes']) {
    const res = await app.inject({ method: 'GET', url })
    t.equal(res.statusCode, 404, url)
    t.same(res.json(), { statusCode: 404, error: 'Not Found', message: 'speaker 99 not found' })
  }
  const missingSlug = await app.inject({ method: 'GET', url: '/speakers/no-such-person' })
  t.equal(missingSlug.statusCode, 404)
  for (const bad of ['Jane_Doe', '-x', 'a--b']) {
    const res = await app.inject({ method: 'GET', url: `/speakers/${bad}` })
    t.equal(res.statusCode, 400, bad)
    t.match(res.json().message, /params\/id must match pattern/, bad)
  }
})
