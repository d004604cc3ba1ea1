// Other clients while one attacks (npm run test:resilience): the built server answers a reader's GET /health and
// GET /quotes for a few seconds alone, then again while attackers loop the hostile shapes of bench/adversarial.mjs
// (100 KB each) through POST /extract and POST /sources and the costliest full-text query the limits admit through
// GET /quotes?q=, from a process of their own. Both p99s are printed beside the issue-16 aim (loaded within 2× of unloaded).
// The server extracts as `npm start` does in a container or a systemd service, alone in its CPU cgroup: in processes
// under SCHED_IDLE where the machine allows (HOSTILE_EXTRACT_ISOLATION=thread measures worker threads at nice 10, as
// in a shared cgroup; =auto lets the server choose where the test runs; =cgroup starts it with its defaults in a CPU
// cgroup of its own, as in a container, where the test may make one; HOSTILE_EXTRACT_NICE sets the workers' nice
// value, EXTRACT_WORKER_NICE). The test itself
// asserts only what cannot be a matter of machine speed: no 5xx, every hostile request answered, and the reader's
// loaded p99 far from the minutes the unbounded paths used to take.
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtempSync } from 'node:fs'
import { createRequire } from 'node:module'
import { setPriority, tmpdir } from 'node:os'
import { join } from 'node:path'
import t from 'tap'
import { generatedArticles } from '../helpers/generated-articles.js'
import { ndjsonLines, streamBatch } from '../helpers/robustness.js'
import { makeCpuCgroup, removeCpuCgroup } from '../helpers/cgroup.js'
import { exited, startProductionServer } from '../helpers/server.js'

interface Result {
  latency: { p50: number, p99: number, max: number }
  requests: { total: number }
  errors: number
  timeouts: number
  statusCodeStats: Record<string, { count: number }>
}
// autocannon ships no types; this is the part of its API used here.
const autocannon = createRequire(import.meta.url)('autocannon') as (options: Record<string, unknown>) => Promise<Result>

const SECONDS = Number(process.env['HOSTILE_LOAD_SECONDS'] ?? 8)
// Which attackers run (all by default); one at a time tells which path costs the reader most.
const ATTACKERS = new Set((process.env['HOSTILE_ATTACKERS'] ?? 'extract,sources,search').split(','))
const HOSTILE_SIZE = 100_000
const ATTACKERS_NICE = Number(process.env['HOSTILE_ATTACKERS_NICE'] ?? 19)
const MODE = process.env['HOSTILE_EXTRACT_ISOLATION'] ?? 'process'
const CGROUP = MODE === 'cgroup' ? makeCpuCgroup('hostile') : null
if (MODE === 'cgroup' && CGROUP === null) throw new Error('HOSTILE_EXTRACT_ISOLATION=cgroup: cannot make a CPU cgroup here (needs root)')
const WORKER_NICE = process.env['HOSTILE_EXTRACT_NICE']
const EXTRACTION: Record<string, string> = { ...(MODE === 'cgroup' ? {} : { EXTRACT_ISOLATION: MODE }), ...(WORKER_NICE === undefined ? {} : { EXTRACT_WORKER_NICE: WORKER_NICE }) }
// A blow-up guard, not a speed target: before issue 16 one hostile POST held a worker for minutes and a search
// /health for 29 s. On a shared two-core machine with the attackers and the reader in this process, seconds are normal.
const LOADED_P99_BOUND_MS = 10_000
// Costliest shape the query limits allow (src/store/fts-limits.ts): 12 words, three of them prefixes of 3 letters.
const ATTACKERS_JS = join(import.meta.dirname, '..', 'helpers', 'hostile-attackers.mjs')
const HEAVY_QUERY = 'the* OR cou* OR wil* OR council OR bridge OR plan OR year OR people OR numbers OR family OR district OR doors'

t.setTimeout(SECONDS * 2000 + 180_000)

const reader = (url: string): Promise<Result> => autocannon({
  url,
  connections: 2,
  duration: SECONDS,
  timeout: 60,
  requests: [{ method: 'GET', path: '/health' }, { method: 'GET', path: '/quotes?limit=20' }],
})

