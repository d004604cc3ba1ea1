// Crash safety (npm run test:resilience): the real server (dist/server.js) is killed with SIGKILL in the middle of ingesting, then started
// again on the same file. The database must be sound, every article stored whole or not at all, every article a
// client was told was stored still there, and sending everything again must store each article exactly once.
import { existsSync, mkdtempSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import t, { type Test } from 'tap'
import { exited, startServer, type RunningServer } from '../helpers/server.js'
import { generatedArticles } from '../helpers/generated-articles.js'
import { countRows, databaseProblems, ndjsonLines, postArticle, streamBatch } from '../helpers/robustness.js'

t.setTimeout(240_000)

const ENV = { SEED: 'false', RATE_LIMIT_PER_MINUTE: '0' }

async function start (t: Test, databasePath: string): Promise<RunningServer> {
  const server = await startServer({ ...ENV, DATABASE_PATH: databasePath })
  t.teardown(() => { if (server.child.exitCode === null) server.child.kill('SIGKILL') })
  return server
}

async function kill (server: RunningServer): Promise<void> {
  server.child.kill('SIGKILL')
  await exited(server.child)
}

function storedTexts (path: string): Set<string> {
  const db = new Database(path, { readonly: true })
  try {
    return new Set(db.prepare('SELECT text FROM sources').pluck().all() as string[])
  } finally {
    db.close()
  }
}

const walSize = (path: string): number => existsSync(`${path}-wal`) ? statSync(`${path}-wal`).size : 0

t.test('SIGKILL during many concurrent POST /sources: every acknowledged article survives, each article once', async (t) => {
  const articles = generatedArticles(120, 10_000)
  const databasePath = join(mkdtempSync(join(tmpdir(), 'whosaid-crash-')), 'w.db')
  const server = await start(t, databasePath)

  const acknowledged = new Set<number>()
  let next = 0
  let killing: Promise<void> | null = null
  const client = async (): Promise<void> => {
    while (next < articles.length && killing === null) {
      const i = next++
      const res = await postArticle(server.url, articles[i]!)
      if (res.status === 201 || res.status === 200) acknowledged.add(i)
      else if (res.status !== null && killing === null) t.fail(`article ${i}: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`)
      if (acknowledged.size >= articles.length / 2 && killing === null) killing = kill(server)
    }
  }
  await Promise.all(Array.from({ length: 8 }, client))
  await killing
  t.equal(server.child.signalCode, 'SIGKILL', 'the server was killed')
  t.ok(acknowledged.size >= articles.length / 2 && acknowledged.size < articles.length,
    `killed after ${acknowledged.size} of ${articles.length} articles were acknowledged (write-ahead log ${walSize(databasePath)} bytes)`)

  const restarted = await start(t, databasePath)
  t.equal((await fetch(`${restarted.url}/health`)).status, 200, 'the restarted server answers')
  t.same(databaseProblems(databasePath, articles), [], 'the database is sound and every stored article is whole')
  const stored = storedTexts(databasePath)
  const lost = [...acknowledged].filter((i) => !stored.has(articles[i]!.text))
  t.same(lost, [], 'no acknowledged article was lost')

  const statuses = new Map<string, number>()
  for (let i = 0; i < articles.length; i += 8) {
    await Promise.all(articles.slice(i, i + 8).map(async (article) => {
      const res = await postArticle(restarted.url, article)
      const status = res.status === 201 ? 'created' : res.status === 200 ? res.body.status : `HTTP ${res.status}`
      statuses.set(status, (statuses.get(status) ?? 0) + 1)
    }))
  }
  t.same([...statuses.keys()].filter((s) => s !== 'created' && s !== 'existing'), [], `sent again: ${JSON.stringify(Object.fromEntries(statuses))}`)
  t.ok((statuses.get('existing') ?? 0) >= acknowledged.size, 'at least the acknowledged articles were already there')
  t.equal(countRows(databasePath, 'sources'), articles.length, 'each article is stored exactly once')
  t.same(databaseProblems(databasePath, articles), [], 'and the database is sound')
  t.equal(await restarted.stop(), 0)
})

t.test('SIGKILL in the middle of a streamed POST /sources/batch: sound after restart, sending again stores each article once', async (t) => {
  const articles = generatedArticles(180, 20_000)
  const lines = ndjsonLines(articles)
  const databasePath = join(mkdtempSync(join(tmpdir(), 'whosaid-crash-')), 'w.db')
  const server = await start(t, databasePath)

  // The batch arrives slowly; the server is killed once a third of it is stored.
  let storedAtKill = -1
  let killing: Promise<void> | null = null
  const watcher = setInterval(() => {
    if (killing !== null || !existsSync(databasePath)) return
    const stored = countRows(databasePath, 'sources')
    if (stored >= articles.length / 3) {
      storedAtKill = stored
      killing = kill(server)
    }
  }, 25)
  t.teardown(() => clearInterval(watcher))
  const first = await streamBatch(server.url, lines, { perTick: 2, pauseMs: 20 })
  clearInterval(watcher)
  await killing
  t.equal(server.child.signalCode, 'SIGKILL', 'the server was killed')
  t.ok(first.status === undefined, `the batch got no reply (${first.error}); ${first.linesSent} of ${lines.length} lines had been sent`)
  t.ok(storedAtKill >= articles.length / 3 && storedAtKill < articles.length, `${storedAtKill} articles stored when it was killed`)

  const restarted = await start(t, databasePath)
  const survived = countRows(databasePath, 'sources')
  t.ok(survived >= storedAtKill, `${survived} articles after restart, at least the ${storedAtKill} seen before the kill`)
  t.same(databaseProblems(databasePath, articles), [], 'the database is sound and every stored article is whole')

  const again = await streamBatch(restarted.url, lines, { perTick: 50 })
  t.equal(again.status, 200, again.error ?? again.body.slice(0, 200))
  const reply = JSON.parse(again.body)
  t.equal(reply.items.length, articles.length, 'one item per line')
  t.same(reply.items.filter((item: { status: string }) => item.status !== 'created' && item.status !== 'existing'), [], 'every line created or existing')
  t.equal(reply.existing, survived, 'the articles that survived are "existing"')
  t.equal(reply.created, articles.length - survived, 'the rest are "created"')
  t.equal(countRows(databasePath, 'sources'), articles.length, 'each article is stored exactly once')
  t.same(databaseProblems(databasePath, articles), [], 'and the database is sound')
  t.equal(await restarted.stop(), 0)
  t.equal(walSize(databasePath), 0, 'a clean stop leaves no write-ahead log behind')
})
