#!/usr/bin/env node
// Extraction benchmark: MB/s on one core over the dev corpus (or generated text), against a tokenizing pass,
// with scaling and adversarial inputs. Figures are printed, never asserted. `--quick` runs fewer rounds.
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { extract } from '../dist/extract/index.js'

const here = path.dirname(fileURLToPath(import.meta.url))
const quick = process.argv.includes('--quick')
const corpusPath = path.join(here, '..', '..', 'shared', 'corpus', 'polnear-dev.jsonl')

function generatedArticles (n) {
  const names = ['Maria Lopez', 'John Roe', 'Ann Smith', 'Peter Kim', 'the ministry', 'officials']
  const out = []
  for (let i = 0; i < n; i++) {
    const a = names[i % names.length], b = names[(i + 2) % names.length]
    out.push([
      `Headline number ${i} about the budget`,
      `${a} said on Monday that the plan would cut costs by ${i % 40} percent, according to a statement.`,
      `“We will not accept this,” ${b} told reporters. “It is a bad deal for everyone.”`,
      `Critics say the proposal is “dead on arrival” and ${a.split(' ').pop()} added that talks would continue.`,
      'Photo: Reuters', 'Related Posts',
    ].join('\n\n'))
  }
  return out
}

const texts = fs.existsSync(corpusPath)
  ? fs.readFileSync(corpusPath, 'utf8').trim().split('\n').map((l) => JSON.parse(l).text)
  : generatedArticles(500)
const source = fs.existsSync(corpusPath) ? 'dev corpus' : 'generated articles'
const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0)

const TOKENS = /[\p{L}\p{N}]+|[^\s\p{L}\p{N}]/gu
function tokenizeOnly (t) { let n = 0; for (const m of t.matchAll(TOKENS)) n += m.index & 1; return n }

function timeIt (fn, rounds) {
  fn() // warm-up: the JIT's first pass is not what a running server sees
  const t0 = performance.now()
  for (let r = 0; r < rounds; r++) fn()
  return (performance.now() - t0) / 1000 / rounds
}

const rounds = quick ? 2 : 5
const extractSeconds = timeIt(() => { for (const t of texts) extract(t) }, rounds)
const tokenSeconds = timeIt(() => { for (const t of texts) tokenizeOnly(t) }, rounds)
const mbps = bytes / 1e6 / extractSeconds
const tokenMbps = bytes / 1e6 / tokenSeconds

const one = texts.find((t) => t.length > 3000) ?? texts[0]
const scaling = [1, 10, 100].map((k) => {
  const input = Array.from({ length: k }, () => one).join('\n\n')
  const s = timeIt(() => extract(input), quick ? 1 : 3)
  return { copies: k, chars: input.length, ms: +(s * 1000).toFixed(2), us_per_kchar: +(s * 1e6 / (input.length / 1000)).toFixed(1) }
})

const adversarial = {
  'unmatched quotation marks (10,000)': 'He said " and '.repeat(10000),
  '1 MB paragraph': ('Smith said the plan “works” and Jones said it does not, according to officials. ').repeat(12500),
  '100,000 short lines': 'ok\n'.repeat(100000),
}
const adversarialResults = Object.entries(adversarial).map(([name, input]) => {
  const s = timeIt(() => extract(input), 1)
  return { input: name, chars: input.length, ms: +(s * 1000).toFixed(1), mb_per_s: +(Buffer.byteLength(input) / 1e6 / s).toFixed(2) }
})

const results = {
  machine: { node: process.version, cpus: (await import('node:os')).cpus().length },
  extraction: { source, articles: texts.length, megabytes: +(bytes / 1e6).toFixed(2), mb_per_s: +mbps.toFixed(2), articles_per_s: +(texts.length / extractSeconds).toFixed(0), tokenizing_pass_mb_per_s: +tokenMbps.toFixed(1), ratio_to_tokenizing: +(tokenMbps / mbps).toFixed(1) },
  scaling,
  adversarial: adversarialResults,
}
console.log(`extraction over ${source}: ${results.extraction.mb_per_s} MB/s, ${results.extraction.articles_per_s} articles/s on one core`)
console.log(`tokenizing pass: ${results.extraction.tokenizing_pass_mb_per_s} MB/s (extraction is ${results.extraction.ratio_to_tokenizing}x slower)`)
console.table(scaling)
console.table(adversarialResults)
fs.mkdirSync(path.join(here, 'results'), { recursive: true })
fs.writeFileSync(path.join(here, 'results', 'latest.json'), JSON.stringify(results, null, 2) + '\n')
