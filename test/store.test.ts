import t, { type Test } from 'tap'
import { MIGRATIONS_DIR } from '../src/paths.js'
import { slugify } from '../src/identity/names.js'
import { InvalidExtractionError, Store, contentHash } from '../src/store/index.js'
import { packExtraction } from '../src/store/packed-extraction.js'
import { budgetArticle } from './helpers/article.js'
import { queryColumn, testStore } from './helpers/stores.js'
import { sliceQuote } from './helpers/quotes.js'

/** A SQLite store in memory, for the tests of SQLite's own mechanisms (FTS5, triggers, transactions). */
function memoryStore (t: Test): Store {
  const store = Store.open({ path: ':memory:', migrationsDir: MIGRATIONS_DIR })
  t.teardown(() => store.close())
  return store
}

t.test('ingest writes the source, speakers, aliases and quotes', async (t) => {
  const store = await testStore(t)
  const { article, extraction } = budgetArticle()
  const result = await store.ingest(article, extraction)
  t.same(result, { source_id: 1, status: 'created', quote_count: 4 })

  const source = (await store.sources.get(result.source_id))!
  t.equal(source.text, article.text)
  t.equal(source.title, 'City budget')
  t.equal(source.publisher, 'Test Gazette')
  t.equal(source.published_at, '2024-05-01T08:00:00.000Z')
  t.equal(source.content_hash, contentHash(article.text))
  t.equal(source.extractor_version, 'test-1')
  t.ok(!Number.isNaN(Date.parse(source.ingested_at)))
  t.equal(source.quote_count, 4)

  const speakers = [...(await store.speakers.list({ limit: 10 })).items, ...(await store.speakers.list({ limit: 10 }, { kind: 'unnamed' })).items]
  t.same(speakers.map((s) => [s.name, s.kind, s.slug, s.title, s.quote_count, s.source_id]), [
    ['Jane Doe', 'person', 'jane-doe', 'Mayor', 2, null],
    ['Acme Corp', 'organization', 'acme-corp', null, 1, null],
    [null, 'unnamed', null, null, 1, 1],
  ])
  t.same((await store.speakers.get(speakers[0]!.id))!.aliases.map((a) => a.alias), ['Doe', 'Jane Doe'])

  const quotes = (await store.quotes.ofSource(result.source_id)).items
  t.equal(quotes.length, 4)
  for (const quote of quotes) {
    t.equal(sliceQuote(source.text, quote), quote.text, `quote ${quote.id} slices the source text`)
    if (quote.speaker) t.equal(source.text.slice(quote.speaker.start!, quote.speaker.end!), quote.speaker.mention)
  }
  t.same(quotes[2]!.fragments, extraction.quotes[2]!.fragments)
  t.same(quotes.map((q) => q.type), ['mixed', 'direct', 'direct', 'indirect'])
  t.same(quotes[0]!.speaker, { id: speakers[0]!.id, slug: 'jane-doe', name: 'Jane Doe', kind: 'person', mention: 'Jane Doe', start: 6, end: 14, resolved_by: 'name' })
})

t.test('the same text is stored once', async (t) => {
  const store = await testStore(t)
  const { article, extraction } = budgetArticle()
  await store.ingest(article, extraction)
  t.same(await store.ingest({ ...article, title: 'Another title' }, extraction), { source_id: 1, status: 'existing', quote_count: 4 })
  t.equal(await store.sources.count(), 1)
  t.equal((await store.quotes.list({ limit: 100 })).items.length, 4)
})

