// A blow-up guard for the extractor: ten times the input must not take anywhere near a hundred times as long (a
// quadratic stage). Measured in CPU time of this process, the fastest of a few runs, so that other processes on a
// busy machine (tap runs test files in parallel) do not count; the factor is generous, and a second measurement is
// taken before failing.
import type { Test } from 'tap'
import { extract } from '../../src/extract/index.js'

const FACTOR = 30
const FLOOR_MS = 5

/** Fastest of `k` runs of the extractor on `input`, in milliseconds of CPU time. */
function best (input: string, k: number): number {
  let min = Infinity
  for (let i = 0; i < k; i++) {
    const started = process.cpuUsage()
    // The extractor's own scaling: the quotation limit would refuse the larger inputs before any work.
    extract(input, { maxQuotations: Infinity })
    const used = process.cpuUsage(started)
    min = Math.min(min, (used.user + used.system) / 1000)
  }
  return min
}

/** Asserts that extracting `make(10 n)` costs at most FACTOR times `make(n)`; returns the larger input. */
export function assertScales (t: Test, make: (n: number) => string, n: number): string {
  const small = make(n)
  const big = make(n * 10)
  best(small, 1) // warm up
  let ratio = Infinity
  let detail = ''
  for (let attempt = 0; attempt < 2 && ratio > FACTOR; attempt++) {
    const s = Math.max(best(small, 3), FLOOR_MS)
    const b = best(big, 1)
    ratio = Math.min(ratio, b / s)
    detail += ` [${small.length} chars: ${s.toFixed(0)} ms, ${big.length} chars: ${b.toFixed(0)} ms of CPU]`
  }
  t.ok(ratio <= FACTOR, `10× the input takes ${ratio.toFixed(1)}× the time (limit ${FACTOR}×)${detail}`)
  return big
}
