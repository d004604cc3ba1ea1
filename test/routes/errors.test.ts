import Fastify from 'fastify'
import t from 'tap'
import errors from '../../src/plugins/errors.js'
import { ExtractionStarvedError, ExtractorBusyError } from '../../src/services/extractor-pool.js'
import { testApp } from '../helpers/app.js'
import { testStoreKind } from '../helpers/stores.js'
import { MIGRATIONS_DIR } from '../../src/paths.js'
import { mkdtempSync, copyFileSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

t.test('an unknown route is a JSON 404', async (t) => {
  const app = await testApp()
  t.teardown(() => app.close())
  const res = await app.inject({ method: 'GET', url: '/nowhere?x=1' })
  t.equal(res.statusCode, 404)
  t.same(res.json(), { statusCode: 404, error: 'Not Found', message: 'Route GET /nowhere not found' })
})

t.test('a server-side failure is a 500 without stack trace or SQL', async (t) => {
  const app = await testApp()
  t.teardown(() => app.close())
  await app.db.close()
  const res = await app.inject({ method: 'GET', url: '/quotes' })
  t.equal(res.statusCode, 500)
  const body = res.json()
  t.same(Object.keys(body).sort(), ['error', 'message', 'statusCode'])
  t.equal(body.error, 'Internal Server Error')
  t.notMatch(res.body, /database|SELECT|sqlite|\bat \S+:\d+/i)
})

t.test('the OpenAPI description lists every route', async (t) => {
  const app = await testApp()
  t.teardown(() => app.close())
  const res = await app.inject({ method: 'GET', url: '/docs/json' })
  t.equal(res.statusCode, 200)
  const paths = Object.keys(res.json().paths)
  for (const path of ['/health', '/sources', '/sources/{id}', '/sources/{id}/quotes', '/sources/{id}/reextract', '/speakers', '/speakers/{id}',
    '/speakers/{id}/quotes', '/speakers/{id}/merge', '/speakers/{id}/split', '/quotes', '/quotes/{id}']) {
    t.ok(paths.includes(path), `documents ${path}`)
  }
  const ui = await app.inject({ method: 'GET', url: '/docs' })
  t.ok(ui.statusCode < 400)
})

t.test('start-up fails with the migration error when a migration fails', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'whosaid-migrations-'))
  // The store's own migrations, then one that fails.
  const own = testStoreKind() === 'postgres' ? join(MIGRATIONS_DIR, 'postgres') : MIGRATIONS_DIR
  for (const file of readdirSync(own).filter((name) => name.endsWith('.sql'))) copyFileSync(join(own, file), join(dir, file))
  writeFileSync(join(dir, '900_broken.sql'), 'CREATE TABLE (;')
  await t.rejects(testApp({ migrationsDir: dir }), { name: 'MigrationError', message: /^migration 900_broken\.sql failed/ })
})

t.test('every documented operation declares its success and error responses', async (t) => {
  const app = await testApp()
  t.teardown(() => app.close())
  const spec = (await app.inject({ method: 'GET', url: '/docs/json' })).json()
  for (const [path, operations] of Object.entries(spec.paths as Record<string, Record<string, { responses: Record<string, unknown> }>>)) {
    for (const [method, operation] of Object.entries(operations)) {
      const codes = Object.keys(operation.responses ?? {})
      t.ok(codes.some((code) => /^2\d\d$/.test(code)), `${method.toUpperCase()} ${path} documents its success`)
      if (path.startsWith('/docs')) continue
      t.ok(codes.includes('400') || path === '/health', `${method.toUpperCase()} ${path} documents 400`)
      if (path.includes('{id}')) t.ok(codes.includes('404'), `${method.toUpperCase()} ${path} documents 404`)
    }
  }
})

t.test('an extractor that is too busy answers 503 with a message the client can act on', async (t) => {
  const app = Fastify()
  await app.register(errors)
  app.get('/full', async () => { throw new ExtractorBusyError('the extractor queue is full (1000 articles waiting); try again later') })
  app.get('/starved', async () => { throw new ExtractionStarvedError(100_000, 40) })
  t.teardown(() => app.close())
  t.same((await app.inject({ method: 'GET', url: '/full' })).json(),
    { statusCode: 503, error: 'Service Unavailable', message: 'the extractor queue is full (1000 articles waiting); try again later' })
  const starved = await app.inject({ method: 'GET', url: '/starved' })
  t.equal(starved.statusCode, 503)
  t.same(starved.json(), { statusCode: 503, error: 'Service Unavailable', message: 'extracting this article waited 100 s for a free core and had 40 ms of CPU: the server is too busy to extract it now; try again later' })
})
