// Hostile and unusual input through the real application (app.inject, and real HTTP where the transport matters):
// malformed requests are refused with a clear 4xx and change nothing stored; valid but unusual input is stored
// exactly as given; and no request of any shape gets a 5xx (a fast-check property over every documented route).
import { request as httpRequest } from 'node:http'
import type { AddressInfo } from 'node:net'
import fc from 'fast-check'
import t, { type Test } from 'tap'
import { ingestArticle } from '../../src/services/ingest.js'
import { sqliteTestApp as testApp, type SqliteApp } from '../helpers/app.js'
import { generatedArticles } from '../helpers/generated-articles.js'
import { sliceQuote } from '../helpers/quotes.js'

// Hundreds of requests, some of them ingesting: more than tap's default 30 s on a busy machine.
t.setTimeout(180_000)

const TABLES = ['sources', 'quotes', 'speakers', 'speaker_aliases', 'speaker_titles', 'quote_corrections', 'speaker_splits']

/** How many rows each table holds, and the highest ids: what a refused request must leave as it was. */
function snapshot (app: SqliteApp): Record<string, number> {
  const db = app.db.db
  const counts: Record<string, number> = {}
  for (const table of TABLES) counts[table] = db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number
  counts['max source id'] = db.prepare('SELECT coalesce(max(id), 0) FROM sources').pluck().get() as number
  counts['max quote id'] = db.prepare('SELECT coalesce(max(id), 0) FROM quotes').pluck().get() as number
  return counts
}

/** An app on an in-memory database holding `n` generated articles, without a rate limit. */
async function populated (t: Test, n = 30): Promise<SqliteApp> {
  const app = await testApp({ rateLimitPerMinute: 0 })
  t.teardown(() => app.close())
  for (const article of generatedArticles(n)) {
    await ingestArticle(app.db, { ...article, published_at: new Date(article.published_at).toISOString() })
  }
  return app
}

interface Sent {
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE' | 'PUT'
  url: string
  payload?: string | Buffer | object
  headers?: Record<string, string>
}

/** Sends a request that must be refused: the status, an error body of the usual shape, and nothing stored changed. */
async function refused (t: Test, app: SqliteApp, sent: Sent, status: number, message: RegExp | string, what: string): Promise<void> {
  const before = snapshot(app)
  const res = await app.inject({ method: sent.method ?? 'GET', url: sent.url, payload: sent.payload, headers: sent.headers })
  if (res.statusCode !== status) {
    // One failure per request that was not refused as it should be, not one per check below.
    t.fail(`${what}: expected ${status}, got ${res.statusCode} ${res.body.slice(0, 160)}${JSON.stringify(snapshot(app)) === JSON.stringify(before) ? '' : ' (and it changed what is stored)'}`)
    return
  }
  t.pass(`${what}: ${status}`)
  let body: Record<string, unknown> = {}
  try { body = res.json() } catch { t.fail(`${what}: the error body is not JSON: ${res.body.slice(0, 100)}`) }
  t.same(Object.keys(body).sort(), ['error', 'message', 'statusCode'], `${what}: error body shape`)
  t.equal(body['statusCode'], res.statusCode, `${what}: statusCode in the body`)
  if (typeof message === 'string') t.equal(body['message'], message, `${what}: message`)
  else t.match(String(body['message']), message, `${what}: message`)
  t.same(snapshot(app), before, `${what}: nothing stored changed`)
}

const json = (value: unknown): Sent['headers'] & object => ({ 'content-type': 'application/json', ...(value as object) })

// --- Read routes --------------------------------------------------------------------------------------------------

t.test('ids that are not integers or are out of range are a 4xx', async (t) => {
  const app = await populated(t, 3)
  for (const path of ['/quotes/', '/sources/', '/sources/{}/quotes', '/speakers/', '/speakers/{}/quotes']) {
    const url = (id: string): string => path.includes('{}') ? path.replace('{}', id) : path + id
    for (const id of ['abc', '-1', '0', '1.5', '%20', 'NaN', '1;DROP TABLE quotes', "1' OR '1'='1"]) {
      const isSpeaker = path.startsWith('/speakers')
      // A speaker is also named by its slug, so "abc" and "0" are well-formed names of no one: 404.
      const status = isSpeaker && (id === 'abc' || id === '0') ? 404 : 400
      await refused(t, app, { url: url(id) }, status,
        isSpeaker ? /^(params\/id must match pattern .*|speaker (abc|0) not found)$/ : /^params\/id must be (integer|>= 1)$/, `GET ${url(id)}`)
    }
    for (const id of ['99999999999999999999', '9007199254740993']) {
      const res = await app.inject({ method: 'GET', url: url(id) })
      t.ok(res.statusCode === 400 || res.statusCode === 404, `GET ${url(id)}: ${res.statusCode} ${res.body.slice(0, 120)}`)
    }
  }
})

t.test('refusals by the framework itself (path encoding, parameter length) have the usual error shape', async (t) => {
  const app = await populated(t, 1)
  await refused(t, app, { url: `/speakers/${'a'.repeat(300)}` }, 414, /max param length/, 'a 300-character slug')
  await refused(t, app, { url: '/quotes/%ff' }, 400, /not a valid url component/, 'a path that is not UTF-8')
  await refused(t, app, { url: '/sources/%' }, 400, /not a valid url component/, 'a lone percent sign')
})

