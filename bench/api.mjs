// API speed: the real server (`node dist/server.js`, a child process, on the cached dataset) under autocannon with
// 10 connections, endpoint by endpoint, against a bare Fastify server (another child process) answering from memory
// with a body of the same size, alternating bare and real in short rounds. Requests vary (ids, names, words) so that
// no single row is served over and over.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { BENCH_DIR, DIST, MIGRATIONS_DIR, ROOT, freePort, log, median, peakRssMb, percentile, rng, round, stopChild, tailOf, waitForHttp } from './lib.mjs'
import { queryNames, queryWords } from './generator.mjs'

const require = createRequire(path.join(ROOT, 'package.json'))
const autocannon = require('autocannon')
const BetterSqlite3 = require('better-sqlite3')

function rssNowMb (pid) {
  try {
    const m = /^VmRSS:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))
    return m ? round(Number(m[1]) / 1024, 1) : null
  } catch { return null }
}

/** With BENCH_PROFILE_DIR set, the server writes a CPU profile there when it stops (node --cpu-prof). */
export async function startServer ({ dbPath, env = {} }) {
  const port = await freePort()
  const profileDir = process.env.BENCH_PROFILE_DIR
  const args = profileDir ? ['--cpu-prof', '--cpu-prof-dir', path.resolve(profileDir)] : []
  const child = spawn(process.execPath, [...args, path.join(DIST, 'server.js')], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_PATH: dbPath, SEED: 'false', LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: '0', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  const stderr = tailOf(child.stderr)
  const base = `http://127.0.0.1:${port}`
  try {
    await waitForHttp(`${base}/health`, child, 120000)
  } catch (err) {
    await stopChild(child)
    throw new Error(`${err.message}\n${stderr()}`)
  }
  return { child, base, stderr }
}

async function startBare (payloads) {
  const port = await freePort()
  const file = path.join(os.tmpdir(), `whosaid-bench-payloads-${process.pid}.json`)
  fs.writeFileSync(file, JSON.stringify(payloads))
  const child = spawn(process.execPath, [path.join(BENCH_DIR, 'bare-server.mjs')], {
    env: { ...process.env, PORT: String(port), PAYLOADS_FILE: file },
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  const stderr = tailOf(child.stderr)
  const base = `http://127.0.0.1:${port}`
  try { await waitForHttp(`${base}/health`, child) } catch (err) { await stopChild(child); throw new Error(`${err.message}\n${stderr()}`) }
  return { child, base, file }
}

/** Request paths for each endpoint, drawn from the dataset with a fixed seed. */
export function requestPaths (dbPath, population, count) {
  const db = new BetterSqlite3(dbPath, { readonly: true, fileMustExist: true })
  try {
    const r = rng(42)
    const maxQuote = db.prepare('SELECT max(id) FROM quotes').pluck().get() ?? 1
    const quoteIds = Array.from({ length: count }, () => 1 + r.int(maxQuote))
    // Half the speakers as quotes name them (popular people more often), half uniformly among named speakers.
    const speakerOf = db.prepare('SELECT speaker_id FROM quotes WHERE id >= ? AND speaker_id IS NOT NULL ORDER BY id LIMIT 1').pluck()
    const named = db.prepare('SELECT id FROM speakers WHERE name IS NOT NULL AND EXISTS (SELECT 1 FROM quotes q WHERE q.speaker_id = speakers.id)').pluck().all()
    const speakerIds = Array.from({ length: count }, (_, i) => (i % 2 ? speakerOf.get(1 + r.int(maxQuote)) : r.pick(named)) ?? r.pick(named))
    const words = queryWords()
    const queries = Array.from({ length: count }, () => r.chance(0.7) ? r.pick(words) : `${r.pick(words)} ${r.pick(words)}`)
    const names = queryNames(population, count)
    // The newest page before a date drawn across the dataset's span: the same SQL as the first page of
    // GET /quotes?limit=20 (the date index read newest first), with URLs that do not repeat.
    const [first, last] = db.prepare('SELECT min(quoted_at), max(quoted_at) FROM quotes').raw().get().map((d) => Date.parse(d ?? '2020-01-01'))
    const untils = Array.from({ length: count }, () => new Date(first + r.int(Math.max(1, last - first)) + 1000).toISOString())
    return {
      '/speakers': names.map((n) => `/speakers?name=${encodeURIComponent(n)}`),
      '/speakers/:id/quotes': speakerIds.map((id) => `/speakers/${id}/quotes`),
      '/quotes': queries.map((q) => `/quotes?q=${encodeURIComponent(q)}`),
      '/quotes/:id': quoteIds.map((id) => `/quotes/${id}`),
      '/quotes?limit=20': untils.map((until) => `/quotes?limit=20&until=${until}`),
      names,
    }
  } finally { db.close() }
}

export const ENDPOINTS = [
  { route: '/speakers', label: 'GET /speakers?name=', p99Target: 10 },
  { route: '/speakers/:id/quotes', label: 'GET /speakers/:id/quotes', p99Target: 10 },
  { route: '/quotes', label: 'GET /quotes?q=', p99Target: 25 },
  { route: '/quotes/:id', label: 'GET /quotes/:id', p99Target: 10 },
  { route: '/quotes?limit=20', label: 'GET /quotes?limit=20&until=', p99Target: 10 },
]

/**
 * Time spent in the store alone for each endpoint's requests (in this process, one at a time, no HTTP), so that the
 * share of the database in a request's latency is known. Null for an endpoint whose store call is not known.
 */
async function storeTimings (dbPath, paths, n, budgetMs, databaseUrl = null) {
  const { Store, openStore } = await import(path.join(DIST, 'store', 'index.js'))
  let nameTokens = null
  try { ({ nameTokens } = await import(path.join(DIST, 'identity', 'names.js'))) } catch {}
  // PostgreSQL's store answers with promises (awaited below; awaiting SQLite's plain values costs next to nothing).
  const store = databaseUrl === null
    ? Store.open({ path: dbPath, migrationsDir: MIGRATIONS_DIR })
    : await openStore({ location: databaseUrl, defaultMigrationsDir: MIGRATIONS_DIR })
  const param = (p, key) => decodeURIComponent(new URL(p, 'http://x').searchParams.get(key))
  // The call the route makes: a page of quotes as JSON built by SQLite where the store can (listJson), else list.
  const quotePage = (page, filter) => store.quotes.listJson ? store.quotes.listJson(page, filter) : store.quotes.list(page, filter)
  const quoteJson = (id) => store.quotes.getJson ? store.quotes.getJson(id) : store.quotes.get(id)
  const calls = {
    '/speakers': (p) => store.speakers.list({ limit: 20 }, { nameTokens: nameTokens(param(p, 'name')), sort: 'quotes' }),
    '/speakers/:id/quotes': (p) => quotePage({ limit: 20 }, { speaker_id: Number(p.split('/')[2]), sort: 'newest' }),
    '/quotes': (p) => store.quotes.list({ limit: 20 }, { match: param(p, 'q'), sort: 'relevance' }),
    '/quotes/:id': (p) => quoteJson(Number(p.split('/')[2])),
    '/quotes?limit=20': (p) => quotePage({ limit: 20 }, { until: param(p, 'until'), sort: 'newest' }),
  }
  const out = {}
  try {
    for (const [route, call] of Object.entries(calls)) {
      try {
        const list = paths[route].slice(0, n)
        for (const p of list.slice(0, 5)) await call(p)
        // At most n requests or budgetMs per endpoint, whichever comes first.
        const times = [], start = performance.now()
        for (const p of list) {
          const t0 = performance.now(); await call(p); times.push(performance.now() - t0)
          if (performance.now() - start > budgetMs) break
        }
        out[route] = { requests: times.length, p50_ms: round(percentile(times, 50), 2), p99_ms: round(percentile(times, 99), 2), max_ms: round(Math.max(...times), 1) }
      } catch (err) { out[route] = { error: err.message } }
    }
  } finally { await store.close() }
  return out
}

/** Typical body of an endpoint: the one of median size among the first `n` of its requests. */
async function typicalBody (base, paths, n = 30) {
  const bodies = []
  const status = {}
  for (const p of paths.slice(0, n)) {
    const res = await fetch(base + p)
    const text = await res.text()
    status[res.status] = (status[res.status] ?? 0) + 1
    bodies.push(text)
  }
  const sizes = bodies.map((b) => Buffer.byteLength(b)).sort((a, b) => a - b)
  const med = median(sizes)
  const body = bodies.reduce((best, b) => Math.abs(Buffer.byteLength(b) - med) < Math.abs(Buffer.byteLength(best) - med) ? b : best)
  return { body, median_bytes: Math.round(med), status }
}

/** Whether /speakers honours ?name= (before the filter exists, Fastify strips the unknown parameter). */
async function nameFilterWorks (base, name) {
  const all = await (await fetch(`${base}/speakers`)).text()
  const res = await fetch(`${base}/speakers?name=${encodeURIComponent(name)}`)
  const filtered = await res.text()
  if (res.status !== 200) return { works: false, why: `status ${res.status}: ${filtered.slice(0, 200)}` }
  if (filtered === all) return { works: false, why: 'the name filter is ignored (same page as without it)' }
  return { works: true }
}

let offset = 0
export function cannon (base, paths, seconds, connections = 10) {
  const latencies = []
  let i = (offset += 7919) % paths.length
  const instance = autocannon({
    url: base,
    connections,
    duration: seconds,
    requests: [{ method: 'GET', setupRequest: (req) => { req.path = paths[i++ % paths.length]; return req } }],
  })
  instance.on('response', (_client, _status, _bytes, ms) => { latencies.push(ms) })
  return instance.then((res) => ({
    requests: res.requests.total,
    seconds: res.duration,
    rps: res.requests.total / res.duration,
    non2xx: res.non2xx,
    errors: res.errors + res.timeouts,
    latencies,
  }))
}

export function summarize (runs) {
  const all = runs.flatMap((r) => r.latencies)
  const requests = runs.reduce((n, r) => n + r.requests, 0)
  const secs = runs.reduce((n, r) => n + r.seconds, 0)
  return {
    rps: Math.round(requests / secs),
    p50_ms: round(percentile(all, 50), 2),
    p99_ms: round(percentile(all, 99), 2),
    requests,
    non2xx: runs.reduce((n, r) => n + r.non2xx, 0),
    errors: runs.reduce((n, r) => n + r.errors, 0),
  }
}

/** `databaseUrl`: serve the dataset from PostgreSQL (already copied there) instead of its SQLite file. */
export async function runApi ({ quick, dataset, rounds: roundsOpt, databaseUrl = null }) {
  const rounds = roundsOpt ?? (quick ? 2 : 4)
  const runSeconds = quick ? 1 : 4
  const warmSeconds = quick ? 0.5 : 2
  const paths = requestPaths(dataset.path, dataset.population, quick ? 2000 : 20000)

  const real = await startServer({ dbPath: dataset.path, env: databaseUrl === null ? {} : { DATABASE_URL: databaseUrl } })
  let bare
  const out = { dataset: { sources: dataset.sources, quotes: dataset.quotes, speakers: dataset.speakers }, connections: 10, rounds, run_seconds: runSeconds, endpoints: [], notes: [] }
  try {
    out.server_rss_after_start_mb = rssNowMb(real.child.pid)
    const nameCheck = await nameFilterWorks(real.base, paths.names[0])
    if (!nameCheck.works) out.notes.push(`GET /speakers?name=: ${nameCheck.why}; measured what the server answers (the unfiltered first page).`)
    out.name_filter = nameCheck.works

    const typical = {}
    for (const e of ENDPOINTS) typical[e.route] = await typicalBody(real.base, paths[e.route], quick ? 15 : 30)
    bare = await startBare(Object.fromEntries(ENDPOINTS.map((e) => [e.route, typical[e.route].body])))

    for (const e of ENDPOINTS) {
      log(`  api: ${e.label} (${typical[e.route].median_bytes} B typical), ${rounds} rounds of ${runSeconds} s each side`)
      await cannon(bare.base, paths[e.route], warmSeconds)
      await cannon(real.base, paths[e.route], warmSeconds)
      const bareRuns = [], realRuns = [], ratios = []
      for (let r = 0; r < rounds; r++) {
        // Alternate which side goes first so that drift in the machine's load falls on both.
        let b, x
        if (r % 2 === 0) { b = await cannon(bare.base, paths[e.route], runSeconds); x = await cannon(real.base, paths[e.route], runSeconds) } else { x = await cannon(real.base, paths[e.route], runSeconds); b = await cannon(bare.base, paths[e.route], runSeconds) }
        bareRuns.push(b); realRuns.push(x); ratios.push(x.rps / b.rps)
      }
      const realS = summarize(realRuns), bareS = summarize(bareRuns)
      out.endpoints.push({
        endpoint: e.label,
        typical_bytes: typical[e.route].median_bytes,
        sample_status: typical[e.route].status,
        rps: realS.rps, p50_ms: realS.p50_ms, p99_ms: realS.p99_ms,
        bare_rps: bareS.rps, bare_p50_ms: bareS.p50_ms, bare_p99_ms: bareS.p99_ms,
        ratio: round(median(ratios), 2),
        ratios: ratios.map((x) => round(x, 2)),
        requests: realS.requests, non2xx: realS.non2xx, errors: realS.errors,
        p99_target_ms: e.p99Target,
      })
    }
    out.server_peak_rss_mb = peakRssMb(real.child.pid)
    const store = await storeTimings(dataset.path, paths, quick ? 100 : 400, quick ? 2000 : 10000, databaseUrl)
    for (const e of out.endpoints) {
      const t = store[ENDPOINTS.find((x) => x.label === e.endpoint).route]
      e.store_p50_ms = t?.p50_ms ?? null; e.store_p99_ms = t?.p99_ms ?? null
      if (t?.error) out.notes.push(`store timing of ${e.endpoint} failed: ${t.error}`)
    }
    out.bare_peak_rss_mb = peakRssMb(bare.child.pid)
  } finally {
    await stopChild(real.child)
    if (bare) { await stopChild(bare.child); fs.rmSync(bare.file, { force: true }) }
  }
  return out
}
