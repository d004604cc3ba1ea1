// The scores as a small readable table.
import type { CountScores, Scores } from './types.js'

export interface Speed {
  megabytes: number
  seconds: number
  articles: number
}

const num = (x: number): string => x.toFixed(3)
const pad = (s: string | number, n: number): string => String(s).padStart(n)

function countRow (label: string, c: CountScores, fp = '', fn = ''): string {
  return `${label.padEnd(20)}${pad(c.tp, 7)}${pad(fp, 7)}${pad(fn, 7)}${pad(num(c.precision), 11)}${pad(num(c.recall), 8)}${pad(num(c.f1), 8)}`
}

function recallByType (scores: Scores): string {
  return Object.entries(scores.recall_by_type).map(([type, fraction]) => {
    const [found, gold] = fraction.split('/').map(Number)
    return `${type} ${fraction}${gold ? ` (${num(found! / gold)})` : ''}`
  }).join(', ')
}

export function formatScores (scores: Scores, speed?: Speed): string {
  const { quote } = scores
  const lines = [
    `documents ${scores.documents}${scores.missing_documents ? ` (${scores.missing_documents} without predictions)` : ''}`,
    '',
    `${''.padEnd(20)}${pad('tp', 7)}${pad('fp', 7)}${pad('fn', 7)}${pad('precision', 11)}${pad('recall', 8)}${pad('f1', 8)}`,
    countRow('quote', quote, String(quote.fp), String(quote.fn)),
    countRow('quote exact', scores.quote_exact),
    countRow('end to end', scores.end_to_end),
    '',
    `${'any-overlap recall'.padEnd(20)}${num(scores.quote_any_overlap_recall)}`,
    `${'speaker accuracy'.padEnd(20)}${num(scores.speaker_accuracy)}`,
  ]
  const pr = scores.pronoun_resolution
  if (pr) {
    lines.push(`${'pronoun resolution'.padEnd(20)}${num(pr.accuracy)} of ${pr.items}` +
      ` (quotes found ${pr.quotes_found}, ${num(pr.accuracy_on_found)} on those)`)
  }
  lines.push(`${'recall by type'.padEnd(20)}${recallByType(scores)}`)
  if (speed) {
    const mbps = speed.seconds > 0 ? speed.megabytes / speed.seconds : 0
    const aps = speed.seconds > 0 ? speed.articles / speed.seconds : 0
    lines.push(`${'speed'.padEnd(20)}${mbps.toFixed(2)} MB/s, ${aps.toFixed(1)} articles/s` +
      ` (${speed.megabytes.toFixed(2)} MB in ${speed.seconds.toFixed(2)} s of extraction)`)
  }
  return lines.join('\n')
}