t.test('limit, dates and enums out of range are a 400 naming the parameter', async (t) => {
  const app = await populated(t, 3)
  for (const route of ['/quotes', '/sources', '/speakers', '/sources/1/quotes', '/speakers/1/quotes']) {
    await refused(t, app, { url: `${route}?limit=-1` }, 400, 'querystring/limit must be >= 1', `${route} limit=-1`)
    await refused(t, app, { url: `${route}?limit=1e9` }, 400, 'querystring/limit must be <= 100', `${route} limit=1e9`)
    await refused(t, app, { url: `${route}?limit=abc` }, 400, 'querystring/limit must be integer', `${route} limit=abc`)
    await refused(t, app, { url: `${route}?limit=Infinity` }, 400, 'querystring/limit must be integer', `${route} limit=Infinity`)
    await refused(t, app, { url: `${route}?cursor=` }, 400, /querystring\/cursor must NOT have fewer than 1 characters/, `${route} empty cursor`)
  }
  await refused(t, app, { url: '/quotes?since=2024-02-30' }, 400, 'querystring/since is not a real date: "2024-02-30"', 'a date that does not exist')
  await refused(t, app, { url: '/quotes?until=yesterday' }, 400, /^querystring\/until must match pattern/, 'a date that is not ISO 8601')
  await refused(t, app, { url: '/quotes?min_confidence=2' }, 400, 'querystring/min_confidence must be <= 1', 'min_confidence=2')
  await refused(t, app, { url: '/quotes?source_id=-3' }, 400, 'querystring/source_id must be >= 1', 'source_id=-3')
  await refused(t, app, { url: '/speakers?kind=robot' }, 400, /^querystring\/kind must be one of/, 'kind=robot')
  await refused(t, app, { url: '/quotes?distinct=maybe' }, 400, 'querystring/distinct must be boolean', 'distinct=maybe')
  await refused(t, app, { url: `/quotes?q=${'a'.repeat(501)}` }, 400, /querystring\/q must NOT have more than 500 characters/, 'a 501-character q')
})

/** Replaces the character at `i` with one that differs in the high bit of its 6-bit value, so the bytes change. */
function flip (cursor: string, i: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
  const c = cursor[i]!
  const replacement = c === '.' ? 'A' : alphabet[alphabet.indexOf(c) ^ 32]!
  return cursor.slice(0, i) + replacement + cursor.slice(i + 1)
}

t.test('forged, truncated and borrowed cursors are a 400; the real one still works', async (t) => {
  const app = await populated(t)
  const CURSOR_MESSAGE = 'cursor is not valid: pass next_cursor from the previous page of the same list unchanged'
  const page = async (url: string): Promise<{ items: Array<{ id: number }>, next_cursor: string | null }> => {
    const res = await app.inject({ method: 'GET', url })
    t.equal(res.statusCode, 200, url)
    return res.json()
  }
  const first = await page('/quotes?limit=5')
  const cursor = first.next_cursor!
  t.type(cursor, 'string', 'a first page of 5 has a next cursor')
  const second = await page(`/quotes?limit=5&cursor=${encodeURIComponent(cursor)}`)
  t.equal(second.items.length, 5)
  t.notOk(second.items.some((q) => first.items.some((p) => p.id === q.id)), 'the real cursor gives the next page')

  for (let i = 0; i < cursor.length; i++) {
    await refused(t, app, { url: `/quotes?limit=5&cursor=${encodeURIComponent(flip(cursor, i))}` }, 400, CURSOR_MESSAGE, `character ${i} flipped`)
  }
  for (let n = 1; n < cursor.length; n++) {
    await refused(t, app, { url: `/quotes?limit=5&cursor=${encodeURIComponent(cursor.slice(0, n))}` }, 400, CURSOR_MESSAGE, `cut to ${n} characters`)
  }
  for (const variant of [`${cursor}A`, `${cursor}.x`, `A${cursor}`, cursor.split('.').reverse().join('.'), cursor.replace('.', ''), `${cursor.split('.')[0]}.`]) {
    await refused(t, app, { url: `/quotes?limit=5&cursor=${encodeURIComponent(variant)}` }, 400, CURSOR_MESSAGE, `altered: ${variant}`)
  }
  // A payload that decodes to a cursor for page 1000, signed with a guessed key, is still refused.
  const forged = `${Buffer.from(JSON.stringify(['quotes:newest', ['2024-01-01T00:00:00.000Z', 1]])).toString('base64url')}.${cursor.split('.')[1]}`
  await refused(t, app, { url: `/quotes?cursor=${encodeURIComponent(forged)}` }, 400, CURSOR_MESSAGE, 'a payload written by hand')

  const sourcesCursor = (await page('/sources?limit=2')).next_cursor!
  await refused(t, app, { url: `/quotes?cursor=${encodeURIComponent(sourcesCursor)}` }, 400, CURSOR_MESSAGE, 'a /sources cursor on /quotes')
  const byName = (await page('/speakers?limit=2&sort=name')).next_cursor!
  await refused(t, app, { url: `/speakers?sort=quotes&cursor=${encodeURIComponent(byName)}` }, 400, CURSOR_MESSAGE, 'a sort=name cursor on sort=quotes')
  const relevance = (await page('/quotes?limit=1&q=the')).next_cursor!
  t.type(relevance, 'string')
  await refused(t, app, { url: `/quotes?cursor=${encodeURIComponent(relevance)}` }, 400, CURSOR_MESSAGE, 'a relevance cursor on the newest order')

  // Another database signs with its own secret: its cursors mean nothing here, even for the same data.
  const other = await populated(t)
  const foreign = (await other.inject({ method: 'GET', url: '/quotes?limit=5' })).json().next_cursor as string
  t.not(foreign, cursor, 'another database makes other cursors')
  await refused(t, app, { url: `/quotes?limit=5&cursor=${encodeURIComponent(foreign)}` }, 400, CURSOR_MESSAGE, 'a cursor from another database')
})

