// HTTP conventions and security: API key on writes, rate limit, security headers, CORS, body limits and types,
// validation messages that name the field, error bodies without internals.
import { request as httpRequest } from 'node:http'
import { connect, type AddressInfo } from 'node:net'
import { Writable } from 'node:stream'
import Database from 'better-sqlite3'
import Fastify from 'fastify'
import fp from 'fastify-plugin'
import { Type } from '@sinclair/typebox'
import t from 'tap'
import { app as appPlugin, buildApp, serverOptions, SERVER_TIMEOUTS, type App, type AppOptions } from '../../src/app.js'
import { keyMatches } from '../../src/plugins/auth.js'
import { testApp } from '../helpers/app.js'
import { THREAD_EXEC_ARGV } from '../helpers/threads.js'
import { createHash } from 'node:crypto'

// About twenty apps are built here; on a busy machine that takes longer than tap's default 30 s per file.
t.setTimeout(180_000)

const KEY = 'k3y-for-tests-0123456789abcdef'
const WRITES = [
  { method: 'POST', url: '/sources' },
  { method: 'POST', url: '/extract' },
  { method: 'POST', url: '/speakers/1/merge' },
  { method: 'PUT', url: '/sources/1' },
  { method: 'PATCH', url: '/quotes/1' },
  { method: 'DELETE', url: '/sources/1' },
] as const

/** Every error body a test saw, checked at the end for internals. */
const errorBodies: string[] = []
function seen (res: { statusCode: number, body: string }): void {
  if (res.statusCode >= 400) errorBodies.push(res.body)
}

const ProbeBody = Type.Object({
  title: Type.String({ minLength: 1 }),
  url: Type.Optional(Type.String({ format: 'uri' })),
  published_at: Type.Optional(Type.Union([Type.String({ format: 'date-time' }), Type.Null()])),
  kind: Type.Optional(Type.Union([Type.Literal('person'), Type.Literal('organization')])),
  meta: Type.Optional(Type.Object({ lang: Type.String() }, { additionalProperties: false })),
  note: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  count: Type.Optional(Type.Integer()),
}, { additionalProperties: false })

/**
 * The real application with one extra JSON route, /probe, added after it as any route file would be: the routes
 * that take bodies are being written elsewhere, and these tests are about what every such route gets for free.
 */
async function appWithProbe (options: Partial<AppOptions> = {}): Promise<App> {
  const opts: AppOptions = { databasePath: ':memory:', seed: false, ...options }
  const fastify = Fastify(serverOptions(opts))
  await fastify.register(fp(appPlugin), opts)
  fastify.post('/probe', { schema: { body: ProbeBody } }, async (request) => ({ received: request.body }))
  fastify.get('/probe/sqlite', async () => new Database(':memory:').prepare('SELECT secret FROM no_such_table'))
  fastify.get('/probe/crash', async () => { throw new Error('SELECT * FROM sources failed at /work/main/src/store/sources.ts:42:7') })
  fastify.get('/probe/conflict', async () => { throw fastify.httpErrors.conflict('source 3 is being replaced') })
  await fastify.ready()
  return fastify
}

async function listen (app: App): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' })
  return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
}