t.test('a reader keeps being served while hostile extraction, ingestion and search requests loop', async (t) => {
  const databasePath = join(mkdtempSync(join(tmpdir(), 'whosaid-hostile-load-')), 'w.db')
  const server = await startProductionServer(databasePath, { EXTRACT_TIME_LIMIT_MS: '5000', ...EXTRACTION }, CGROUP === null ? {} : { cgroup: CGROUP })
  t.teardown(() => { if (server.child.exitCode === null) server.child.kill('SIGKILL') })
  if (CGROUP !== null) {
    t.teardown(async () => {
      if (server.child.exitCode === null) server.child.kill('SIGKILL')
      await removeCpuCgroup(CGROUP)
    })
  }

  // Something for the searches to read: 1,000 generated articles, about 12,000 quotes.
  const batch = await streamBatch(server.url, ndjsonLines(generatedArticles(1000, 70_000)), { perTick: 100 })
  t.equal(batch.status, 200, 'seeded by a batch')

  const alone = await reader(server.url)

  // The attackers run in a process of their own: reading their replies (megabytes of quotes) here would stall the
  // reader's own measurements, which are of the server.
  const attack = spawn(process.execPath, [ATTACKERS_JS, server.url, [...ATTACKERS].join(','), String(HOSTILE_SIZE), HEAVY_QUERY], { stdio: ['pipe', 'pipe', 'inherit'] })
  t.teardown(() => { if (attack.exitCode === null) attack.kill('SIGKILL') })
  // An attacker is another machine: here it shares the server's two cores, and building 100 KB bodies and reading
  // megabyte replies at the server's priority takes CPU the server itself never spends (the reader's p99 6-7 ms,
  // against 4-5 ms with the attackers lowered). Lowered (HOSTILE_ATTACKERS_NICE; 0 measures them at equal priority),
  // they still take every cycle the server leaves idle.
  if (ATTACKERS_NICE > 0) {
    try { setPriority(attack.pid!, ATTACKERS_NICE) } catch { /* not lowered: the figures include the attackers' CPU */ }
  }
  let attackOutput = ''
  attack.stdout!.on('data', (chunk: Buffer) => { attackOutput += chunk.toString('utf8') })
  while (!attackOutput.includes('started\n')) await new Promise((resolve) => setTimeout(resolve, 20))
  // Let the attackers reach their loops before the reader starts counting.
  await new Promise((resolve) => setTimeout(resolve, 500))
  const loaded = await reader(server.url)
  attack.stdin!.end('stop\n')
  await once(attack, 'exit')
  const { answered, unexpected } = JSON.parse(attackOutput.trim().split('\n').pop()!) as { answered: Record<string, number>, unexpected: string[] }

  const fives = (r: Result): number => Object.entries(r.statusCodeStats).filter(([code]) => Number(code) >= 500).reduce((n, [, s]) => n + s.count, 0)
  const ratio = loaded.latency.p99 / Math.max(alone.latency.p99, 1)
  const summary = {
    seconds: SECONDS,
    unloaded: { requests: alone.requests.total, p50_ms: alone.latency.p50, p99_ms: alone.latency.p99, max_ms: alone.latency.max },
    loaded: { requests: loaded.requests.total, p50_ms: loaded.latency.p50, p99_ms: loaded.latency.p99, max_ms: loaded.latency.max },
    p99_ratio: +ratio.toFixed(2),
    attackers_nice: ATTACKERS_NICE,
    extraction: `${server.extraction() ?? 'not logged'}${CGROUP === null ? '' : ', in a CPU cgroup of its own'}`,
    within_2x: ratio <= 2,
    hostile_answers: answered,
  }
  t.comment(`hostile load: ${JSON.stringify(summary)}`)
  console.log(`resilience hostile-load summary: ${JSON.stringify(summary)}`)

  t.ok(loaded.requests.total > 0, `the reader was answered ${loaded.requests.total} times under attack`)
  t.equal(fives(alone) + fives(loaded), 0, 'the reader got no 5xx')
  t.equal(loaded.errors + loaded.timeouts, 0, 'the reader had no failed connection or timeout')
  t.ok(loaded.latency.p99 < LOADED_P99_BOUND_MS, `reader p99 ${loaded.latency.p99} ms under attack (alone ${alone.latency.p99} ms; guard ${LOADED_P99_BOUND_MS} ms)`)
  t.same(unexpected, [], 'no hostile request got a 5xx')
  for (const [attacker, what] of [['extract', 'POST /extract'], ['sources', 'POST /sources'], ['search', 'GET /quotes?q=']] as const) {
    if (ATTACKERS.has(attacker)) t.ok(Object.keys(answered).some((k) => k.startsWith(what + ' ')), `${what} answered during the run`)
  }
  t.same(server.errors, [], 'the server logged no error')
  server.child.kill('SIGTERM')
  t.equal(await exited(server.child), 0, 'a graceful stop after the attack')
})
