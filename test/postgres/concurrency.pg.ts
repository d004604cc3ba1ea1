// Two whosaid server processes on one PostgreSQL database (npm run test:postgres): clients send the same overlapping
// batches and single articles to both at once; then two `whosaid ingest` processes with overlapping files.
// Afterwards every article is stored exactly once, no speaker exists twice, no request got a 5xx, and a cursor from
// one instance pages on the other.
import { spawn } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import t from 'tap'
import pg from 'pg'
import { PROJECT_ROOT } from '../../src/paths.js'
import { generatedArticles, type GeneratedArticle } from '../helpers/generated-articles.js'
import { ndjsonLines, postArticle, streamBatch } from '../helpers/robustness.js'
import { startServer, type RunningServer } from '../helpers/server.js'
import { newPostgresDatabase } from '../helpers/stores.js'

t.setTimeout(180_000)

const CURSOR_SECRET = 'a shared secret for the test instances'
const CLI = join(PROJECT_ROOT, 'dist', 'cli', 'main.js')

const FIRST = ['Ines', 'Tomas', 'Maren', 'Kofi', 'Lucia', 'Daniel', 'Priya', 'Oskar', 'Hana', 'Rafael']
const LAST = ['Varga', 'Okafor', 'Lindqvist', 'Mensah', 'Ferreira', 'Kowalski', 'Haddad', 'Brennan', 'Takahashi', 'Duarte']

/** Articles that each quote two people new to the database, both quoted again by another article of the set. */
function sharedSpeakerArticles (count: number): GeneratedArticle[] {
  return Array.from({ length: count }, (_, i) => {
    const a = `${FIRST[i % 10]} ${LAST[(i * 3) % 10]}`
    const b = `${FIRST[(i + 5) % 10]} ${LAST[(i * 7 + 1) % 10]}`
    return {
      title: `Harbour meeting ${i}`,
      url: `https://news.example/shared/${i}`,
      publisher: 'Harbour Herald',
      published_at: `2024-07-${String(1 + i).padStart(2, '0')}T09:00:00Z`,
      text: `“The harbour plan needs another vote,” said ${a}, speaking on day ${i}.\n\n` +
        `“We will not wait for item ${i} any longer,” ${b} said.`,
    }
  })
}