t.test('with an API key, writes need it and reads do not', async (t) => {
  const app = await testApp({ apiKey: KEY })
  t.teardown(() => app.close())

  for (const { method, url } of WRITES) {
    const missing = await app.inject({ method, url, payload: { title: 'x' } })
    seen(missing)
    t.equal(missing.statusCode, 401, `${method} ${url} without a key`)
    t.match(missing.headers['www-authenticate'], /^Bearer realm="whosaid"/)
    t.same(missing.json(), {
      statusCode: 401,
      error: 'Unauthorized',
      message: 'writes need an API key: send "Authorization: Bearer <API key>"',
    })

    const wrong = await app.inject({ method, url, payload: { title: 'x' }, headers: { authorization: `Bearer ${KEY}x` } })
    seen(wrong)
    t.equal(wrong.statusCode, 401, `${method} ${url} with a wrong key`)
    t.match(wrong.headers['www-authenticate'], /^Bearer .*error="invalid_token"/)
    t.equal(wrong.json().message, 'API key is not valid')

    const right = await app.inject({ method, url, payload: { title: 'x' }, headers: { authorization: `Bearer ${KEY}` } })
    t.not(right.statusCode, 401, `${method} ${url} with the key gets past auth`)
  }

  for (const header of [KEY, `Basic ${Buffer.from(`user:${KEY}`).toString('base64')}`, 'Bearer', 'Bearer ', `Bearer ${KEY} extra`, `Token ${KEY}`]) {
    const res = await app.inject({ method: 'POST', url: '/sources', payload: {}, headers: { authorization: header } })
    seen(res)
    t.equal(res.statusCode, 401, `malformed: ${JSON.stringify(header)}`)
    t.equal(res.json().message, 'Authorization header must be "Bearer <API key>"')
    t.match(res.headers['www-authenticate'], /^Bearer .*error="invalid_request"/)
  }

  const anyCase = await app.inject({ method: 'POST', url: '/sources', payload: {}, headers: { authorization: `bearer  ${KEY}` } })
  t.not(anyCase.statusCode, 401, 'the scheme is case-insensitive and may be followed by several spaces')

  for (const url of ['/health', '/sources', '/speakers', '/quotes', '/docs/json']) {
    t.equal((await app.inject({ method: 'GET', url })).statusCode, 200, `GET ${url} needs no key`)
  }
  t.equal((await app.inject({ method: 'HEAD', url: '/sources' })).statusCode, 200, 'HEAD needs no key')
  const wrongKeyRead = await app.inject({ method: 'GET', url: '/sources', headers: { authorization: 'Bearer nonsense' } })
  t.equal(wrongKeyRead.statusCode, 200, 'a read is not refused for a wrong key it did not need')
})

t.test('keys are compared by their SHA-256, so any length compares in the same way', async (t) => {
  const hash = createHash('sha256').update(KEY).digest()
  t.ok(keyMatches(KEY, hash))
  t.notOk(keyMatches(KEY.slice(0, -1), hash))
  t.notOk(keyMatches(`${KEY}${'x'.repeat(10_000)}`, hash), 'a much longer key neither throws nor matches')
  t.notOk(keyMatches('', hash))
})

t.test('without an API key writes are open and a warning says so at start-up', async (t) => {
  const lines: string[] = []
  const stream = new Writable({ write (chunk, _encoding, done) { lines.push(String(chunk)); done() } })
  const open = await buildApp({ databasePath: ':memory:', seed: false, threadExecArgv: THREAD_EXEC_ARGV }, { level: 'warn', stream })
  t.teardown(() => open.close())
  const warnings = lines.map((line) => JSON.parse(line)).filter((entry) => entry.level === 40)
  t.equal(warnings.length, 1)
  t.match(warnings[0].msg, /API_KEY is not set: writes .* are open/)
  const res = await open.inject({ method: 'POST', url: '/sources', payload: { title: 'x' } })
  t.not(res.statusCode, 401)

  lines.length = 0
  const closed = await buildApp({ databasePath: ':memory:', seed: false, apiKey: KEY, threadExecArgv: THREAD_EXEC_ARGV }, { level: 'warn', stream })
  t.teardown(() => closed.close())
  t.same(lines, [], 'no warning when a key is set')
})

