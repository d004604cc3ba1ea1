// Helpers shared by the benchmark sections: paths, options, timing, machine description, child processes,
// a deterministic PRNG and table printing.
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url))
// WHOSAID_ROOT points the benchmark at another checkout's dist/ and migrations/ (e.g. a clean export of a commit).
export const ROOT = process.env.WHOSAID_ROOT ? path.resolve(process.env.WHOSAID_ROOT) : path.join(BENCH_DIR, '..')
export const DIST = path.join(ROOT, 'dist')
export const MIGRATIONS_DIR = path.join(ROOT, 'migrations')
export const CACHE_DIR = path.join(BENCH_DIR, '.cache')
export const RESULTS_DIR = path.join(BENCH_DIR, 'results')
export const CORPUS_PATH = path.join(BENCH_DIR, '..', '..', 'shared', 'corpus', 'polnear-dev.jsonl')

/** `--quick`, `--only a,b`, `--skip a,b`, `--rounds N`. */
export function parseArgs (argv) {
  const opts = { quick: false, only: null, skip: [], rounds: null, sources: null, store: 'sqlite', scale: false, scaleArticles: 1_000_000, scaleStep: 100_000, scaleMeasure: false }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (a === '--quick') opts.quick = true
    else if (a === '--only') opts.only = argv[++i].split(',')
    else if (a === '--skip') opts.skip = argv[++i].split(',')
    else if (a === '--rounds') opts.rounds = Number(argv[++i])
    else if (a === '--sources') opts.sources = Number(argv[++i])
    else if (a === '--store') opts.store = argv[++i]
    else if (a === '--scale') opts.scale = true
    else if (a === '--scale-articles') opts.scaleArticles = Number(argv[++i])
    else if (a === '--scale-step') opts.scaleStep = Number(argv[++i])
    else if (a === '--scale-measure') opts.scaleMeasure = true
    else throw new Error(`unknown option ${a} (known: --quick, --only a,b, --skip a,b, --rounds N, --sources N, --store sqlite|postgres, --scale, --scale-articles N, --scale-step N, --scale-measure)`)
  }
  if (opts.store !== 'sqlite' && opts.store !== 'postgres') throw new Error(`--store must be sqlite or postgres, got ${opts.store}`)
  return opts
}

export function machine () {
  let cpu = os.cpus()[0]?.model ?? 'unknown'
  try {
    const info = fs.readFileSync('/proc/cpuinfo', 'utf8')
    const m = /^model name\s*:\s*(.+)$/m.exec(info)
    if (m) cpu = m[1].trim()
  } catch {}
  let cgroupCpus = null
  try {
    const [quota, period] = fs.readFileSync('/sys/fs/cgroup/cpu.max', 'utf8').trim().split(/\s+/)
    if (quota !== 'max') cgroupCpus = +(Number(quota) / Number(period)).toFixed(2)
  } catch {}
  return {
    cpu,
    cores: os.availableParallelism?.() ?? os.cpus().length,
    cgroup_cpus: cgroupCpus,
    ram_gb: +(os.totalmem() / 2 ** 30).toFixed(1),
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    load_average_at_start: os.loadavg().map((x) => +x.toFixed(2)),
  }
}

export const now = () => performance.now()
export const seconds = (t0) => (performance.now() - t0) / 1000
export const round = (x, digits = 2) => (x === null || x === undefined || Number.isNaN(x)) ? null : +x.toFixed(digits)

export function median (xs) {
  if (xs.length === 0) return null
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}

/** Percentile (0–100) of an unsorted array or Float64Array, nearest rank. */
export function percentile (xs, p) {
  if (xs.length === 0) return null
  const s = Float64Array.from(xs).sort()
  const i = Math.min(s.length - 1, Math.max(0, Math.ceil(p / 100 * s.length) - 1))
  return s[i]
}

/** Peak resident set size (VmHWM) of a live process, in MB; null when /proc cannot tell. */
export function peakRssMb (pid = 'self') {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
    const m = /^VmHWM:\s+(\d+) kB/m.exec(status)
    return m ? round(Number(m[1]) / 1024, 1) : null
  } catch { return null }
}