t.test('FTS5 syntax errors in q are a 400 saying the query is malformed', async (t) => {
  const app = await populated(t, 5)
  const speaker = (await app.inject({ method: 'GET', url: '/speakers?limit=1' })).json().items[0].id
  const bad = ['"unclosed', 'AND', 'budget OR', '(', ')', 'NEAR(a b', 'x AND AND y', 'nosuchcolumn:budget', '-budget', '^', 'a NOT',
    '"a" +', '{a b}: c', 'NEAR("a" "b", -1)', '\\', '\u0000', '*', '**', '* budget']
  for (const route of ['/quotes', '/sources', `/speakers/${speaker}/quotes`]) {
    for (const q of bad) {
      await refused(t, app, { url: `${route}?q=${encodeURIComponent(q)}` }, 400, /^q is not a valid full-text query \(.*\); put phrases in double quotes/, `${route} q=${JSON.stringify(q)}`)
    }
    for (const q of ['said', '"the council"', 'budget*', 'council OR budget', 'council NOT budget']) {
      const res = await app.inject({ method: 'GET', url: `${route}?q=${encodeURIComponent(q)}` })
      t.equal(res.statusCode, 200, `${route} q=${JSON.stringify(q)} is valid`)
    }
  }
})

// --- Write routes -------------------------------------------------------------------------------------------------

const TEXT = '“The bridge will open in May,” Mayor Ann Lindqvist said on Monday.\n\nCritics said the date would slip again.'

t.test('POST /sources: malformed requests are refused with a clear 4xx and store nothing', async (t) => {
  const app = await populated(t, 3)
  const post = (payload: Sent['payload'], headers: Record<string, string> = { 'content-type': 'application/json' }): Sent =>
    ({ method: 'POST', url: '/sources', payload, headers })

  await refused(t, app, post('{"text": "x",}'), 400, 'body is not valid JSON', 'a trailing comma')
  await refused(t, app, post('text=hello'), 400, 'body is not valid JSON', 'a form body labelled JSON')
  await refused(t, app, post(''), 400, 'body is empty; send a JSON document', 'an empty body')
  await refused(t, app, post('null'), 400, 'body must be a JSON object', 'null')
  await refused(t, app, post('"just a string"'), 400, 'body must be a JSON object', 'a JSON string')
  await refused(t, app, post(JSON.stringify([{ text: TEXT }])), 400, 'body must be a JSON object', 'an array')
  await refused(t, app, post('{"text": "a", "__proto__": {"x": 1}}'), 400, /./, 'a __proto__ key')
  await refused(t, app, post(JSON.stringify({ text: TEXT }), { 'content-type': 'text/plain' }), 415,
    'Content-Type "text/plain" is not accepted here; send application/json', 'text/plain')
  await refused(t, app, post(`text=${encodeURIComponent(TEXT)}`, { 'content-type': 'application/x-www-form-urlencoded' }), 415,
    /^Content-Type "application\/x-www-form-urlencoded" is not accepted here/, 'a form')
  await refused(t, app, post(JSON.stringify({ text: TEXT }), { 'content-type': 'multipart/form-data; boundary=x' }), 415,
    /^Content-Type "multipart\/form-data" is not accepted here/, 'multipart')
  await refused(t, app, post(JSON.stringify({ text: TEXT }), {}), 415, 'a body needs a Content-Type header; send application/json', 'no content type')

  await refused(t, app, post({}), 400, 'text or html is required', 'no text or html')
  await refused(t, app, post({ title: 'Only a title' }), 400, 'text or html is required', 'only a title')
  await refused(t, app, post({ text: 5 }), 400, 'body/text must be string', 'text is a number')
  await refused(t, app, post({ text: null }), 400, /^body\/text must be string/, 'text is null')
  await refused(t, app, post({ text: [TEXT] }), 400, 'body/text must be string', 'text is an array')
  await refused(t, app, post({ text: { value: TEXT } }), 400, 'body/text must be string', 'text is an object')
  await refused(t, app, post({ text: TEXT, title: 7 }), 400, /^body\/title must be string/, 'title is a number')
  await refused(t, app, post({ text: TEXT, published_at: 20240501 }), 400, /^body\/published_at must be string/, 'a date as a number')
  await refused(t, app, post({ text: TEXT, published_at: '2024-02-30' }), 400, /published_at is not a real date/, 'a date that does not exist')
  await refused(t, app, post({ text: TEXT, titel: 'typo' }), 400, 'body has unknown field "titel"', 'an unknown field')
  await refused(t, app, post({ text: TEXT, quotes: [] }), 400, 'body has unknown field "quotes"', 'quotes are not for the client to give')
  await refused(t, app, post({ text: TEXT, html: '<p>x</p>' }), 400, 'give either text or html, not both', 'text and html')

  for (const text of ['', ' ', '\n\n\t ', '\u00a0\u2003\u3000', '\r\n']) {
    await refused(t, app, post({ text }), 400, /^(body\/text must NOT have fewer than 1 characters|text must not be empty or only whitespace)$/, `text ${JSON.stringify(text)}`)
  }
  await refused(t, app, post({ html: '<html><body><script>alert(1)</script></body></html>' }), 400, /html has no readable text/, 'html that is only a script')

  for (const url of ['javascript:alert(1)', 'ftp://files.example/a.txt', 'file:///etc/passwd', 'data:text/html,<b>x</b>', '//news.example/a',
    'news.example/a', 'http://', 'http:// spaced.example', 'JAVASCRIPT:alert(1)', 'vbscript:msgbox(1)']) {
    await refused(t, app, post({ text: TEXT, url }), 400, /url/, `url ${url}`)
  }

  // 10 MB in one body: 413, whatever the limit is (2 MB by default).
  await refused(t, app, post(`{"text": "${'a'.repeat(10 * 1024 * 1024)}"}`), 413, 'body is larger than the limit of 2 MB (2097152 bytes)', '10 MB body')
})

