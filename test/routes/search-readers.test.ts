// Full-text searches on reader threads (GET /quotes?q=, /speakers/:id/quotes?q=, /sources?q=, /ui/search): the same
// replies as a search in the main thread, a search over the time limit answered 503 while other requests are served,
// and a reader that recovers after it was stopped.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import t, { type Test } from 'tap'
import { MIGRATIONS_DIR } from '../../src/paths.js'
import { Store } from '../../src/store/index.js'
import { testApp } from '../helpers/app.js'
import { budgetArticle } from '../helpers/article.js'
import { threadNices } from '../helpers/threads.js'

function databaseFile (t: Test): string {
  const dir = mkdtempSync(join(tmpdir(), 'whosaid-search-readers-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  return join(dir, 'whosaid.db')
}

/** A database holding the budget article, then filled further by `fill` (SQL that copies its rows). */
function budgetDatabase (t: Test, fill: (db: Store['db']) => void): string {
  const path = databaseFile(t)
  const store = Store.open({ path, migrationsDir: MIGRATIONS_DIR })
  try {
    const { article, extraction } = budgetArticle()
    store.ingest(article, extraction)
    fill(store.db)
  } finally { store.close() }
  return path
}

/** The columns of `table` but `except`, as a list for SQL. */
function columnsOf (db: Store['db'], table: string, except: string[]): string {
  const names = db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(table) as string[]
  return names.filter((name) => !except.includes(name)).join(', ')
}

// The file's own test: templates live until the file is done.
const fileTest = t
const templates = new Map<string, string>()

/**
 * A copy, for test `t` to use as it likes, of the database `build` makes: built once for this file (each takes
 * seconds, and four tests want the same one) and closed, so that its file alone holds it.
 */
function copyOfTemplate (t: Test, key: string, build: (template: Test) => string): string {
  let template = templates.get(key)
  if (template === undefined) {
    template = build(fileTest)
    templates.set(key, template)
  }
  const path = databaseFile(t)
  copyFileSync(template, path)
  return path
}

/** Rows 1 to `count` of a recursive CTE named n(i), for INSERT … SELECT … FROM n. */
const NUMBERS = 'WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)'

/**
 * A database whose article's quotes are copied `copies` times (with the full-text index rebuilt), so that a search
 * for a word they share is slow: `sort=newest` reads every match to keep those of a page.
 */
function bigDatabase (t: Test, copies: number): string {
  return copyOfTemplate(t, `quotes-${copies}`, (template) => budgetDatabase(template, (db) => {
    const columns = columnsOf(db, 'quotes', ['id'])
    db.prepare(`${NUMBERS} INSERT INTO quotes (${columns}) SELECT ${columns} FROM quotes, n`).run(copies)
    db.exec('INSERT INTO quotes_fts (quotes_fts) VALUES (\'rebuild\')')
  }))
}

/** A database whose article is copied `copies` times under other hashes: a title search for its words reads them all. */
function manySources (t: Test, copies: number): string {
  return budgetDatabase(t, (db) => {
    const columns = columnsOf(db, 'sources', ['id', 'url', 'content_hash'])
    db.prepare(`${NUMBERS} INSERT INTO sources (${columns}, content_hash)
      SELECT ${columns}, content_hash || '-' || i FROM sources, n`).run(copies)
  })
}

/**
 * A database with `count` more people, each quoted once, all of whose surnames start with "a": a lookup by the name
 * word "a" reads them all.
 */
function manySpeakers (t: Test, count: number): string {
  return budgetDatabase(t, (db) => {
    db.prepare(`${NUMBERS} INSERT INTO speakers (slug, name, kind, name_key, first_key, surname_key, quote_count, source_count)
      SELECT 'person-a' || i, 'Person A' || i, 'person', 'person a' || i, 'person', 'a' || i, 1, 1 FROM n`).run(count)
    db.exec(`INSERT INTO speaker_tokens (token, speaker_id)
      SELECT 'a' || substr(name, 9), id FROM speakers WHERE slug LIKE 'person-a%'`)
  })
}

const SLOW_SEARCH = '/quotes?q=not&sort=newest'

/** The reply of an app that searches in its main thread, without a time limit. */
async function inlineAnswer (path: string, url: string): Promise<{ items: any[] }> {
  const inline = await testApp({ databasePath: path, replyCacheBytes: 0, searchReaders: 0 })
  try {
    return (await inline.inject({ method: 'GET', url })).json()
  } finally { await inline.close() }
}

t.test('searches on readers answer as searches in the main thread', async (t) => {
  const path = databaseFile(t)
  const readers = await testApp({ databasePath: path, replyCacheBytes: 0 })
  t.teardown(() => readers.close())
  for (const suffix of ['', ' One.', ' Two.']) {
    const { article, extraction } = budgetArticle(suffix)
    await readers.db.ingest(article, extraction)
  }
  const inline = await testApp({ databasePath: path, replyCacheBytes: 0, searchReaders: 0 })
  t.teardown(() => inline.close())
  t.not(readers.searchReaders, null, 'a SQLite file gets readers')
  t.equal(inline.searchReaders, null, '0 searches in the main thread')

  const speaker = (await readers.inject({ method: 'GET', url: '/speakers?limit=1' })).json().items[0]
  t.ok(speaker, 'a speaker to search the quotes of')
  const title = (await readers.inject({ method: 'GET', url: '/sources?limit=1' })).json().items[0].title as string
  const titleWord = title.split(/\W+/).find((word) => word.length > 3)!
  const speakerWord = (speaker.name as string).slice(0, 1).toLowerCase()
  for (const url of ['/quotes?q=not', '/quotes?q=not&limit=1', '/quotes?q=not&sort=newest&type=direct',
    '/quotes?q=fair&distinct=true', '/quotes?q=nothing', '/quotes?q=%22unclosed', '/quotes?q=not&cursor=abc',
    `/speakers/${speaker.id}/quotes?q=not`, `/speakers/${speaker.id}/quotes?q=not&sort=newest&limit=1`,
    `/speakers/${speaker.id}/quotes?q=%22unclosed`, `/sources?q=${titleWord}`, `/sources?q=${titleWord}&limit=1`,
    '/sources?q=nothingatall', '/sources?q=%22unclosed', `/ui/search?q=${titleWord}`, '/ui/search?q=not',
    // Name words of one or two letters: the lookup runs on a reader.
    `/speakers?name=${speakerWord}`, `/speakers?name=${speakerWord}&sort=name&limit=1`, `/quotes?speaker=${speakerWord}`,
    `/ui/search?q=${speakerWord}`]) {
    const status = (await readers.inject({ method: 'GET', url })).statusCode
    t.equal(status, url.includes('unclosed') || url.includes('cursor') ? 400 : 200, url)
    const expected = await inline.inject({ method: 'GET', url })
    const got = await readers.inject({ method: 'GET', url })
    t.equal(got.statusCode, expected.statusCode, `${url}: status`)
    t.equal(got.body, expected.body, `${url}: body`)
  }
  // A cursor made by a reader pages on, to the same items as in the main thread.
  const first = (await readers.inject({ method: 'GET', url: '/quotes?q=not&limit=1' })).json()
  t.ok(first.next_cursor)
  const url = `/quotes?q=not&limit=1&cursor=${encodeURIComponent(first.next_cursor)}`
  t.equal((await readers.inject({ method: 'GET', url })).body, (await inline.inject({ method: 'GET', url })).body)
  const bad = (await readers.inject({ method: 'GET', url: '/quotes?q=%22unclosed' })).json()
  t.equal(bad.statusCode, 400, 'a malformed query is still a 400')
  t.match(bad.message, /not a valid full-text query/)
  t.match((await readers.inject({ method: 'GET', url: '/sources?q=%22unclosed' })).json(), { statusCode: 400, message: /not a valid full-text query/ })
})

t.test('a speaker\'s quote search and a title search are bounded by the time limit too', async (t) => {
  const quotesPath = bigDatabase(t, 20_000)
  const app = await testApp({ databasePath: quotesPath, replyCacheBytes: 0, searchReaders: 1, searchTimeLimitMs: 1 })
  t.teardown(() => app.close())
  // A speaker with a quote that holds the word: its 2,000 copies are matches a newest-first search reads through.
  const speakerId = app.searchReaders === null ? null : (await inlineAnswer(quotesPath, '/quotes?q=not&limit=50&sort=newest'))
    .items.find((quote: { speaker: { id: number } | null }) => quote.speaker !== null).speaker.id
  const speakerSearch = await app.inject({ method: 'GET', url: `/speakers/${speakerId}/quotes?q=not&sort=newest` })
  t.equal(speakerSearch.statusCode, 503, 'GET /speakers/:id/quotes?q=')
  t.match(speakerSearch.json().message, /longer than the limit of 1 ms \(SEARCH_TIME_LIMIT_MS\)/)
  t.equal((await app.inject({ method: 'GET', url: `/speakers/${speakerId}/quotes?limit=1` })).statusCode, 200, 'the list without q is not a search')
  t.equal(app.searchReaders!.stopped, 1)

  const sourcesPath = manySources(t, 50_000)
  const titles = await testApp({ databasePath: sourcesPath, replyCacheBytes: 0, searchReaders: 1, searchTimeLimitMs: 1 })
  t.teardown(() => titles.close())
  const word = ((await titles.inject({ method: 'GET', url: '/sources?limit=1' })).json().items[0].title as string).split(/\W+/).find((w) => w.length > 3)!
  const titleSearch = await titles.inject({ method: 'GET', url: `/sources?q=${word}*%20OR%20${word}` })
  t.equal(titleSearch.statusCode, 503, 'GET /sources?q=')
  t.match(titleSearch.json().message, /SEARCH_TIME_LIMIT_MS/)
  const page = await titles.inject({ method: 'GET', url: `/ui/search?q=${word}` })
  t.equal(page.statusCode, 503, 'the search page')
  t.equal(titles.searchReaders!.stopped, 2)
  titles.searchReaders!.timeLimitMs = 60_000
  const answered = await titles.inject({ method: 'GET', url: `/sources?q=${word}&limit=3` })
  t.equal(answered.statusCode, 200, 'within a roomy limit')
  t.equal(answered.json().items.length, 3)
})

t.test('a search over the time limit is answered 503, the reader is replaced, and the next search is answered', async (t) => {
  // One reader, a limit no search through every match meets: 20,000 copies make the full-text match alone take
  // milliseconds (with 2,000 a warm reader sometimes answered within 1 ms).
  const path = bigDatabase(t, 20_000)
  const app = await testApp({ databasePath: path, replyCacheBytes: 0, searchReaders: 1, searchTimeLimitMs: 1 })
  t.teardown(() => app.close())
  const inline = await testApp({ databasePath: path, replyCacheBytes: 0, searchReaders: 0 })
  t.teardown(() => inline.close())

  const slow = await app.inject({ method: 'GET', url: SLOW_SEARCH })
  t.equal(slow.statusCode, 503)
  t.same(slow.json(), {
    statusCode: 503,
    error: 'Service Unavailable',
    message: 'this search took longer than the limit of 1 ms (SEARCH_TIME_LIMIT_MS) and was stopped; narrow it ' +
      '(rarer words, a phrase, a date range, a speaker) or try again later',
  })
  t.equal(app.searchReaders!.stopped, 1, 'it was stopped')
  // Each of these runs on the reader that replaced the one stopped before it.
  const again = await Promise.all(Array.from({ length: 2 }, () => app.inject({ method: 'GET', url: SLOW_SEARCH })))
  t.same(again.map((res) => res.statusCode), [503, 503])
  t.equal(app.searchReaders!.stopped, 3)

  app.searchReaders!.timeLimitMs = 60_000
  const answered = await app.inject({ method: 'GET', url: SLOW_SEARCH })
  t.equal(answered.statusCode, 200, 'the replacement reader answers once the search fits the limit')
  t.equal(answered.body, (await inline.inject({ method: 'GET', url: SLOW_SEARCH })).body, 'with the main thread\'s answer')
})

t.test('a reply that comes after the limit is a 503 too, whichever the main thread reads first', async (t) => {
  // Enough copies that a search takes milliseconds, so that the poll below sees it running (with 50, a warm reader
  // often answered before the first poll, and no attempt caught one).
  const path = bigDatabase(t, 20_000)
  const app = await testApp({ databasePath: path, replyCacheBytes: 0, searchReaders: 1, searchTimeLimitMs: 60_000 })
  t.teardown(() => app.close())
  // The reader's first search (statements prepared, pages read) runs under a generous limit: on a loaded machine it
  // can take longer than the 20 ms that serve below only to make a reply late.
  t.equal((await app.inject({ method: 'GET', url: SLOW_SEARCH })).statusCode, 200, 'the search is answered')
  app.searchReaders!.timeLimitMs = 20
  // Once the reader has the search, a timer callback keeps the main thread busy past the limit: the reply comes
  // meanwhile, and the poll phase that follows reads it before the limit's timer runs. A search the poll never sees
  // running (it finished between two polls) is answered in time; the test sends another.
  let late: number | null = null
  for (let attempt = 0; attempt < 50 && late === null; attempt++) {
    let settled = false
    const pending = app.inject({ method: 'GET', url: SLOW_SEARCH }).finally(() => { settled = true })
    const caught = await new Promise<boolean>((resolve) => {
      const poll = (): void => {
        if (settled) { resolve(false); return }
        if (app.searchReaders!.running === 0) { setTimeout(poll, 0); return }
        const until = performance.now() + 200
        while (performance.now() < until) { /* busy */ }
        resolve(true)
      }
      setTimeout(poll, 0)
    })
    const status = (await pending).statusCode
    if (caught) late = status
  }
  t.equal(late, 503, 'a search held past the limit by a busy main thread')
  t.equal(app.searchReaders!.stopped, 1)
  // The replacement reader answers. The 20 ms limit only served to make the reply late: a fresh reader's first
  // search on a loaded machine (CI runs other test files beside this one) may take longer than that.
  app.searchReaders!.timeLimitMs = 60_000
  t.equal((await app.inject({ method: 'GET', url: SLOW_SEARCH })).statusCode, 200, 'the next search is answered')
  t.equal(app.searchReaders!.stopped, 1, 'and not stopped')
})

t.test('a lookup by a name word of one or two letters is bounded by the time limit; longer words are not searches', async (t) => {
  const path = manySpeakers(t, 60_000)
  const app = await testApp({ databasePath: path, replyCacheBytes: 0, searchReaders: 1, searchTimeLimitMs: 1 })
  t.teardown(() => app.close())
  for (const url of ['/speakers?name=a', '/quotes?speaker=a', '/ui/search?q=a']) {
    const res = await app.inject({ method: 'GET', url })
    t.equal(res.statusCode, 503, url)
    if (!url.startsWith('/ui')) t.match(res.json().message, /SEARCH_TIME_LIMIT_MS/)
  }
  t.equal(app.searchReaders!.stopped, 3, 'each was stopped on a reader')
  const named = await app.inject({ method: 'GET', url: '/speakers?name=a123&sort=name' })
  t.equal(named.statusCode, 200, 'a name word of three letters or more is looked up in the main thread')
  const names = named.json().items.map((speaker: { name: string }) => speaker.name)
  t.equal(names[0], 'Person A123')
  t.ok(names.every((name: string) => name.startsWith('Person A123')), 'only the names the words start')
  t.equal(app.searchReaders!.stopped, 3)
  app.searchReaders!.timeLimitMs = 60_000
  const answered = await app.inject({ method: 'GET', url: '/speakers?name=a&limit=3' })
  t.equal(answered.statusCode, 200, 'the same lookup within a roomy limit')
  t.equal(answered.json().items.length, 3)
})

t.test('other requests are answered while a search runs on a reader', async (t) => {
  const path = bigDatabase(t, 20_000)
  // A limit far above what this search takes, so that a loaded machine does not stop it.
  const app = await testApp({ databasePath: path, replyCacheBytes: 0, searchTimeLimitMs: 60_000 })
  t.teardown(() => app.close())
  await app.inject({ method: 'GET', url: '/quotes?q=not&limit=1' })
  const finished: string[] = []
  const search = app.inject({ method: 'GET', url: SLOW_SEARCH }).then((res) => { finished.push('search'); return res })
  const quote = app.inject({ method: 'GET', url: '/quotes/1' }).then((res) => { finished.push('quote'); return res })
  const [searched, read] = await Promise.all([search, quote])
  t.equal(searched.statusCode, 200)
  t.equal(searched.json().items.length, 20)
  t.equal(read.statusCode, 200)
  t.same(finished, ['quote', 'search'], 'the quote asked for after the search was answered first')
  t.equal(app.searchReaders!.stopped, 0, 'not stopped')
})


t.test('SEARCH_READER_NICE: reader threads lower themselves alone, and answer the same',
  { skip: process.platform === 'linux' ? false : 'threads have their own nice value on Linux only' }, async (t) => {
    const path = databaseFile(t)
    const plain = await testApp({ databasePath: path, replyCacheBytes: 0 })
    t.teardown(() => plain.close())
    await plain.db.ingest(budgetArticle().article, budgetArticle().extraction)
    const expected = (await plain.inject({ method: 'GET', url: '/quotes?q=not' })).body
    const before = threadNices()
    const niced = await testApp({ databasePath: path, replyCacheBytes: 0, searchReaderNice: 6, extractorWorkers: 0 })
    t.teardown(() => niced.close())
    t.equal((await niced.inject({ method: 'GET', url: '/quotes?q=not' })).body, expected, 'a niced reader answers the same')
    const after = threadNices()
    const fresh = [...after].filter(([tid]) => !before.has(tid))
    t.ok(fresh.some(([, nice]) => nice === 6), `a new thread runs at nice 6 (${JSON.stringify(fresh)})`)
    t.equal(after.get(process.pid), before.get(process.pid), 'the main thread keeps its nice value')
  })