t.test('an extraction packed by a worker is stored as the extraction itself, and checked alike', async (t) => {
  const plain = await testStore(t)
  const packed = await testStore(t)
  const { article, extraction } = budgetArticle()
  t.same(await packed.ingest(article, packExtraction(extraction)), await plain.ingest(article, extraction))
  const [quotesOf, speakersOf] = [async (s: typeof plain) => (await s.quotes.list({ limit: 100 })).items, async (s: typeof plain) => (await s.speakers.list({ limit: 100 })).items]
  t.same(await quotesOf(packed), await quotesOf(plain))
  t.same(await speakersOf(packed), await speakersOf(plain))
  const misfit = budgetArticle(' More.')
  misfit.extraction.quotes[0]!.end = misfit.article.text.length + 5
  const [attempt] = await packed.ingestMany([{ article: misfit.article, extraction: packExtraction(misfit.extraction) }])
  t.notOk(attempt!.ok, 'a packed extraction that does not fit its text is refused')
  if (!attempt!.ok) t.ok(attempt!.error instanceof InvalidExtractionError)
})

t.test('named people and organizations are shared across articles; unnamed speakers never are', async (t) => {
  const store = await testStore(t)
  const first = budgetArticle()
  const second = budgetArticle(' Updated.')
  second.extraction.speakers[0]!.title = 'Mayor of Springfield'
  await store.ingest(first.article, first.extraction)
  const result = await store.ingest(second.article, second.extraction)
  t.equal(result.status, 'created')

  const speakers = (await store.speakers.list({ limit: 10 })).items
  t.same(speakers.map((s) => s.name), ['Jane Doe', 'Acme Corp'])
  t.equal(speakers[0]!.quote_count, 4)
  t.equal(speakers[0]!.source_count, 2)
  t.equal(speakers[0]!.title, 'Mayor of Springfield', 'as often given as Mayor, and more recently: the title shown')
  t.same((await store.speakers.get(speakers[0]!.id))!.titles.sort(), ['Mayor', 'Mayor of Springfield'])
  const unnamed = (await store.speakers.list({ limit: 10 }, { kind: 'unnamed' })).items
  t.same(unnamed.map((s) => [s.quote_count, s.source_id]), [[1, 1], [1, 2]], 'one unnamed speaker per article')
})

t.test('same name with another kind is another speaker with its own slug', async (t) => {
  const store = await testStore(t)
  const first = budgetArticle()
  const second = budgetArticle(' Again.')
  second.extraction.speakers[1]!.kind = 'person'
  second.extraction.quotes[1]!.speaker!.kind = 'person'
  await store.ingest(first.article, first.extraction)
  await store.ingest(second.article, second.extraction)
  const acme = (await store.speakers.list({ limit: 10 })).items.filter((s) => s.name === 'Acme Corp')
  t.same(acme.map((s) => [s.kind, s.slug]), [['organization', 'acme-corp'], ['person', 'acme-corp-2']])
  t.same((await store.speakers.list({ limit: 10 }, { kind: 'person' })).items.map((s) => s.name).sort(), ['Acme Corp', 'Jane Doe'])
})

t.test('an extraction that does not fit the text is refused and nothing is written', async (t) => {
  const store = await testStore(t)
  const { article, extraction } = budgetArticle()
  extraction.quotes[3]!.end = article.text.length + 5
  await t.rejects(async () => await store.ingest(article, extraction), InvalidExtractionError)

  const unknownSpeaker = budgetArticle()
  unknownSpeaker.extraction.quotes[0]!.speaker!.id = 7
  await t.rejects(async () => await store.ingest(unknownSpeaker.article, unknownSpeaker.extraction), { message: /names speaker 7/ })

  const badFragment = budgetArticle()
  badFragment.extraction.quotes[2]!.fragments = [[-1, 3]]
  await t.rejects(async () => await store.ingest(badFragment.article, badFragment.extraction), { message: /fragment \[-1, 3\]/ })

  t.equal(await store.sources.count(), 0)
  t.same((await store.speakers.list({ limit: 10 })).items, [])
})

t.test('a failure halfway through an article rolls the whole article back', async (t) => {
  const store = await testStore(t)
  const { article, extraction } = budgetArticle()
  extraction.quotes[3]!.confidence = 2 // passes offset checks, fails the CHECK constraint on insert
  await t.rejects(async () => await store.ingest(article, extraction), { message: /CHECK constraint failed|violates check constraint/ })
  t.equal(await store.sources.count(), 0)
  t.same((await store.speakers.list({ limit: 10 })).items, [])
  t.same((await store.quotes.list({ limit: 10 })).items, [])
})

