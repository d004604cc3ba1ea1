// ingestBatch: outcomes in input order whatever order extraction finishes in; a failure is one job's alone.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import t from 'tap'
import { extract } from '../../src/extract/index.js'
import { MIGRATIONS_DIR } from '../../src/paths.js'
import { ingestBatch, type BatchJob, type BatchOutcome } from '../../src/services/batch.js'
import { ExtractorPool } from '../../src/services/extractor-pool.js'
import { Store } from '../../src/store/index.js'
import { THREAD_EXEC_ARGV } from '../helpers/threads.js'

const story = (n: number): string => `“Plan ${n} is ready,” said Mayor Ana Silva. The vote is on Monday ${n}.` +
  ' More words.'.repeat(n % 4 === 0 ? 400 : 1)

function jobs (n: number): Array<BatchJob<number>> {
  return Array.from({ length: n }, (_, i): BatchJob<number> =>
    i === 3 ? { key: i, error: 'line is not valid UTF-8' }
      : i === 5 ? { key: i, source: { json: '{"text": 5' } }
        : { key: i, source: { value: { text: story(i) } } })
}

t.test('in order, with a window smaller than the batch; counts match the outcomes', async (t) => {
  const store = Store.open({ path: ':memory:', migrationsDir: MIGRATIONS_DIR })
  const pool = new ExtractorPool(0)
  t.teardown(async () => { await pool.close(); store.close() })
  const seen: Array<[number, BatchOutcome]> = []
  const counts = await ingestBatch(store, pool, jobs(12), { onOutcome: (key, outcome) => { seen.push([key, outcome]) }, window: 3 })
  t.same(seen.map(([key]) => key), [...Array(12).keys()])
  t.same(counts, { created: 10, existing: 0, updated: 0, failed: 2 })
  t.match(seen[3]![1], { status: 'error', error: 'line is not valid UTF-8' })
  t.match(seen[5]![1], { status: 'error', error: /^invalid JSON/ })
  const eighth = store.sources.get(seen[8]![1].source_id!)!
  t.equal(eighth.text, story(8))
  t.equal(seen[8]![1].quote_count, extract(story(8)).quotes.length)
})

t.test("a batch's articles use the pool's bulk workers alone, and start no other", async (t) => {
  const store = Store.open({ path: ':memory:', migrationsDir: MIGRATIONS_DIR })
  const pool = new ExtractorPool(2, { bulkWorkers: 1, timeLimitMs: 120_000, execArgv: THREAD_EXEC_ARGV })
  t.teardown(async () => { await pool.close(); store.close() })
  const counts = await ingestBatch(store, pool, jobs(12), { onOutcome: () => {} })
  t.same(counts, { created: 10, existing: 0, updated: 0, failed: 2 })
  t.equal(pool.workers, 1, 'one extraction worker started for the batch')
})

t.test('a busy extractor and a store that cannot write are errors of their jobs, reported as such', async (t) => {
  const store = Store.open({ path: ':memory:', migrationsDir: MIGRATIONS_DIR })
  const busy = new ExtractorPool(1, { maxQueue: 0, execArgv: THREAD_EXEC_ARGV })
  t.teardown(() => busy.close())
  const seen: BatchOutcome[] = []
  const counts = await ingestBatch(store, busy, jobs(2), { onOutcome: (_key, outcome) => { seen.push(outcome) } })
  t.same(counts.failed, 2)
  t.match(seen, [{ status: 'error', error: /extractor queue is full/ }, { status: 'error', error: /extractor queue is full/ }])

  store.close()
  const internal: unknown[] = []
  const inline = new ExtractorPool(0)
  const outcomes: BatchOutcome[] = []
  const closed = await ingestBatch(store, inline, jobs(1), {
    onOutcome: (_key, outcome) => { outcomes.push(outcome) },
    onInternalError: (_key, err) => { internal.push(err) },
  })
  t.same(closed.failed, 1)
  t.same(outcomes, [{ status: 'error', error: 'could not store this article (internal error)' }], 'no database detail in the outcome')
  t.equal(internal.length, 1, 'the error itself goes to onInternalError')
  t.match(String(internal[0]), /not open/)
})

