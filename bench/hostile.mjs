// The hostile shapes of bench/adversarial.mjs timed at each size: CPU µs per KB, and how that grows from 10 KB to the
// largest size (linear time keeps the ratio near 1; the issue 16 target is within 2×, and under 2 s of CPU for any
// input the body limit admits). Growth is the work's own: text shapes go through extract() with no quotation limit,
// HTML shapes through prepareArticle (markup bounds, conversion, checks), where a refused page counts as done.
// "Served" is what the server spends on the input, as a worker runs a POST (runJob: checks, conversion, extraction,
// with the server's limits: MAX_TEXT_LENGTH, MAX_HTML_NODES, MAX_QUOTATIONS), in a process of its own, the largest
// size first and cold.
// Each shape runs in its own process, killed after CHILD_LIMIT_S: a shape that still blows up is reported as such
// instead of holding the benchmark for minutes.
import { execFile } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { DIST, round } from './lib.mjs'
import { HTML_SHAPES, HTML_SIZES, TEXT_SHAPES, TEXT_SIZES } from './adversarial.mjs'

const CHILD_LIMIT_S = 30
const SELF = fileURLToPath(import.meta.url)

/** In a child: [{ size, cpu_ms, refused }] for one shape as the server runs it, the largest size first, cold. */
async function measureServed (kind, name, sizes) {
  const make = (kind === 'text' ? TEXT_SHAPES : HTML_SHAPES)[name]
  // runJob lives in extractor-job.js since 64e3c47, in extractor-pool.js before (WHOSAID_ROOT may name an older build).
  const jobModule = path.join(DIST, 'services', 'extractor-job.js')
  const { runJob } = await import(fs.existsSync(jobModule) ? jobModule : path.join(DIST, 'services', 'extractor-pool.js'))
  const serve = (input) => {
    try {
      runJob({ kind: 'prepare', source: { value: kind === 'text' ? { text: input } : { html: input } } })
      return false
    } catch (err) {
      if (err.statusCode === 400 || err.statusCode === 422) return true
      throw err
    }
  }
  return [...sizes].reverse().map((size) => {
    const input = make(size)
    const c0 = process.cpuUsage()
    const refused = serve(input)
    const c = process.cpuUsage(c0)
    return { size, cpu_ms: round((c.user + c.system) / 1000, 1), refused }
  }).reverse()
}

/** In a child: [{ size, cpu_ms, refused }] for one shape's own work, warm (the smallest size run once first). */
async function measure (kind, name, sizes) {
  const make = (kind === 'text' ? TEXT_SHAPES : HTML_SHAPES)[name]
  let run
  if (kind === 'text') {
    const { extract } = await import(path.join(DIST, 'extract', 'index.js'))
    run = (input) => { extract(input, { maxQuotations: Infinity }); return false }
  } else {
    const { prepareArticle } = await import(path.join(DIST, 'services', 'article.js'))
    run = (input) => {
      try { prepareArticle({ html: input }); return false } catch (err) { if (err.statusCode === 400) return true; throw err }
    }
  }
  run(make(sizes[0]))
  return sizes.map((size) => {
    const input = make(size)
    let best = Infinity
    let refused = false
    for (let i = 0; i < (size <= 100_000 ? 3 : 1); i++) {
      const c0 = process.cpuUsage()
      refused = run(input)
      const c = process.cpuUsage(c0)
      best = Math.min(best, (c.user + c.system) / 1000)
    }
    return { size, cpu_ms: round(best, 1), refused }
  })
}

function child (mode, kind, name, sizes) {
  return new Promise((resolve) => {
    execFile(process.execPath, [SELF, mode, kind, name, sizes.join(',')], { timeout: CHILD_LIMIT_S * 1000, maxBuffer: 1 << 20 }, (err, stdout) => {
      if (err) resolve({ error: err.killed ? `over ${CHILD_LIMIT_S} s` : err.message.split('\n')[0] })
      else resolve({ sizes: JSON.parse(stdout) })
    })
  })
}

export async function runHostile ({ quick }) {
  const rows = []
  for (const [kind, shapes, sizes] of [['text', TEXT_SHAPES, TEXT_SIZES], ['html', HTML_SHAPES, HTML_SIZES]]) {
    const measured = quick ? sizes.slice(0, 2) : sizes
    for (const name of Object.keys(shapes)) {
      const own = await child('own', kind, name, measured)
      const served = own.error ? own : await child('served', kind, name, measured)
      if (own.error || served.error) {
        rows.push({ kind, shape: name, error: own.error ?? `served: ${served.error}` })
        continue
      }
      const r = { own: own.sizes, served: served.sizes }
      const perKb = r.own.map((s) => round(s.cpu_ms * 1000 / (s.size / 1000), 1))
      rows.push({
        kind,
        shape: name,
        sizes: r.own.map((s, i) => ({ ...s, us_per_kb: perKb[i] })),
        // Against the smallest size, with a floor of 1 ms there: below it the timer's resolution is the figure.
        growth: round(perKb[perKb.length - 1] / Math.max(perKb[0], 1000 / (r.own[0].size / 1000)), 2),
        max_cpu_ms: Math.max(...r.own.map((s) => s.cpu_ms)),
        served: r.served,
        max_served_cpu_ms: Math.max(...r.served.map((s) => s.cpu_ms)),
        // The largest size the server does not refuse outright (by length, markup or quotation count).
        largest_served: Math.max(0, ...r.served.filter((s) => !s.refused).map((s) => s.size)),
      })
    }
  }
  return { sizes: { text: TEXT_SIZES, html: HTML_SIZES }, quick, shapes: rows }
}

if (process.argv[1] === SELF && process.argv.length === 6) {
  const [mode, kind, name, sizes] = process.argv.slice(2)
  const measureIn = mode === 'served' ? measureServed : measure
  process.stdout.write(JSON.stringify(await measureIn(kind, name, sizes.split(',').map(Number))))
}
