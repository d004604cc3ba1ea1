// The SQLite store with its writes on a thread of their own (src/store/writer-thread.ts), as the server runs it: the
// routes' writes land and are read back at once, the store's errors keep their class and status, a group keeps its
// per-article outcomes, a long write leaves the main thread answering, and closing waits for writes in flight.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import t from 'tap'
import { TEXT_SHAPES } from '../bench/adversarial.mjs'
import { buildApp } from '../src/app.js'
import { extract } from '../src/extract/index.js'
import { MIGRATIONS_DIR } from '../src/paths.js'
import { ConflictError, InvalidExtractionError, NotFoundError, Store } from '../src/store/index.js'
import { isStorageFull } from '../src/store/errors.js'
import { errorShape, rebuiltError, ThreadedStore } from '../src/store/writer-thread.js'
import { packExtraction } from '../src/store/packed-extraction.js'
import { THREAD_EXEC_ARGV } from './helpers/threads.js'

const story = (n: number): string => `The harbour board met for the ${n}th time on Tuesday.\n\n` +
  `“We will reopen pier ${n} in May,” said board chair Ruth Okafor. “Nobody wants it shut,” she added.`

const dir = mkdtempSync(join(tmpdir(), 'whosaid-writer-'))
t.teardown(() => rmSync(dir, { recursive: true, force: true }))
const path = join(dir, 'w.db')
const app = await buildApp({ databasePath: path, seed: false, extractorWorkers: 0, rateLimitPerMinute: 0, writerThread: true, threadExecArgv: THREAD_EXEC_ARGV })
t.teardown(() => app.close())

t.test('the app writes through the thread and reads its writes back at once', async (t) => {
  t.ok(app.db instanceof ThreadedStore, 'a file database gets a writer thread')
  const before = await app.inject({ method: 'GET', url: '/quotes?limit=5' })
  t.equal(before.json().items.length, 0)

  const created = await app.inject({ method: 'POST', url: '/sources', payload: { title: 'Pier', text: story(1) } })
  t.equal(created.statusCode, 201)
  const id = created.json().id as number
  t.equal(created.json().quotes.length, 2, 'the reply lists the quotes stored')
  const again = await app.inject({ method: 'POST', url: '/sources', payload: { title: 'Pier', text: story(1) } })
  t.equal(again.statusCode, 200, 'the same text again is found stored')
  t.equal(again.json().status, 'existing')

  const after = await app.inject({ method: 'GET', url: '/quotes?limit=5', headers: { 'if-none-match': before.headers.etag as string } })
  t.equal(after.statusCode, 200, 'the cached page and its ETag gave way to the write made on the other connection')
  t.equal(after.json().items.length, 2)
  t.equal((await app.inject({ method: 'GET', url: '/speakers/ruth-okafor/quotes' })).json().items.length, 2)

  t.equal((await app.inject({ method: 'DELETE', url: `/sources/${id}` })).statusCode, 204)
  t.equal((await app.inject({ method: 'GET', url: `/sources/${id}` })).statusCode, 404, 'deleted on the thread, gone for the reader')
  t.equal((await app.inject({ method: 'DELETE', url: `/sources/${id}` })).statusCode, 404)
})

t.test("POST /sources answers with the detail read on the writer thread, byte for byte GET /sources/:id's", async (t) => {
  // More quotes than a detail lists (500), so that the reply carries a cursor to the rest.
  const text = Array.from({ length: 503 }, (_, i) => `“Item ${1000 + i} is done,” said Zoë Ærø.`).join(' ')
  const posted = await app.inject({ method: 'POST', url: '/sources', payload: { title: 'Roll call', text } })
  t.equal(posted.statusCode, 201)
  const id = posted.json().id as number
  t.equal(posted.json().quotes.length, 500)
  t.type(posted.json().quotes_next_cursor, 'string')
  const detail = await app.inject({ method: 'GET', url: `/sources/${id}` })
  t.equal(posted.body, `${detail.body.slice(0, -1)},"status":"created","updated":false}`)
  t.equal(posted.headers['content-length'], String(Buffer.byteLength(posted.body)))
  const again = await app.inject({ method: 'POST', url: '/sources', payload: { title: 'Roll call', text } })
  t.equal(again.body, `${detail.body.slice(0, -1)},"status":"existing","updated":false}`)

  const stored = await (app.db as ThreadedStore).ingestDetailed({ title: 'Roll call', text }, extract(text))
  t.equal(stored.result.status, 'existing')
  t.equal(stored.source.text, text)
  const json = `[${Buffer.from(stored.quotesJson).toString('utf8')}]`
  t.same(JSON.parse(json), detail.json().quotes, "the writer's quotes JSON is the detail's")
  await app.inject({ method: 'DELETE', url: `/sources/${id}` })
})

t.test('the connection left on the calling thread only reads, with a reader\'s page cache', async (t) => {
  const store = app.db as ThreadedStore
  t.equal(store.reader.db.pragma('cache_size', { simple: true }), -4000, 'a quarter of the 16 MB a writing connection has')
  const own = Store.open({ path: join(dir, 'own.db'), migrationsDir: MIGRATIONS_DIR })
  t.teardown(() => own.close())
  t.equal(own.db.pragma('cache_size', { simple: true }), -16000, 'a store that writes keeps the full cache')
})