/** Peak RSS (MB) of each child process of `pid`: a server's extraction worker processes. Empty where /proc cannot tell. */
export function childPeakRssMb (pid) {
  const peaks = []
  let entries = []
  try { entries = fs.readdirSync('/proc') } catch { return peaks }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'latin1')
      // The parent's pid is the second field after the command name, which is in parentheses and may hold spaces.
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) !== pid) continue
      const peak = peakRssMb(entry)
      if (peak !== null) peaks.push(peak)
    } catch { /* ended after the listing */ }
  }
  return peaks
}

export function freePort () {
  return new Promise((resolve, reject) => {
    const srv = net.createServer()
    srv.unref()
    srv.on('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address()
      srv.close(() => resolve(port))
    })
  })
}

export async function waitForHttp (url, child, timeoutMs = 60000) {
  const t0 = Date.now()
  for (;;) {
    if (child && child.exitCode !== null) throw new Error(`process exited with code ${child.exitCode} before answering ${url}`)
    try {
      const res = await fetch(url)
      await res.arrayBuffer()
      if (res.ok) return
    } catch {}
    if (Date.now() - t0 > timeoutMs) throw new Error(`no answer from ${url} after ${timeoutMs} ms`)
    await new Promise((r) => setTimeout(r, 50))
  }
}

/** Stops a child process started by the benchmark and waits for it to exit. */
export function stopChild (child, signal = 'SIGTERM') {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    const timer = setTimeout(() => { child.kill('SIGKILL') }, 10000)
    child.once('exit', () => { clearTimeout(timer); resolve() })
    child.kill(signal)
  })
}

/** Keeps the last lines a child writes to stderr, for error messages. */
export function tailOf (stream, keep = 20) {
  const lines = []
  stream.setEncoding('utf8')
  stream.on('data', (chunk) => {
    for (const l of chunk.split('\n')) if (l) lines.push(l)
    while (lines.length > keep) lines.shift()
  })
  return () => lines.join('\n')
}

// Deterministic PRNG: splitmix32 to derive seeds, sfc32 to draw. The same seed gives the same sequence on every
// machine and Node version (integer arithmetic only).
export function splitmix32 (a) {
  a |= 0
  a = (a + 0x9e3779b9) | 0
  let t = a ^ (a >>> 16)
  t = Math.imul(t, 0x21f0aaad)
  t ^= t >>> 15
  t = Math.imul(t, 0x735a2d97)
  return (t ^ (t >>> 15)) >>> 0
}

export function rng (seed) {
  let a = splitmix32(seed), b = splitmix32(a), c = splitmix32(b), d = splitmix32(c)
  const next = () => {
    a >>>= 0; b >>>= 0; c >>>= 0; d >>>= 0
    let t = (a + b) | 0
    a = b ^ (b >>> 9)
    b = (c + (c << 3)) | 0
    c = (c << 21) | (c >>> 11)
    d = (d + 1) | 0
    t = (t + d) | 0
    c = (c + t) | 0
    return (t >>> 0) / 4294967296
  }
  for (let i = 0; i < 12; i++) next()
  const r = {
    next,
    int: (n) => Math.floor(next() * n),
    pick: (xs) => xs[Math.floor(next() * xs.length)],
    /** Skewed towards the head of the list: index = n·u^skew. */
    skewed: (xs, skew = 2) => xs[Math.floor(Math.pow(next(), skew) * xs.length)],
    chance: (p) => next() < p,
  }
  return r
}

/** Column-aligned text table; `rows` are arrays of cells. */
export function table (headers, rows) {
  const cells = [headers, ...rows].map((r) => r.map((c) => (c === null || c === undefined) ? '–' : String(c)))
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => r[i]?.length ?? 0)))
  const line = (r) => r.map((c, i) => (typeof rows[0]?.[i] === 'number' ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ')
  return [line(cells[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n')
}

/** Markdown table with the same cells. */
export function markdownTable (headers, rows) {
  const esc = (c) => ((c === null || c === undefined) ? '–' : String(c)).replace(/\|/g, '\\|')
  return [`| ${headers.join(' | ')} |`, `| ${headers.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.map(esc).join(' | ')} |`)].join('\n')
}

export function log (...args) { process.stderr.write(args.join(' ') + '\n') }