t.test('the rate limit counts requests per client IP and answers 429 with Retry-After', async (t) => {
  const app = await testApp({ rateLimitPerMinute: 3 })
  t.teardown(() => app.close())
  for (let i = 1; i <= 3; i++) {
    const res = await app.inject({ method: 'GET', url: '/sources' })
    t.equal(res.statusCode, 200, `request ${i} of 3`)
    t.equal(res.headers['x-ratelimit-remaining'], String(3 - i))
  }
  const limited = await app.inject({ method: 'GET', url: '/speakers' })
  seen(limited)
  t.equal(limited.statusCode, 429)
  const retryAfter = Number(limited.headers['retry-after'])
  t.ok(Number.isInteger(retryAfter) && retryAfter > 0 && retryAfter <= 60, `Retry-After ${limited.headers['retry-after']}`)
  t.same(Object.keys(limited.json()).sort(), ['error', 'message', 'statusCode'])
  t.equal(limited.json().statusCode, 429)
  t.equal(limited.json().error, 'Too Many Requests')
  t.match(limited.json().message, /^rate limit of 3 requests per minute exceeded; retry in \d+ seconds?$/)
  t.equal(limited.headers['x-content-type-options'], 'nosniff', 'a 429 has the security headers too')

  const unknown = await app.inject({ method: 'GET', url: '/nowhere' })
  t.equal(unknown.statusCode, 429, 'unknown routes count too')

  const other = await app.inject({ method: 'GET', url: '/sources', remoteAddress: '10.1.2.3' })
  t.equal(other.statusCode, 200, 'another client has its own allowance')

  for (let i = 0; i < 10; i++) {
    const health = await app.inject({ method: 'GET', url: '/health' })
    t.equal(health.statusCode, 200, `/health is never limited (${i + 1})`)
  }
})

t.test('behind a trusted proxy each client has its own allowance; an untrusted X-Forwarded-For is ignored', async (t) => {
  const direct = await testApp({ rateLimitPerMinute: 1 })
  t.teardown(() => direct.close())
  const spoof = (app: App, client: string) =>
    app.inject({ method: 'GET', url: '/sources', remoteAddress: '10.9.9.9', headers: { 'x-forwarded-for': client } })
  t.equal((await spoof(direct, '192.0.2.1')).statusCode, 200)
  t.equal((await spoof(direct, '192.0.2.2')).statusCode, 429, 'a client cannot pick a fresh address by sending the header')

  const proxied = await testApp({ rateLimitPerMinute: 1, trustProxy: ['10.9.9.9'] })
  t.teardown(() => proxied.close())
  t.equal((await spoof(proxied, '192.0.2.1')).statusCode, 200)
  t.equal((await spoof(proxied, '192.0.2.2')).statusCode, 200, 'another client behind the proxy')
  t.equal((await spoof(proxied, '192.0.2.1')).statusCode, 429, 'the first client again')
})

t.test('the rate limit applies before auth, so guessing keys is limited too', async (t) => {
  const app = await testApp({ rateLimitPerMinute: 2, apiKey: KEY })
  t.teardown(() => app.close())
  const codes = []
  for (let i = 0; i < 4; i++) {
    codes.push((await app.inject({ method: 'POST', url: '/sources', headers: { authorization: `Bearer guess-${i}` } })).statusCode)
  }
  t.same(codes, [401, 401, 429, 429])
})

t.test('RATE_LIMIT_PER_MINUTE=0 turns the limit off', async (t) => {
  const app = await testApp({ rateLimitPerMinute: 0 })
  t.teardown(() => app.close())
  for (let i = 0; i < 30; i++) {
    const res = await app.inject({ method: 'GET', url: '/sources' })
    if (res.statusCode !== 200 || res.headers['x-ratelimit-limit'] !== undefined) {
      t.fail(`request ${i + 1}: ${res.statusCode}, x-ratelimit-limit ${res.headers['x-ratelimit-limit']}`)
      return
    }
  }
  t.pass('30 requests, no limit and no rate limit headers')
})

