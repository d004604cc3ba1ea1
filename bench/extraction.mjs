// Extraction speed on one core: MB/s and articles/s over the dev corpus (read at run time, never copied) or generated
// articles, against a tokenizing pass (one regex pass over words and punctuation keeping offsets), how time grows with
// input size, and adversarial inputs.
import fs from 'node:fs'
import path from 'node:path'
import { CORPUS_PATH, DIST, round } from './lib.mjs'
import { article } from './generator.mjs'

const TOKENS = /[\p{L}\p{N}]+|[^\s\p{L}\p{N}]/gu
/** The floor: one regex pass that splits words and punctuation and keeps their offsets. */
export function tokenizeOnly (t) {
  const starts = [], ends = []
  for (const m of t.matchAll(TOKENS)) { starts.push(m.index); ends.push(m.index + m[0].length) }
  return starts.length + ends.length
}

/**
 * Seconds per call of fn, warm: one call first, then at least `rounds` calls and at least minMs in all. `wall` is
 * elapsed time; `cpu` is this process's CPU time (user + system), which a busy neighbour on a shared machine does
 * not inflate the way it inflates elapsed time: it is the "per core" figure.
 */
function timeIt (fn, rounds, minMs = 0) {
  fn()
  const t0 = performance.now(), c0 = process.cpuUsage()
  let n = 0
  while (n < rounds || performance.now() - t0 < minMs) { fn(); n++ }
  const c = process.cpuUsage(c0)
  return { wall: (performance.now() - t0) / 1000 / n, cpu: (c.user + c.system) / 1e6 / n }
}
const best = (xs, key) => Math.min(...xs.map((x) => x[key]))

export async function runExtraction ({ quick }) {
  const { extract } = await import(path.join(DIST, 'extract', 'index.js'))
  const haveCorpus = fs.existsSync(CORPUS_PATH)
  const texts = haveCorpus
    ? fs.readFileSync(CORPUS_PATH, 'utf8').trim().split('\n').map((l) => JSON.parse(l).text)
    : Array.from({ length: 500 }, (_, i) => article(1, i).text)
  const source = haveCorpus ? 'dev corpus (../shared/corpus/polnear-dev.jsonl)' : 'generated articles (corpus not found)'
  const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0)
  const chars = texts.reduce((n, t) => n + t.length, 0)

  // Alternate extraction and tokenizing rounds so that a busy neighbour slows both alike; keep the best of each.
  const rounds = quick ? 2 : 5
  const ex = [], tok = []
  for (let r = 0; r < rounds; r++) {
    ex.push(timeIt(() => { for (const t of texts) extract(t) }, 1))
    tok.push(timeIt(() => { for (const t of texts) tokenizeOnly(t) }, 1, 200))
  }
  const extractSeconds = best(ex, 'wall'), extractCpu = best(ex, 'cpu')
  const tokenSeconds = best(tok, 'wall'), tokenCpu = best(tok, 'cpu')
  const mbps = bytes / 1e6 / extractSeconds
  const tokenMbps = bytes / 1e6 / tokenSeconds

  // Synthetic articles are denser in quotes (about ten in 1.4 kB): a second figure, the one ingestion sees.
  const synthetic = Array.from({ length: quick ? 300 : 1000 }, (_, i) => article(99, i).text)
  const synthBytes = synthetic.reduce((n, t) => n + Buffer.byteLength(t), 0)
  const synthRuns = Array.from({ length: quick ? 1 : 3 }, () => timeIt(() => { for (const t of synthetic) extract(t) }, 1))
  const synthSeconds = best(synthRuns, 'wall'), synthCpu = best(synthRuns, 'cpu')

  // Interleaved rounds, best of each size, so that a busy neighbour does not pass for superlinear time.
  const one = texts.find((t) => t.length > 3000) ?? texts[0]
  const inputs = [1, 10, 100].map((k) => Array.from({ length: k }, () => one).join('\n\n'))
  // CPU time, so that a neighbour's burst during one size does not pass for superlinear growth.
  const fastest = inputs.map(() => Infinity)
  for (let r = 0; r < (quick ? 2 : 4); r++) {
    inputs.forEach((input, i) => { fastest[i] = Math.min(fastest[i], timeIt(() => extract(input), 2, quick ? 150 : 400).cpu) })
  }
  const scaling = [1, 10, 100].map((k, i) => ({ copies: k, chars: inputs[i].length, cpu_ms: round(fastest[i] * 1000, 2), us_per_kchar: round(fastest[i] * 1e6 / (inputs[i].length / 1000), 1) }))
  // Linear time: µs per kchar stays flat as the input grows a hundredfold.
  const growth = round(scaling[2].us_per_kchar / Math.min(scaling[0].us_per_kchar, scaling[1].us_per_kchar), 2)

  const adversarial = {
    'unmatched quotation marks (10,000)': 'He said " and '.repeat(10000),
    '1 MB paragraph': ('Smith said the plan “works” and Jones said it does not, according to officials. ').repeat(12500),
    '100,000 short lines': 'ok\n'.repeat(100000),
  }
  const adversarialResults = Object.entries(adversarial).map(([name, input]) => {
    const { wall, cpu } = timeIt(() => extract(input, { maxQuotations: Infinity }), 1) // the extractor's own speed, past the quotation limit
    return { input: name, chars: input.length, ms: round(wall * 1000, 1), cpu_ms: round(cpu * 1000, 1), mb_per_cpu_s: round(Buffer.byteLength(input) / 1e6 / cpu, 2) }
  })

  return {
    source,
    articles: texts.length,
    megabytes: round(bytes / 1e6, 2),
    mb_per_s: round(mbps, 2),
    mb_per_cpu_s: round(bytes / 1e6 / extractCpu, 2),
    articles_per_s: Math.round(texts.length / extractSeconds),
    articles_per_cpu_s: Math.round(texts.length / extractCpu),
    us_per_kchar: round(extractCpu * 1e6 / (chars / 1000), 1),
    tokenizing_pass_mb_per_s: round(tokenMbps, 1),
    tokenizing_pass_mb_per_cpu_s: round(bytes / 1e6 / tokenCpu, 1),
    ratio_to_tokenizing: round(extractCpu / tokenCpu, 1),
    synthetic: { articles: synthetic.length, megabytes: round(synthBytes / 1e6, 2), mb_per_s: round(synthBytes / 1e6 / synthSeconds, 2), mb_per_cpu_s: round(synthBytes / 1e6 / synthCpu, 2), articles_per_cpu_s: Math.round(synthetic.length / synthCpu) },
    scaling,
    scaling_growth_100x: growth,
    adversarial: adversarialResults,
  }
}
