// Concurrency (npm run test:resilience): two server processes on one database file, under reads and writes from
// concurrent clients, some of them sending the same article to both servers at once. No client may see a 5xx (a
// SQLITE_BUSY that got through), every article a client was told is stored must be stored, and exactly once.
import { spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import t, { type Test } from 'tap'
import { PROJECT_ROOT } from '../../src/paths.js'
import { startServer, type RunningServer } from '../helpers/server.js'
import { generatedArticles, type GeneratedArticle } from '../helpers/generated-articles.js'
import { countRows, databaseProblems, ndjsonLines, postArticle, streamBatch } from '../helpers/robustness.js'

t.setTimeout(240_000)

const ENV = { SEED: 'false', RATE_LIMIT_PER_MINUTE: '0' }

async function start (t: Test, databasePath: string): Promise<RunningServer> {
  const server = await startServer({ ...ENV, DATABASE_PATH: databasePath })
  t.teardown(() => { if (server.child.exitCode === null) server.child.kill('SIGKILL') })
  return server
}

/** Log lines at error level or above (a request that failed on the server side). */
const errorsLogged = (server: RunningServer): Array<Record<string, unknown>> =>
  server.logs.filter((entry) => Number(entry['level']) >= 50)

t.test('processes opening a new database file at the same instant each get the schema, applied once', async (t) => {
  // What the db plugin does at start-up (Store.open: open, then migrate), in three processes that load the store,
  // say so, and open the file when told, all at once: their migrations overlap as two servers' would if both reached
  // that point at the same moment.
  const opener = `
    import { Store } from ${JSON.stringify(join(PROJECT_ROOT, 'dist', 'store', 'index.js'))}
    import { MIGRATIONS_DIR } from ${JSON.stringify(join(PROJECT_ROOT, 'dist', 'paths.js'))}
    process.stdout.write('ready\\n')
    process.stdin.once('data', () => {
      try {
        const store = Store.open({ path: process.argv[1], migrationsDir: MIGRATIONS_DIR })
        process.stdout.write(JSON.stringify({ applied: store.appliedMigrations.length }) + '\\n')
        store.close()
      } catch (err) {
        process.stdout.write(JSON.stringify({ error: err.message }) + '\\n')
      }
      process.exit(0)
    })`
  const failures: string[] = []
  for (let trial = 0; trial < 6; trial++) {
    const databasePath = join(mkdtempSync(join(tmpdir(), 'whosaid-concurrency-')), 'w.db')
    const children = [0, 1, 2].map(() => {
      const child = spawn(process.execPath, ['--input-type=module', '-e', opener, databasePath])
      let out = ''
      child.stderr.on('data', (chunk) => { out += chunk })
      const ready = new Promise<void>((resolve) => {
        child.stdout.on('data', (chunk) => { out += chunk; if (out.startsWith('ready\n')) resolve() })
      })
      const outcome = new Promise<{ applied?: number, error?: string }>((resolve) => {
        child.on('close', () => { try { resolve(JSON.parse(out.replace(/^ready\n/, ''))) } catch { resolve({ error: out }) } })
      })
      return { child, ready, outcome }
    })
    await Promise.all(children.map((c) => c.ready))
    for (const { child } of children) child.stdin.write('go\n')
    const outcomes = await Promise.all(children.map((c) => c.outcome))
    for (const outcome of outcomes) if (outcome.error !== undefined) failures.push(`trial ${trial + 1}: ${outcome.error}`)
    const applied = outcomes.reduce((n, outcome) => n + (outcome.applied ?? 0), 0)
    const recorded = countRows(databasePath, 'schema_migrations')
    if (outcomes.every((outcome) => outcome.error === undefined) && applied !== recorded) {
      failures.push(`trial ${trial + 1}: ${applied} migrations applied in all for ${recorded} recorded`)
    }
  }
  t.same(failures, [], 'every process opened the database, and each migration was applied by exactly one')
})

t.test('two servers on one file under concurrent reads and writes: no 5xx, no lost or doubled write', async (t) => {
  const databasePath = join(mkdtempSync(join(tmpdir(), 'whosaid-concurrency-')), 'w.db')
  const a = await start(t, databasePath)
  const b = await start(t, databasePath)
  const servers = [a, b]

  const articles = generatedArticles(160, 30_000)
  // Every fifth article goes to both servers at once; a batch of 30 more goes to both as well.
  const batchArticles = generatedArticles(30, 31_000)
  const responses: Array<{ article: GeneratedArticle, server: number, status: number | null, ingest?: string }> = []
  const failures: string[] = []
  const statusCounts = new Map<number, number>()
  const count = (status: number): void => { statusCounts.set(status, (statusCounts.get(status) ?? 0) + 1) }

  let next = 0
  const writer = async (w: number): Promise<void> => {
    while (next < articles.length) {
      const i = next++
      const article = articles[i]!
      const targets = i % 5 === 0 ? [0, 1] : [(i + w) % 2]
      await Promise.all(targets.map(async (s) => {
        const res = await postArticle(servers[s]!.url, article)
        if (res.status !== null) count(res.status)
        responses.push({ article, server: s, status: res.status, ingest: res.status === 201 ? 'created' : res.body?.status })
        if (res.status === null || res.status >= 300) failures.push(`POST /sources to server ${s}: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`)
      }))
    }
  }

  let writing = true
  let reads = 0
  const READS = ['/quotes?limit=20', '/quotes?limit=5&q=council', '/sources?limit=50', '/speakers?limit=20', '/speakers?sort=name&limit=10',
    '/quotes?distinct=true&limit=10', '/health']
  const reader = async (r: number): Promise<void> => {
    let cursor: string | null = null
    for (let k = 0; writing; k++) {
      const server = servers[(r + k) % 2]!
      let path = READS[k % READS.length]!
      if (path === '/sources?limit=50' && cursor !== null) path += `&cursor=${encodeURIComponent(cursor)}`
      if (k % 11 === 0) path = `/sources/${1 + (k % 50)}`
      try {
        const res = await fetch(`${server.url}${path}`)
        count(res.status)
        const body = await res.json() as { next_cursor?: string | null }
        if (res.status >= 500 || (res.status !== 200 && res.status !== 404)) failures.push(`GET ${path}: ${res.status} ${JSON.stringify(body).slice(0, 200)}`)
        if (path.startsWith('/sources?limit=50')) cursor = body.next_cursor ?? null
        reads++
      } catch (err) {
        failures.push(`GET ${path}: ${(err as Error).message}`)
      }
    }
  }

  const batches = async (): Promise<Array<{ status?: number, body: string }>> =>
    Promise.all(servers.map((server) => streamBatch(server.url, ndjsonLines(batchArticles), { perTick: 4, pauseMs: 10 })))

  const started = Date.now()
  const readersDone = Promise.all(Array.from({ length: 4 }, (_, r) => reader(r)))
  const [batchReplies] = await Promise.all([batches(), Promise.all(Array.from({ length: 6 }, (_, w) => writer(w)))])
  writing = false
  await readersDone
  const seconds = (Date.now() - started) / 1000

  t.same(failures, [], `${responses.length} posts, ${reads} reads and 2 batches of ${batchArticles.length} in ${seconds.toFixed(1)} s: ` +
    `statuses ${JSON.stringify(Object.fromEntries(statusCounts))}`)
  t.notOk([...statusCounts.keys()].some((status) => status >= 500), 'no 5xx')
  for (const [s, server] of servers.entries()) {
    t.same(errorsLogged(server).map((entry) => String((entry['err'] as { message?: string } | undefined)?.message ?? entry['msg'])), [],
      `server ${s} logged no error (no SQLITE_BUSY, no constraint failure)`)
  }

  for (const [s, reply] of batchReplies.entries()) {
    t.equal(reply.status, 200, `batch to server ${s}: ${reply.body.slice(0, 200)}`)
    const items = JSON.parse(reply.body).items as Array<{ status: string, error?: string }>
    t.same(items.filter((item) => item.status !== 'created' && item.status !== 'existing'), [], `batch to server ${s}: every line stored`)
  }
  const batchCreated = batchReplies.flatMap((reply) => JSON.parse(reply.body).items as Array<{ line: number, status: string }>)
    .filter((item) => item.status === 'created').map((item) => item.line).sort((x, y) => x - y)
  t.same(batchCreated, batchArticles.map((_, i) => i + 1), 'each batch line was created by exactly one of the two servers')

  const createdPerArticle = new Map<string, number>()
  for (const r of responses) if (r.ingest === 'created') createdPerArticle.set(r.article.text, (createdPerArticle.get(r.article.text) ?? 0) + 1)
  t.same([...createdPerArticle.values()].filter((n) => n !== 1), [], 'no article was created twice')
  t.equal(createdPerArticle.size, articles.length, 'every posted article was created once')
  const duplicated = responses.filter((r) => articles.indexOf(r.article) % 5 === 0)
  t.equal(duplicated.filter((r) => r.ingest === 'existing').length, duplicated.length / 2,
    'of each article sent to both servers, one copy was created and the other found existing')

  t.equal(countRows(databasePath, 'sources'), articles.length + batchArticles.length, 'every article stored, each once')
  t.same(databaseProblems(databasePath, [...articles, ...batchArticles]), [], 'the database is sound and every article is whole')
  t.equal(await a.stop(), 0)
  t.equal(await b.stop(), 0)
})
