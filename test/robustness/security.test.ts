// What SECURITY.md promises about failures and logs, beyond test/routes/security.test.ts: with the database gone
// from under the app, every route answers a fixed 5xx that says nothing of the cause (while the log has it in full),
// and the logs never hold the API key or a request body.
import { Writable } from 'node:stream'
import t from 'tap'
import { buildApp, type App } from '../../src/app.js'
import type { Store } from '../../src/store/index.js'
import { generatedArticles } from '../helpers/generated-articles.js'
import { ingestArticle } from '../../src/services/ingest.js'

t.setTimeout(120_000)

const KEY = 'robustness-key-0123456789abcdef'
const GENERIC = { statusCode: 500, error: 'Internal Server Error', message: 'Something went wrong on our side; the error has been logged.' }
// The driver's message ("The database connection is not open"), SQL, file paths, stack frames, error class names.
const INTERNALS = /connection is not open|sqlite|\b(SELECT .* FROM|INSERT INTO|UPDATE \w+ SET|DELETE FROM)\b|\.[cm]?[jt]s\b|\/work\/|node_modules|\bat \S+ \(|:\d+:\d+\)|stack|\w+Error\b/i
const MARKER = 'BODY-MARKER-4f1c2e'

/** An app whose log lines (at `level`) are collected. */
async function loggedApp (level: string): Promise<{ app: App, lines: string[] }> {
  const lines: string[] = []
  const stream = new Writable({ write (chunk, _encoding, done) { lines.push(String(chunk)); done() } })
  const app = await buildApp({ databasePath: ':memory:', seed: false, extractorWorkers: 0, apiKey: KEY, rateLimitPerMinute: 0 }, { level, stream })
  return { app, lines }
}

const auth = { authorization: `Bearer ${KEY}` }

/** One well-formed request per documented route, so that only the missing database can make it fail. */
const REQUESTS = [
  { method: 'GET', url: '/sources' },
  { method: 'GET', url: '/sources?q=council' },
  { method: 'GET', url: '/sources/1' },
  { method: 'GET', url: '/sources/1/quotes' },
  { method: 'GET', url: '/speakers' },
  { method: 'GET', url: '/speakers/1' },
  { method: 'GET', url: '/speakers/1/quotes' },
  { method: 'GET', url: '/quotes' },
  { method: 'GET', url: '/quotes?q=council&distinct=true' },
  { method: 'GET', url: '/quotes/1' },
  { method: 'POST', url: '/sources', payload: { text: `“We will open the bridge,” said Mayor Ann Lee. ${MARKER}` } },
  { method: 'PATCH', url: '/quotes/1', payload: { speaker_id: 2 } },
  { method: 'POST', url: '/speakers/1/merge', payload: { into: 2 } },
  { method: 'POST', url: '/speakers/2/split', payload: { alias: 'Lee' } },
  { method: 'POST', url: '/sources/1/reextract?force=true' },
  { method: 'DELETE', url: '/sources/1' },
] as const

t.test('with the database closed under the app, every route gives the fixed 5xx and the log has the cause', async (t) => {
  const { app, lines } = await loggedApp('info')
  t.teardown(() => app.close())
  for (const article of generatedArticles(3, 80_000)) await ingestArticle(app.db, article)
  const store = app.db as Store
  store.db.close()

  for (const request of REQUESTS) {
    const res = await app.inject({ ...request, headers: auth })
    const what = `${request.method} ${request.url}`
    t.equal(res.statusCode, 500, what)
    t.same(res.json(), GENERIC, `${what}: the fixed body`)
    t.notMatch(res.body, INTERNALS, `${what}: nothing of the inside`)
  }
  const health = await app.inject({ method: 'GET', url: '/health' })
  t.equal(health.statusCode, 503)
  t.notMatch(health.body, INTERNALS, '/health: 503 without internals')

  const batch = await app.inject({
    method: 'POST', url: '/sources/batch', headers: { ...auth, 'content-type': 'application/x-ndjson' },
    payload: `${JSON.stringify({ text: `“Yes,” said Bo Li. ${MARKER}` })}\n`,
  })
  t.ok(batch.statusCode === 500 || batch.statusCode === 200, `batch: ${batch.statusCode}`)
  t.notMatch(batch.body, INTERNALS, 'batch: no internals, in the reply or in its line outcomes')

  const logged = lines.map((line) => JSON.parse(line) as { level: number, err?: { message?: string, stack?: string } })
  const errors = logged.filter((entry) => entry.level >= 50)
  t.ok(errors.length >= REQUESTS.length, `${errors.length} failures logged`)
  t.ok(errors.every((entry) => /database connection is not open/.test(entry.err?.message ?? '') && /\n\s+at /.test(entry.err?.stack ?? '')),
    'each with the driver’s message and the stack, for whoever reads the log')
})

t.test('the logs never hold the API key, a request body or the text of an article', async (t) => {
  for (const level of ['info', 'debug', 'trace']) {
    const { app, lines } = await loggedApp(level)
    t.teardown(() => app.close())
    const text = `“We will open the bridge,” said Mayor Ann Lee. ${MARKER}`
    const created = await app.inject({ method: 'POST', url: '/sources', headers: auth, payload: { text, title: `Title ${MARKER}` } })
    t.equal(created.statusCode, 201)
    await app.inject({ method: 'POST', url: '/sources', headers: { authorization: `Bearer ${KEY}-wrong` }, payload: { text } })
    await app.inject({ method: 'POST', url: '/sources', headers: { authorization: `Bearer ${KEY}` }, payload: `{"text": "${MARKER}",}`, })
    await app.inject({ method: 'POST', url: '/sources', headers: auth, payload: { text, titel: MARKER } })
    await app.inject({ method: 'POST', url: '/extract', headers: auth, payload: { text } })
    await app.inject({
      method: 'POST', url: '/sources/batch', headers: { ...auth, 'content-type': 'application/x-ndjson' },
      payload: `${JSON.stringify({ text: `${text} again` })}\n{"text": "${MARKER}"\n`,
    })
    await app.inject({ method: 'GET', url: `/sources?publisher=x`, headers: auth })
    t.ok(lines.length > 0, `${level}: ${lines.length} log lines`)
    const all = lines.join('')
    t.notOk(all.includes(KEY), `${level}: the key never appears`)
    t.notOk(all.includes(MARKER), `${level}: no request body, title or article text appears`)
    t.notOk(/authorization/i.test(all), `${level}: no Authorization header is logged`)
  }
})