t.test('security headers on every reply; /docs has a policy that lets the Swagger UI load', async (t) => {
  const app = await testApp({ apiKey: KEY })
  t.teardown(() => app.close())
  const replies = {
    ok: await app.inject({ method: 'GET', url: '/sources' }),
    notFound: await app.inject({ method: 'GET', url: '/nowhere' }),
    badRequest: await app.inject({ method: 'GET', url: '/quotes?limit=500' }),
    unauthorized: await app.inject({ method: 'POST', url: '/sources' }),
  }
  for (const [name, res] of Object.entries(replies)) {
    t.equal(res.headers['x-content-type-options'], 'nosniff', `${name}: nosniff`)
    t.equal(res.headers['x-frame-options'], 'SAMEORIGIN', `${name}: x-frame-options`)
    t.equal(res.headers['referrer-policy'], 'no-referrer', `${name}: referrer-policy`)
    t.match(res.headers['strict-transport-security'], /max-age=\d+/, `${name}: HSTS`)
    t.match(res.headers['content-security-policy'], /default-src 'none'.*frame-ancestors 'none'/, `${name}: CSP loads nothing`)
    t.notOk(res.headers['x-powered-by'], `${name}: no x-powered-by`)
    t.equal(res.headers['cross-origin-opener-policy'], 'same-origin', `${name}: COOP`)
    t.equal(res.headers['cross-origin-resource-policy'], 'same-origin', `${name}: CORP`)
    t.equal(res.headers['x-permitted-cross-domain-policies'], 'none', `${name}: no Flash or PDF cross-domain policy`)
  }

  const ui = await app.inject({ method: 'GET', url: '/docs/' })
  t.equal(ui.statusCode, 200)
  t.match(ui.headers['content-type'], /^text\/html/)
  const csp = String(ui.headers['content-security-policy'])
  t.match(csp, /script-src 'self'/)
  t.match(csp, /style-src 'self' 'unsafe-inline'/)
  t.match(csp, /img-src 'self' data:/)
  t.notMatch(csp, /default-src 'none'/)
  t.notMatch(csp, /upgrade-insecure-requests/, 'the UI still loads over plain HTTP')
  t.equal(ui.headers['x-content-type-options'], 'nosniff')
  const scripts = [...ui.body.matchAll(/<script src="([^"]+)"/g)].map((m) => m[1]!)
  t.ok(scripts.length >= 3, 'the page loads its scripts from files, not inline')
  t.notMatch(ui.body.replace(/<script src="[^"]+"[^>]*>\s*<\/script>/g, ''), /<script/, 'no inline script')
  for (const src of scripts) {
    const res = await app.inject({ method: 'GET', url: new URL(src, 'http://x/docs/').pathname })
    t.equal(res.statusCode, 200, `${src} is served`)
    t.match(res.headers['content-security-policy'], /script-src 'self'/)
  }
  const initializer = await app.inject({ method: 'GET', url: '/docs/static/swagger-initializer.js' })
  const specUrl = /url: resolveUrl\('([^']+)'\)/.exec(initializer.body)?.[1]
  t.ok(specUrl, 'the UI is pointed at the description')
  const spec = await app.inject({ method: 'GET', url: new URL(specUrl ?? '', 'http://x/docs/').pathname })
  t.equal(spec.statusCode, 200)
  t.ok(spec.json().openapi, 'and the description is there, under the same policy')
})

