import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import t, { type Test } from 'tap'
import { MIGRATIONS_DIR, SEEDS_DIR } from '../src/paths.js'
import { readSeedArticles } from '../src/services/seed-articles.js'
import { seed, seedIfEmpty } from '../src/services/seed.js'
import { Store, contentHash } from '../src/store/index.js'
import { sliceQuote } from './helpers/quotes.js'

function memoryStore (t: Test): Store {
  const store = Store.open({ path: ':memory:', migrationsDir: MIGRATIONS_DIR })
  t.teardown(() => store.close())
  return store
}

function seedsDir (files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'whosaid-seeds-'))
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content)
  return dir
}

t.test('the shipped seeds directory has metadata for every article', async (t) => {
  const articles = readSeedArticles(SEEDS_DIR)
  const texts = readdirSync(SEEDS_DIR).filter((name) => name.endsWith('.txt'))
  t.equal(articles.length, texts.length)
  t.ok(articles.length >= 1)
  const hamas = articles.find((a) => a.file === 'hamas-hostages-article.txt')!
  t.equal(hamas.title, 'Joint US-Israeli military action being considered against Hamas if hostages aren’t released')
  t.equal(hamas.publisher, 'New York Post')
  t.equal(hamas.url, null)
  t.match(hamas.text, /Steve Witkoff/)
})

t.test('seeding ingests every seed article through the extractor; quotes slice their source', async (t) => {
  const store = memoryStore(t)
  const seeded = await seed(store, SEEDS_DIR)
  t.equal(seeded.length, readSeedArticles(SEEDS_DIR).length)
  t.ok(seeded.every((article) => article.status === 'created'))
  t.equal(store.sources.count(), seeded.length)

  for (const article of seeded) {
    const source = store.sources.get(article.source_id)!
    t.equal(source.content_hash, contentHash(source.text))
    const quotes = store.quotes.list({ limit: 100 }, { source_id: source.id }).items
    t.equal(quotes.length, article.quote_count)
    for (const quote of quotes) {
      t.equal(sliceQuote(source.text, quote), quote.text, `quote ${quote.id} slices ${article.file}`)
      if (quote.speaker?.mention != null) {
        t.equal(source.text.slice(quote.speaker.start!, quote.speaker.end!), quote.speaker.mention)
      }
    }
  }
  // Every named speaker is listed, and every speaker of a quote exists (shared or local to its article).
  const speakers = [...store.speakers.list({ limit: 100 }).items, ...store.speakers.list({ limit: 100 }, { kind: 'unnamed' }).items,
    ...store.speakers.list({ limit: 100 }, { kind: 'group' }).items]
  for (const name of ['Trump', 'Steve Witkoff']) {
    const speaker = speakers.find((s) => s.name === name)
    t.ok(speaker, `${name} is a speaker of the seed article`)
    t.ok(speaker && speaker.quote_count > 0, `${name} has quotes`)
  }
  for (const quote of store.quotes.list({ limit: 100 }).items) {
    if (quote.speaker) t.ok(speakers.some((s) => s.id === quote.speaker!.id))
  }
})

t.test('seeding again stores nothing twice', async (t) => {
  const store = memoryStore(t)
  const first = await seed(store, SEEDS_DIR)
  const again = await seed(store, SEEDS_DIR)
  t.same(again.map((a) => [a.file, a.source_id, a.status, a.quote_count]), first.map((a) => [a.file, a.source_id, 'existing', a.quote_count]))
  t.equal(store.sources.count(), first.length)
})

t.test('seedIfEmpty seeds an empty database only', async (t) => {
  const store = memoryStore(t)
  const dir = seedsDir({ 'a.txt': '“Hello there,” Ann Lee said.', 'a.json': '{"title": "A"}' })
  t.equal((await seedIfEmpty(store, dir))!.length, 1)
  const other = seedsDir({ 'b.txt': 'Another article.', 'b.json': '{"title": "B"}' })
  t.equal(await seedIfEmpty(store, other), null)
  t.equal(store.sources.count(), 1)
})

t.test('seed metadata is checked before anything is written', async (t) => {
  const store = memoryStore(t)
  const missing = seedsDir({ 'a.txt': 'Text.', 'a.json': '{"title": "A"}', 'b.txt': 'Other text.' })
  await t.rejects(seed(store, missing), { name: 'SeedError', message: /cannot read seed metadata .*b\.json/ })
  t.equal(store.sources.count(), 0)

  t.throws(() => readSeedArticles(seedsDir({ 'a.txt': 'x', 'a.json': '{"title": 3}' })), { message: /a\.json: \/title/ })
  t.throws(() => readSeedArticles(seedsDir({ 'a.txt': 'x', 'a.json': '{"title": "A", "author": "B"}' })), { message: /a\.json/ })
  t.throws(() => readSeedArticles(seedsDir({ 'a.txt': 'x', 'a.json': '{not json' })), { message: /a\.json/ })
  t.throws(() => readSeedArticles(seedsDir({ 'a.txt': 'x', 'a.json': '{"title": "A", "published_at": "yesterday"}' })),
    { message: /published_at must be an ISO 8601 date, got "yesterday"/ })
  t.throws(() => readSeedArticles('/nonexistent/seeds'), { message: /cannot read seeds directory/ })
})

t.test('published_at is normalised to ISO 8601', async (t) => {
  const [article] = readSeedArticles(seedsDir({ 'a.txt': 'x', 'a.json': '{"title": "A", "published_at": "2025-10-09"}' }))
  t.equal(article!.published_at, '2025-10-09T00:00:00.000Z')
})
