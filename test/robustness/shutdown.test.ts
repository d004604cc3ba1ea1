// Graceful shutdown of the real server (dist/server.js): SIGTERM while requests are in flight lets them finish,
// refuses what comes after, exits 0 and leaves a database that was closed cleanly (write-ahead log checkpointed).
import { request as httpRequest, type IncomingMessage } from 'node:http'
import { existsSync, mkdtempSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import t from 'tap'
import { exited, startServer, type RunningServer } from '../helpers/server.js'
import { generatedArticles } from '../helpers/generated-articles.js'
import { countRows, databaseProblems, ndjsonLines, streamBatch } from '../helpers/robustness.js'

t.setTimeout(120_000)

const ENV = { SEED: 'false', RATE_LIMIT_PER_MINUTE: '0' }

/** Resolves once the server has logged `msg`. */
async function logged (server: RunningServer, msg: string): Promise<void> {
  const deadline = Date.now() + 20_000
  while (!server.logs.some((entry) => entry['msg'] === msg)) {
    if (Date.now() > deadline) throw new Error(`the server never logged "${msg}"`)
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}

/** A request on a connection of its own: the status, or the error code when no answer came. */
function probe (base: string, path: string): Promise<{ status?: number, error?: string, body: string }> {
  return new Promise((resolve) => {
    const req = httpRequest(`${base}${path}`, { agent: false }, (res: IncomingMessage) => {
      let body = ''
      res.on('data', (chunk) => { body += chunk })
      res.on('end', () => resolve({ status: res.statusCode, body }))
      res.on('error', (err: NodeJS.ErrnoException) => resolve({ status: res.statusCode, error: err.code, body }))
    })
    req.on('error', (err: NodeJS.ErrnoException) => resolve({ error: err.code ?? err.message, body: '' }))
    req.end()
  })
}

/** Starts a POST /sources whose body is only half sent; `finish()` sends the rest and resolves with the answer. */
function halfSentPost (base: string, body: string): { started: Promise<void>, finish: () => Promise<{ status?: number, body: string, error?: string }> } {
  const url = new URL('/sources', base)
  let answer!: Promise<{ status?: number, body: string, error?: string }>
  const req = httpRequest({
    host: url.hostname, port: url.port, path: url.pathname, method: 'POST', agent: false,
    headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
  })
  answer = new Promise((resolve) => {
    req.on('response', (res) => {
      let text = ''
      res.on('data', (chunk) => { text += chunk })
      res.on('end', () => resolve({ status: res.statusCode, body: text }))
    })
    req.on('error', (err: NodeJS.ErrnoException) => resolve({ body: '', error: err.code ?? err.message }))
  })
  const half = Math.floor(body.length / 2)
  const started = new Promise<void>((resolve) => { req.write(body.slice(0, half), () => resolve()) })
  return { started, finish: async () => { req.end(body.slice(half)); return answer } }
}

t.test('SIGTERM during a streamed batch and a half-sent POST: both finish, new requests are refused, exit 0, clean database', async (t) => {
  const databasePath = join(mkdtempSync(join(tmpdir(), 'whosaid-shutdown-')), 'w.db')
  const server = await startServer({ ...ENV, DATABASE_PATH: databasePath })
  t.teardown(() => { if (server.child.exitCode === null) server.child.kill('SIGKILL') })

  const articles = generatedArticles(60, 40_000)
  const single = generatedArticles(1, 41_000)[0]!
  let signalled = false
  let progress = 0
  // The batch takes a second or more to arrive: 2 lines every 40 ms.
  const batch = streamBatch(server.url, ndjsonLines(articles), {
    perTick: 2,
    pauseMs: 40,
    onProgress: (sent) => { progress = sent },
  })
  const post = halfSentPost(server.url, JSON.stringify(single))
  await post.started
  while (progress < 10) await new Promise((resolve) => setTimeout(resolve, 5))

  server.child.kill('SIGTERM')
  signalled = true
  await logged(server, 'shutting down')
  t.ok(progress < articles.length, `SIGTERM sent with ${progress} of ${articles.length} batch lines sent and a POST half sent`)

  // A new connection while the server drains: refused (the port is closed) or told 503, never served.
  const late = await probe(server.url, '/sources')
  t.ok(late.error === 'ECONNREFUSED' || late.status === 503, `a request after SIGTERM: ${late.status ?? late.error} ${late.body.slice(0, 120)}`)

  const posted = await post.finish()
  t.equal(posted.status, 201, `the half-sent POST completes: ${posted.status ?? posted.error} ${posted.body.slice(0, 120)}`)

  const reply = await batch
  t.ok(signalled)
  t.equal(reply.status, 200, `the batch in flight completes: ${reply.status ?? reply.error} ${reply.body.slice(0, 200)}`)
  const items = JSON.parse(reply.body || '{"items": []}').items as Array<{ status: string }>
  t.equal(items.length, articles.length, 'every line of the batch was read')
  t.same(items.filter((item) => item.status !== 'created'), [], 'and stored')

  t.equal(await exited(server.child), 0, 'exit code 0')
  const wal = `${databasePath}-wal`
  t.ok(!existsSync(wal) || statSync(wal).size === 0, 'the write-ahead log was checkpointed: absent or empty')
  t.equal(countRows(databasePath, 'sources'), articles.length + 1, 'everything acknowledged is in the database file')
  t.same(databaseProblems(databasePath, [...articles, single]), [], 'which opens with integrity ok')
})

t.test('SIGTERM with idle keep-alive connections open: exits at once, not after the keep-alive timeout', async (t) => {
  const databasePath = join(mkdtempSync(join(tmpdir(), 'whosaid-shutdown-')), 'w.db')
  const server = await startServer({ ...ENV, DATABASE_PATH: databasePath })
  t.teardown(() => { if (server.child.exitCode === null) server.child.kill('SIGKILL') })
  // fetch keeps its connections alive: these stay open and idle after their answers.
  for (let i = 0; i < 5; i++) t.equal((await fetch(`${server.url}/sources`)).status, 200)
  const started = Date.now()
  server.child.kill('SIGTERM')
  t.equal(await exited(server.child), 0, 'exit code 0')
  const took = Date.now() - started
  t.ok(took < 10_000, `stopped in ${took} ms`)
})
