import t from 'tap'
import { testApp } from '../helpers/app.js'
import { budgetArticle } from '../helpers/article.js'
import { sliceQuote } from '../helpers/quotes.js'

async function appWithArticle (t: { teardown: (fn: () => unknown) => void }) {
  const app = await testApp()
  t.teardown(() => app.close())
  const { article, extraction } = budgetArticle()
  await app.db.ingest(article, extraction)
  return { app, text: article.text }
}

t.test('GET /quotes returns quotes whose offsets slice the source text', async (t) => {
  const { app, text } = await appWithArticle(t)
  const res = await app.inject({ method: 'GET', url: '/quotes' })
  t.equal(res.statusCode, 200)
  const { items, next_cursor: nextCursor } = res.json()
  t.equal(items.length, 4)
  t.equal(nextCursor, null)
  for (const quote of items) t.equal(sliceQuote(text, quote), quote.text)
  t.same(items.map((q: { id: number }) => q.id), [4, 3, 2, 1], 'newest first, then by id descending')
  t.same(items[2], {
    id: 2,
    source_id: 1,
    source: { id: 1, title: 'City budget', url: null, publisher: 'Test Gazette', published_at: '2024-05-01T08:00:00.000Z' },
    speaker: { id: 2, slug: 'acme-corp', name: 'Acme Corp', kind: 'organization', mention: 'Acme Corp', start: text.indexOf('Acme Corp'), end: text.indexOf('Acme Corp') + 9, resolved_by: 'name' },
    text: 'We will fight this,',
    start: text.indexOf('We will'),
    end: text.indexOf('We will') + 19,
    fragments: null,
    type: 'direct',
    cue: 'said',
    confidence: 0.95,
    via: null,
    quoted_at: '2024-05-01T08:00:00.000Z',
    corrected: false,
  })
  t.equal(items[0].speaker.name, null, 'an unnamed speaker has no name')
})

t.test('GET /quotes filters', async (t) => {
  const { app } = await appWithArticle(t)
  const texts = async (query: string) => (await app.inject({ method: 'GET', url: `/quotes?${query}` })).json().items.map((q: { text: string }) => q.text)
  t.same(await texts('type=indirect'), ['the vote would happen Monday'])
  t.same(await texts('speaker_id=2'), ['We will fight this,'])
  t.same(await texts('source_id=1&type=mixed'), ['balanced and fair.'])
  t.same(await texts('source_id=2'), [])
  t.same(await texts('q=fight'), ['We will fight this,'])
  t.same(await texts('q=' + encodeURIComponent('"long way" over*')), ['It is not over, … not by a long way.'], 'phrases and prefixes')
  t.same(await texts('q=' + encodeURIComponent('fight OR balanced') + '&sort=newest'), ['We will fight this,', 'balanced and fair.'])
  t.same(await texts('q=' + encodeURIComponent('fight NOT fight')), [])
  t.same(await texts('min_confidence=0.9'), ['We will fight this,', 'balanced and fair.'])
  t.same(await texts('speaker=doe'), ['It is not over, … not by a long way.', 'balanced and fair.'])
  t.same(await texts('speaker=JANE%20D'), ['It is not over, … not by a long way.', 'balanced and fair.'])
  t.same(await texts('speaker=nobody'), [])
  t.same(await texts('since=2024-05-01'), await texts(''))
  t.same(await texts('until=2024-04-30'), [])
  t.same(await texts('until=2024-05-01').then((x: string[]) => x.length), 4, 'a bare until date includes that day')
})

t.test('GET /quotes walks every page with the cursor', async (t) => {
  const { app } = await appWithArticle(t)
  const seen: number[] = []
  let cursor: string | null = null
  let pages = 0
  do {
    const url: string = cursor === null ? '/quotes?limit=1' : `/quotes?limit=1&cursor=${cursor}`
    const body = (await app.inject({ method: 'GET', url })).json()
    seen.push(...body.items.map((q: { id: number }) => q.id))
    cursor = body.next_cursor
    pages++
  } while (cursor !== null && pages < 10)
  t.same(seen, [4, 3, 2, 1])
})

