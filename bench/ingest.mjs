// Ingestion speed on generated articles into fresh databases: extraction alone (one core, then every core), storing
// alone (precomputed extractions replayed into store.ingest and store.ingestMany), the two together in-process (workers extract, the main
// thread stores), and the real entry points when they exist: POST /sources/batch (NDJSON) and `whosaid ingest`.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Worker } from 'node:worker_threads'
import { BENCH_DIR, DIST, MIGRATIONS_DIR, ROOT, childPeakRssMb, log, now, peakRssMb, round, seconds, stopChild, tailOf } from './lib.mjs'
import { article, populationFor } from './generator.mjs'
import { describeDb, loadStore } from './dataset.mjs'
import { startServer } from './api.mjs'

export const INGEST_SEED = 777
export const API_KEY = 'bench-api-key-0123456789'

/**
 * POSTs `articles` to a server's /sources/batch as NDJSON bodies of `perRequest` articles, `inFlight` requests at a
 * time. Counts each answer's status into `tally.statuses` and keeps the first error (a 4xx/5xx, or a line the batch
 * reports failed) in `tally.firstError`.
 */
export async function postBatches (base, articles, { perRequest, inFlight, tally }) {
  const bodies = []
  for (let i = 0; i < articles.length; i += perRequest) bodies.push(articles.slice(i, i + perRequest).map((a) => JSON.stringify(a)).join('\n') + '\n')
  let next = 0
  const worker = async () => {
    while (next < bodies.length) {
      const body = bodies[next++]
      const res = await fetch(`${base}/sources/batch`, { method: 'POST', headers: { 'content-type': 'application/x-ndjson', authorization: `Bearer ${API_KEY}` }, body })
      const text = await res.text()
      tally.statuses[res.status] = (tally.statuses[res.status] ?? 0) + 1
      if (!tally.firstError && (res.status >= 400 || text.includes('"status":"error"'))) tally.firstError = text.slice(0, 300)
    }
  }
  await Promise.all(Array.from({ length: inFlight }, worker))
}

function tmpDb (name) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'whosaid-bench-'))
  return { dir, file: path.join(dir, `${name}.db`) }
}

/** Extraction of all texts on one worker per core, texts sent in chunks; seconds. */
async function extractOnWorkers (texts, workers = os.availableParallelism?.() ?? os.cpus().length, chunkSize = 50) {
  const pool = Array.from({ length: workers }, () => new Worker(new URL('./extract-worker.mjs', import.meta.url)))
  // Warm-up: every worker loads the extractor and compiles its hot paths before the clock starts.
  await Promise.all(pool.map((w) => new Promise((resolve) => { w.once('message', resolve); w.postMessage({ type: 'extract', chunk: -1, texts: texts.slice(0, 100) }) })))
  const t0 = now()
  let next = 0, done = 0
  const chunks = Math.ceil(texts.length / chunkSize)
  await new Promise((resolve, reject) => {
    const give = (w) => { if (next < chunks) { w.postMessage({ type: 'extract', chunk: next, texts: texts.slice(next * chunkSize, (next + 1) * chunkSize) }); next++ } }
    for (const w of pool) {
      w.on('error', reject)
      w.on('message', () => { done++; if (done === chunks) resolve(); else give(w) })
      give(w); give(w)
    }
  })
  const s = seconds(t0)
  await Promise.all(pool.map((w) => w.terminate()))
  return { seconds: s, workers }
}

