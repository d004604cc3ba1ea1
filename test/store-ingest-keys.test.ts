// The keys storing an article needs (content hash, each quote's words key), made on the extraction worker: the store
// writes the same with them as without, keys that are not of the extraction are not used, and the pool's prepare()
// gives them with the extraction.
import t from 'tap'
import { extract } from '../src/extract/index.js'
import { textKey } from '../src/identity/names.js'
import { MIGRATIONS_DIR } from '../src/paths.js'
import { ExtractorPool } from '../src/services/extractor-pool.js'
import { Store, contentHash, type IngestItem } from '../src/store/index.js'
import { ingestKeys } from '../src/store/ingest-keys.js'

const text = (n: number): string => `“The plan ${n} is ready,” said Mayor Ana Silva. “We vote on Monday,” she added.\n\n` +
  `Councillor Ben Okafor said the district “cannot wait another year for plan ${n}”.`

function items (count: number, withKeys: boolean): IngestItem[] {
  return Array.from({ length: count }, (_, i) => {
    const article = { title: `Story ${i}`, text: text(i), url: `https://news.example/${i}` }
    const extraction = extract(article.text)
    return withKeys ? { article, extraction, keys: ingestKeys(article.text, extraction) } : { article, extraction }
  })
}

function stored (store: Store): unknown[] {
  return store.db.prepare(`SELECT s.content_hash, q.text, q.text_key FROM quotes q JOIN sources s ON s.id = q.source_id
    ORDER BY q.id`).all()
}

t.test('ingestKeys() is what the store computes: the same rows with the keys given as without', async (t) => {
  const plain = Store.open({ path: ':memory:', migrationsDir: MIGRATIONS_DIR })
  const keyed = Store.open({ path: ':memory:', migrationsDir: MIGRATIONS_DIR })
  t.teardown(() => { plain.close(); keyed.close() })
  plain.ingestMany(items(4, false))
  const attempts = keyed.ingestMany(items(4, true))
  t.ok(attempts.every((a) => a.ok && a.result.status === 'created'))
  const rows = stored(keyed)
  t.ok(rows.length >= 12, `${rows.length} quotes stored`)
  t.same(rows, stored(plain))
  t.match(rows[0], { content_hash: contentHash(text(0)) })
  // The same text again, with its keys: found by the hash the worker made.
  const again = keyed.ingestMany(items(2, true))
  t.same(again.map((a) => a.ok && a.result.status), ['existing', 'existing'])
})

t.test('keys that are not of the extraction are not used', async (t) => {
  const store = Store.open({ path: ':memory:', migrationsDir: MIGRATIONS_DIR })
  t.teardown(() => store.close())
  const [item] = items(1, true)
  const other = ingestKeys(text(9), extract(text(9)))
  // One words key too many: the store computes the text's own keys rather than trust any of these.
  const wrong = { ...item!, keys: { contentHash: other.contentHash, textKeys: [...other.textKeys, 'x'] } }
  t.not(wrong.keys.textKeys.length, item!.extraction.quotes.length, 'the keys do not fit')
  store.ingestMany([wrong, items(2, false)[1]!])
  const rows = stored(store) as Array<{ content_hash: string, text: string, text_key: string }>
  t.equal(rows[0]!.content_hash, contentHash(text(0)))
  for (const row of rows) t.equal(row.text_key, textKey(row.text), `words key of "${row.text.slice(0, 20)}…"`)
})

t.test("the pool's prepare() gives the keys with the extraction", async (t) => {
  const pool = new ExtractorPool(0)
  t.teardown(() => pool.close())
  const done = await pool.prepare({ value: { text: text(3), url: 'https://news.example/3' } })
  t.same(done.keys, ingestKeys(done.article.text, extract(done.article.text)))
})