t.test('errors raised on the thread keep their class and HTTP status', async (t) => {
  const created = await app.inject({ method: 'POST', url: '/sources', payload: { title: 'Pier', text: story(2) } })
  const speaker = created.json().quotes[0].speaker.id as number
  const itself = await app.inject({ method: 'POST', url: `/speakers/${speaker}/merge`, payload: { into: speaker } })
  t.equal(itself.statusCode, 409)
  t.match(itself.json(), { error: 'Conflict', message: /itself/ })
  await t.rejects(Promise.resolve(app.db.corrections.merge(speaker, speaker)), ConflictError)
  await t.rejects(Promise.resolve(app.db.corrections.correctQuote(999_999, speaker)), NotFoundError)

  const full = Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' })
  t.ok(isStorageFull(rebuiltError(errorShape(full))), 'a full disk is still told as one (507)')
  t.equal(rebuiltError(errorShape(new TypeError('x'))).name, 'TypeError')
})

t.test('a group stores each article or says why not, in order', async (t) => {
  const good = { article: { title: 'G', text: story(3) }, extraction: extract(story(3)) }
  const bad = { article: { title: 'B', text: 'Short.' }, extraction: extract(story(4)) }
  const attempts = await app.db.ingestMany([good, bad])
  t.equal(attempts.length, 2)
  t.ok(attempts[0]!.ok, 'the good article is stored')
  t.notOk(attempts[1]!.ok)
  if (!attempts[1]!.ok) t.ok(attempts[1]!.error instanceof InvalidExtractionError, 'the bad one fails with its own error class')
  const stored = await app.db.sources.get((attempts[0] as { result: { source_id: number } }).result.source_id)
  t.equal(stored?.title, 'G')
})

t.test('an extraction packed by a worker is stored as the extraction itself would be', async (t) => {
  const text = story(5)
  const packed = packExtraction(extract(text))
  const viaPacked = await app.db.ingest({ title: 'Packed', text, url: 'https://example.org/packed' }, packed)
  const viaObject = await app.db.ingest({ title: 'Plain', text: text + ' ', url: 'https://example.org/plain' }, extract(text + ' '))
  t.equal(viaPacked.quote_count, 2)
  const quotesOf = async (id: number) => ((await app.db.quotes.ofSource(id)).items)
    .map((q) => ({ text: q.text, start: q.start, end: q.end, speaker: q.speaker?.name ?? null, type: q.type }))
  t.same(await quotesOf(viaPacked.source_id), await quotesOf(viaObject.source_id))
  const [bad] = await app.db.ingestMany([{ article: { title: 'B', text: 'Short.' }, extraction: packExtraction(extract(story(6))) }])
  t.notOk(bad!.ok, 'a packed extraction that does not fit its article is refused like any other')
  if (!bad!.ok) t.ok(bad!.error instanceof InvalidExtractionError)
})

t.test('a long write leaves the main thread answering', async (t) => {
  // Thousands of quotes: storing them takes a while wherever it runs.
  const text = TEXT_SHAPES['one attribution repeated in a sentence'](300_000)
  const extraction = extract(text)
  t.ok(extraction.quotes.length > 5000, `${extraction.quotes.length} quotes to store`)
  let stored = false
  const writing = Promise.resolve(app.db.ingest({ title: 'Long', text }, extraction)).then((result) => { stored = true; return result })
  const health = await app.inject({ method: 'GET', url: '/health' })
  t.equal(health.statusCode, 200)
  t.equal(stored, false, '/health answered while the article was still being stored')
  const result = await writing
  t.equal(result.quote_count, extraction.quotes.length, 'and then every quote was stored')
})

t.test('closing waits for the writes in flight', async (t) => {
  const other = join(dir, 'close.db')
  const reader = Store.open({ path: other, migrationsDir: MIGRATIONS_DIR })
  const threaded = await ThreadedStore.open(reader, MIGRATIONS_DIR, { execArgv: THREAD_EXEC_ARGV })
  const writes = [5, 6, 7].map((n) => threaded.ingest({ title: `S${n}`, text: story(n) }, extract(story(n))))
  await threaded.close()
  const results = await Promise.all(writes)
  t.same(results.map((r) => r.status), ['created', 'created', 'created'])
  await t.rejects(threaded.ingest({ title: 'late', text: story(8) }, extract(story(8))), /closed/)
  const reopened = Store.open({ path: other, migrationsDir: MIGRATIONS_DIR })
  t.equal(reopened.sources.count(), 3, 'all three are in the file')
  reopened.close()
})

t.test('an in-memory database keeps its writes on the main thread', async (t) => {
  const memory = await buildApp({ databasePath: ':memory:', seed: false, extractorWorkers: 0, writerThread: true, threadExecArgv: THREAD_EXEC_ARGV })
  t.teardown(() => memory.close())
  t.ok(memory.db instanceof Store, 'no other connection could see an in-memory database')
})
