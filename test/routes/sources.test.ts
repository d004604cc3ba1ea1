import t from 'tap'
import { testApp } from '../helpers/app.js'
import { budgetArticle } from '../helpers/article.js'

t.test('GET /sources lists articles without text; GET /sources/:id has the text', async (t) => {
  const app = await testApp()
  t.teardown(() => app.close())
  const { article, extraction } = budgetArticle()
  await app.db.ingest(article, extraction)

  const list = await app.inject({ method: 'GET', url: '/sources' })
  t.equal(list.statusCode, 200)
  const body = list.json()
  t.equal(body.next_cursor, null)
  t.equal(body.items.length, 1)
  const [source] = body.items
  t.match(source, { id: 1, url: null, title: 'City budget', publisher: 'Test Gazette', published_at: '2024-05-01T08:00:00.000Z', extractor_version: 'test-1', quote_count: 4 })
  t.match(source.ingested_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)
  t.notOk('text' in source)

  const one = await app.inject({ method: 'GET', url: '/sources/1' })
  t.equal(one.statusCode, 200)
  t.equal(one.json().text, article.text)
  t.same(one.json().quotes.map((q: { start: number }) => q.start), [...one.json().quotes.map((q: { start: number }) => q.start)].sort((a, b) => a - b), 'quotes in article order')
  t.equal(one.json().quotes.length, 4)
  const quotes = (await app.inject({ method: 'GET', url: '/sources/1/quotes?type=direct' })).json()
  t.same(quotes.items.map((q: { text: string }) => q.text), ['We will fight this,', 'It is not over, … not by a long way.'])
})

t.test('GET /sources filters by publisher, date and title words', async (t) => {
  const app = await testApp()
  t.teardown(() => app.close())
  const a = budgetArticle()
  await app.db.ingest(a.article, a.extraction)
  const b = budgetArticle(' Second.')
  await app.db.ingest({ ...b.article, title: 'Harbour plan approved', publisher: 'Coast Post', published_at: '2025-01-10T00:00:00.000Z' }, b.extraction)
  const titles = async (query: string) => (await app.inject({ method: 'GET', url: `/sources?${query}` })).json().items.map((s: { title: string }) => s.title)
  t.same(await titles('publisher=coast%20post'), ['Harbour plan approved'])
  t.same(await titles('since=2025-01-01'), ['Harbour plan approved'])
  t.same(await titles('until=2024-12-31'), ['City budget'])
  t.same(await titles('q=harbour'), ['Harbour plan approved'])
  t.same(await titles('q=budget%20OR%20plan'), ['City budget', 'Harbour plan approved'])
  const bad = await app.inject({ method: 'GET', url: '/sources?q=%22open' })
  t.equal(bad.statusCode, 400)
  t.match(bad.json().message, /q is not a valid full-text query/)
})

t.test('GET /sources/:id refuses ids that are not there or not ids', async (t) => {
  const app = await testApp()
  t.teardown(() => app.close())
  const missing = await app.inject({ method: 'GET', url: '/sources/42' })
  t.equal(missing.statusCode, 404)
  t.same(missing.json(), { statusCode: 404, error: 'Not Found', message: 'source 42 not found' })

  const bad = await app.inject({ method: 'GET', url: '/sources/abc' })
  t.equal(bad.statusCode, 400)
  t.match(bad.json(), { statusCode: 400, error: 'Bad Request', message: /params\/id must be integer/ })
})

t.test('GET /sources pages with a cursor', async (t) => {
  const app = await testApp()
  t.teardown(() => app.close())
  for (const suffix of ['', ' 2', ' 3']) {
    const { article, extraction } = budgetArticle(suffix)
    await app.db.ingest(article, extraction)
  }
  const first = (await app.inject({ method: 'GET', url: '/sources?limit=2' })).json()
  t.same(first.items.map((s: { id: number }) => s.id), [1, 2])
  t.type(first.next_cursor, 'string')
  const second = (await app.inject({ method: 'GET', url: `/sources?limit=2&cursor=${first.next_cursor}` })).json()
  t.same(second.items.map((s: { id: number }) => s.id), [3])
  t.equal(second.next_cursor, null)
})

t.test('an article with more quotes than a detail lists: the first 500, then a cursor through the rest', async (t) => {
  const app = await testApp()
  t.teardown(() => app.close())
  const lines = Array.from({ length: 620 }, (_, i) => `“The pier needs repair number ${i + 1},” said Ann Lee.`)
  const created = await app.inject({ method: 'POST', url: '/sources', payload: { title: 'Pier', text: lines.join('\n\n') } })
  t.equal(created.statusCode, 201)
  const posted = created.json()
  t.equal(posted.quote_count, 620)
  t.equal(posted.quotes.length, 500, 'POST /sources lists 500')
  t.type(posted.quotes_next_cursor, 'string')

  const detail = (await app.inject({ method: 'GET', url: `/sources/${posted.id}` })).json()
  t.equal(detail.quotes.length, 500)
  t.same(detail.quotes.map((q: { id: number }) => q.id), posted.quotes.map((q: { id: number }) => q.id))
  t.match(detail.quotes[499].text, /repair number 500,/)

  const seen = detail.quotes.map((q: { text: string }) => q.text)
  let cursor: string | null = detail.quotes_next_cursor
  while (cursor !== null) {
    const page = (await app.inject({ method: 'GET', url: `/sources/${posted.id}/quotes?limit=100&cursor=${encodeURIComponent(cursor)}` })).json()
    seen.push(...page.items.map((q: { text: string }) => q.text))
    cursor = page.next_cursor
  }
  t.equal(seen.length, 620, 'the cursor pages on to the last quote')
  t.same(seen, lines.map((_, i) => `The pier needs repair number ${i + 1},`), 'in article order, none twice')

  const page = await app.inject({ method: 'GET', url: `/ui/articles/${posted.id}` })
  t.equal(page.statusCode, 200)
  t.match(page.body, /The first 500 of 620 quotes are marked/)
  t.match(page.body, /620 quotes/)

  const small = (await app.inject({ method: 'POST', url: '/sources', payload: { text: '“We are open,” said Ann Lee.' } })).json()
  t.equal(small.quotes_next_cursor, null, 'null when every quote is listed')
})