t.test('articles ready together are stored in one transaction; each is reported once committed, a bad one alone', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'whosaid-batch-'))
  const store = Store.open({ path: join(dir, 'batch.db'), migrationsDir: MIGRATIONS_DIR })
  const reader = new Database(join(dir, 'batch.db'), { readonly: true })
  const pool = new ExtractorPool(0)
  t.teardown(async () => { await pool.close(); reader.close(); store.close(); rmSync(dir, { recursive: true, force: true }) })
  // The store refuses article 7 halfway through (after its source row is written).
  store.db.exec(`CREATE TEMP TRIGGER refuse_seven AFTER INSERT ON main.sources WHEN new.text LIKE '“Plan 7 %'
    BEGIN SELECT RAISE(ABORT, 'refused by the test'); END`)
  const groups: number[] = []
  const ingestMany = store.ingestMany.bind(store)
  store.ingestMany = (items) => { groups.push(items.length); return ingestMany(items) }
  const committed = reader.prepare<[number], number>('SELECT count(*) FROM sources WHERE id = ?').pluck()
  const seen: Array<[number, BatchOutcome]> = []
  const internal: number[] = []
  const counts = await ingestBatch(store, pool, jobs(12), {
    onOutcome: (key, outcome) => {
      t.equal(store.db.inTransaction, false, `job ${key} reported outside any transaction`)
      if (outcome.source_id !== undefined) t.equal(committed.get(outcome.source_id), 1, `job ${key} visible to another connection`)
      seen.push([key, outcome])
    },
    onInternalError: (key) => { internal.push(key) },
  })
  t.same(seen.map(([key]) => key), [...Array(12).keys()])
  t.same(counts, { created: 9, existing: 0, updated: 0, failed: 3 })
  t.same(seen[7]![1], { status: 'error', error: 'could not store this article (internal error)' })
  t.same(internal, [7])
  t.ok(groups.some((size) => size > 1), `articles stored in groups (${groups.join(', ')})`)
  t.equal(groups.reduce((a, b) => a + b, 0), 10, 'every extracted article offered to the store once')
  t.equal(store.db.prepare('SELECT count(*) FROM sources').pluck().get(), 9)
  t.equal(store.db.prepare("SELECT count(*) FROM sources WHERE text LIKE '“Plan 7 %'").pluck().get(), 0)
})

t.test('input slow to come: the jobs already extracted are stored and reported without waiting for the next', async (t) => {
  const store = Store.open({ path: ':memory:', migrationsDir: MIGRATIONS_DIR })
  const pool = new ExtractorPool(0)
  t.teardown(async () => { await pool.close(); store.close() })
  const seen: number[] = []
  let reportedBeforeMore = -1
  async function * slow (): AsyncGenerator<BatchJob<number>> {
    yield { key: 0, source: { value: { text: story(1) } } }
    yield { key: 1, source: { value: { text: story(2) } } }
    await new Promise((resolve) => setTimeout(resolve, 200))
    reportedBeforeMore = seen.length
    yield { key: 2, source: { value: { text: story(3) } } }
  }
  const counts = await ingestBatch(store, pool, slow(), { onOutcome: (key) => { seen.push(key) } })
  t.equal(reportedBeforeMore, 2, 'both stored while the input paused')
  t.same(seen, [0, 1, 2])
  t.same(counts, { created: 3, existing: 0, updated: 0, failed: 0 })
})

