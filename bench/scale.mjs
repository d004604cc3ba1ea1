// The scale run (`npm run bench -- --scale`, not part of the ten-minute run): generated articles ingested into one
// fresh database with `whosaid ingest --workers 2`, 100,000 at a time (--scale-articles N, default 1,000,000;
// --scale-step N), printing articles/s for each step (does ingestion slow down as the database grows?), the database's
// size and the ingest process's peak RSS; then the time to open the database, the read endpoints' p50/p99 and a
// search at that size. Writes bench/results/scale.json. The database stays in bench/.cache/scale/ for inspection.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { cannon, ENDPOINTS, requestPaths, startServer, summarize } from './api.mjs'
import { article, populationFor } from './generator.mjs'
import { CACHE_DIR, DIST, MIGRATIONS_DIR, RESULTS_DIR, ROOT, log, machine, now, round, seconds, stopChild, table } from './lib.mjs'

const SCALE_SEED = 31337

function fileMb (file) {
  let bytes = 0
  for (const suffix of ['', '-wal']) { try { bytes += fs.statSync(file + suffix).size } catch {} }
  return round(bytes / 1024 / 1024, 1)
}

/** Writes articles [from, to) as NDJSON, streamed so that a step of 100,000 (~150 MB) is never one string. */
async function writeStep (file, from, to, population) {
  const out = fs.createWriteStream(file)
  for (let i = from; i < to; i++) {
    const a = article(SCALE_SEED, i, population)
    if (!out.write(JSON.stringify(a) + '\n')) await new Promise((resolve) => out.once('drain', resolve))
  }
  await new Promise((resolve, reject) => out.end((err) => err ? reject(err) : resolve()))
}

/** Runs `whosaid ingest` on one file; resolves with its summary and the process's peak RSS (polled VmHWM). */
function ingest (dbPath, file) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(DIST, 'cli', 'main.js'), 'ingest', '--db', dbPath, '--workers', '2', '--json', file], {
      cwd: ROOT, stdio: ['ignore', 'pipe', 'ignore'],
    })
    let stdout = ''
    let peakKb = 0
    const poll = setInterval(() => {
      try {
        const m = /^VmHWM:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8'))
        if (m) peakKb = Math.max(peakKb, Number(m[1]))
      } catch {}
    }, 200)
    child.stdout.on('data', (chunk) => { stdout += chunk })
    child.on('error', reject)
    child.on('exit', (code) => {
      clearInterval(poll)
      if (code !== 0) return reject(new Error(`whosaid ingest exited with ${code}: ${stdout.slice(-500)}`))
      resolve({ summary: JSON.parse(stdout.trim().split('\n').pop()), peak_rss_mb: round(peakKb / 1024, 1) })
    })
  })
}

export async function runScale ({ articles = 1_000_000, step = 100_000 } = {}) {
  const dir = path.join(CACHE_DIR, 'scale')
  fs.rmSync(dir, { recursive: true, force: true })
  fs.mkdirSync(dir, { recursive: true })
  const dbPath = path.join(dir, 'whosaid.db')
  const population = populationFor(articles)
  const steps = []
  const started = now()
  log(`scale: ${articles} articles in steps of ${step}, ${population} people, database ${dbPath}`)
  for (let from = 0; from < articles; from += step) {
    const to = Math.min(articles, from + step)
    const file = path.join(dir, `step-${from}.ndjson`)
    await writeStep(file, from, to, population)
    const t0 = now()
    const { summary, peak_rss_mb } = await ingest(dbPath, file)
    const secs = seconds(t0)
    fs.rmSync(file, { force: true })
    const row = { through: to, articles: to - from, seconds: round(secs, 1), articles_per_s: Math.round((to - from) / secs), db_mb: fileMb(dbPath), peak_rss_mb, summary }
    steps.push(row)
    log(`  ${to} articles: ${row.articles_per_s} articles/s, database ${row.db_mb} MB, ingest peak RSS ${peak_rss_mb} MB`)
  }

  const { Store } = await import(path.join(DIST, 'store', 'index.js'))
  const t0 = now()
  const store = Store.open({ path: dbPath, migrationsDir: MIGRATIONS_DIR })
  const openMs = round(now() - t0, 1)
  const counts = {
    sources: store.db.prepare('SELECT count(*) FROM sources').pluck().get(),
    quotes: store.db.prepare('SELECT count(*) FROM quotes').pluck().get(),
    speakers: store.db.prepare('SELECT count(*) FROM speakers').pluck().get(),
  }
  store.close()

  const paths = requestPaths(dbPath, population, 5000)
  const server = await startServer({ dbPath })
  const endpoints = []
  try {
    for (const e of ENDPOINTS) {
      await cannon(server.base, paths[e.route], 2)
      const s = summarize([await cannon(server.base, paths[e.route], 5)])
      endpoints.push({ endpoint: e.label, rps: s.rps, p50_ms: s.p50_ms, p99_ms: s.p99_ms, non2xx: s.non2xx, errors: s.errors })
    }
  } finally { await stopChild(server.child) }

  const result = {
    date: new Date().toISOString(),
    machine: machine(),
    articles, step, population, ...counts,
    db_mb: fileMb(dbPath),
    open_ms: openMs,
    total_seconds: round(seconds(started), 1),
    steps: steps.map(({ summary, ...row }) => ({ ...row, failed: summary.failed ?? null })),
    endpoints,
  }
  fs.mkdirSync(RESULTS_DIR, { recursive: true })
  fs.writeFileSync(path.join(RESULTS_DIR, 'scale.json'), JSON.stringify(result, null, 2) + '\n')

  console.log(`SCALE RUN: ${counts.sources} articles, ${counts.quotes} quotes, ${counts.speakers} speakers; database ${result.db_mb} MB, opened in ${openMs} ms; ${result.total_seconds} s in all`)
  console.log(table(['through', 'articles/s', 'database MB', 'ingest peak RSS MB'], steps.map((r) => [r.through, r.articles_per_s, r.db_mb, r.peak_rss_mb])))
  console.log()
  console.log(table(['endpoint (10 connections, 5 s)', 'req/s', 'p50 ms', 'p99 ms', 'non-2xx'], endpoints.map((e) => [e.endpoint, e.rps, e.p50_ms, e.p99_ms, e.non2xx])))
  return result
}
