// The reply cache on PostgreSQL (npm run test:postgres): a write by another instance on the same database reaches
// this instance's cache through PostgreSQL's notifications, and while the listening connection is down nothing is
// answered from the cache.
import pg from 'pg'
import t, { type Test } from 'tap'
import { buildApp, type App } from '../../src/app.js'
import { budgetArticle } from '../helpers/article.js'
import { newPostgresDatabase } from '../helpers/stores.js'

async function instance (t: Test, url: string): Promise<App> {
  const app = await buildApp({ databasePath: url, seed: false, extractorWorkers: 0 })
  t.teardown(() => app.close())
  return app
}

const body = async (app: App, url: string): Promise<string> => (await app.inject({ method: 'GET', url })).body

/** Asks until the reply changes (a notification takes a moment to arrive); the reply then. */
async function changed (app: App, url: string, before: string): Promise<string> {
  for (let i = 0; i < 100; i++) {
    const now = await body(app, url)
    if (now !== before) return now
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  return before
}

t.test('another instance\'s write drops this instance\'s cache; so does this instance\'s own, at once', async (t) => {
  const url = await newPostgresDatabase()
  const [a, b] = [await instance(t, url), await instance(t, url)]
  const first = budgetArticle()
  await a.db.ingest(first.article, first.extraction)
  t.match(await body(a, '/sources'), /City budget/, 'its own write is seen at once')
  const before = await body(a, '/sources')
  t.equal(await body(a, '/sources'), before)
  t.ok(a.replyCache!.size > 0, 'the reply is cached')

  const second = budgetArticle(' Second edition.')
  await b.db.ingest(second.article, second.extraction)
  const after = await changed(a, '/sources', before)
  t.match(after, /Second edition/, 'the other instance\'s article is listed')
  t.equal(after, await body(b, '/sources'), 'the same reply on both instances')
})

t.test('while the listening connection is down, every request is answered by the handler', async (t) => {
  const url = await newPostgresDatabase()
  const [a, b] = [await instance(t, url), await instance(t, url)]
  const admin = new pg.Client({ connectionString: url })
  await admin.connect()
  t.teardown(() => admin.end())
  await body(a, '/sources')
  // Cut every listening connection (both instances'): no notification can arrive now.
  await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE 'LISTEN %' AND pid <> pg_backend_pid()")
  await new Promise((resolve) => setTimeout(resolve, 100))
  t.notMatch(await body(a, '/sources'), /City budget/, 'nothing stored yet')
  const first = budgetArticle()
  await b.db.ingest(first.article, first.extraction)
  t.match(await body(a, '/sources'), /City budget/, 'the write is seen on the very next request')
})
