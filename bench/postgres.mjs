// `npm run bench -- --store postgres`: the API and ingestion benchmarks on PostgreSQL, beside SQLite's. Needs a
// PostgreSQL server where it may create databases: WHOSAID_BENCH_DATABASE_URL (or WHOSAID_TEST_DATABASE_URL; for a
// throwaway one, `source .ci/postgres.sh && start_test_postgres`). The API run serves the cached dataset, copied into
// PostgreSQL with `whosaid copy-store`; ingestion posts the generated articles to POST /sources/batch of one instance,
// then of two instances on one database at once (each sent half), as a deployment behind a load balancer would.
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { createRequire } from 'node:module'
import { DIST, ROOT, log, now, peakRssMb, round, seconds, stopChild } from './lib.mjs'
import { article, populationFor } from './generator.mjs'
import { API_KEY, INGEST_SEED, postBatches } from './ingest.mjs'
import { runApi, startServer } from './api.mjs'

const require = createRequire(path.join(ROOT, 'package.json'))
const pg = require('pg')

export function postgresServerUrl () {
  const url = process.env.WHOSAID_BENCH_DATABASE_URL || process.env.WHOSAID_TEST_DATABASE_URL
  if (!url) {
    throw new Error('--store postgres needs WHOSAID_BENCH_DATABASE_URL, a PostgreSQL server where the benchmark may create ' +
      "databases (a throwaway one: bash -c 'source .ci/postgres.sh && start_test_postgres && WHOSAID_BENCH_DATABASE_URL=$WHOSAID_TEST_DATABASE_URL npm run bench -- --store postgres; stop_test_postgres')")
  }
  return url
}

/** A new empty database on the server; its URL. */
async function newDatabase (serverUrl, name) {
  const admin = new pg.Client({ connectionString: serverUrl })
  await admin.connect()
  try {
    const database = `whosaid_bench_${name}_${process.pid}_${Date.now().toString(36)}`
    await admin.query(`CREATE DATABASE ${database}`)
    const url = new URL(serverUrl)
    url.pathname = `/${database}`
    return { url: url.toString(), drop: () => dropDatabase(serverUrl, database) }
  } finally {
    await admin.end()
  }
}

async function dropDatabase (serverUrl, database) {
  const admin = new pg.Client({ connectionString: serverUrl })
  await admin.connect()
  try { await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`) } finally { await admin.end() }
}

async function count (url, sql) {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try { return Number((await client.query({ text: sql, rowMode: 'array' })).rows[0][0]) } finally { await client.end() }
}

/** The API benchmark with the dataset served from PostgreSQL. */
export async function runPostgresApi ({ quick, dataset, rounds }) {
  const serverUrl = postgresServerUrl()
  const db = await newDatabase(serverUrl, 'api')
  try {
    const t0 = now()
    const copy = spawnSync(process.execPath, [path.join(DIST, 'cli', 'main.js'), 'copy-store', '--from', dataset.path, '--to', db.url, '--json'], { encoding: 'utf8' })
    if (copy.status !== 0) throw new Error(`copy-store failed: ${copy.stderr}`)
    const copySeconds = round(seconds(t0), 1)
    log(`  postgres api: dataset copied in ${copySeconds} s`)
    const out = await runApi({ quick, dataset, rounds, databaseUrl: db.url })
    out.copy_seconds = copySeconds
    return out
  } finally {
    await db.drop()
  }
}

/** POST /sources/batch to `instances` servers on one new database at once, each sent its share; articles/s. */
async function viaInstances (serverUrl, articles, instances, { perRequest = 200, inFlight = 2 } = {}) {
  const db = await newDatabase(serverUrl, `ingest${instances}`)
  const servers = []
  try {
    for (let i = 0; i < instances; i++) servers.push(await startServer({ dbPath: '/nonexistent', env: { API_KEY, DATABASE_URL: db.url } }))
    const shares = servers.map((_, i) => articles.filter((_, j) => j % instances === i))
    const tally = { statuses: {}, firstError: null }
    const t0 = now()
    await Promise.all(servers.map((server, i) => postBatches(server.base, shares[i], { perRequest, inFlight, tally })))
    const { statuses, firstError } = tally
    const s = seconds(t0)
    const peaks = servers.map((server) => peakRssMb(server.child.pid))
    const stored = await count(db.url, 'SELECT count(*) FROM sources')
    const quotes = await count(db.url, 'SELECT count(*) FROM quotes')
    return { instances, articles_per_s: Math.round(articles.length / s), seconds: round(s, 2), per_request: perRequest, in_flight_per_instance: inFlight, statuses, stored_sources: stored, stored_quotes: quotes, server_peak_rss_mb: peaks, error: firstError }
  } finally {
    for (const server of servers) await stopChild(server.child)
    await db.drop()
  }
}

export async function runPostgresIngest ({ quick }) {
  const serverUrl = postgresServerUrl()
  const total = quick ? 400 : 4000
  const population = populationFor(total)
  const articles = Array.from({ length: total }, (_, i) => article(INGEST_SEED, i, population))
  const out = { articles: total, runs: [] }
  for (const instances of [1, 2]) {
    log(`  postgres ingest: POST /sources/batch, ${instances} instance(s)`)
    out.runs.push(await viaInstances(serverUrl, articles, instances))
  }
  return out
}
