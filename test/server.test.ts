// The built server as a process: start-up, seeding, restart, graceful stop, configuration errors.
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import t, { type Test } from 'tap'
import { SERVER_JS, exited, serverEnv, startServer } from './helpers/server.js'
import { sliceQuote } from './helpers/quotes.js'
import { makeCpuCgroup, moveToCgroup, removeCpuCgroup } from './helpers/cgroup.js'
import { childPids, schedulingPolicy, threadNices } from './helpers/threads.js'
import { extract } from '../src/extract/index.js'
import { idleScheduling } from '../src/services/extractor-process.js'

const getJson = async (url: string): Promise<any> => (await fetch(url)).json()
const logged = (logs: Array<Record<string, unknown>>, msg: string) => logs.filter((entry) => entry['msg'] === msg)

t.test('serves the seed article, keeps data across restarts, re-seeds a deleted database', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'whosaid-server-'))
  const databasePath = join(dir, 'data', 'whosaid.db')

  const first = await startServer({ DATABASE_PATH: databasePath })
  t.teardown(() => { first.child.kill('SIGKILL') })
  t.equal(logged(first.logs, 'applied migrations').length, 1)
  t.ok(logged(first.logs, 'seeded article').length >= 1)
  const health = await fetch(`${first.url}/health`)
  t.equal(health.status, 200)
  const sources = (await getJson(`${first.url}/sources`)).items
  t.ok(sources.some((s: { title: string }) => s.title.startsWith('Joint US-Israeli military action')))
  const speakers = await getJson(`${first.url}/speakers`)
  t.type(speakers.items, Array)
  const quotes = (await getJson(`${first.url}/quotes?limit=100`)).items
  for (const quote of quotes) {
    const source = await getJson(`${first.url}/sources/${quote.source_id}`)
    t.equal(sliceQuote(source.text, quote), quote.text, `quote ${quote.id} slices its source`)
  }
  t.equal(await first.stop('SIGTERM'), 0, 'SIGTERM stops with exit code 0')
  t.notOk(existsSync(`${databasePath}-wal`), 'the database was closed cleanly (WAL checkpointed and removed)')

  const second = await startServer({ DATABASE_PATH: databasePath })
  t.teardown(() => { second.child.kill('SIGKILL') })
  t.same(logged(second.logs, 'applied migrations'), [], 'no migration applied twice')
  t.same(logged(second.logs, 'seeded article'), [], 'a database with data is not seeded again')
  t.equal((await getJson(`${second.url}/sources`)).items.length, sources.length)
  t.equal(await second.stop('SIGINT'), 0, 'SIGINT stops with exit code 0')

  rmSync(databasePath)
  const third = await startServer({ DATABASE_PATH: databasePath })
  t.teardown(() => { third.child.kill('SIGKILL') })
  t.equal(logged(third.logs, 'applied migrations').length, 1)
  t.equal((await getJson(`${third.url}/sources`)).items.length, sources.length, 're-seeded')
  t.equal(await third.stop(), 0)
})

t.test('a SIGTERM during start-up stops the server gracefully once start-up has ended', async (t) => {
  const databasePath = join(mkdtempSync(join(tmpdir(), 'whosaid-server-')), 'w.db')
  // The signal goes as soon as the migrations are logged: the seed article is then still to be stored and nothing
  // listens yet. Node's default for SIGTERM would kill the process there (exit code null).
  const child = spawn(process.execPath, [SERVER_JS], { env: serverEnv({ DATABASE_PATH: databasePath }), stdio: ['ignore', 'pipe', 'pipe'] })
  t.teardown(() => { child.kill('SIGKILL') })
  const messages: string[] = []
  let buffered = ''
  child.stdout.on('data', (chunk) => {
    buffered += chunk
    const lines = buffered.split('\n')
    buffered = lines.pop()!
    for (const line of lines) {
      const msg = String((JSON.parse(line) as Record<string, unknown>)['msg'])
      messages.push(msg)
      if (msg === 'applied migrations') child.kill('SIGTERM')
    }
  })
  t.equal(await exited(child), 0, 'exit code 0')
  t.ok(messages.includes('shutting down'), 'the stop is logged')
  t.notOk(messages.some((msg) => msg.startsWith('Server listening')), 'it never listened')
  t.notOk(existsSync(`${databasePath}-wal`), 'the database was closed cleanly')

  // The seed was stored whole or not at all: the next start serves the seed article either way.
  const again = await startServer({ DATABASE_PATH: databasePath })
  t.teardown(() => { again.child.kill('SIGKILL') })
  const sources = (await getJson(`${again.url}/sources`)).items as Array<{ title: string }>
  t.ok(sources.some((s) => s.title.startsWith('Joint US-Israeli military action')), 'the seed article is served after a restart')
  // Stopped the moment it logs that it listens, before the lines it logs after that.
  again.child.kill('SIGTERM')
  t.equal(await exited(again.child), 0, 'a SIGTERM right after listening: exit code 0')
})

