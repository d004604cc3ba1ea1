import { Writable } from 'node:stream'
import t from 'tap'
import { buildApp } from '../../src/app.js'
import { testApp } from '../helpers/app.js'

t.test('GET /health answers ok while the database answers', async (t) => {
  const app = await testApp()
  t.teardown(() => app.close())
  const res = await app.inject({ method: 'GET', url: '/health' })
  t.equal(res.statusCode, 200)
  t.same(res.json(), { status: 'ok', database: 'ok', storage: 'ok', extraction: 'main-thread' }, 'tests extract in the main thread (extractorWorkers: 0)')
})

t.test('GET /health says extraction runs on workers, or degraded on the main thread when they cannot start', async (t) => {
  const working = await testApp({ extractorWorkers: 1 })
  t.teardown(() => working.close())
  t.same((await working.inject({ method: 'GET', url: '/health' })).json(), { status: 'ok', database: 'ok', storage: 'ok', extraction: 'workers' })

  const lines: string[] = []
  const stream = new Writable({ write (chunk, _encoding, done) { lines.push(String(chunk)); done() } })
  // Workers whose start-up fails: a module they are told to load first does not exist.
  const broken = await buildApp({ databasePath: ':memory:', seed: false, extractorWorkers: 1, threadExecArgv: ['--import=./no-such-module.mjs'] }, { level: 'warn', stream })
  t.teardown(() => broken.close())
  const res = await broken.inject({ method: 'POST', url: '/extract', payload: { text: 'Ann Lee said "it opens in May."' } })
  t.equal(res.statusCode, 200, 'the article is still extracted')
  t.same((await broken.inject({ method: 'GET', url: '/health' })).json(), { status: 'degraded', database: 'ok', storage: 'ok', extraction: 'main-thread' })
  const logs = lines.map((line) => JSON.parse(line) as Record<string, unknown>)
  const errors = logs.filter((entry) => entry['level'] === 50).map((entry) => String(entry['msg']))
  t.equal(errors.length, 1, 'logged once as an error')
  t.match(errors[0], /^extractor workers cannot start \(.*\); extracting in the main thread$/)
})

t.test('GET /health is 503 when the database is gone', async (t) => {
  const app = await testApp()
  t.teardown(() => app.close())
  await app.db.close()
  const res = await app.inject({ method: 'GET', url: '/health' })
  t.equal(res.statusCode, 503)
  t.same(res.json(), { statusCode: 503, error: 'Service Unavailable', message: 'database is not answering' })
})
