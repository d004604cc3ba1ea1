// `whosaid copy-store` (npm run test:postgres): a SQLite database with merges and corrections copied into PostgreSQL
// reads back the same through the store interface, ids included; the copy refuses a database that is not empty.
import { spawnSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import t from 'tap'
import { MIGRATIONS_DIR, PROJECT_ROOT, SEEDS_DIR } from '../../src/paths.js'
import { ingestArticle } from '../../src/services/ingest.js'
import { seed } from '../../src/services/seed.js'
import { openStore, Store, type DataStore } from '../../src/store/index.js'
import { generatedArticles } from '../helpers/generated-articles.js'
import { newPostgresDatabase } from '../helpers/stores.js'

const CLI = join(PROJECT_ROOT, 'dist', 'cli', 'main.js')

function whosaid (args: string[]) {
  const env: Record<string, string | undefined> = { ...process.env }
  delete env['DATABASE_PATH']
  delete env['DATABASE_URL']
  return spawnSync(CLI, args, { encoding: 'utf8', env })
}

/** What the API would show of a store: every list and detail the routes read. */
async function everything (store: DataStore): Promise<unknown> {
  const speakers = (await store.speakers.list({ limit: 500 })).items
  return {
    sources: (await store.sources.list({ limit: 500 })).items,
    speakers,
    byName: (await store.speakers.list({ limit: 500 }, { sort: 'name' })).items,
    unnamed: (await store.speakers.list({ limit: 500 }, { kind: 'unnamed' })).items,
    details: await Promise.all(speakers.map((speaker) => store.speakers.get(speaker.id))),
    quotes: (await store.quotes.list({ limit: 1000 })).items,
    distinct: (await store.quotes.list({ limit: 1000 }, { distinct: true })).items,
    found: (await store.quotes.list({ limit: 1000 }, { match: 'council', sort: 'newest' })).items,
    quote: await store.quotes.get(3),
    secret: await store.cursorSecret(),
  }
}

t.test('copy-store copies every row with its id, verified, and the copy reads the same', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'whosaid-copy-store-'))
  const file = join(dir, 'source.db')
  const sqlite = Store.open({ path: file, migrationsDir: MIGRATIONS_DIR })
  await seed(sqlite, SEEDS_DIR)
  for (const article of generatedArticles(12)) await ingestArticle(sqlite, article)
  // A merge (a redirect and a speaker whose merged_into points at a later one) and a correction by hand.
  const [first, second] = (await sqlite.speakers.list({ limit: 2 })).items
  sqlite.corrections.merge(first!.id, second!.id)
  const quote = (await sqlite.quotes.list({ limit: 1 })).items[0]!
  const other = (await sqlite.speakers.list({ limit: 3 })).items.find((speaker) => speaker.id !== quote.speaker?.id)!
  sqlite.corrections.correctQuote(quote.id, other.id)
  const expected = await everything(sqlite)
  const quoteCount = sqlite.db.prepare('SELECT count(*) FROM quotes').pluck().get() as number
  sqlite.close()

  const url = await newPostgresDatabase()
  const copied = whosaid(['copy-store', '--from', file, '--to', url, '--json'])
  t.equal(copied.status, 0, copied.stderr)
  const report = JSON.parse(copied.stdout) as { counts: Record<string, number>, quoteChecksum: string }
  t.equal(report.counts['quotes'], quoteCount)
  t.equal(report.counts['sources'], 13)
  t.match(report.quoteChecksum, /^[0-9a-f]{64}$/)

  const postgres = await openStore({ location: url, defaultMigrationsDir: MIGRATIONS_DIR })
  t.teardown(() => postgres.close())
  t.same(await everything(postgres), expected, 'every list, detail and search reads the same, ids and cursor secret included')
  t.same(await postgres.speakers.find(first!.slug!), { id: first!.id, merged_into: second!.id }, 'the merge redirects')
  const next = await ingestArticle(postgres, generatedArticles(1, 500)[0]!)
  t.equal(next.source_id, 14, 'new articles take the next ids')

  const again = whosaid(['copy-store', '--from', file, '--to', url])
  t.equal(again.status, 1)
  t.match(again.stderr, /already holds articles or speakers/)
  t.equal(await postgres.sources.count(), 14, 'nothing copied twice')
  const usage = whosaid(['copy-store', '--from', file, '--to', join(dir, 'other.db')])
  t.equal(usage.status, 2)
  t.match(usage.stderr, /--to must be a postgres:\/\/ URL/)
})