t.test('two instances ingesting the same overlapping batches store each article once and each speaker once', async (t) => {
  const url = await newPostgresDatabase()
  const env = { SEED: 'false', RATE_LIMIT_PER_MINUTE: '0', DATABASE_URL: url, CURSOR_SECRET }
  const servers: RunningServer[] = await Promise.all([startServer(env), startServer(env)])
  t.teardown(() => { for (const server of servers) if (server.child.exitCode === null) server.child.kill('SIGKILL') })

  // 60 articles in three overlapping batches (0-29, 15-44, 30-59), each sent to both servers at once, plus the
  // first ten posted one by one to both while the batches run. The generated articles share speakers across articles.
  const articles = [...generatedArticles(40), ...sharedSpeakerArticles(20)]
  // The other order too, so that both instances meet the same new speakers at the same moment from both ends.
  const reversed = [...articles].reverse()
  const batches = [articles.slice(0, 30), articles.slice(15, 45), articles.slice(30, 60)]
  const results = await Promise.all([
    ...batches.flatMap((batch) => servers.map((server) => streamBatch(server.url, ndjsonLines(batch), { perTick: 5 }))),
    ...servers.map((server) => streamBatch(server.url, ndjsonLines(reversed), { perTick: 1 })),
    ...articles.slice(0, 10).flatMap((article) => servers.map((server) => postArticle(server.url, article))),
  ])
  const statuses = results.map((result) => result.status)
  t.same(statuses.filter((status) => status === null || status === undefined || status >= 500), [], 'no 5xx, no dropped connection')
  const outcomes = results.slice(0, 8).flatMap((result) => String((result as { body: string }).body).trim().split('\n').map((line) => JSON.parse(line)))
  t.same(outcomes.filter((outcome) => outcome.status === 'error'), [], 'no batch line failed')

  const client = new pg.Client({ connectionString: url })
  await client.connect()
  t.teardown(() => client.end())
  const one = async (sql: string): Promise<number> => Number((await client.query({ text: sql, rowMode: 'array' })).rows[0]![0])
  t.equal(await one('SELECT count(*) FROM sources'), 60, 'every article stored')
  t.equal(await one('SELECT count(DISTINCT content_hash) FROM sources'), 60, 'each once')
  t.equal(await one(`SELECT count(*) FROM (SELECT name_key, kind FROM speakers WHERE home_source_id IS NULL AND merged_into IS NULL
    GROUP BY name_key, kind HAVING count(*) > 1) d`), 0, 'no shared speaker twice')
  t.ok(await one('SELECT count(*) FROM speakers WHERE home_source_id IS NULL') > 1, 'speakers were shared across articles')
  t.equal(await one(`SELECT count(*) FROM speakers s WHERE s.quote_count <> (SELECT count(*) FROM quotes q WHERE q.speaker_id = s.id)`), 0,
    'every speaker\'s quote count is right')

  // A cursor made by one instance pages on the other (the signing key is configuration).
  const first = await (await fetch(`${servers[0]!.url}/quotes?limit=5`)).json() as { next_cursor: string | null, items: Array<{ id: number }> }
  t.ok(first.next_cursor, 'a next page')
  const second = await fetch(`${servers[1]!.url}/quotes?limit=5&cursor=${encodeURIComponent(first.next_cursor!)}`)
  t.equal(second.status, 200, 'the other instance takes the cursor')
  const page = await second.json() as { items: Array<{ id: number }> }
  t.notOk(page.items.some((item) => first.items.some((seen) => seen.id === item.id)), 'and continues after the first page')
  for (const server of servers) t.same(server.logs.filter((entry) => Number(entry['level']) >= 50), [], 'nothing logged at error level')
})

t.test('two `whosaid ingest` processes on one database, with overlapping files, store each article once', async (t) => {
  const url = await newPostgresDatabase()
  const dir = mkdtempSync(join(tmpdir(), 'whosaid-pg-ingest-'))
  const articles = [...generatedArticles(30, 100), ...sharedSpeakerArticles(20)]
  // 0-34 and 15-49: the middle twenty in both files, in opposite orders.
  writeFileSync(join(dir, 'a.ndjson'), ndjsonLines(articles.slice(0, 35)).join('\n') + '\n')
  writeFileSync(join(dir, 'b.ndjson'), ndjsonLines(articles.slice(15).reverse()).join('\n') + '\n')
  const run = (file: string) => new Promise<{ code: number | null, stderr: string }>((resolve) => {
    const env: Record<string, string | undefined> = { ...process.env, DATABASE_URL: url }
    delete env['DATABASE_PATH']
    const child = spawn(process.execPath, [CLI, 'ingest', '--workers', '1', '--json', join(dir, file)], { env, stdio: ['ignore', 'ignore', 'pipe'] })
    let stderr = ''
    child.stderr.on('data', (chunk) => { stderr += chunk })
    child.on('exit', (code) => resolve({ code, stderr }))
  })
  const results = await Promise.all([run('a.ndjson'), run('b.ndjson')])
  for (const result of results) t.equal(result.code, 0, result.stderr)
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  t.teardown(() => client.end())
  const one = async (sql: string): Promise<number> => Number((await client.query({ text: sql, rowMode: 'array' })).rows[0]![0])
  t.equal(await one('SELECT count(*) FROM sources'), 50, 'every article stored, once')
  t.equal(await one(`SELECT count(*) FROM (SELECT name_key, kind FROM speakers WHERE home_source_id IS NULL AND merged_into IS NULL
    GROUP BY name_key, kind HAVING count(*) > 1) d`), 0, 'no shared speaker twice')
})