t.test('GET /quotes refuses bad queries with a 400 naming the problem', async (t) => {
  const { app } = await appWithArticle(t)
  const cases: Array<[string, RegExp]> = [
    ['limit=101', /querystring\/limit must be <= 100/],
    ['limit=0', /querystring\/limit must be >= 1/],
    ['limit=ten', /querystring\/limit must be integer/],
    ['cursor=bm9wZQ', /cursor is not valid/],
    ['type=quoted', /querystring\/type/],
    ['speaker_id=x', /querystring\/speaker_id must be integer/],
    ['q=' + encodeURIComponent('"unclosed'), /q is not a valid full-text query/],
    ['q=' + encodeURIComponent('a AND'), /q is not a valid full-text query/],
    ['speaker=' + encodeURIComponent('?!'), /speaker must contain a letter or digit/],
    ['since=yesterday', /querystring\/since/],
    ['until=2024-02-31', /until is not a real date|querystring\/until/],
    ['min_confidence=2', /querystring\/min_confidence must be <= 1/],
  ]
  for (const [query, message] of cases) {
    const res = await app.inject({ method: 'GET', url: `/quotes?${query}` })
    t.equal(res.statusCode, 400, query)
    t.equal(res.json().error, 'Bad Request')
    t.match(res.json().message, message, query)
  }
})

t.test('GET /quotes/:id', async (t) => {
  const { app, text } = await appWithArticle(t)
  const res = await app.inject({ method: 'GET', url: '/quotes/3' })
  t.equal(res.statusCode, 200)
  const quote = res.json()
  t.equal(quote.fragments.length, 2)
  t.equal(sliceQuote(text, quote), quote.text)
  t.equal(quote.speaker.name, 'Jane Doe')
  t.equal(quote.source.title, 'City budget')
  t.same(quote.context, { start: text.indexOf('"It is'), end: text.indexOf('way."') + 5, text: '"It is not over," Doe added, "not by a long way."' })
  t.equal((await app.inject({ method: 'GET', url: '/quotes/30' })).statusCode, 404)
  // 2^53 + 1 would be read as 2^53: a different id than the one asked for.
  for (const url of ['/quotes/9007199254740993', '/quotes?speaker_id=9007199254740993', '/sources/9007199254740993']) {
    const huge = await app.inject({ method: 'GET', url })
    t.equal(huge.statusCode, 400, url)
    t.match(huge.json().message, /must be <= 9007199254740991/, url)
  }
  t.equal((await app.inject({ method: 'GET', url: '/quotes/9007199254740991' })).statusCode, 404, 'the largest exact id is looked up')
})

t.test('the default page is 20 quotes', async (t) => {
  const app = await testApp()
  t.teardown(() => app.close())
  for (let i = 0; i < 6; i++) {
    const { article, extraction } = budgetArticle(` #${i}`)
    await app.db.ingest(article, extraction)
  }
  const body = (await app.inject({ method: 'GET', url: '/quotes' })).json()
  t.equal(body.items.length, 20)
  t.type(body.next_cursor, 'string')
})

t.test('distinct=true folds the same words by the same speaker in several sources into one item', async (t) => {
  const app = await testApp()
  t.teardown(() => app.close())
  const first = budgetArticle()
  await app.db.ingest(first.article, first.extraction)
  const copy = budgetArticle(' Syndicated.')
  await app.db.ingest({ ...copy.article, published_at: '2024-05-02T08:00:00.000Z', publisher: 'Wire Copy' }, copy.extraction)

  const all = (await app.inject({ method: 'GET', url: '/quotes?speaker_id=1' })).json().items
  t.equal(all.length, 4, 'two copies of each of Jane Doe\'s two quotes')
  const folded = (await app.inject({ method: 'GET', url: '/quotes?speaker_id=1&distinct=true' })).json().items
  t.equal(folded.length, 2)
  for (const item of folded) {
    t.equal(item.source.publisher, 'Wire Copy', 'the newest copy stands for the others')
    t.same(item.copies.map((c: { source: { id: number } }) => c.source.id), [2, 1])
  }
  const unnamed = (await app.inject({ method: 'GET', url: '/quotes?type=indirect&distinct=true' })).json().items
  t.equal(unnamed.length, 2, 'quotes of article-local speakers are never folded: they are different speakers')
})