t.test('POST /sources: bytes that are not UTF-8, unpaired surrogates and NUL are refused', async (t) => {
  const app = await populated(t, 3)
  const raw = (...parts: Array<string | number[]>): Buffer => Buffer.concat(parts.map((p) => typeof p === 'string' ? Buffer.from(p) : Buffer.from(p)))
  const invalid: Array<[string, Buffer]> = [
    ['a Latin-1 é', raw('{"text": "Caf', [0xe9], ' au lait, said Ann."}')],
    ['a lone continuation byte', raw('{"text": "a ', [0x80], ' b"}')],
    ['an overlong slash', raw('{"text": "a ', [0xc0, 0xaf], ' b"}')],
    ['a surrogate encoded as UTF-8 (CESU)', raw('{"text": "a ', [0xed, 0xa0, 0x80], ' b"}')],
    ['a cut-off 3-byte sequence', raw('{"text": "a ', [0xe2, 0x80], '"}')],
    ['a code point above U+10FFFF', raw('{"text": "a ', [0xf4, 0x90, 0x80, 0x80], '"}')],
    ['0xFF in a field name', raw('{"te', [0xff], 'xt": "a"}')],
  ]
  for (const [what, payload] of invalid) {
    await refused(t, app, { method: 'POST', url: '/sources', payload, headers: json({}) }, 400, 'body is not valid UTF-8', what)
  }
  for (const [what, text] of [['a lone high surrogate', 'a \\ud800 b'], ['a lone low surrogate', 'a \\udc00 b'], ['a reversed pair', '\\udc00\\ud800'],
    ['a high surrogate at the end', 'text\\ud83d']] as const) {
    await refused(t, app, { method: 'POST', url: '/sources', payload: `{"text": "${text}"}`, headers: json({}) }, 400,
      /^text contains an unpaired UTF-16 surrogate at index \d+$/, what)
  }
  await refused(t, app, { method: 'POST', url: '/sources', payload: '{"text": "a\\u0000b"}', headers: json({}) }, 400,
    'text contains a NUL character (U+0000) at index 1', 'NUL in text')
  // The other text fields too: stored, a NUL would be cut off by C clients, and an unpaired surrogate cannot even be
  // written as UTF-8 (SQLite would keep U+FFFD instead of what was sent).
  for (const field of ['title', 'publisher']) {
    await refused(t, app, { method: 'POST', url: '/sources', payload: `{"text": "${field} with NUL", "${field}": "a\\u0000b"}`, headers: json({}) }, 400,
      new RegExp(`^${field} contains a NUL`), `NUL in ${field}`)
    await refused(t, app, { method: 'POST', url: '/sources', payload: `{"text": "${field} with a surrogate", "${field}": "a\\ud800b"}`, headers: json({}) }, 400,
      new RegExp(`^${field} contains an unpaired UTF-16 surrogate`), `an unpaired surrogate in ${field}`)
  }
  const valid = await app.inject({ method: 'POST', url: '/sources', payload: `{"text": "Caf${'\u00e9'} \\ud83d\\ude00 ok, said Ann."}`, headers: json({}) })
  t.equal(valid.statusCode, 201, 'real UTF-8 and a surrogate pair are fine')
  t.equal(valid.json().text, 'Café 😀 ok, said Ann.')
})

t.test('POST /sources over real HTTP: a 10 MB body streamed without Content-Length is cut off at the limit', async (t) => {
  const app = await testApp({ rateLimitPerMinute: 0 })
  t.teardown(() => app.close())
  await app.listen({ port: 0, host: '127.0.0.1' })
  const { port } = app.server.address() as AddressInfo
  const before = snapshot(app)
  const total = 10 * 1024 * 1024
  const result = await new Promise<{ status?: number, body: string, sent: number, error?: string }>((resolve) => {
    let sent = 0
    let finished = false
    const req = httpRequest({ host: '127.0.0.1', port, path: '/sources', method: 'POST', headers: { 'content-type': 'application/json' } }, (res) => {
      let body = ''
      res.on('data', (chunk) => { body += chunk })
      res.on('end', () => { finished = true; resolve({ status: res.statusCode, body, sent }) })
    })
    req.on('error', (err: NodeJS.ErrnoException) => { if (!finished) { finished = true; resolve({ body: '', sent, error: err.code }) } })
    const chunk = Buffer.alloc(64 * 1024, 'a')
    req.write('{"text": "')
    const pump = (): void => {
      if (finished) return
      if (sent >= total) { req.end('"}'); return }
      sent += chunk.length
      if (req.write(chunk)) setImmediate(pump)
      else req.once('drain', pump)
    }
    pump()
  })
  t.equal(result.status, 413, `answered ${result.status ?? result.error} after ${result.sent} bytes`)
  t.ok(result.sent < total, `the answer came before the client had sent it all (${(result.sent / 1024 / 1024).toFixed(1)} of 10 MB)`)
  t.equal(JSON.parse(result.body).message, 'body is larger than the limit of 2 MB (2097152 bytes)')
  t.same(snapshot(app), before, 'nothing stored')
})

