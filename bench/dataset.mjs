// The benchmark dataset: generated articles run through the real extractor (in worker threads, one per core) and
// written through the real store (main thread), cached under bench/.cache/ keyed by the generator version, the
// migration files and the extractor version, so that a schema or generator change rebuilds it.
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Worker } from 'node:worker_threads'
import { CACHE_DIR, DIST, MIGRATIONS_DIR, log, now, round, seconds } from './lib.mjs'
import { GENERATOR_VERSION, populationFor } from './generator.mjs'

export const DATASET_SEED = 20250101

export async function loadStore () {
  const mod = await import(path.join(DIST, 'store', 'index.js'))
  if (typeof mod.Store?.open !== 'function') throw new Error('dist/store/index.js has no Store.open')
  return mod.Store
}

export async function extractorVersion () {
  const mod = await import(path.join(DIST, 'extract', 'index.js'))
  return mod.EXTRACTOR_VERSION ?? 'unknown'
}

/** Hash of every migration file (names and contents): a schema change gives another key. */
export function migrationsHash () {
  const h = crypto.createHash('sha256')
  for (const f of fs.readdirSync(MIGRATIONS_DIR).filter((f) => f.endsWith('.sql')).sort()) {
    h.update(f).update('\0').update(fs.readFileSync(path.join(MIGRATIONS_DIR, f))).update('\0')
  }
  return h.digest('hex')
}

export async function datasetKey (sources, seed = DATASET_SEED) {
  return crypto.createHash('sha256')
    .update(JSON.stringify({ generator: GENERATOR_VERSION, migrations: migrationsHash(), extractor: await extractorVersion(), sources, seed }))
    .digest('hex').slice(0, 12)
}

function workerCount () { return Math.max(1, os.availableParallelism?.() ?? os.cpus().length) }

/**
 * Generates and extracts articles [0, count) of `seed` on `workers` worker threads and hands each chunk, in order,
 * to `onChunk(items)` on the main thread (items: { article, extraction }). Workers run ahead by two chunks each.
 */
export function pipeline ({ seed, count, population, workers = workerCount(), chunkSize = 200, onChunk }) {
  return new Promise((resolve, reject) => {
    const chunks = Math.ceil(count / chunkSize)
    const pool = Array.from({ length: workers }, () => new Worker(new URL('./extract-worker.mjs', import.meta.url)))
    const ready = new Map()
    let assigned = 0, written = 0, failed = false
    const finish = (err) => {
      for (const w of pool) void w.terminate()
      if (err) { failed = true; reject(err) } else resolve()
    }
    const assign = (w) => {
      if (assigned >= chunks) return
      const from = assigned * chunkSize
      w.postMessage({ type: 'generate', chunk: assigned, seed, population, from, to: Math.min(count, from + chunkSize) })
      assigned++
    }
    for (const w of pool) {
      w.on('error', (err) => { if (!failed) finish(err) })
      w.on('message', (msg) => {
        if (failed) return
        ready.set(msg.chunk, msg.items)
        assign(w)
        try {
          while (ready.has(written)) {
            const items = ready.get(written)
            ready.delete(written)
            onChunk(items)
            written++
          }
        } catch (err) { finish(err); return }
        if (written === chunks) finish()
      })
      assign(w); assign(w)
    }
    if (chunks === 0) finish()
  })
}

/** Counts and size of a built database. */
export function describeDb (db, file) {
  const one = (sql) => db.prepare(sql).pluck().get()
  return {
    sources: one('SELECT count(*) FROM sources'),
    quotes: one('SELECT count(*) FROM quotes'),
    speakers: one('SELECT count(*) FROM speakers'),
    named_speakers: one('SELECT count(*) FROM speakers WHERE name IS NOT NULL'),
    megabytes: file ? round(fs.statSync(file).size / 1e6, 1) : null,
  }
}

/**
 * Writes articles [0, sources) of the dataset into a new database at `file` through Store.open + store.ingestMany,
 * one transaction per chunk with a savepoint per article.
 */
export async function buildInto (file, { sources, seed = DATASET_SEED, population = populationFor(sources), progress = true, fast = true }) {
  const Store = await loadStore()
  for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true })
  const store = Store.open({ path: file, migrationsDir: MIGRATIONS_DIR })
  // A cache file, not the thing measured: no fsync while building it.
  if (fast) { store.db.pragma('synchronous = OFF'); store.db.pragma('cache_size = -65536') }
  // ingestMany: the chunk in one transaction, as the batch endpoint stores what is ready (older stores: one by one).
  const batch = typeof store.ingestMany === 'function'
    ? (items) => { for (const attempt of store.ingestMany(items)) if (!attempt.ok) throw attempt.error }
    : typeof store.db?.transaction === 'function'
      ? store.db.transaction((items) => { for (const { article, extraction } of items) store.ingest(article, extraction) })
      : (items) => { for (const { article, extraction } of items) store.ingest(article, extraction) }
  const t0 = now()
  let done = 0, lastLog = now()
  await pipeline({
    seed, count: sources, population,
    onChunk: (items) => {
      batch(items)
      done += items.length
      if (progress && now() - lastLog > 10000) {
        lastLog = now()
        log(`  dataset: ${done}/${sources} articles (${Math.round(done / seconds(t0))}/s)`)
      }
    },
  })
  const buildSeconds = seconds(t0)
  const stats = describeDb(store.db, null)
  store.db.pragma('wal_checkpoint(TRUNCATE)')
  store.close()
  return { ...stats, megabytes: round(fs.statSync(file).size / 1e6, 1), build_seconds: round(buildSeconds, 1), articles_per_s: Math.round(sources / buildSeconds) }
}

/** The cached dataset of `sources` articles, built if missing or stale. Returns its path and description. */
export async function ensureDataset ({ sources, seed = DATASET_SEED }) {
  fs.mkdirSync(CACHE_DIR, { recursive: true })
  const key = await datasetKey(sources, seed)
  const base = `dataset-${sources}`
  const file = path.join(CACHE_DIR, `${base}-${key}.db`)
  const metaFile = `${file}.json`
  if (fs.existsSync(file) && fs.existsSync(metaFile)) {
    const meta = JSON.parse(fs.readFileSync(metaFile, 'utf8'))
    return { path: file, key, cached: true, ...meta }
  }
  // A stale build of the same size (older generator or schema) is removed first.
  for (const f of fs.readdirSync(CACHE_DIR)) if (f.startsWith(`${base}-`)) fs.rmSync(path.join(CACHE_DIR, f), { force: true })
  log(`building the ${sources}-source dataset (key ${key}) on ${workerCount()} extraction workers…`)
  const tmp = path.join(CACHE_DIR, `${base}-${key}.building.db`)
  const meta = { ...(await buildInto(tmp, { sources, seed })), generator_version: GENERATOR_VERSION, seed, population: populationFor(sources), built_at: new Date().toISOString() }
  fs.renameSync(tmp, file)
  for (const f of [`${tmp}-wal`, `${tmp}-shm`]) fs.rmSync(f, { force: true })
  fs.writeFileSync(metaFile, JSON.stringify(meta, null, 2) + '\n')
  log(`  built in ${meta.build_seconds} s: ${meta.sources} sources, ${meta.quotes} quotes, ${meta.speakers} speakers, ${meta.megabytes} MB`)
  return { path: file, key, cached: false, ...meta }
}
