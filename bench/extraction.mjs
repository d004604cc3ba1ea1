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

/** Seconds per call of fn, warm: one call first, then at least `rounds` calls and at least minMs in all. */
function timeIt (fn, rounds, minMs = 0) {
  fn()
  const t0 = performance.now()
  let n = 0
  while (n < rounds || performance.now() - t0 < minMs) { fn(); n++ }
  return (performance.now() - t0) / 1000 / n
}

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
  const extractSeconds = Math.min(...ex)
  const tokenSeconds = Math.min(...tok)
  const mbps = bytes / 1e6 / extractSeconds
  const tokenMbps = bytes / 1e6 / tokenSeconds

  // Synthetic articles are denser in quotes (about ten in 1.4 kB): a second figure, the one ingestion sees.
  const synthetic = Array.from({ length: quick ? 300 : 1000 }, (_, i) => article(99, i).text)
  const synthBytes = synthetic.reduce((n, t) => n + Buffer.byteLength(t), 0)
  const synthSeconds = Math.min(...Array.from({ length: quick ? 1 : 3 }, () => timeIt(() => { for (const t of synthetic) extract(t) }, 1)))

  // Interleaved rounds, best of each size, so that a busy neighbour does not pass for superlinear time.
  const one = texts.find((t) => t.length > 3000) ?? texts[0]
  const inputs = [1, 10, 100].map((k) => Array.from({ length: k }, () => one).join('\n\n'))
  const best = inputs.map(() => Infinity)
  for (let r = 0; r < (quick ? 2 : 4); r++) {
    inputs.forEach((input, i) => { best[i] = Math.min(best[i], timeIt(() => extract(input), 2, quick ? 150 : 400)) })
  }
  const scaling = [1, 10, 100].map((k, i) => ({ copies: k, chars: inputs[i].length, ms: round(best[i] * 1000, 2), us_per_kchar: round(best[i] * 1e6 / (inputs[i].length / 1000), 1) }))
  // Linear time: µs per kchar stays flat as the input grows a hundredfold.
  const growth = round(scaling[2].us_per_kchar / Math.min(scaling[0].us_per_kchar, scaling[1].us_per_kchar), 2)

  const adversarial = {
    'unmatched quotation marks (10,000)': 'He said " and '.repeat(10000),
    '1 MB paragraph': ('Smith said the plan “works” and Jones said it does not, according to officials. ').repeat(12500),
    '100,000 short lines': 'ok\n'.repeat(100000),
  }
  const adversarialResults = Object.entries(adversarial).map(([name, input]) => {
    const s = timeIt(() => extract(input), 1)
    return { input: name, chars: input.length, ms: round(s * 1000, 1), mb_per_s: round(Buffer.byteLength(input) / 1e6 / s, 2) }
  })

  return {
    source,
    articles: texts.length,
    megabytes: round(bytes / 1e6, 2),
    mb_per_s: round(mbps, 2),
    articles_per_s: Math.round(texts.length / extractSeconds),
    us_per_kchar: round(extractSeconds * 1e6 / (chars / 1000), 1),
    tokenizing_pass_mb_per_s: round(tokenMbps, 1),
    ratio_to_tokenizing: round(tokenMbps / mbps, 1),
    synthetic: { articles: synthetic.length, megabytes: round(synthBytes / 1e6, 2), mb_per_s: round(synthBytes / 1e6 / synthSeconds, 2), articles_per_s: Math.round(synthetic.length / synthSeconds) },
    scaling,
    scaling_growth_100x: growth,
    adversarial: adversarialResults,
  }
}
