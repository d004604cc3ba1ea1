import t from 'tap'
import { testApp } from '../helpers/app.js'

t.test('GET /health answers ok while the database answers', async (t) => {
  const app = await testApp()
  t.teardown(() => app.close())
  const res = await app.inject({ method: 'GET', url: '/health' })
  t.equal(res.statusCode, 200)
  t.same(res.json(), { status: 'ok', database: 'ok', storage: 'ok' })
})

t.test('GET /health is 503 when the database is gone', async (t) => {
  const app = await testApp()
  t.teardown(() => app.close())
  await app.db.close()
  const res = await app.inject({ method: 'GET', url: '/health' })
  t.equal(res.statusCode, 503)
  t.same(res.json(), { statusCode: 503, error: 'Service Unavailable', message: 'database is not answering' })
})
