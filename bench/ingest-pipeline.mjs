// Child process of the ingestion benchmark: generated articles extracted on one worker thread per core and stored
// by the main thread through store.ingestMany, one transaction per chunk of 50 (a savepoint per article), into a fresh
// database. Prints one JSON line
// with the time taken and this process's peak RSS (so the figure is the ingest's alone).
import fs from 'node:fs'
import { MIGRATIONS_DIR, now, peakRssMb, seconds } from './lib.mjs'
import { loadStore, pipeline } from './dataset.mjs'

const [file, seed, count, population] = [process.argv[2], Number(process.argv[3]), Number(process.argv[4]), Number(process.argv[5])]
for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true })
const Store = await loadStore()
const store = Store.open({ path: file, migrationsDir: MIGRATIONS_DIR })
let quotes = 0
const t0 = now()
await pipeline({ seed, count, population, chunkSize: 50, onChunk: (items) => {
  if (typeof store.ingestMany === 'function') {
    for (const attempt of store.ingestMany(items)) if (!attempt.ok) throw attempt.error
  } else {
    for (const { article, extraction } of items) store.ingest(article, extraction)
  }
  for (const { extraction } of items) quotes += extraction.quotes.length
} })
const s = seconds(t0)
store.close()
process.stdout.write(JSON.stringify({ seconds: s, articles: count, quotes, peak_rss_mb: peakRssMb() }) + '\n')