t.test('POST /sources: valid but unusual input is stored exactly as given', async (t) => {
  const app = await populated(t, 3)
  const stored = async (t: Test, body: Record<string, string>, what: string): Promise<Record<string, any>> => {
    const res = await app.inject({ method: 'POST', url: '/sources', payload: body })
    t.equal(res.statusCode, 201, `${what}: ${res.body.slice(0, 160)}`)
    const created = res.json()
    const read = await app.inject({ method: 'GET', url: `/sources/${created.id}` })
    t.equal(read.statusCode, 200)
    t.match(read.headers['content-type'], /^application\/json/, `${what}: served as JSON`)
    t.equal(read.headers['x-content-type-options'], 'nosniff')
    const source = read.json()
    for (const quote of source.quotes) t.equal(sliceQuote(source.text, quote), quote.text, `${what}: quote ${quote.id} slices the text`)
    return source
  }

  const sql = {
    text: "Robert'); DROP TABLE quotes;-- said “we will '); DELETE FROM sources; -- win,” on Tuesday.\n\n" +
      "He added that \" OR 1=1 -- was not a password. SELECT * FROM speakers; UNION SELECT secret FROM settings",
    title: "'); DROP TABLE quotes;--",
    publisher: '" OR "1"="1',
  }
  const source = await stored(t, sql, 'SQL-looking strings')
  t.equal(source.text, sql.text)
  t.equal(source.title, sql.title)
  t.equal(source.publisher, sql.publisher)
  const counts = snapshot(app)
  t.ok(counts['quotes']! > 0 && counts['sources']! === 4, 'the tables are all still there')
  const byPublisher = (await app.inject({ method: 'GET', url: `/sources?publisher=${encodeURIComponent(sql.publisher)}` })).json().items
  t.same(byPublisher.map((s: { id: number }) => s.id), [source.id], 'a publisher filter with SQL in it matches exactly that publisher')
  const injected = (await app.inject({ method: 'GET', url: `/sources?publisher=${encodeURIComponent("x' OR '1'='1")}` })).json().items
  t.same(injected, [], 'a filter value is a bound parameter, not SQL')

  const rtl = {
    text: 'قال الوزير “سنبني الجسر هذا العام” أمام البرلمان.\n\nאמרה השרה: “זה לא יקרה.”\n\n' +
      'Zoë Q\u0301uinn said “naïve cafe\u0301 ❤️ 👩🏽‍🚀 \u202Eevil\u202C \u200Bzero\u200Dwidth,” and left.',
    title: 'ע\u05B4בְרִית \u200F title \u202E',
  }
  const rtlSource = await stored(t, rtl, 'right-to-left and combining characters')
  t.equal(rtlSource.text, rtl.text)
  t.equal(rtlSource.title, rtl.title)

  const marks = { text: '“”"‘’\'«»„‚‹›「」『』 " " “ ”' }
  const marksSource = await stored(t, marks, 'only quotation marks')
  t.equal(marksSource.text, marks.text)

  const markupAsText = { text: '<script>alert(1)</script> “Hello,” said <b>Ann Lee</b>. <iframe src="https://evil.example"></iframe>' }
  const markupSource = await stored(t, markupAsText, 'markup sent as text')
  t.equal(markupSource.text, markupAsText.text, 'text is text: kept as given, for the client to escape')

  const html = {
    html: '<!doctype html><html><head><title>Bridge opens</title><style>p { color: red } .x::after { content: "STYLE-LEAK" }</style>' +
      '<script>window.SCRIPT_LEAK = 1; document.write("<p>written</p>")</script><meta property="og:site_name" content="Example Herald"></head>' +
      '<body><nav><a href="/">Home</a></nav><article><h1>Bridge opens</h1>' +
      '<p>“The bridge will open in May,” Mayor Ann Lindqvist said on Monday.</p>' +
      '<iframe src="https://evil.example/frame">IFRAME-LEAK</iframe><noscript>NOSCRIPT-LEAK</noscript>' +
      '<p onclick="alert(\'ONCLICK-LEAK\')">Critics said the date would <b>slip</b> again.</p>' +
      '<script type="application/ld+json">{"LDJSON-LEAK": true}</script><img src=x onerror="alert(1)"><svg><script>SVG-LEAK</script></svg>' +
      '</article></body></html>',
  }
  const res = await app.inject({ method: 'POST', url: '/sources', payload: html })
  t.equal(res.statusCode, 201, res.body.slice(0, 200))
  const page = (await app.inject({ method: 'GET', url: `/sources/${res.json().id}` }))
  const pageSource = page.json()
  t.match(pageSource.text, /The bridge will open in May/)
  t.match(pageSource.text, /Critics said the date would slip again\./)
  for (const leak of ['<', '>', 'SCRIPT_LEAK', 'STYLE-LEAK', 'color: red', 'IFRAME-LEAK', 'evil.example', 'NOSCRIPT-LEAK', 'ONCLICK-LEAK', 'LDJSON-LEAK',
    'SVG-LEAK', 'onerror', 'written']) {
    t.notOk(pageSource.text.includes(leak), `stored text has no ${JSON.stringify(leak)}`)
    t.notOk(page.body.includes(leak) && leak !== '<' && leak !== '>', `reply has no ${JSON.stringify(leak)}`)
    t.notOk(res.body.includes(leak) && leak !== '<' && leak !== '>', `ingest reply has no ${JSON.stringify(leak)}`)
  }
  t.ok(pageSource.quotes.length >= 1, 'the quote in the page is found')
  const row = app.db.db.prepare('SELECT text, title FROM sources WHERE id = ?').get(pageSource.id) as { text: string, title: string }
  t.notMatch(row.text + row.title, /<\/?[a-z]/i, 'no markup in the database row')
})