t.test('new text under a stored url replaces the old text and its quotes', async (t) => {
  const store = await testStore(t)
  const first = budgetArticle()
  const second = budgetArticle(' Changed.')
  second.extraction.quotes.pop()
  await store.ingest({ ...first.article, url: 'https://example.test/a' }, first.extraction)
  const result = await store.ingest({ ...second.article, url: 'https://example.test/a' }, second.extraction)
  t.same(result, { source_id: 1, status: 'updated', quote_count: 3 })
  t.equal(await store.sources.count(), 1)
  t.equal((await store.sources.get(1))!.text, second.article.text)
  t.equal((await store.quotes.ofSource(1)).items.length, 3)
  t.same((await store.speakers.list({ limit: 10 })).items.map((s) => [s.name, s.quote_count]), [['Jane Doe', 2], ['Acme Corp', 1]])
  t.same((await store.speakers.list({ limit: 10 }, { kind: 'unnamed' })).items, [], 'the unnamed speaker of the old text is gone')
})

t.test('quote lists page by key and filter by speaker, type and words', async (t) => {
  const store = await testStore(t)
  const { article, extraction } = budgetArticle()
  await store.ingest(article, extraction)

  const first = await store.quotes.list({ limit: 3 })
  t.equal(first.items.length, 3)
  t.same(first.next, [first.items[2]!.quoted_at, first.items[2]!.id])
  const rest = await store.quotes.list({ limit: 3, after: first.next! })
  t.equal(rest.items.length, 1)
  t.equal(rest.next, null)
  await t.rejects(async () => await store.quotes.list({ limit: 3, after: [1, 2, 3] }), { name: 'PageKeyError' })

  const doe = (await store.speakers.list({ limit: 1 })).items[0]!
  t.same((await store.quotes.list({ limit: 10 }, { speaker_id: doe.id })).items.map((q) => q.cue), ['added', 'said'])
  t.same((await store.quotes.list({ limit: 10 }, { type: 'indirect' })).items.map((q) => q.text), ['the vote would happen Monday'])
  t.same((await store.quotes.list({ limit: 10 }, { match: 'FIGHT' })).items.map((q) => q.text), ['We will fight this,'])
  t.same((await store.quotes.list({ limit: 10 }, { match: 'long over' })).items.length, 1)
  t.same((await store.quotes.list({ limit: 10 }, { match: 'fight Monday' })).items, [], 'every word must match')
  await t.rejects(async () => await store.quotes.list({ limit: 10 }, { match: '"open' }), { name: 'QuerySyntaxError' })
})

t.test('the full-text index follows deletes of sources', async (t) => {
  const store = memoryStore(t)
  const { article, extraction } = budgetArticle()
  const { source_id: sourceId } = store.ingest(article, extraction)
  store.db.prepare('DELETE FROM sources WHERE id = ?').run(sourceId)
  t.equal(store.db.prepare("SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH 'fight'").pluck().get(), 0)
  t.same(store.quotes.list({ limit: 10 }).items, [])
  t.same(store.db.prepare('SELECT count(*) FROM speaker_aliases').pluck().get(), 0)
})

t.test('slugs are lowercase ascii words joined by hyphens', async (t) => {
  t.equal(slugify('Steve Witkoff'), 'steve-witkoff')
  t.equal(slugify('Benjamín Netanyahu'), 'benjamin-netanyahu')
  t.equal(slugify('U.S. State Department'), 'u-s-state-department')
  t.equal(slugify('—'), 'speaker')
})

