import t from 'tap'
import { testApp } from '../helpers/app.js'
import { budgetArticle } from '../helpers/article.js'

async function appWithArticle (t: { teardown: (fn: () => unknown) => void }) {
  const app = await testApp()
  t.teardown(() => app.close())
  const { article, extraction } = budgetArticle()
  app.db.ingest(article, extraction)
  return app
}

t.test('GET /speakers lists every speaker with aliases and quote counts', async (t) => {
  const app = await appWithArticle(t)
  const res = await app.inject({ method: 'GET', url: '/speakers' })
  t.equal(res.statusCode, 200)
  const { items, next_cursor: nextCursor } = res.json()
  t.equal(nextCursor, null)
  t.same(items[0], { id: 1, slug: 'jane-doe', name: 'Jane Doe', kind: 'person', title: 'Mayor', aliases: ['Doe', 'Jane Doe'], quote_count: 2 })
  t.same(items.map((s: { name: string | null }) => s.name), ['Jane Doe', 'Acme Corp', null])
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

  const quotes = await app.inject({ method: 'GET', url: '/speakers/1/quotes' })
  t.equal(quotes.statusCode, 200)
  const items = quotes.json().items
  t.same(items.map((q: { text: string }) => q.text), ['balanced and fair.', 'It is not over, … not by a long way.'])
  t.ok(items.every((q: { speaker: { id: number } }) => q.speaker.id === 1))

  const paged = (await app.inject({ method: 'GET', url: '/speakers/1/quotes?limit=1' })).json()
  t.equal(paged.items.length, 1)
  const next = (await app.inject({ method: 'GET', url: `/speakers/1/quotes?limit=1&cursor=${paged.next_cursor}` })).json()
  t.same(next.items.map((q: { cue: string }) => q.cue), ['added'])
  t.equal(next.next_cursor, null)
})

t.test('unknown speakers are 404, bad ids 400', async (t) => {
  const app = await appWithArticle(t)
  for (const url of ['/speakers/99', '/speakers/99/quotes']) {
    const res = await app.inject({ method: 'GET', url })
    t.equal(res.statusCode, 404, url)
    t.same(res.json(), { statusCode: 404, error: 'Not Found', message: 'speaker 99 not found' })
  }
  const zero = await app.inject({ method: 'GET', url: '/speakers/0' })
  t.equal(zero.statusCode, 400)
  t.match(zero.json().message, /params\/id must be >= 1/)
})