t.test('POST /sources/batch: each hostile line is an error for itself alone; the good lines are stored exactly', async (t) => {
  const app = await populated(t, 3)
  const ndjson = { 'content-type': 'application/x-ndjson' }
  await refused(t, app, { method: 'POST', url: '/sources/batch', payload: JSON.stringify({ text: TEXT }), headers: json({}) }, 415,
    /^Content-Type "application\/json" is not accepted here/, 'a JSON body')
  await refused(t, app, { method: 'POST', url: '/sources/batch', payload: `${JSON.stringify({ text: TEXT })}\n`, headers: { 'content-type': 'text/plain' } }, 415,
    /^Content-Type "text\/plain" is not accepted here/, 'text/plain')

  const good = [
    { text: "“We won't pay,” said Robert'); DROP TABLE sources;-- on Friday.", title: "'); DROP TABLE quotes;--" },
    { text: 'قال الوزير “سنبني الجسر” أمام البرلمان. e\u0301 \u202Eevil\u202C' },
  ]
  const lines: Array<[string | Buffer, string | null]> = [
    ['{"text": "cut', 'invalid JSON'],
    [JSON.stringify([{ text: TEXT }]), 'an article must be a JSON object'],
    [JSON.stringify({ text: 5 }), 'text must be a string'],
    [JSON.stringify(good[0]), null],
    [JSON.stringify({ text: TEXT, titel: 'x' }), 'titel is not a field of an article'],
    [JSON.stringify({ text: ' \n\t ' }), 'text must not be empty or only whitespace'],
    [JSON.stringify({ text: TEXT, url: 'javascript:alert(1)' }), 'url must be an absolute http or https URL'],
    ['{"text": "a\\u0000b"}', 'text contains a NUL character'],
    ['{"text": "a\\ud800b"}', 'text contains an unpaired UTF-16 surrogate'],
    [Buffer.concat([Buffer.from('{"text": "Caf'), Buffer.from([0xe9]), Buffer.from('"}')]), 'line is not valid UTF-8'],
    [JSON.stringify({ text: TEXT, html: '<p>x</p>' }), 'give either text or html, not both'],
    [JSON.stringify(good[1]), null],
  ]
  const before = snapshot(app)
  const payload = Buffer.concat(lines.flatMap(([line]) => [Buffer.isBuffer(line) ? line : Buffer.from(line), Buffer.from('\n')]))
  const res = await app.inject({ method: 'POST', url: '/sources/batch', payload, headers: ndjson })
  t.equal(res.statusCode, 200, res.body.slice(0, 200))
  const reply = res.json()
  t.equal(reply.items.length, lines.length, 'one item per line')
  lines.forEach(([, error], i) => {
    const item = reply.items[i]
    if (error === null) t.equal(item.status, 'created', `line ${i + 1} is stored`)
    else t.ok(item.status === 'error' && String(item.error).includes(error), `line ${i + 1}: ${item.status} ${item.error} (expected ${error})`)
  })
  t.equal(snapshot(app)['sources'], before['sources']! + good.length, 'exactly the good lines were stored')
  for (const [i, article] of good.entries()) {
    const id = reply.items.filter((item: { status: string }) => item.status === 'created')[i].source_id
    const source = (await app.inject({ method: 'GET', url: `/sources/${id}` })).json()
    t.equal(source.text, article.text, `good line ${i + 1}: text stored exactly`)
    if (article.title !== undefined) t.equal(source.title, article.title, `good line ${i + 1}: title stored exactly`)
  }
})

t.test('the other write routes refuse hostile input and change nothing', async (t) => {
  const app = await populated(t, 3)
  const quote = 1
  const speaker = (await app.inject({ method: 'GET', url: '/speakers?limit=1' })).json().items[0]
  await refused(t, app, { method: 'PATCH', url: `/quotes/${quote}`, payload: '{"speaker_id": 1', headers: json({}) }, 400, 'body is not valid JSON', 'PATCH cut-off JSON')
  await refused(t, app, { method: 'PATCH', url: `/quotes/${quote}`, payload: { speaker_id: 99999999 } }, 404, /speaker 99999999/, 'PATCH to no speaker')
  await refused(t, app, { method: 'PATCH', url: `/quotes/${quote}`, payload: { speaker_id: "1; DROP TABLE quotes" } }, 400, /body\/speaker_id must be/, 'PATCH with SQL')
  await refused(t, app, { method: 'PATCH', url: '/quotes/abc', payload: { speaker_id: 1 } }, 400, 'params/id must be integer', 'PATCH a non-id')
  await refused(t, app, { method: 'PATCH', url: '/quotes/99999999', payload: { speaker_id: speaker.id } }, 404, /quote 99999999/, 'PATCH no quote')
  await refused(t, app, { method: 'POST', url: `/speakers/${speaker.id}/merge`, payload: { into: speaker.id } }, 409, /./, 'merge into itself')
  await refused(t, app, { method: 'POST', url: `/speakers/${speaker.id}/merge`, payload: { into: '../../etc/passwd' } }, 404, /./, 'merge into a path')
  await refused(t, app, { method: 'POST', url: `/speakers/${speaker.id}/split`, payload: { alias: 'Nobody By That Name' } }, 409, /./, 'split off an alias it does not have')
  await refused(t, app, { method: 'POST', url: `/speakers/${speaker.id}/split`, payload: { alias: '\u0000' } }, 409, /./, 'split off NUL')
  await refused(t, app, { method: 'DELETE', url: '/sources/-1' }, 400, 'params/id must be >= 1', 'DELETE -1')
  await refused(t, app, { method: 'DELETE', url: '/sources/99999999' }, 404, 'source 99999999 not found', 'DELETE nothing')
  await refused(t, app, { method: 'POST', url: '/sources/1/reextract?force=maybe' }, 400, 'querystring/force must be boolean', 'reextract force=maybe')
})

// --- No request of any shape gets a 5xx ---------------------------------------------------------------------------

interface Operation {
  method: string
  path: string
  query: string[]
  body: boolean
}

async function operations (app: SqliteApp): Promise<Operation[]> {
  const spec = (await app.inject({ method: 'GET', url: '/docs/json' })).json()
  const ops: Operation[] = []
  for (const [path, methods] of Object.entries(spec.paths as Record<string, Record<string, any>>)) {
    if (path.startsWith('/docs')) continue
    for (const [method, op] of Object.entries(methods)) {
      ops.push({
        method: method.toUpperCase(),
        path,
        query: (op.parameters ?? []).filter((p: { in: string }) => p.in === 'query').map((p: { name: string }) => p.name),
        body: op.requestBody !== undefined,
      })
    }
  }
  return ops
}