t.test('ingestMany: one transaction for the group, a bad article fails alone and the others are stored', async (t) => {
  const store = await testStore(t)
  const bad = budgetArticle(' Bad.')
  bad.extraction.quotes[3]!.confidence = 2 // passes the offset checks, fails a CHECK constraint halfway through
  const items = [budgetArticle(' One.'), budgetArticle(' Two.'), bad, budgetArticle(' Three.'), budgetArticle(' One.')]
  const attempts = await store.ingestMany(items)
  if (store instanceof Store) t.equal(store.db.inTransaction, false, 'committed')
  t.same(attempts.map((a) => a.ok ? a.result.status : 'error'), ['created', 'created', 'error', 'created', 'existing'])
  t.match(attempts[2], { ok: false, error: { message: /CHECK constraint failed|violates check constraint/ } })
  const ids = attempts.flatMap((a) => a.ok ? [a.result.source_id] : [])
  t.equal(new Set(ids).size, 3, 'three articles stored')
  t.equal(ids[3], ids[0], 'the repeat is the first')
  if (store instanceof Store) t.same(ids, [1, 2, 3, 1], 'the bad article took no id')
  const count = async (sql: string): Promise<number> => Number((await queryColumn(store, sql))[0])
  t.same(await queryColumn(store, 'SELECT title FROM sources ORDER BY id'),
    ['City budget One.', 'City budget Two.', 'City budget Three.'])
  // Nothing of the bad article: 4 quotes and 1 unnamed speaker per stored article, the named ones shared.
  t.equal(await count('SELECT count(*) FROM quotes'), 12)
  t.equal(await count("SELECT count(*) FROM speakers WHERE kind = 'unnamed'"), 3)
  t.equal(await count('SELECT count(DISTINCT source_id) FROM speaker_aliases'), 3)
  t.same(await queryColumn(store, "SELECT quote_count || '/' || source_count FROM speakers WHERE name = 'Jane Doe'"), ['6/3'])
  t.equal((await store.quotes.list({ limit: 100 }, { match: 'fight' })).items.length, 3)
  if (store instanceof Store) t.equal(store.db.prepare("SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH 'fight'").pluck().get(), 3)
  t.same(await store.ingestMany([]), [])
})

t.test('ingestMany: the temporary store setting a group runs with is put back, and temporary objects are kept', async (t) => {
  const store = memoryStore(t)
  const tempStore = (): unknown => store.db.pragma('temp_store', { simple: true })
  t.equal(tempStore(), 0)
  t.same(store.ingestMany([budgetArticle(' One.'), budgetArticle(' Two.')]).map((a) => a.ok), [true, true])
  t.equal(tempStore(), 0, 'back to the default after a group')
  // A group that fails as a whole puts it back too.
  store.db.exec(`CREATE TEMP TRIGGER fail_whole AFTER INSERT ON main.sources WHEN new.title = 'City budget Bad.'
    BEGIN SELECT RAISE(ROLLBACK, 'the whole transaction is gone'); END`)
  store.db.exec('CREATE TEMP TABLE kept (x)')
  store.db.exec('INSERT INTO kept VALUES (1)')
  t.same(store.ingestMany([budgetArticle(' Three.'), budgetArticle(' Bad.')]).map((a) => a.ok), [true, false])
  t.equal(tempStore(), 0)
  // Setting temp_store drops a connection's temporary tables and triggers: the group left them alone.
  t.same(store.db.prepare('SELECT x FROM temp.kept').pluck().all(), [1])
  t.same(store.db.prepare("SELECT name FROM temp.sqlite_master WHERE type = 'trigger'").pluck().all(), ['fail_whole'])
})

t.test('ingestMany: a group rolled back as a whole is stored again article by article, nothing half written', async (t) => {
  const store = memoryStore(t)
  // RAISE(ROLLBACK) ends the whole transaction, as SQLite does on a full disk or an I/O error: the articles before
  // the bad one are rolled back with it.
  store.db.exec(`CREATE TEMP TRIGGER fail_whole AFTER INSERT ON main.sources WHEN new.title = 'City budget Bad.'
    BEGIN SELECT RAISE(ROLLBACK, 'the whole transaction is gone'); END`)
  const attempts = store.ingestMany([budgetArticle(' One.'), budgetArticle(' Bad.'), budgetArticle(' Two.')])
  t.equal(store.db.inTransaction, false)
  t.same(attempts.map((a) => a.ok ? a.result.status : 'error'), ['created', 'error', 'created'])
  t.match(attempts[1], { ok: false, error: { message: 'the whole transaction is gone' } })
  t.same(store.db.prepare('SELECT title FROM sources ORDER BY id').pluck().all(), ['City budget One.', 'City budget Two.'])
  t.equal(store.db.prepare('SELECT count(*) FROM quotes').pluck().get(), 8)
  t.equal(store.db.prepare("SELECT count(*) FROM speakers WHERE kind = 'unnamed'").pluck().get(), 2)
  t.same(store.db.prepare("SELECT quote_count, source_count FROM speakers WHERE name = 'Jane Doe'").get(),
    { quote_count: 4, source_count: 2 })
  t.equal(store.db.prepare("SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH 'fight'").pluck().get(), 2)
})