t.test('while the store writes a group, the next articles are read and extracted', async (t) => {
  const store = Store.open({ path: ':memory:', migrationsDir: MIGRATIONS_DIR })
  const pool = new ExtractorPool(0)
  t.teardown(async () => { await pool.close(); store.close() })
  let read = 0
  function * counted (): Generator<BatchJob<number>> {
    for (let i = 0; i < 30; i++) {
      read++
      yield { key: i, source: { value: { text: story(i + 1) } } }
    }
  }
  // A store whose writes take a while (as a writer thread's do): the first group is held until the batch has read on.
  const ingestMany = store.ingestMany.bind(store)
  const held: Array<{ size: number, readAtStart: number, readAtEnd: number }> = []
  store.ingestMany = async (items) => {
    const readAtStart = read
    await new Promise((resolve) => setTimeout(resolve, 30))
    held.push({ size: items.length, readAtStart, readAtEnd: read })
    return ingestMany(items)
  }
  const seen: number[] = []
  const counts = await ingestBatch(store, pool, counted(), { onOutcome: (key) => { seen.push(key) }, window: 4 })
  t.same(seen, [...Array(30).keys()], 'every article reported, in order')
  t.same(counts, { created: 30, existing: 0, updated: 0, failed: 0 })
  const first = held[0]!
  // Nothing is stored before the first group: once it left the window, a whole window was read again meanwhile.
  t.equal(first.readAtEnd, first.size + 4, `a window of articles read while the first group was stored (${JSON.stringify(first)})`)
  t.ok(held.some((group) => group.size > 1), `stored in groups (${held.map((group) => group.size).join(', ')})`)
})

t.test('jobs finishing out of order go to the store in groups of half the window, or all that is in hand', async (t) => {
  const store = Store.open({ path: ':memory:', migrationsDir: MIGRATIONS_DIR })
  const inline = new ExtractorPool(0)
  t.teardown(async () => { await inline.close(); store.close() })
  // Two workers, one slower: the extracted prefix grows a job or two at a time, as it does with real workers.
  let calls = 0
  const pool = Object.create(inline) as ExtractorPool
  pool.prepare = async (source) => {
    const slow = calls++ % 2 === 1
    const extracted = await inline.prepare(source)
    await new Promise((resolve) => setTimeout(resolve, slow ? 4 : 1))
    return extracted
  }
  const ingestMany = store.ingestMany.bind(store)
  const groups: number[] = []
  store.ingestMany = (items) => { groups.push(items.length); return ingestMany(items) }
  const seen: number[] = []
  function * stories (): Generator<BatchJob<number>> {
    for (let i = 0; i < 41; i++) yield { key: i, source: { value: { text: story(i + 1) } } }
  }
  const counts = await ingestBatch(store, pool, stories(), { onOutcome: (key) => { seen.push(key) }, window: 8 })
  t.same(seen, [...Array(41).keys()], 'every article reported, in order')
  t.same(counts, { created: 41, existing: 0, updated: 0, failed: 0 })
  t.equal(groups.reduce((a, b) => a + b, 0), 41)
  // Only the last group, the rest of the batch once every job in hand was extracted, may be smaller than 4.
  t.same(groups.slice(0, -1).filter((size) => size < 4), [], `groups: ${groups.join(', ')}`)
})

t.test('an outcome callback that throws: the articles read are still stored, then the batch throws', async (t) => {
  const store = Store.open({ path: ':memory:', migrationsDir: MIGRATIONS_DIR })
  const pool = new ExtractorPool(0)
  t.teardown(async () => { await pool.close(); store.close() })
  let closed = false
  function * endless (): Generator<BatchJob<number>> {
    try {
      for (let i = 0; ; i++) yield { key: i, source: { value: { text: story(i + 1) } } }
    } finally { closed = true }
  }
  const seen: number[] = []
  await t.rejects(ingestBatch(store, pool, endless(), {
    window: 4,
    onOutcome: (key) => {
      seen.push(key)
      if (key === 2) throw new Error('the output is gone')
    },
  }), /the output is gone/)
  t.ok(closed, 'the input was closed')
  t.same(seen, [...Array(seen.length).keys()], 'outcomes in order')
  t.equal(store.sources.count(), seen.length, 'every article read was stored and reported')
  t.ok(seen.length > 3, `the articles after the throw were stored too (${seen.length})`)
})