function runChild (args, { pollRss = true } = {}) {
  return new Promise((resolve, reject) => {
    const profileDir = process.env.BENCH_PROFILE_DIR
    const node = profileDir ? ['--cpu-prof', '--cpu-prof-dir', path.resolve(profileDir)] : []
    const child = spawn(process.execPath, [...node, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    child.stdout.setEncoding('utf8').on('data', (d) => { out += d })
    const err = tailOf(child.stderr)
    let peak = null
    const timer = pollRss ? setInterval(() => { const p = peakRssMb(child.pid); if (p !== null) peak = p }, 100) : null
    const t0 = now()
    child.on('error', reject)
    child.on('exit', (code) => {
      if (timer) clearInterval(timer)
      resolve({ code, stdout: out, stderr: err(), seconds: seconds(t0), peak_rss_mb: peak })
    })
  })
}

/** POST /sources/batch with NDJSON bodies of `perRequest` articles, `inFlight` requests at a time. */
async function viaBatchEndpoint (articles, { perRequest = 1000, inFlight = 2 } = {}) {
  const { dir, file } = tmpDb('batch')
  const server = await startServer({ dbPath: file, env: { API_KEY } })
  try {
    const tally = { statuses: {}, firstError: null }
    const t0 = now()
    await postBatches(server.base, articles, { perRequest, inFlight, tally })
    const { statuses, firstError } = tally
    const s = seconds(t0)
    const peak = peakRssMb(server.child.pid)
    const workerPeaks = childPeakRssMb(server.child.pid)
    await stopChild(server.child)
    const Store = await loadStore()
    const store = Store.open({ path: file, migrationsDir: MIGRATIONS_DIR })
    const stored = describeDb(store.db, null)
    store.close()
    if (firstError) log(`  ingest: POST /sources/batch answered ${JSON.stringify(statuses)}: ${firstError}`)
    return { articles_per_s: Math.round(articles.length / s), seconds: round(s, 2), per_request: perRequest, in_flight: inFlight, statuses, stored_sources: stored.sources, stored_quotes: stored.quotes, server_peak_rss_mb: peak, worker_process_peak_rss_mb: workerPeaks, error: firstError }
  } finally {
    await stopChild(server.child)
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

async function viaCli (articles, workers) {
  const { dir, file } = tmpDb('cli')
  const input = path.join(dir, 'articles.jsonl')
  fs.writeFileSync(input, articles.map((a) => JSON.stringify(a)).join('\n') + '\n')
  try {
    const r = await runChild([path.join(DIST, 'cli', 'main.js'), 'ingest', input, '--workers', String(workers), '--db', file])
    if (r.code !== 0) return { error: `exit code ${r.code}: ${r.stderr.slice(-500)}` }
    const Store = await loadStore()
    const store = Store.open({ path: file, migrationsDir: MIGRATIONS_DIR })
    const stored = describeDb(store.db, null)
    store.close()
    return { articles_per_s: Math.round(articles.length / r.seconds), seconds: round(r.seconds, 2), workers, stored_sources: stored.sources, stored_quotes: stored.quotes, peak_rss_mb: r.peak_rss_mb, note: 'wall time of the whole command, start-up included' }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

export async function runIngest ({ quick }) {
  const count = quick ? 400 : 10000
  const population = populationFor(count)
  const { extract } = await import(path.join(DIST, 'extract', 'index.js'))
  const Store = await loadStore()
  const out = { articles: count, notes: [] }

  // In-process, both cores, in a child process so that its peak RSS is the ingest's alone.
  {
    const { dir, file } = tmpDb('pipeline')
    const r = await runChild([path.join(BENCH_DIR, 'ingest-pipeline.mjs'), file, String(INGEST_SEED), String(count), String(population)], { pollRss: false })
    fs.rmSync(dir, { recursive: true, force: true })
    if (r.code !== 0) throw new Error(`ingest-pipeline.mjs failed: ${r.stderr}`)
    const res = JSON.parse(r.stdout.trim().split('\n').pop())
    out.in_process = { articles_per_s: Math.round(count / res.seconds), seconds: round(res.seconds, 2), quotes: res.quotes, workers: res.workers, peak_rss_mb: res.peak_rss_mb }
    log(`  ingest: in-process pipeline ${out.in_process.articles_per_s} articles/s`)
  }

  const articles = Array.from({ length: count }, (_, i) => article(INGEST_SEED, i, population))
  out.megabytes = round(articles.reduce((n, a) => n + Buffer.byteLength(a.text), 0) / 1e6, 2)

  // Extraction alone, one core (warm).
  for (const a of articles.slice(0, 200)) extract(a.text)
  let t0 = now()
  const extractions = articles.map((a) => extract(a.text))
  const extractSeconds = seconds(t0)
  out.quotes = extractions.reduce((n, e) => n + e.quotes.length, 0)
  out.extract_one_core = { articles_per_s: Math.round(count / extractSeconds), seconds: round(extractSeconds, 2) }

  // Extraction alone on every core.
  const multi = await extractOnWorkers(articles.map((a) => a.text))
  out.extract_all_cores = { articles_per_s: Math.round(count / multi.seconds), seconds: round(multi.seconds, 2), workers: multi.workers }

  // Storing alone: the precomputed extractions replayed into store.ingest, one transaction per article (what
  // POST /sources does), then through store.ingestMany, 200 articles per transaction (what a batch does). These two splits stop at 5,000 articles or
  // 40 s (the rate barely moves after that), to keep the full run under ten minutes on a busy machine.
  const storeCount = Math.min(count, 5000)
  for (const batched of [false, true]) {
    const { dir, file } = tmpDb('store')
    const store = Store.open({ path: file, migrationsDir: MIGRATIONS_DIR })
    const group = (from, to) => Array.from({ length: to - from }, (_, k) => ({ article: articles[from + k], extraction: extractions[from + k] }))
    const tx = batched && typeof store.ingestMany === 'function'
      ? (from, to) => { for (const attempt of store.ingestMany(group(from, to))) if (!attempt.ok) throw attempt.error }
      : batched && typeof store.db?.transaction === 'function'
        ? store.db.transaction((from, to) => { for (let i = from; i < to; i++) store.ingest(articles[i], extractions[i]) })
        : (from, to) => { for (let i = from; i < to; i++) store.ingest(articles[i], extractions[i]) }
    t0 = now()
    let done = 0
    while (done < storeCount && now() - t0 < 40000) { const to = Math.min(storeCount, done + 200); tx(done, to); done = to }
    const s = seconds(t0)
    store.close()
    fs.rmSync(dir, { recursive: true, force: true })
    out[batched ? 'store_batched' : 'store'] = { articles_per_s: Math.round(done / s), seconds: round(s, 2), articles: done, ...(batched ? { per_transaction: 200 } : {}) }
  }
  // Share of a single-threaded ingest spent extracting versus storing, storing in groups as a batch does.
  const storeSecondsAll = count / out.store_batched.articles_per_s
  out.extract_share = round(extractSeconds / (extractSeconds + storeSecondsAll), 2)
  out.store_share = round(1 - out.extract_share, 2)
  // With extraction spread over the cores, the main thread's storing in groups is the ceiling (if both overlapped
  // perfectly; they share the two cores).
  out.ceiling_articles_per_s = Math.round(Math.min(out.extract_all_cores.articles_per_s, out.store_batched.articles_per_s))

  // The real entry points, when they exist.
  if (fs.existsSync(path.join(DIST, 'routes', 'sources', 'batch.js'))) {
    try {
      out.batch_endpoint = await viaBatchEndpoint(articles)
      log(`  ingest: POST /sources/batch ${out.batch_endpoint.articles_per_s} articles/s`)
    } catch (err) { out.batch_endpoint = { error: err.message }; out.notes.push(`POST /sources/batch failed: ${err.message}`) }
  } else {
    out.notes.push('POST /sources/batch is missing (no dist/routes/sources/batch.js): not measured.')
  }
  if (fs.existsSync(path.join(DIST, 'cli', 'commands', 'ingest.js'))) {
    try {
      // The command's default (defaultIngestWorkers, besideTheWriter in src/services/extractor-pool.ts): a worker per core but the writer's.
      out.cli = await viaCli(articles, Math.max(1, (os.availableParallelism?.() ?? os.cpus().length) - 1))
      if (out.cli.error) out.notes.push(`whosaid ingest failed: ${out.cli.error}`)
      else log(`  ingest: whosaid ingest ${out.cli.articles_per_s} articles/s`)
    } catch (err) { out.cli = { error: err.message }; out.notes.push(`whosaid ingest failed: ${err.message}`) }
  } else {
    out.notes.push('whosaid ingest is missing (no dist/cli/commands/ingest.js): not measured.')
  }
  return out
}
