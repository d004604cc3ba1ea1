import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import t from 'tap'
import { ByteLru } from '../../src/byte-lru.js'
import { RequestCounts } from '../../src/plugins/reply-cache.js'
import { MIGRATIONS_DIR } from '../../src/paths.js'
import { Store } from '../../src/store/index.js'
import { testApp } from '../helpers/app.js'
import { budgetArticle } from '../helpers/article.js'
import type { App } from '../../src/app.js'

const READS = ['/quotes', '/quotes?limit=2', '/quotes/1', '/quotes?q=budget', '/speakers', '/speakers?name=doe', '/speakers/1',
  '/speakers/1/quotes', '/sources', '/sources/1', '/sources/1/quotes']

function databaseFile (t: { teardown: (fn: () => unknown) => void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'whosaid-reply-cache-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  return join(dir, 'whosaid.db')
}

/** Status, body and the headers a client sees, to compare a cached reply with one built by the handler. */
async function seen (app: App, url: string, headers: Record<string, string> = {}) {
  const res = await app.inject({ method: 'GET', url, headers })
  return { status: res.statusCode, body: res.body, type: res.headers['content-type'], etag: res.headers.etag, length: res.headers['content-length'] }
}

t.test('replies from the cache are byte for byte those of an app without it', async (t) => {
  const path = databaseFile(t)
  const cached = await testApp({ databasePath: path })
  t.teardown(() => cached.close())
  const { article, extraction } = budgetArticle()
  await cached.db.ingest(article, extraction)
  const plain = await testApp({ databasePath: path, replyCacheBytes: 0 })
  t.teardown(() => plain.close())
  t.equal(plain.replyCache, null, '0 turns the cache off')

  for (const url of READS) {
    const expected = await seen(plain, url)
    t.equal(expected.status, 200, url)
    t.same(await seen(cached, url), expected, `${url}: first request`)
    t.same(await seen(cached, url), expected, `${url}: answered from the cache`)
  }
  t.equal(cached.replyCache!.size, READS.length, 'one entry per URL')

  const etag = (await seen(cached, '/quotes')).etag as string
  const notModified = await cached.inject({ method: 'GET', url: '/quotes', headers: { 'if-none-match': etag } })
  t.equal(notModified.statusCode, 304, 'a cached reply honours If-None-Match')
  t.equal(notModified.body, '')
  t.equal(notModified.headers['x-content-type-options'], 'nosniff', 'security headers on cached replies too')

  const missing = await cached.inject({ method: 'GET', url: '/quotes/999' })
  t.equal(missing.statusCode, 404, 'errors are not cached')
  t.equal((await cached.inject({ method: 'GET', url: '/quotes?limit=0' })).statusCode, 400)
  t.equal(cached.replyCache!.size, READS.length, 'nor are 404 and 400 replies')
  await seen(cached, '/health')
  t.equal(cached.replyCache!.size, READS.length, '/health is not cached')
})

t.test('a write by this process drops the cache', async (t) => {
  const app = await testApp({ databasePath: databaseFile(t) })
  t.teardown(() => app.close())
  const first = budgetArticle()
  await app.db.ingest(first.article, first.extraction)
  const before = await seen(app, '/quotes')
  t.same(await seen(app, '/quotes'), before)

  const second = budgetArticle(' More to follow.')
  const created = await app.inject({ method: 'POST', url: '/sources', payload: { ...second.article } })
  t.equal(created.statusCode, 201)
  const after = await seen(app, '/quotes')
  t.not(after.body, before.body, 'the new article\'s quotes are listed')
  t.not(after.etag, before.etag)

  const deleted = await app.inject({ method: 'DELETE', url: created.headers.location as string })
  t.equal(deleted.statusCode, 204)
  t.same(await seen(app, '/quotes'), before, 'after the delete, the list is the one before the ingest again')

  // A write straight through the store (as the seed plugin and tests do) counts too.
  await app.db.ingest(second.article, second.extraction)
  t.not((await seen(app, '/quotes')).body, before.body)
})

t.test('a commit by another connection to the same file drops the cache', async (t) => {
  const path = databaseFile(t)
  const app = await testApp({ databasePath: path })
  t.teardown(() => app.close())
  const first = budgetArticle()
  await app.db.ingest(first.article, first.extraction)
  const before = await seen(app, '/sources')
  t.same(await seen(app, '/sources'), before)
  t.ok(app.replyCache!.size > 0)

  const other = Store.open({ path, migrationsDir: MIGRATIONS_DIR })
  const second = budgetArticle(' Second edition.')
  other.ingest(second.article, second.extraction)
  other.close()

  const after = await seen(app, '/sources')
  t.not(after.body, before.body, 'the other connection\'s article is listed')
  const plain = await testApp({ databasePath: path, replyCacheBytes: 0 })
  t.teardown(() => plain.close())
  t.same(after, await seen(plain, '/sources'), 'and the reply is the one an uncached app gives')
})

t.test('the cache stays within its bytes, dropping the least recently used replies', async (t) => {
  const maxBytes = 64 * 1024
  const app = await testApp({ replyCacheBytes: maxBytes })
  t.teardown(() => app.close())
  const { article, extraction } = budgetArticle()
  await app.db.ingest(article, extraction)
  // Unknown query parameters are dropped by validation, so each of these URLs is a distinct 200 reply.
  let sent = 0
  for (let i = 0; i < 400; i++) {
    const res = await app.inject({ method: 'GET', url: `/quotes?limit=${1 + (i % 4)}&unused=${i}` })
    if (res.statusCode === 200) sent += Buffer.byteLength(res.body)
    t.ok(app.replyCache!.bytes <= maxBytes, `within ${maxBytes} bytes after ${i + 1} distinct reads`)
  }
  t.ok(sent > 2 * maxBytes, `the replies (${sent} bytes) did not all fit`)
  t.ok(app.replyCache!.size > 10 && app.replyCache!.size < 400, `${app.replyCache!.size} kept`)
  t.ok(app.replyCache!.get('/quotes?limit=4&unused=399'), 'the most recent read is kept')
  t.equal(app.replyCache!.get('/quotes?limit=1&unused=0'), undefined, 'the oldest was dropped')
})

/**
 * An app with a 200 KB reply cache and four articles, and the URL of the nth page of 40 quotes: pages of 5-25 KB
 * (over the 4 KB kept at once), whose URLs differ while their bodies are the same.
 */
async function pagesOfQuotes (t: { teardown: (fn: () => unknown) => void }): Promise<{ app: App, cache: NonNullable<App['replyCache']>, page: (n: number) => string }> {
  const app = await testApp({ databasePath: databaseFile(t), replyCacheBytes: 200_000 })
  t.teardown(() => app.close())
  for (const suffix of ['', ' One.', ' Two.', ' Three.']) {
    const { article, extraction } = budgetArticle(suffix)
    await app.db.ingest(article, extraction)
  }
  return { app, cache: app.replyCache!, page: (n) => `/quotes?limit=40&until=2030-01-01T00:00:${String(n).padStart(2, '0')}Z` }
}

t.test('a page over 4 KB pushes others out only when asked for more often than the oldest; a small reply always', async (t) => {
  const { app, cache, page } = await pagesOfQuotes(t)
  const first = await seen(app, page(0))
  const size = Buffer.byteLength(first.body)
  t.ok(size > 4096 && size < 25_000, `a page is over 4 KB and under an eighth of the cache (${size} bytes)`)
  t.ok(cache.get(page(0)), 'a page is kept at once while there is room')
  // Fill the cache with pages asked for once each.
  let n = 1
  for (; cache.fits(page(n), size); n++) await seen(app, page(n))
  const kept = cache.size
  t.ok(kept >= 5, `${kept} pages kept`)

  const once = page(n)
  t.same((await seen(app, once)).body, first.body, 'a page asked for once is served')
  t.equal(cache.get(once), undefined, 'but not kept: it would push out a page asked for as often')
  t.equal(cache.size, kept)
  t.same(await seen(app, once), first, 'asked for again, now more often than the oldest page')
  t.ok(cache.get(once), 'it is kept')
  t.equal(cache.size, kept, 'in place of the oldest')

  const small = '/quotes/1'
  t.ok(Buffer.byteLength((await seen(app, small)).body) <= 4096, 'a quote is a small reply')
  t.ok(cache.get(small), 'kept at once, even with the cache full')

  const other = budgetArticle(' Four.')
  t.equal((await app.inject({ method: 'POST', url: '/sources', payload: { ...other.article } })).statusCode, 201)
  const after = await seen(app, page(0))
  t.not(after.body, first.body, 'the write dropped the cache')
  t.same(cache.get(page(0))?.etag, after.etag, 'the emptied cache keeps a page at once')
})

t.test('a page popular once and asked for no more gives way to one asked for again within a few requests', async (t) => {
  const { app, cache, page } = await pagesOfQuotes(t)
  // Yesterday's favourite: asked for twelve times, then not again while other pages fill the cache after it.
  for (let i = 0; i < 12; i++) await seen(app, page(0))
  const size = Buffer.byteLength((await seen(app, page(0))).body)
  let n = 1
  for (; cache.fits(page(n), size); n++) await seen(app, page(n))
  t.equal(cache.oldestKey(), page(0), 'the favourite is now the least recently used')

  const once = page(n)
  await seen(app, once)
  t.equal(cache.get(once), undefined, 'a page asked for once is not kept')
  const newcomer = page(n + 1)
  await seen(app, newcomer)
  await seen(app, newcomer)
  t.equal(cache.get(newcomer), undefined, 'nor one asked for twice, against a reply asked for thirteen times')
  await seen(app, newcomer)
  await seen(app, newcomer)
  // Counted as TinyLFU alone counts, it would have to be asked for fourteen times.
  t.ok(cache.get(newcomer), 'the fourth request keeps it: the favourite\'s lead has faded')
  t.equal(cache.get(page(0)), undefined, 'in place of the favourite')
  t.ok(cache.get(page(1)), 'and of nothing asked for as often as the newcomer')
})

t.test('RequestCounts counts requests per URL within two generations, halving what it carries over', async (t) => {
  const counts = new RequestCounts(3)
  t.equal(counts.count('/a'), 0)
  t.equal(counts.add('/a'), 1, 'first time')
  t.equal(counts.add('/a'), 2)
  t.equal(counts.add('/a'), 3)
  t.equal(counts.count('/a'), 3, 'count() does not count')
  for (const url of ['/b', '/c']) counts.add(url)
  t.equal(counts.add('/d'), 1, 'a fourth URL starts a generation')
  t.equal(counts.count('/a'), 3, '/a is in the older one')
  t.equal(counts.add('/a'), 2, 'asked for again: carried over at half its count, plus this request')
  for (const url of ['/e', '/f', '/g', '/h', '/i', '/j', '/k']) counts.add(url)
  t.equal(counts.count('/b'), 0, 'forgotten after two generations of others')
  t.equal(counts.add('/b'), 1)

  const fading = new RequestCounts(100)
  for (let i = 0; i < 9; i++) fading.add('/old')
  fading.halve('/old')
  t.equal(fading.count('/old'), 4, 'halve() halves a count')
  for (let i = 0; i < 3; i++) fading.halve('/old')
  t.equal(fading.count('/old'), 1, 'down to 1, not below: a URL asked for stays remembered')
  fading.halve('/never')
  t.equal(fading.count('/never'), 0, 'a URL never asked for stays unknown')
})

t.test('ByteLru keeps the most recently used entries within its bytes', async (t) => {
  const entry = (bytes: number) => ({ bytes })
  // Each entry: a one-character key (2 bytes) + 100 + 96 of overhead = 198 bytes; three fit in 600.
  const lru = new ByteLru<{ bytes: number }>(600)
  t.ok(lru.set('a', entry(100)))
  t.ok(lru.set('b', entry(100)))
  t.ok(lru.set('c', entry(100)))
  t.equal(lru.size, 3)
  t.equal(lru.bytes, 594)
  t.ok(lru.get('a'), 'a becomes the most recently used')
  lru.set('d', entry(100))
  t.equal(lru.get('b'), undefined, 'b, the least recently used, went first')
  t.ok(lru.get('a'))
  t.ok(lru.get('c'))
  t.ok(lru.get('d'))
  lru.set('a', entry(300))
  t.ok(lru.bytes <= 600, 'replacing an entry with a bigger one evicts others')
  t.equal(lru.get('a')?.bytes, 300)
  t.notOk(lru.set('e', entry(1000)), 'an entry larger than the whole cache is refused')
  t.equal(lru.get('e'), undefined)
  lru.clear()
  t.equal(lru.size, 0)
  t.equal(lru.bytes, 0)
})
