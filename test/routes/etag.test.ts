import t from 'tap'
import { testApp } from '../helpers/app.js'
import { budgetArticle } from '../helpers/article.js'
import { noneMatch } from '../../src/plugins/etag.js'

async function appWithArticle (t: { teardown: (fn: () => unknown) => void }) {
  const app = await testApp()
  t.teardown(() => app.close())
  const { article, extraction } = budgetArticle()
  await app.db.ingest(article, extraction)
  return app
}

const GETS = ['/quotes', '/quotes/1', '/speakers', '/speakers/1', '/speakers/1/quotes', '/sources', '/sources/1', '/sources/1/quotes', '/health']

t.test('every GET answers with an ETag and a matching If-None-Match gets 304 with no body', async (t) => {
  const app = await appWithArticle(t)
  for (const url of GETS) {
    const first = await app.inject({ method: 'GET', url })
    t.equal(first.statusCode, 200, url)
    const etag = first.headers.etag as string
    t.match(etag, /^"[A-Za-z0-9_-]{27}"$/, `${url} has a strong ETag`)
    const again = await app.inject({ method: 'GET', url })
    t.equal(again.headers.etag, etag, `${url}: the same content gives the same tag`)
    const cached = await app.inject({ method: 'GET', url, headers: { 'if-none-match': etag } })
    t.equal(cached.statusCode, 304, `${url} 304`)
    t.equal(cached.body, '', `${url} 304 has no body`)
    t.equal(cached.headers.etag, etag)
    t.equal(cached.headers['x-content-type-options'], 'nosniff', 'security headers on a 304 too')
    const stale = await app.inject({ method: 'GET', url, headers: { 'if-none-match': '"not-it"' } })
    t.equal(stale.statusCode, 200, `${url}: another tag gets the body`)
    t.equal(stale.body, first.body)
  }
})

t.test('If-None-Match: weak tags, lists and * match', async (t) => {
  const app = await appWithArticle(t)
  const etag = (await app.inject({ method: 'GET', url: '/quotes/1' })).headers.etag as string
  for (const header of [`W/${etag}`, `"x", ${etag}`, '*']) {
    const res = await app.inject({ method: 'GET', url: '/quotes/1', headers: { 'if-none-match': header } })
    t.equal(res.statusCode, 304, header)
  }
  t.equal(noneMatch('"a" , W/"b"', '"b"'), true)
  t.equal(noneMatch('"ab"', '"a"'), false)
  t.equal(noneMatch('', '"a"'), false)
})

t.test('a write changes the ETags of the replies it changes and no others', async (t) => {
  const app = await appWithArticle(t)
  const tags = async () => Object.fromEntries(await Promise.all(GETS.map(async (url) => [url, (await app.inject({ method: 'GET', url })).headers.etag])))
  const before = await tags()
  const res = await app.inject({
    method: 'POST',
    url: '/sources',
    payload: { title: 'Harbour works', text: '"The harbour will reopen in May," said Harbour Master Ines Varga.' },
  })
  t.equal(res.statusCode, 201)
  const after = await tags()
  for (const url of ['/quotes', '/speakers', '/sources']) t.not(after[url], before[url], `${url} lists the new article's quotes or speaker`)
  for (const url of ['/quotes/1', '/speakers/1', '/speakers/1/quotes', '/sources/1', '/sources/1/quotes', '/health']) {
    t.equal(after[url], before[url], `${url} is unchanged`)
  }
})

t.test('errors, writes and HEAD', async (t) => {
  const app = await appWithArticle(t)
  const missing = await app.inject({ method: 'GET', url: '/quotes/999' })
  t.equal(missing.statusCode, 404)
  t.notOk(missing.headers.etag, 'no ETag on an error')
  const post = await app.inject({ method: 'POST', url: '/extract', payload: { text: '"Yes," she said.' } })
  t.equal(post.statusCode, 200)
  t.notOk(post.headers.etag, 'no ETag on a POST')
  const get = await app.inject({ method: 'GET', url: '/quotes/1' })
  const head = await app.inject({ method: 'HEAD', url: '/quotes/1' })
  t.equal(head.statusCode, 200)
  t.equal(head.headers.etag, get.headers.etag, 'HEAD gives the tag GET gives')
  t.equal(head.body, '')
})
