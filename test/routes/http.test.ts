// The app over a real socket, with fetch: health, a speaker search, a merged speaker's slug redirecting
// to the survivor, and JSON errors. (The other route tests use app.inject, which skips the network.)
import t from 'tap'
import { buildApp } from '../../src/app.js'
import { ingestArticle } from '../../src/services/ingest.js'
import { THREAD_EXEC_ARGV } from '../helpers/threads.js'

t.test('over HTTP', async (t) => {
  const app = await buildApp({ databasePath: ':memory:', seed: false, rateLimitPerMinute: 0, threadExecArgv: THREAD_EXEC_ARGV })
  t.teardown(() => app.close())
  await ingestArticle(app.db, {
    title: 'Harbour to reopen',
    published_at: '2025-03-02T08:00:00.000Z',
    text: 'Harbour to reopen\n\n“The harbour will reopen next spring, once the new quay is finished,” said Robert Lindqvist, the port director.',
  })
  await ingestArticle(app.db, {
    title: 'Ships wait outside the harbour',
    published_at: '2025-03-09T08:00:00.000Z',
    text: 'Ships wait outside the harbour\n\n“Ships are already waiting outside,” said Bob Lindqvist, the port director.\n\n' +
      '“We cannot take them in before April,” Lindqvist added.',
  })
  const base = await app.listen({ port: 0, host: '127.0.0.1' })
  t.match(base, /^http:\/\/127\.0\.0\.1:\d+$/)

  const health = await fetch(`${base}/health`)
  t.equal(health.status, 200)
  t.match(health.headers.get('content-type'), /^application\/json/)
  t.same(await health.json(), { status: 'ok', database: 'ok', storage: 'ok', extraction: 'workers' })

  const search = await fetch(`${base}/speakers?name=${encodeURIComponent('LINDQ')}&sort=name`)
  t.equal(search.status, 200)
  const found = await search.json() as { items: Array<{ id: number, slug: string, name: string, quote_count: number }>, next_cursor: string | null }
  t.same(found.items.map((s) => s.name), ['Bob Lindqvist', 'Robert Lindqvist'], 'different first names are two speakers')
  t.equal(found.next_cursor, null)
  const [bob, robert] = found.items as [typeof found.items[0], typeof found.items[0]]

  const merge = await fetch(`${base}/speakers/${bob.slug}/merge`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ into: robert.slug }),
  })
  t.equal(merge.status, 200)
  const survivor = await merge.json() as { id: number, slug: string, quote_count: number, aliases: Array<{ alias: string }> }
  t.equal(survivor.id, robert.id)
  t.equal(survivor.quote_count, robert.quote_count + bob.quote_count, 'the quotes moved to the survivor')
  t.ok(survivor.aliases.some((a) => a.alias === 'Bob Lindqvist'))

  const manual = await fetch(`${base}/speakers/${bob.slug}`, { redirect: 'manual' })
  t.equal(manual.status, 301)
  t.equal(manual.headers.get('location'), `/speakers/${robert.slug}`)
  const followed = await fetch(`${base}/speakers/${bob.slug}`)
  t.equal(followed.status, 200)
  t.ok(followed.redirected, 'fetch followed the redirect')
  t.equal(followed.url, `${base}/speakers/${robert.slug}`)
  const detail = await followed.json() as { id: number, name: string }
  t.equal(detail.id, robert.id)
  t.equal(detail.name, 'Robert Lindqvist')
  const byOldId = await fetch(`${base}/speakers/${bob.id}/quotes?limit=1`)
  t.equal(byOldId.url, `${base}/speakers/${robert.slug}/quotes?limit=1`, 'the old id redirects too, with its path and query')
  t.equal(((await byOldId.json()) as { items: unknown[] }).items.length, 1)

  const missing = await fetch(`${base}/speakers/nobody-by-that-name`)
  t.equal(missing.status, 404)
  t.match(missing.headers.get('content-type'), /^application\/json/)
  t.same(await missing.json(), { statusCode: 404, error: 'Not Found', message: 'speaker nobody-by-that-name not found' })
  const noRoute = await fetch(`${base}/no/such/route`)
  t.equal(noRoute.status, 404)
  t.match(await noRoute.json(), { statusCode: 404, error: 'Not Found', message: String })
})