t.test('SEED=false starts with an empty database', async (t) => {
  const databasePath = join(mkdtempSync(join(tmpdir(), 'whosaid-server-')), 'w.db')
  const server = await startServer({ DATABASE_PATH: databasePath, SEED: 'false' })
  t.teardown(() => { server.child.kill('SIGKILL') })
  t.same(await getJson(`${server.url}/sources`), { items: [], next_cursor: null })
  t.equal(await server.stop(), 0)
})

const extracted = async (t: Test, url: string): Promise<void> => {
  const text = 'Ann Lee, the director, said "the bridge opens in May."'
  const res = await fetch(`${url}/extract`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text }) })
  t.equal(res.status, 200)
  t.same(await res.json(), JSON.parse(JSON.stringify(extract(text))), 'the same reply as extraction here')
}
const extractionLog = (logs: Array<Record<string, unknown>>): string => String(logs.find((entry) => String(entry['msg']).startsWith('Extraction in '))?.['msg'])
const idleAvailable = 'command' in idleScheduling()

t.test('in a CPU cgroup of its own, extraction runs in child processes under SCHED_IDLE by default', { skip: !idleAvailable && 'no SCHED_IDLE here' }, async (t) => {
  const databasePath = join(mkdtempSync(join(tmpdir(), 'whosaid-server-')), 'w.db')
  // Where no cgroup can be made (not root), the same through EXTRACT_ISOLATION=process.
  const cgroup = makeCpuCgroup('server')
  const server = cgroup === null
    ? await startServer({ DATABASE_PATH: databasePath, SEED: 'false', EXTRACT_ISOLATION: 'process' })
    : await startServer({ DATABASE_PATH: databasePath, SEED: 'false' }, { cgroup })
  t.teardown(() => { server.child.kill('SIGKILL') })
  await extracted(t, server.url)
  t.equal(extractionLog(server.logs), `Extraction in child processes under SCHED_IDLE (${cgroup === null ? 'EXTRACT_ISOLATION=process' : 'alone in its CPU cgroup, with SCHED_IDLE'})`, 'the start-up log says where and why')
  const children = childPids(server.child.pid!)
  t.ok(children.length >= 1, `extraction ran in ${children.length} child process(es)`)
  t.same(children.map(schedulingPolicy), children.map(() => 5), 'each under SCHED_IDLE (policy 5)')
  // Nothing of this process collects a worker's garbage, so its helpers keep the server's priority.
  t.same([...new Set(threadNices(server.child.pid!).values())], [0], 'every thread of the server at nice 0')
  t.equal(await server.stop(), 0, 'a graceful stop with the workers running')
  t.same(childPids(server.child.pid!), [], 'no worker process outlives the server')
  if (cgroup !== null) await removeCpuCgroup(cgroup)
})

t.test('in a CPU cgroup shared with another process, extraction runs in worker threads at nice 10 by default', async (t) => {
  const cgroup = makeCpuCgroup('shared')
  if (cgroup === null) return t.skip('cannot make a cgroup here (needs root)')
  const neighbour = spawn('sleep', ['60'], { stdio: 'ignore' })
  t.teardown(() => { neighbour.kill('SIGKILL') })
  moveToCgroup(cgroup, neighbour.pid!)
  const server = await startServer({ DATABASE_PATH: join(mkdtempSync(join(tmpdir(), 'whosaid-server-')), 'w.db'), SEED: 'false' }, { cgroup })
  t.teardown(() => { server.child.kill('SIGKILL') })
  await extracted(t, server.url)
  t.match(extractionLog(server.logs), /^Extraction in worker threads at nice 10 \(no SCHED_IDLE: the server shares its CPU cgroup \(.*\) with 1 other process\)$/,
    'SCHED_IDLE would make its articles wait for every busy process there')
  t.same(childPids(server.child.pid!), [], 'no child process')
  t.equal(await server.stop(), 0)
  neighbour.kill('SIGKILL')
  await once(neighbour, 'exit')
  await removeCpuCgroup(cgroup)
})

