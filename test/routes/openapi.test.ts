// The OpenAPI description at /docs/json is what Swagger UI's forms are built from: optional parameters must not be
// required, enums must list their values, writes must say they take the API key, and each route appears once.
import t from 'tap'
import { testApp } from '../helpers/app.js'

interface Parameter { name: string, in: string, required?: boolean, schema: { enum?: string[], default?: unknown } }
interface Operation { tags?: string[], parameters?: Parameter[], responses: Record<string, unknown>, security?: unknown, requestBody?: unknown }
interface Doc { paths: Record<string, Record<string, Operation>>, components: { securitySchemes?: Record<string, unknown> } }

async function doc (t: { teardown: (fn: () => unknown) => void }): Promise<Doc> {
  const app = await testApp()
  t.teardown(() => app.close())
  return (await app.inject({ method: 'GET', url: '/docs/json' })).json() as Doc
}

const operations = (d: Doc) => Object.entries(d.paths).flatMap(([path, ops]) =>
  Object.entries(ops).map(([method, op]) => ({ path, method: method.toUpperCase(), op })))

t.test('parameters with a default are optional, and unions of constants are enums with every value', async (t) => {
  const d = await doc(t)
  const param = (path: string, name: string) => d.paths[path]!['get']!.parameters!.find((p) => p.name === name)!
  for (const path of ['/sources', '/speakers', '/quotes', '/speakers/{id}/quotes', '/sources/{id}/quotes']) {
    t.equal(param(path, 'limit').required, false, `${path} limit`)
  }
  t.equal(param('/quotes', 'distinct').required, false)
  t.same(param('/speakers', 'sort').schema.enum, ['quotes', 'name'])
  t.equal(param('/speakers', 'sort').required, false)
  t.same(param('/speakers', 'kind').schema.enum, ['person', 'organization', 'group', 'unnamed'])
  t.same(param('/quotes', 'type').schema.enum, ['direct', 'mixed', 'indirect'])
  t.same(param('/quotes', 'sort').schema.enum, ['newest', 'relevance'])
  const required = operations(d).flatMap(({ path, method, op }) =>
    (op.parameters ?? []).filter((p) => p.in === 'query' && p.required).map((p) => `${method} ${path} ${p.name}`))
  t.same(required, [], 'no query parameter is required')
})

t.test('writes name the bearer scheme and their 401; bodies their 413 and 415; every limited route its 429', async (t) => {
  const d = await doc(t)
  t.match(d.components.securitySchemes, { apiKey: { type: 'http', scheme: 'bearer' } })
  for (const { path, method, op } of operations(d)) {
    const write = method !== 'GET'
    t.equal(op.security !== undefined, write, `${method} ${path} security`)
    t.equal('401' in op.responses, write, `${method} ${path} 401`)
    if (op.requestBody !== undefined) t.ok('413' in op.responses && '415' in op.responses, `${method} ${path} 413 and 415`)
    t.equal('429' in op.responses, path !== '/health', `${method} ${path} 429`)
  }
})

t.test('each route is listed once, under one tag, and pages are not listed', async (t) => {
  const d = await doc(t)
  for (const { path, method, op } of operations(d)) t.equal(op.tags?.length, 1, `${method} ${path}`)
  t.same(Object.keys(d.paths).filter((path) => path === '/' || path.startsWith('/ui')), [])
})
