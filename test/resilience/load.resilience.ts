// Sustained load (npm run test:resilience): autocannon drives the real server (dist/server.js) on loopback with a
// mix of reads (lists, searches, single items, cursors) and writes (new articles, and articles sent again) for
// LOAD_SECONDS (default 30). No request may get a 5xx or fail to connect, and the server's resident memory after the
// run must stay within a generous bound of what it was after a warm-up. Both figures are printed, so a leak shows.
import { mkdtempSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import t from 'tap'
import { exited, startProductionServer } from '../helpers/server.js'
import { generatedArticle, generatedArticles } from '../helpers/generated-articles.js'
import { countRows, databaseProblems, ndjsonLines, rssOf, streamBatch } from '../helpers/robustness.js'

interface Histogram { average: number, p50: number, p99: number, max: number }
interface Result {
  requests: Histogram & { total: number, sent: number }
  latency: Histogram
  duration: number
  errors: number
  timeouts: number
  non2xx: number
  statusCodeStats: Record<string, { count: number }>
}
interface Request {
  method?: string
  path: string
  headers?: Record<string, string>
  body?: string
  setupRequest?: (request: Request, context: Record<string, unknown>) => Request
  onResponse?: (status: number, body: string, context: Record<string, unknown>) => void
}
// autocannon ships no types; this is the part of its API used here.
const autocannon = createRequire(import.meta.url)('autocannon') as (options: Record<string, unknown>) => Promise<Result>

const SECONDS = Number(process.env['LOAD_SECONDS'] ?? 30)
const WARMUP_SECONDS = 8
const CONNECTIONS = 8
const MB = 1024 * 1024

t.setTimeout((SECONDS + WARMUP_SECONDS) * 1000 + 180_000)

t.test(`${SECONDS} s of mixed reads and writes: no 5xx, no failed connection, memory bounded`, async (t) => {
  const databasePath = join(mkdtempSync(join(tmpdir(), 'whosaid-load-')), 'w.db')
  const server = await startProductionServer(databasePath)
  t.teardown(() => { if (server.child.exitCode === null) server.child.kill('SIGKILL') })
  const pid = server.child.pid!

  // Something to read: 100 articles by batch.
  const seeded = generatedArticles(100, 50_000)
  const batch = await streamBatch(server.url, ndjsonLines(seeded), { perTick: 50 })
  t.equal(batch.status, 200, 'seeded by a batch')

  // Writes: each connection sends new articles (numbered from 60,000 up, never the same twice) and, now and then,
  // one already stored; reads walk lists with their cursors, search, and fetch single items.
  let nextArticle = 60_000
  const sent: number[] = []
  const createdArticles = new Set<number>()
  let existing = 0
  const statuses = (status: number, body: string, what: string): void => {
    if (status >= 500) unexpected.push(`${what}: ${status} ${body.slice(0, 200)}`)
  }
  const unexpected: string[] = []
  const requests: Request[] = [
    { method: 'GET', path: '/quotes?limit=20', onResponse: (s, b, ctx) => { statuses(s, b, 'quotes'); ctx['cursor'] = JSON.parse(b).next_cursor } },
    {
      method: 'GET',
      path: '/quotes?limit=20',
      setupRequest: (req, ctx) => ({ ...req, path: typeof ctx['cursor'] === 'string' ? `/quotes?limit=20&cursor=${encodeURIComponent(ctx['cursor'])}` : '/quotes?limit=20' }),
      onResponse: (s, b) => statuses(s, b, 'quotes page 2'),
    },
    { method: 'GET', path: '/sources?limit=50', onResponse: (s, b) => statuses(s, b, 'sources') },
    { method: 'GET', path: '/speakers?limit=20', onResponse: (s, b) => statuses(s, b, 'speakers') },
    {
      method: 'POST',
      path: '/sources',
      headers: { 'content-type': 'application/json' },
      setupRequest: (req, ctx) => {
        const n = nextArticle++
        sent.push(n)
        ctx['article'] = n
        return { ...req, body: JSON.stringify(generatedArticle(n)) }
      },
      onResponse: (s, b, ctx) => {
        statuses(s, b, 'POST /sources')
        if (s === 201) createdArticles.add(ctx['article'] as number)
        else unexpected.push(`POST /sources of a new article: ${s} ${b.slice(0, 200)}`)
      },
    },
    { method: 'GET', path: '/quotes?q=council%20OR%20bridge&limit=10', onResponse: (s, b) => statuses(s, b, 'search') },
    {
      method: 'GET',
      path: '/sources/1',
      setupRequest: (req) => ({ ...req, path: `/sources/${1 + Math.floor(Math.random() * 100)}` }),
      onResponse: (s, b) => statuses(s, b, 'source'),
    },
    {
      method: 'GET',
      path: '/speakers/1/quotes',
      setupRequest: (req) => ({ ...req, path: `/speakers/${1 + Math.floor(Math.random() * 20)}/quotes?limit=10` }),
      onResponse: (s, b) => statuses(s, b, 'speaker quotes'),
    },
    {
      method: 'POST',
      path: '/sources',
      headers: { 'content-type': 'application/json' },
      setupRequest: (req) => ({ ...req, body: JSON.stringify(seeded[Math.floor(Math.random() * seeded.length)]) }),
      onResponse: (s, b) => { statuses(s, b, 'POST /sources again'); if (s === 200) existing++ },
    },
    { method: 'GET', path: '/quotes?distinct=true&limit=20', onResponse: (s, b) => statuses(s, b, 'distinct') },
  ]
  const run = (duration: number): Promise<Result> =>
    autocannon({ url: server.url, connections: CONNECTIONS, duration, requests, timeout: 30 })

  const warm = await run(WARMUP_SECONDS)
  const rssWarm = rssOf(pid)
  const main = await run(SECONDS)
  const rssAfter = rssOf(pid)

  const fives = Object.entries(main.statusCodeStats).filter(([code]) => Number(code) >= 500).reduce((n, [, s]) => n + Number(s.count), 0) +
    Object.entries(warm.statusCodeStats).filter(([code]) => Number(code) >= 500).reduce((n, [, s]) => n + Number(s.count), 0)
  const summary = {
    seconds: main.duration,
    requests: main.requests.total,
    per_second: Math.round(main.requests.average),
    latency_ms: { p50: main.latency.p50, p99: main.latency.p99, max: main.latency.max },
    status_codes: Object.fromEntries(Object.entries(main.statusCodeStats).map(([code, s]) => [code, Number(s.count)])),
    server_errors_5xx: fives,
    connection_errors: main.errors + warm.errors,
    timeouts: main.timeouts + warm.timeouts,
    articles_created: createdArticles.size,
    articles_sent_again: existing,
    rss_after_warmup_mb: +(rssWarm / MB).toFixed(1),
    rss_after_run_mb: +(rssAfter / MB).toFixed(1),
  }
  t.comment(`load: ${JSON.stringify(summary)}`)
  console.log(`resilience load summary: ${JSON.stringify(summary)}`)

  t.ok(main.requests.total > 1000, `${main.requests.total} requests in ${main.duration} s`)
  t.equal(fives, 0, 'no 5xx')
  t.same(unexpected, [], 'no 5xx seen by any request')
  t.equal(main.errors + warm.errors, 0, 'no connection error')
  t.equal(main.timeouts + warm.timeouts, 0, 'no timeout')
  t.equal(main.non2xx + warm.non2xx, 0, 'every answer a 2xx (rate limit off, every id exists)')
  t.same(server.errors, [], 'the server logged no error')
  // Generous: RSS moves with the heap's growth policy and SQLite's page cache; a leak of a few KB a request over tens
  // of thousands of requests goes far past it.
  const bound = rssWarm * 1.5 + 64 * MB
  t.ok(rssAfter <= bound, `RSS after the run ${(rssAfter / MB).toFixed(1)} MB, after warm-up ${(rssWarm / MB).toFixed(1)} MB (bound ${(bound / MB).toFixed(1)} MB)`)

  // A request still in flight when a run ends may be stored without its answer being counted.
  const stored = countRows(databasePath, 'sources')
  t.ok(createdArticles.size >= sent.length - 2 * CONNECTIONS, `${createdArticles.size} of ${sent.length} new articles answered 201`)
  t.ok(stored >= seeded.length + createdArticles.size && stored <= seeded.length + sent.length,
    `${stored} sources stored: the ${seeded.length} seeded, the ${createdArticles.size} created, at most the ${sent.length} sent`)

  server.child.kill('SIGTERM')
  t.equal(await exited(server.child), 0, 'a graceful stop after the load')
  t.same(databaseProblems(databasePath, [...seeded, ...sent.map((n) => generatedArticle(n))]), [], 'the database is sound and every article whole')
})