/** encodeURIComponent, or the UTF-8 bytes percent-encoded for strings it refuses (unpaired surrogates). */
function encode (value: string): string {
  try {
    return encodeURIComponent(value)
  } catch {
    return [...Buffer.from(value, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('')
  }
}

const hostileStrings = fc.oneof(
  fc.constantFrom('', ' ', '0', '-1', '1.5', '1e3', '1e9', '0x10', 'NaN', 'Infinity', 'true', 'false', 'null', 'undefined', '[]', '{}',
    '99999999999999999999', '9007199254740993', '__proto__', 'constructor', 'toString', "'; DROP TABLE quotes;--", '" OR 1=1 --',
    '2024-02-30', '2024-13-01', '2024-05-01', '2024-05-01T25:00:00Z', 'person', 'unnamed', 'direct', 'newest', 'relevance', 'name', 'quotes',
    '*', '**', '* x', '"', '"a', 'AND', 'OR', 'NOT', '(', ')', 'NEAR(', '^', ':', 'text:said', '-x', '{a}', '+', '\\', '\u0000', '\ud800',
    'a'.repeat(600), '../../etc/passwd', '%', '%zz', '<script>alert(1)</script>', '\u202e', 'e\u0301', '😀'),
  fc.array(fc.constantFrom('council', 'said', 'bridge', '*', '"', 'AND', 'OR', 'NOT', '(', ')', '+', '^', ':', '-', 'NEAR', ',', '{', '}', '.', '\''),
    { minLength: 1, maxLength: 6 }).chain((words) => fc.constantFrom(' ', '').map((sep) => words.join(sep))),
  fc.integer({ min: -5, max: 200 }).map(String),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 20 }),
)

/** Full-text queries: words, operators and marks in any order, so that some are valid and some are not. */
const ftsQuery = fc.array(fc.constantFrom('council', 'the', 'bridge', 'plan', '*', '"', 'AND', 'OR', 'NOT', '(', ')', '+', '^', ':', '-', 'NEAR', ','),
  { minLength: 1, maxLength: 5 }).chain((words) => fc.constantFrom(' ', '').map((sep) => words.join(sep)))

/** Values a parameter of this name takes when it is well formed (a hostile one is mixed in separately). */
function validValue (name: string, cursors: string[]): fc.Arbitrary<string> {
  switch (name) {
    case 'limit': return fc.integer({ min: 1, max: 100 }).map(String)
    case 'cursor': return fc.constantFrom(...cursors)
    case 'q': return ftsQuery
    case 'since': case 'until': return fc.constantFrom('2024-01-01', '2024-06-30T12:00:00Z', '2023-12-31', '2024-03-05T10:00+02:00')
    case 'type': return fc.constantFrom('direct', 'mixed', 'indirect')
    case 'kind': return fc.constantFrom('person', 'organization', 'unnamed')
    case 'sort': return fc.constantFrom('newest', 'relevance', 'quotes', 'name')
    case 'speaker_id': case 'source_id': return fc.integer({ min: 1, max: 40 }).map(String)
    case 'min_confidence': return fc.double({ min: 0, max: 1, noNaN: true }).map(String)
    case 'distinct': case 'force': return fc.constantFrom('true', 'false')
    default: return fc.constantFrom('Ann', 'lindqvist', 'ann lin', 'Test Gazette', 'the', 'o’brien')
  }
}

/** A path id: usually one that exists or is well formed, sometimes hostile, sometimes broken percent-encoding. */
const segment = (slugs: string[]): fc.Arbitrary<string> => fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 1, max: 40 }).map(String) },
  { weight: 1, arbitrary: fc.constantFrom(...slugs) },
  { weight: 2, arbitrary: hostileStrings.map(encode) },
  { weight: 1, arbitrary: fc.constantFrom('%', '%zz', '%ff%fe', '%ed%a0%80', '%00', '..', '%2e%2e', '%2F', 'a%20b') },
)

const FIELDS = ['text', 'html', 'url', 'title', 'publisher', 'published_at', 'speaker_id', 'into', 'alias']
const fieldValue = fc.oneof(hostileStrings, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom('https://news.example/a', 'javascript:alert(1)', '“Yes,” said Ann Lee.', '<p>“No,” said Ann Lee.</p>', 'trump', 1, 2, 3))

/** Bodies the write routes take, with a hostile value in some fields: these reach the store. */
const wellFormedBody = fc.oneof(
  fc.record({
    text: fc.oneof(fc.constantFrom('“We will win,” said Ann Lee.', 'Officials said the plan was late. “No,” he said.', TEXT),
      fc.string({ unit: 'binary', minLength: 1, maxLength: 300 }), hostileStrings),
    title: hostileStrings,
    url: fc.constantFrom('https://news.example/a', 'http://news.example/b?x=1#y', 'javascript:alert(1)', 'HTTPS://NEWS.EXAMPLE/C'),
    publisher: hostileStrings,
    published_at: fc.constantFrom('2024-05-01', '2024-05-01T08:00:00+02:00', '2024-02-29', '1999-12-31T23:59:59Z'),
  }, { requiredKeys: ['text'] }),
  fc.record({ html: fc.constantFrom('<p>“Yes,” said Ann Lee.</p>', '<html><script>x</script><body><p>“No,” Bo Li said.</p></body></html>'), title: hostileStrings }, { requiredKeys: ['html'] }),
  fc.record({ speaker_id: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ into: fc.oneof(fc.integer({ min: 1, max: 40 }), hostileStrings) }),
  fc.record({ alias: fc.oneof(fc.constantFrom('Ann Lindqvist', 'Lindqvist', 'Okafor', 'Mayor'), hostileStrings) }),
).map((o) => JSON.stringify(o))

const body = fc.oneof(
  { weight: 4, arbitrary: wellFormedBody },
  { weight: 4, arbitrary: fc.dictionary(fc.oneof(fc.constantFrom(...FIELDS), fc.string({ maxLength: 6 })), fieldValue, { maxKeys: 4 }).map((o) => JSON.stringify(o)) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v) ?? 'null') },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes)) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
  { weight: 1, arbitrary: fc.constantFrom('', '{', '{"text":', 'null', '[]', '{"__proto__":{"a":1}}', '{"constructor":{"prototype":{"a":1}}}',
    '{"text":"a"}\n{"text":"b"}', '\ufeff{"text":"bom"}') },
)

