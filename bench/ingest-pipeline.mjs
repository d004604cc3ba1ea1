// Child process of the ingestion benchmark: generated articles extracted on worker threads and stored by the main
// thread through store.ingestMany, one transaction per chunk of 50 (a savepoint per article), into a fresh database.
// Extraction gets every core but the one that stores, as a batch does in the server and in `whosaid ingest`
// (bench/RESULTS.md, "One extraction worker for a batch"): a worker per core took CPU from the storing thread.
// Prints one JSON line with the time taken, the workers and this process's peak RSS (so the figure is the ingest's alone).
import fs from 'node:fs'
import os from 'node:os'
import { MIGRATIONS_DIR, now, peakRssMb, seconds } from './lib.mjs'
import { loadStore, pipeline } from './dataset.mjs'

const [file, seed, count, population] = [process.argv[2], Number(process.argv[3]), Number(process.argv[4]), Number(process.argv[5])]
const workers = Math.max(1, (os.availableParallelism?.() ?? os.cpus().length) - 1)
for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true })
const Store = await loadStore()
const store = Store.open({ path: file, migrationsDir: MIGRATIONS_DIR })
let quotes = 0
const t0 = now()
await pipeline({ seed, count, population, workers, chunkSize: 50, onChunk: (items) => {
  if (typeof store.ingestMany === 'function') {
    for (const attempt of store.ingestMany(items)) if (!attempt.ok) throw attempt.error
  } else {
    for (const { article, extraction } of items) store.ingest(article, extraction)
  }
  for (const { extraction } of items) quotes += extraction.quotes.length
} })
const s = seconds(t0)
store.close()
process.stdout.write(JSON.stringify({ seconds: s, articles: count, quotes, workers, peak_rss_mb: peakRssMb() }) + '\n')
