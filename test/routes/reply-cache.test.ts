import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import t from 'tap'
import { ByteLru } from '../../src/byte-lru.js'
import { RecentUrls } from '../../src/plugins/reply-cache.js'
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

t.test('a page over 4 KB is kept at its second request, a small reply at its first; a write does not reset that', async (t) => {
  const app = await testApp({ databasePath: databaseFile(t) })
  t.teardown(() => app.close())
  for (const suffix of ['', ' One.', ' Two.', ' Three.']) {
    const { article, extraction } = budgetArticle(suffix)
    await app.db.ingest(article, extraction)
  }
  const page = '/quotes?limit=40'
  const small = '/quotes/1'
  const first = await seen(app, page)
  t.ok(Buffer.byteLength(first.body) > 4096, `the page is over 4 KB (${Buffer.byteLength(first.body)} bytes)`)
  t.ok(Buffer.byteLength((await seen(app, small)).body) <= 4096, 'the quote is not')
  t.equal(app.replyCache!.get(page), undefined, 'a page asked for once is not kept')
  t.ok(app.replyCache!.get(small), 'a small reply is kept at once')
  t.same(await seen(app, page), first, 'the second request: the same reply')
  t.ok(app.replyCache!.get(page), 'which is now kept')
  t.same(await seen(app, page), first, 'and answered from the cache')

  const other = budgetArticle(' Four.')
  t.equal((await app.inject({ method: 'POST', url: '/sources', payload: { ...other.article } })).statusCode, 201)
  const after = await seen(app, page)
  t.not(after.body, first.body, 'the write dropped the cache')
  t.same(app.replyCache!.get(page)?.etag, after.etag, 'a page asked for before the write is kept again at once')
})

t.test('RecentUrls remembers the URLs asked for, within two generations', async (t) => {
  const recent = new RecentUrls(3)
  t.equal(recent.seen('/a'), false, 'first time')
  t.equal(recent.seen('/a'), true, 'asked for again')
  t.equal(recent.seen('/a'), true, 'and stays remembered')
  for (const url of ['/b', '/c', '/d', '/e', '/f', '/g']) recent.seen(url)
  t.equal(recent.seen('/e'), true, 'a URL of the newer generation')
  t.equal(recent.seen('/a'), false, 'forgotten after two generations of others')
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