t.test('without SCHED_IDLE (no chrt on PATH), extraction runs in worker threads at nice 10', { skip: process.platform !== 'linux' && 'reads /proc' }, async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'whosaid-server-'))
  const server = await startServer({ DATABASE_PATH: join(dir, 'w.db'), SEED: 'false', PATH: dir })
  t.teardown(() => { server.child.kill('SIGKILL') })
  await extracted(t, server.url)
  t.match(extractionLog(server.logs), /^Extraction in worker threads at nice 10 \(no SCHED_IDLE: /)
  t.same(childPids(server.child.pid!), [], 'no child process')
  // V8's helper threads collect the niced workers' garbage: they run at the workers' nice value.
  const nices = threadNices(server.child.pid!)
  t.equal(nices.get(server.child.pid!), 0, 'the thread that answers requests keeps the server\'s priority')
  t.ok([...nices.values()].filter((nice) => nice === 10).length >= 5, `helper and worker threads at nice 10: ${JSON.stringify([...nices.values()])}`)
  t.equal(await server.stop(), 0)
})

t.test('EXTRACT_WORKER_NICE=idle where SCHED_IDLE cannot be had stops the server at start', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'whosaid-server-'))
  const child = spawn(process.execPath, [SERVER_JS], { env: serverEnv({ DATABASE_PATH: join(dir, 'w.db'), SEED: 'false', PATH: dir, EXTRACT_WORKER_NICE: 'idle' }), stdio: ['ignore', 'ignore', 'pipe'] })
  let stderr = ''
  child.stderr!.on('data', (chunk) => { stderr += chunk })
  t.equal(await exited(child), 1)
  t.match(stderr, /^whosaid: configuration error: EXTRACT_WORKER_NICE=idle cannot be had here: /)
  t.notOk(existsSync(join(dir, 'w.db')), 'before the database is touched')
})

t.test('worker processes end with a server that is killed', { skip: process.platform !== 'linux' && 'reads /proc' }, async (t) => {
  const databasePath = join(mkdtempSync(join(tmpdir(), 'whosaid-server-')), 'w.db')
  const server = await startServer({ DATABASE_PATH: databasePath, SEED: 'false', EXTRACT_ISOLATION: 'process' })
  t.teardown(() => { server.child.kill('SIGKILL') })
  const res = await fetch(`${server.url}/extract`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: 'Ann Lee said "yes."' }) })
  t.equal(res.status, 200)
  const workers = childPids(server.child.pid!)
  t.ok(workers.length >= 1)
  t.equal(await server.stop('SIGKILL'), null, 'killed')
  // Each sees its channel to the server close, and exits.
  for (const deadline = Date.now() + 5000; workers.some(alive) && Date.now() < deadline;) await new Promise((resolve) => setTimeout(resolve, 50))
  t.same(workers.filter(alive), [], 'no worker process is left running')
})

function alive (pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

t.test('a bad PORT stops start-up with a clear message and no stack trace', async (t) => {
  const child = spawn(process.execPath, [SERVER_JS], { env: serverEnv({ PORT: 'abc' }), stdio: ['ignore', 'pipe', 'pipe'] })
  let stderr = ''
  child.stderr.on('data', (chunk) => { stderr += chunk })
  t.equal(await exited(child), 1)
  t.equal(stderr, 'whosaid: configuration error: PORT must be an integer from 0 to 65535, got "abc"\n')
})

t.test('a port in use stops start-up with a clear message', async (t) => {
  const databasePath = join(mkdtempSync(join(tmpdir(), 'whosaid-server-')), 'w.db')
  const server = await startServer({ DATABASE_PATH: databasePath, SEED: 'false' })
  t.teardown(() => { server.child.kill('SIGKILL') })
  const port = new URL(server.url).port
  const child = spawn(process.execPath, [SERVER_JS], {
    env: serverEnv({ PORT: port, DATABASE_PATH: databasePath, SEED: 'false' }),
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let stderr = ''
  child.stderr.on('data', (chunk) => { stderr += chunk })
  t.equal(await exited(child), 1)
  t.match(stderr, /^whosaid: cannot start: .*EADDRINUSE/)
  t.notMatch(stderr, /\n\s+at /)
  t.equal(await server.stop(), 0)
})