t.test('ingestMany: a group whose commit fails is stored again article by article', async (t) => {
  const store = memoryStore(t)
  // A deferred foreign key violation surfaces only at COMMIT, so the group's commit fails; alone, the bad article
  // fails at once and the others are stored.
  store.db.pragma('defer_foreign_keys = ON')
  store.db.exec(`CREATE TEMP TRIGGER dangling AFTER INSERT ON main.sources WHEN new.title = 'City budget Bad.'
    BEGIN INSERT INTO speaker_titles (speaker_id, title, source_id) VALUES (999999, 'ghost', new.id); END`)
  const attempts = store.ingestMany([budgetArticle(' One.'), budgetArticle(' Bad.'), budgetArticle(' Two.')])
  t.same(attempts.map((a) => a.ok ? a.result.status : 'error'), ['created', 'error', 'created'])
  t.match(attempts[1], { ok: false, error: { message: /FOREIGN KEY constraint failed/ } })
  t.same(store.db.prepare('SELECT title FROM sources ORDER BY id').pluck().all(), ['City budget One.', 'City budget Two.'])
  t.equal(store.db.prepare('SELECT count(*) FROM speaker_titles WHERE speaker_id = 999999').pluck().get(), 0)
})

t.test('ingestMany: an article updated later in its own group is searchable by its new quotes only', async (t) => {
  const store = memoryStore(t)
  const first = budgetArticle(' One.')
  first.article.url = 'https://example.test/budget'
  const second = budgetArticle(' Two.')
  second.article.url = 'https://example.test/budget'
  second.extraction.quotes[1]!.text = 'We will resist this,'
  const attempts = store.ingestMany([first, budgetArticle(' Other.'), second])
  t.same(attempts.map((a) => a.ok ? a.result.status : 'error'), ['created', 'created', 'updated'])
  const matches = (word: string): number => store.db.prepare('SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH ?').pluck().get(word) as number
  t.equal(matches('resist'), 1)
  t.equal(matches('fight'), 1, 'only the other article still says it')
  t.doesNotThrow(() => store.db.exec("INSERT INTO quotes_fts (quotes_fts, rank) VALUES ('integrity-check', 1)"))
})

t.test('a database path under a directory that takes no new entries fails at once; missing parents are made', async (t) => {
  // Node 20's recursive mkdir retried /proc/<new>/ without end, holding a core (`whosaid ingest --db /proc/x/w.db`).
  if (process.platform === 'linux') {
    const started = Date.now()
    t.throws(() => Store.open({ path: '/proc/whosaid-no-such-dir/w.db', migrationsDir: MIGRATIONS_DIR }), { code: 'ENOENT' })
    t.ok(Date.now() - started < 5000, 'refused without retrying')
  }
  const { mkdtempSync, existsSync, rmSync } = await import('node:fs')
  const { tmpdir } = await import('node:os')
  const { join } = await import('node:path')
  const dir = mkdtempSync(join(tmpdir(), 'whosaid-open-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  const store = Store.open({ path: join(dir, 'a', 'b', 'w.db'), migrationsDir: MIGRATIONS_DIR })
  store.close()
  t.ok(existsSync(join(dir, 'a', 'b', 'w.db')), 'nested directories made')
})
