// What the thread that answers every request spends on the heaviest requests (issue 16: nothing heavy on the event
// loop): POST /sources of quote-dense 100 KB articles (extraction on a worker, storing on the writer thread) and
// GET /quotes?q= (on a reader thread). Printed per request: the main thread's busy time (event-loop utilisation) and
// the longest event-loop delay seen meanwhile, which is how long another request could have waited.
//
//   node bench/main-thread.mjs [--rounds N]   (after npm run build; WHOSAID_ROOT=dir measures another build)
// In a process of its own (run.mjs's "mainthread" section spawns it), so that no earlier section's heap or threads
// are counted.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { monitorEventLoopDelay, performance } from 'node:perf_hooks'
import { pathToFileURL } from 'node:url'
import { TEXT_SHAPES } from './adversarial.mjs'
import { ROOT, round } from './lib.mjs'

const SHAPES = ['thousands of distinct speakers', 'one attribution repeated in a sentence', 'many distinct titles', 'case variants of one surname']
const SIZE = 100_000
const SEARCH = 'fine OR plan OR lee'

/** Runs `requests` one after another and measures the main thread meanwhile. */
async function measure (requests) {
  const delay = monitorEventLoopDelay({ resolution: 1 })
  delay.enable()
  const before = performance.eventLoopUtilization()
  for (const request of requests) await request()
  const used = performance.eventLoopUtilization(before)
  delay.disable()
  return { busy_ms_per_request: round(used.active / requests.length, 2), longest_delay_ms: round(delay.max / 1e6, 1) }
}

async function child (rounds) {
  const { buildApp } = await import(pathToFileURL(join(ROOT, 'dist', 'app.js')).href)
  const dir = mkdtempSync(join(tmpdir(), 'whosaid-main-thread-'))
  const app = await buildApp({ databasePath: join(dir, 'w.db'), seed: false, rateLimitPerMinute: 0, replyCacheBytes: 0 })
  try {
    await app.ready()
    const post = (title, text) => async () => {
      const res = await app.inject({ method: 'POST', url: '/sources', payload: { title, text } })
      if (res.statusCode !== 201) throw new Error(`POST /sources: ${res.statusCode} ${res.body.slice(0, 200)}`)
    }
    const search = async () => {
      const res = await app.inject({ method: 'GET', url: `/quotes?q=${encodeURIComponent(SEARCH)}&limit=20` })
      if (res.statusCode !== 200) throw new Error(`GET /quotes?q=: ${res.statusCode} ${res.body.slice(0, 200)}`)
    }
    // Warm: workers, writer and readers started, serializers compiled.
    await post('warm', TEXT_SHAPES[SHAPES[0]](5_000))()
    await search()
    const posts = []
    for (let r = 0; r < rounds; r++) for (const shape of SHAPES) posts.push(post(`${shape} ${r}`, `Story ${r}. ${TEXT_SHAPES[shape](SIZE)}`))
    const ingest = await measure(posts)
    const searches = await measure(Array.from({ length: 200 }, () => search))
    return [
      { request: `POST /sources, quote-dense ${SIZE / 1000} KB text (${posts.length}, ${SHAPES.length} shapes)`, ...ingest },
      { request: `GET /quotes?q=${SEARCH} (200)`, ...searches },
    ]
  } finally {
    await app.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

/** For run.mjs: the measurement in a fresh process. */
export function runMainThread ({ rounds = 3 } = {}) {
  const out = execFileSync(process.execPath, [new URL(import.meta.url).pathname, '--json', '--rounds', String(rounds)], { encoding: 'utf8', maxBuffer: 1 << 20 })
  return { rows: JSON.parse(out.trim().split('\n').pop()) }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2)
  const roundsAt = args.indexOf('--rounds')
  const rows = await child(roundsAt >= 0 ? Number(args[roundsAt + 1]) : 3)
  if (args.includes('--json')) process.stdout.write(JSON.stringify(rows) + '\n')
  else for (const r of rows) console.log(`${r.request}: main thread busy ${r.busy_ms_per_request} ms per request; longest event-loop delay ${r.longest_delay_ms} ms`)
}
