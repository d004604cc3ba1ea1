// A database that cannot grow (its size limit reached, as a full disk would): writes answer 507 in the usual error
// shape and store nothing, /health says so, reads go on, and writes resume once there is room again.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import t from 'tap'
import { sqliteTestApp as testApp } from '../helpers/app.js'
import { databaseProblems } from '../helpers/robustness.js'

const story = (n: number): string => `The harbour board met for the ${n}th time on Tuesday.\n\n` +
  `“We will reopen pier ${n} in May,” said board chair Ruth Okafor. ` + 'The board has argued about the pier for years. '.repeat(40)

t.test('a full database: 507 on writes, health degraded, reads served, writes resume after', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'whosaid-full-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  const path = join(dir, 'w.db')
  const app = await testApp({ databasePath: path })
  t.teardown(() => app.close())
  t.equal((await app.inject({ method: 'POST', url: '/sources', payload: { text: story(0) } })).statusCode, 201)
  t.same((await app.inject({ method: 'GET', url: '/health' })).json(), { status: 'ok', database: 'ok', storage: 'ok', extraction: 'main-thread' })

  // No room for more pages than the database has now (PRAGMA max_page_count is per connection, not stored).
  const pages = app.db.db.pragma('page_count', { simple: true }) as number
  app.db.db.pragma(`max_page_count = ${pages}`)
  const refused = []
  for (let n = 1; n <= 20; n++) {
    const res = await app.inject({ method: 'POST', url: '/sources', payload: { text: story(n) } })
    if (res.statusCode !== 201) refused.push(res)
  }
  t.ok(refused.length > 0, 'some writes are refused')
  for (const res of refused) {
    t.equal(res.statusCode, 507)
    t.same(Object.keys(res.json()).sort(), ['error', 'message', 'statusCode'])
    t.match(res.json(), { statusCode: 507, error: 'Insufficient Storage', message: /^the database cannot grow/ })
  }
  const batch = await app.inject({
    method: 'POST',
    url: '/sources/batch',
    headers: { 'content-type': 'application/x-ndjson' },
    payload: JSON.stringify({ text: story(99) }) + '\n',
  })
  t.equal(batch.statusCode, 200)
  t.match(batch.json().items, [{ line: 1, status: 'error', error: /^the database cannot grow/ }], 'a batch line says why')
  // Filled to the last page: health reports it.
  for (let n = 100; n < 200 && app.db.storage() === 'ok'; n++) {
    await app.inject({ method: 'POST', url: '/sources', payload: { text: `“Short ${n},” said Ann Lee.` } })
  }
  const health = await app.inject({ method: 'GET', url: '/health' })
  t.equal(health.statusCode, 200, 'reads are still served: not out of rotation')
  t.same(health.json(), { status: 'degraded', database: 'ok', storage: 'full', extraction: 'main-thread' })
  const list = await app.inject({ method: 'GET', url: '/sources' })
  t.equal(list.statusCode, 200)
  const stored = list.json().items.length

  app.db.db.pragma(`max_page_count = ${pages * 100}`)
  const resumed = await app.inject({ method: 'POST', url: '/sources', payload: { text: story(1000) } })
  t.equal(resumed.statusCode, 201, 'writes resume once there is room')
  t.equal((await app.inject({ method: 'GET', url: '/sources' })).json().items.length, stored + 1)
  t.same((await app.inject({ method: 'GET', url: '/health' })).json(), { status: 'ok', database: 'ok', storage: 'ok', extraction: 'main-thread' })
  await app.close()
  t.same(databaseProblems(path), [], 'nothing half-written')
})