const contentType = fc.constantFrom(undefined, 'application/json', 'application/json', 'application/json', 'application/json', 'application/json; charset=utf-8', 'application/json; charset=latin1',
  'text/plain', 'application/x-ndjson', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'text/html', '', 'garbage', '*/*')

interface Lists { cursors: string[], slugs: string[] }

/** Requests to the documented operations: their own parameters, mostly well formed with one hostile value among them. */
function requests (ops: Operation[], lists: Lists) {
  return fc.constantFrom(...ops).chain((op) => fc.record({
    otherMethod: fc.oneof({ weight: 8, arbitrary: fc.constant(null) },
      { weight: 1, arbitrary: fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS') }),
    id: segment(lists.slugs),
    // A name given twice is an array, refused at once: each name once, so that the values reach the handler.
    params: fc.uniqueArray(fc.tuple(
      fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...(op.query.length > 0 ? op.query : ['limit'])) },
        { weight: 1, arbitrary: fc.oneof(fc.constantFrom('x', '__proto__', 'limit[]', 'constructor'), fc.string({ maxLength: 6 })) }),
      fc.boolean(),
    ), { maxLength: 4, selector: ([name]) => name }).chain((names) => fc.tuple(...names.map(([name]) => validValue(name, lists.cursors)), fc.nat(Math.max(names.length - 1, 0)), hostileStrings)
      .map((values) => {
        const [hostileAt, hostile] = values.slice(-2) as [number, string]
        return names.map(([name, useHostile], i) => [name, useHostile && i === hostileAt ? hostile : values[i] as string] as const)
      })),
    // Full-text queries reach SQLite's own parser, so half the requests of a route that takes q have one.
    q: fc.option(fc.oneof(ftsQuery, hostileStrings), { freq: 2 }),
    body: fc.option(body, { freq: 4 }),
    contentType,
  }).map(({ otherMethod, id, params, q, body, contentType }) => {
    if (q !== null && op.query.includes('q') && !params.some(([name]) => name === 'q')) params = [...params, ['q', q]]
    const qs = params.map(([k, v]) => `${encode(k)}=${encode(v)}`).join('&')
    const url = op.path.replace('{id}', id) + (qs === '' ? '' : `?${qs}`)
    const method = (otherMethod ?? op.method) as 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS'
    const sendBody = body !== null && method !== 'GET' && method !== 'HEAD'
    const headers: Record<string, string> = {}
    if (sendBody && contentType !== undefined) headers['content-type'] = contentType
    return { method, url, payload: sendBody ? body : undefined, headers }
  }))
}

/** Cursors of every list and the slugs of some speakers, for requests to use. */
async function lists (app: SqliteApp): Promise<Lists> {
  const cursors: string[] = []
  for (const url of ['/sources?limit=2', '/quotes?limit=2', '/quotes?limit=2&q=the', '/speakers?limit=2', '/speakers?limit=2&sort=name', '/sources/1/quotes?limit=2']) {
    const cursor = (await app.inject({ method: 'GET', url })).json().next_cursor
    if (typeof cursor === 'string') cursors.push(cursor)
  }
  const slugs = (await app.inject({ method: 'GET', url: '/speakers?limit=10' })).json().items.map((s: { slug: string | null }) => s.slug).filter(Boolean)
  return { cursors, slugs }
}

async function noServerErrors (t: Test, app: SqliteApp, ops: Operation[], numRuns: number, what: string): Promise<void> {
  const statuses = new Map<number, number>()
  const known = await lists(app)
  t.ok(known.cursors.length >= 5 && known.slugs.length >= 5, `${known.cursors.length} cursors and ${known.slugs.length} slugs to use`)
  const result = await fc.check(fc.asyncProperty(requests(ops, known), async (req) => {
    const res = await app.inject(req)
    statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1)
    if (res.statusCode >= 500) return false
    if (res.statusCode >= 400 && req.method !== 'HEAD') {
      const body = JSON.parse(res.body) as Record<string, unknown>
      if (body['statusCode'] !== res.statusCode || typeof body['message'] !== 'string' || typeof body['error'] !== 'string') return false
    }
    return true
  }), { numRuns })
  if (result.failed) {
    const req = result.counterexample![0]
    const res = await app.inject(req)
    t.fail(`${what}: ${req.method} ${req.url} ${JSON.stringify(req.headers)} ${String(req.payload ?? '').slice(0, 200)} → ${res.statusCode} ${res.body.slice(0, 200)} (seed ${result.seed}, path ${result.counterexamplePath})`)
  } else {
    t.pass(`${what}: ${numRuns} requests, statuses ${JSON.stringify(Object.fromEntries([...statuses].sort(([a], [b]) => a - b)))}`)
  }
  t.ok([...statuses.keys()].some((s) => s < 300) && [...statuses.keys()].some((s) => s >= 400), `${what}: both successes and refusals were seen`)
}

t.test('property: no request to any documented route gets a 5xx', async (t) => {
  const reads = await populated(t)
  const ops = await operations(reads)
  t.ok(ops.length >= 15, `${ops.length} operations documented`)
  t.ok(ops.some((op) => op.method === 'POST' && op.path === '/sources'), 'POST /sources is among them')
  await noServerErrors(t, reads, ops.filter((op) => op.method === 'GET'), 500, 'read routes')

  const writes = await populated(t)
  await noServerErrors(t, writes, ops, 400, 'every route')
  t.equal(writes.db.db.pragma('integrity_check', { simple: true }), 'ok', 'the database is intact afterwards')
  t.same(writes.db.db.pragma('foreign_key_check'), [], 'and every reference holds')
})