t.test('CORS headers only when origins are configured', async (t) => {
  const none = await testApp()
  t.teardown(() => none.close())
  const plain = await none.inject({ method: 'GET', url: '/sources', headers: { origin: 'https://example.org' } })
  t.equal(plain.statusCode, 200)
  t.notOk(plain.headers['access-control-allow-origin'], 'no CORS by default')
  const noPreflight = await none.inject({
    method: 'OPTIONS', url: '/sources', headers: { origin: 'https://example.org', 'access-control-request-method': 'POST' },
  })
  t.notOk(noPreflight.headers['access-control-allow-origin'])
  t.notOk(noPreflight.headers['access-control-allow-methods'])

  const any = await testApp({ corsOrigin: '*' })
  t.teardown(() => any.close())
  const star = await any.inject({ method: 'GET', url: '/sources', headers: { origin: 'https://example.org' } })
  t.equal(star.headers['access-control-allow-origin'], '*')

  const listed = await testApp({ corsOrigin: ['https://a.example', 'https://b.example'], apiKey: KEY })
  t.teardown(() => listed.close())
  const allowed = await listed.inject({ method: 'GET', url: '/sources', headers: { origin: 'https://b.example' } })
  t.equal(allowed.headers['access-control-allow-origin'], 'https://b.example')
  t.match(allowed.headers['access-control-expose-headers'], /Retry-After/)
  const other = await listed.inject({ method: 'GET', url: '/sources', headers: { origin: 'https://evil.example' } })
  t.notOk(other.headers['access-control-allow-origin'], 'an origin not in the list gets no CORS headers')
  const preflight = await listed.inject({
    method: 'OPTIONS',
    url: '/sources',
    headers: { origin: 'https://a.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
  })
  t.equal(preflight.statusCode, 204, 'a preflight needs no key')
  t.equal(preflight.headers['access-control-allow-origin'], 'https://a.example')
  t.match(preflight.headers['access-control-allow-methods'], /\bPOST\b/)
  t.match(preflight.headers['access-control-allow-headers'], /Authorization/)
  const refused = await listed.inject({ method: 'POST', url: '/sources', headers: { origin: 'https://a.example' } })
  t.equal(refused.statusCode, 401)
  t.equal(refused.headers['access-control-allow-origin'], 'https://a.example', 'a browser can read why it was refused')
})

t.test('bodies: size, media type and JSON syntax', async (t) => {
  const app = await appWithProbe({ bodyLimit: 1000, batchBodyLimit: 5000 })
  t.teardown(() => app.close())
  t.same(app.limits, { bodyLimit: 1000, batchBodyLimit: 5000 }, 'the limits are on the instance for routes to read')

  const ok = await app.inject({ method: 'POST', url: '/probe', payload: { title: 'fits' } })
  t.equal(ok.statusCode, 200)
  t.same(ok.json(), { received: { title: 'fits' } })

  const big = await app.inject({ method: 'POST', url: '/probe', payload: { title: 'x'.repeat(1000) } })
  seen(big)
  t.equal(big.statusCode, 413)
  t.same(big.json(), { statusCode: 413, error: 'Payload Too Large', message: 'body is larger than the limit of 1000 bytes' })

  const text = await app.inject({ method: 'POST', url: '/probe', payload: 'title=x', headers: { 'content-type': 'text/plain' } })
  seen(text)
  t.equal(text.statusCode, 415)
  t.same(text.json(), {
    statusCode: 415,
    error: 'Unsupported Media Type',
    message: 'Content-Type "text/plain" is not accepted here; send application/json',
  })
  const xml = await app.inject({ method: 'POST', url: '/probe', payload: '<a/>', headers: { 'content-type': 'application/xml; charset=utf-8' } })
  seen(xml)
  t.equal(xml.statusCode, 415)
  t.equal(xml.json().message, 'Content-Type "application/xml" is not accepted here; send application/json')
  const charset = await app.inject({
    method: 'POST', url: '/probe', payload: JSON.stringify({ title: 'é' }), headers: { 'content-type': 'application/json; charset=utf-8' },
  })
  t.equal(charset.statusCode, 200, 'parameters of the media type are fine')

  for (const [payload, what] of [['{"title": "x",}', 'a trailing comma'], ['{"title": ', 'a cut-off document'], ['title=x', 'a form']] as const) {
    const res = await app.inject({ method: 'POST', url: '/probe', payload, headers: { 'content-type': 'application/json' } })
    seen(res)
    t.equal(res.statusCode, 400, what)
    t.same(res.json(), { statusCode: 400, error: 'Bad Request', message: 'body is not valid JSON' }, what)
  }
  const poisoned = await app.inject({
    method: 'POST', url: '/probe', payload: '{"title": "x", "__proto__": {"admin": true}}', headers: { 'content-type': 'application/json' },
  })
  seen(poisoned)
  t.equal(poisoned.statusCode, 400, 'a __proto__ key is refused')

  const empty = await app.inject({ method: 'POST', url: '/probe', payload: '', headers: { 'content-type': 'application/json' } })
  seen(empty)
  t.equal(empty.statusCode, 400)
  t.equal(empty.json().message, 'body is empty; send a JSON document')

  const none = await app.inject({ method: 'POST', url: '/probe' })
  seen(none)
  t.equal(none.statusCode, 400)
  t.equal(none.json().message, 'body must be a JSON object')

  const defaults = await testApp()
  t.teardown(() => defaults.close())
  t.same(defaults.limits, { bodyLimit: 2 * 1024 * 1024, batchBodyLimit: 100 * 1024 * 1024 })
  t.equal(defaults.initialConfig.bodyLimit, 2 * 1024 * 1024)
})

t.test('validation messages name the field', async (t) => {
  const app = await appWithProbe()
  t.teardown(() => app.close())
  const cases: Array<[unknown, string]> = [
    [{ titel: 'typo' }, 'body/title is required'],
    [{ title: 'x', titel: 'typo' }, 'body has unknown field "titel"'],
    [{ title: 'x', meta: { lang: 'en', langauge: 'en' } }, 'body/meta has unknown field "langauge"'],
    [{ title: 'x', url: 'not a url' }, 'body/url must match format "uri"'],
    [{ title: '' }, 'body/title must NOT have fewer than 1 characters'],
    [{ title: 7 }, 'body/title must be string'],
    [{ title: 'x', published_at: 5 }, 'body/published_at must be string or null'],
    [{ title: 'x', published_at: 'yesterday' }, 'body/published_at must match format "date-time"'],
    [{ title: 'x', kind: 'robot' }, 'body/kind must be one of "person", "organization"'],
    [[{ title: 'x' }], 'body must be a JSON object'],
    [{ title: 'x', note: 5 }, 'body/note must be string or null'],
    [{ title: 'x', count: '5' }, 'body/count must be integer'],
  ]
  for (const [payload, message] of cases) {
    const res = await app.inject({ method: 'POST', url: '/probe', payload: payload as object })
    seen(res)
    t.equal(res.statusCode, 400, JSON.stringify(payload))
    t.same(res.json(), { statusCode: 400, error: 'Bad Request', message }, JSON.stringify(payload))
  }
  const typed = await app.inject({ method: 'POST', url: '/probe', payload: { title: true } })
  seen(typed)
  t.equal(typed.json().message, 'body/title must be string', 'a body is taken as typed, not coerced')
  const sent = { title: 'x', published_at: null, kind: 'person', meta: { lang: 'en' }, note: null, count: 3 }
  const accepted = await app.inject({ method: 'POST', url: '/probe', payload: sent })
  t.equal(accepted.statusCode, 200)
  t.strictSame(accepted.json().received, sent, 'nothing dropped, added or converted (a null stays null)')

  const query = await app.inject({ method: 'GET', url: '/quotes?limit=500' })
  seen(query)
  t.same(query.json(), { statusCode: 400, error: 'Bad Request', message: 'querystring/limit must be <= 100' })
  const params = await app.inject({ method: 'GET', url: '/sources/abc' })
  seen(params)
  t.equal(params.json().message, 'params/id must be integer')
})

t.test('the write routes get the same rules', async (t) => {
  const app = await testApp({ apiKey: KEY, bodyLimit: 200 })
  t.teardown(() => app.close())
  const auth = { authorization: `Bearer ${KEY}` }
  const cases: Array<[string, string, unknown, number, string]> = [
    ['PATCH', '/quotes/1', { speaker_id: 2, speakr: 3 }, 400, 'body has unknown field "speakr"'],
    ['PATCH', '/quotes/1', { speaker_id: '2' }, 400, 'body/speaker_id must be integer'],
    ['PATCH', '/quotes/1', {}, 400, 'body/speaker_id is required'],
    ['POST', '/speakers/1/merge', { into: true }, 400, 'body/into must be integer or string'],
    ['POST', '/speakers/1/split', { alias: '' }, 400, 'body/alias must NOT have fewer than 1 characters'],
    ['POST', '/speakers/1/split', { alias: 'x'.repeat(300) }, 413, 'body is larger than the limit of 200 bytes'],
  ]
  for (const [method, url, payload, status, message] of cases) {
    const res = await app.inject({ method: method as 'POST', url, payload: payload as object, headers: auth })
    seen(res)
    t.equal(res.statusCode, status, `${method} ${url} ${JSON.stringify(payload).slice(0, 40)}`)
    t.same(res.json().message, message)
  }
  const text = await app.inject({ method: 'PATCH', url: '/quotes/1', payload: 'speaker_id=2', headers: { ...auth, 'content-type': 'text/plain' } })
  seen(text)
  t.equal(text.statusCode, 415)
  t.equal(text.json().message, 'Content-Type "text/plain" is not accepted here; send application/json')
})

t.test('query strings and path parameters are still converted by their schemas', async (t) => {
  const app = await testApp()
  t.teardown(() => app.close())
  const page = await app.inject({ method: 'GET', url: '/quotes?limit=2&source_id=1&type=direct' })
  t.equal(page.statusCode, 200)
  t.same(page.json(), { items: [], next_cursor: null })
  t.equal((await app.inject({ method: 'GET', url: '/sources?limit=100' })).statusCode, 200)
  t.equal((await app.inject({ method: 'GET', url: '/sources/7' })).statusCode, 404, 'params/id 7 is an integer')
  for (const [url, message] of [
    ['/quotes?limit=abc', 'querystring/limit must be integer'],
    ['/quotes?limit=2.5', 'querystring/limit must be integer'],
    ['/quotes?limit=', 'querystring/limit must be integer'],
    ['/quotes?limit=1&limit=2', 'querystring/limit must be integer'],
    ['/quotes?limit=0', 'querystring/limit must be >= 1'],
    ['/quotes?type=hearsay', 'querystring/type must be one of "direct", "mixed", "indirect"'],
    ['/sources/0', 'params/id must be >= 1'],
  ]) {
    const res = await app.inject({ method: 'GET', url: url! })
    seen(res)
    t.equal(res.statusCode, 400, url)
    t.equal(res.json().message, message, url)
  }
})

t.test('errors: 5xx say nothing of the cause, deliberate 4xx keep their message', async (t) => {
  const app = await appWithProbe()
  t.teardown(() => app.close())
  for (const url of ['/probe/sqlite', '/probe/crash']) {
    const res = await app.inject({ method: 'GET', url })
    seen(res)
    t.equal(res.statusCode, 500, url)
    t.same(res.json(), {
      statusCode: 500,
      error: 'Internal Server Error',
      message: 'Something went wrong on our side; the error has been logged.',
    }, url)
  }
  const conflict = await app.inject({ method: 'GET', url: '/probe/conflict' })
  t.equal(conflict.statusCode, 409)
  t.same(conflict.json(), { statusCode: 409, error: 'Conflict', message: 'source 3 is being replaced' })
})

t.test('errors raised while routing have the usual shape', async (t) => {
  const app = await testApp()
  t.teardown(() => app.close())
  const badPath = await app.inject({ method: 'GET', url: '/quotes/%ff' })
  seen(badPath)
  t.equal(badPath.statusCode, 400)
  t.same(badPath.json(), { statusCode: 400, error: 'Bad Request', message: "'/quotes/%ff' is not a valid url component" })
  t.equal(badPath.headers['x-content-type-options'], 'nosniff')
  const longParam = await app.inject({ method: 'GET', url: `/sources/${'1'.repeat(150)}` })
  seen(longParam)
  t.equal(longParam.statusCode, 414)
  t.equal(longParam.json().error, 'URI Too Long')
  t.match(longParam.json().message, /max param length/)
})

t.test('server timeouts are set', async (t) => {
  const app = await testApp()
  t.teardown(() => app.close())
  t.equal(app.server.requestTimeout, SERVER_TIMEOUTS.requestTimeout)
  t.equal(app.server.headersTimeout, SERVER_TIMEOUTS.headersTimeout)
  t.equal(app.server.keepAliveTimeout, SERVER_TIMEOUTS.keepAliveTimeout)
  t.ok(SERVER_TIMEOUTS.headersTimeout <= SERVER_TIMEOUTS.requestTimeout)
})

/** Sends the headers and the first chunk of a body that claims `declared` bytes, and resolves with the response. */
function sendPartial (base: string, path: string, headers: Record<string, string>, declared: number): Promise<{ status: number, body: string, connection: string | undefined }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${base}${path}`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json', 'content-length': String(declared) },
    }, (res) => {
      let body = ''
      res.on('data', (chunk) => { body += chunk })
      res.on('end', () => { resolve({ status: res.statusCode!, body, connection: res.headers.connection }); req.destroy() })
    })
    req.on('error', reject)
    req.write('{"title": "' + 'x'.repeat(64 * 1024))
    // The rest of the body is never sent: the answer must come without it.
  })
}

t.test('over real HTTP: refusals come before the body is read', async (t) => {
  const app = await appWithProbe({ apiKey: KEY, bodyLimit: 100_000 })
  t.teardown(() => app.close())
  const base = await listen(app)

  const unauthenticated = await sendPartial(base, '/sources', {}, 10 * 1024 * 1024)
  errorBodies.push(unauthenticated.body)
  t.equal(unauthenticated.status, 401, 'a 10 MB upload without a key is refused after 64 KB')
  t.equal(unauthenticated.connection, 'close')

  const tooLarge = await sendPartial(base, '/probe', { authorization: `Bearer ${KEY}` }, 10 * 1024 * 1024)
  errorBodies.push(tooLarge.body)
  t.equal(tooLarge.status, 413, 'a declared 10 MB body over a 100 KB limit is refused at once')
  t.equal(JSON.parse(tooLarge.body).message, 'body is larger than the limit of 100000 bytes')

  const good = await fetch(`${base}/probe`, {
    method: 'POST',
    headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify({ title: 'over HTTP' }),
  })
  t.equal(good.status, 200)
  t.same(await good.json(), { received: { title: 'over HTTP' } })
  t.equal(good.headers.get('x-content-type-options'), 'nosniff')

  const read = await fetch(`${base}/sources`)
  t.equal(read.status, 200)

  // Node refuses headers over 16 KB (its default, --max-http-header-size) before Fastify sees the request.
  const huge = await fetch(`${base}/sources`, { headers: { 'x-padding': 'x'.repeat(20 * 1024) } })
  t.equal(huge.status, 431)
  const hugeBody = await huge.text()
  errorBodies.push(hugeBody)
  t.equal(JSON.parse(hugeBody).statusCode, 431)
})

t.test('no error body shows a stack trace, a file path or SQL', async (t) => {
  t.ok(errorBodies.length >= 40, `${errorBodies.length} error bodies collected`)
  for (const body of errorBodies) {
    t.notMatch(body, /\bat \S+:\d+|\/work\/|\/src\/|node_modules|\.ts\b|SELECT|INSERT|sqlite|stack/i, body.slice(0, 120))
    const parsed = JSON.parse(body)
    t.same(Object.keys(parsed).sort(), ['error', 'message', 'statusCode'], body.slice(0, 120))
  }
})

t.test('replies made before any hook runs carry the security headers too: not HTTP, bad routing, bad JSON', async (t) => {
  const app = await testApp()
  t.teardown(() => app.close())
  await app.listen({ port: 0, host: '127.0.0.1' })
  const { port } = app.server.address() as AddressInfo
  const raw = (bytes: string): Promise<string> => new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(bytes))
    let reply = ''
    socket.setEncoding('utf8')
    socket.on('data', (chunk: string) => { reply += chunk })
    socket.on('close', () => resolve(reply))
    socket.on('error', reject)
  })
  const replies = {
    notHttp: await raw('GET /sources HTTP/1.1 nonsense\r\n\r\n'),
    badHeader: await raw('GET /sources HTTP/1.1\r\nHost: x\r\nbad header line\r\n\r\n'),
    badPercent: await raw('GET /sources/%E0%A4%A HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'),
    badJson: await raw('POST /extract HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 5\r\nConnection: close\r\n\r\n{"te'),
  }
  for (const [name, reply] of Object.entries(replies)) {
    const [head = '', body = ''] = reply.split('\r\n\r\n')
    t.match(head, /^HTTP\/1\.1 400 Bad Request/, `${name}: 400`)
    const headers = new Map(head.split('\r\n').slice(1).map((line) => {
      const colon = line.indexOf(':')
      return [line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim()]
    }))
    for (const header of ['content-security-policy', 'x-content-type-options', 'x-frame-options', 'referrer-policy',
      'strict-transport-security', 'cross-origin-resource-policy']) {
      t.ok(headers.has(header), `${name}: ${header}`)
    }
    t.match(JSON.parse(body), { statusCode: 400, error: 'Bad Request', message: String }, `${name}: the usual error shape`)
  }
})
