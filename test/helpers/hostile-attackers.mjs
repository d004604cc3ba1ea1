// The attackers of test/resilience/hostile-load.resilience.ts, in a process of their own so that reading their large
// replies never stalls the process that measures the reader's latency.
//   node hostile-attackers.mjs URL ATTACKERS SIZE QUERY
// Loops until a line arrives on stdin, then prints {"answered": {...}, "unexpected": [...]} and exits.
import { createInterface } from 'node:readline'
import { TEXT_SHAPES } from '../../bench/adversarial.mjs'

const [url, which, size, query] = process.argv.slice(2)
const attackers = new Set(which.split(','))
const shapes = Object.entries(TEXT_SHAPES).map(([name, make]) => ({ name, text: make(Number(size)) }))
const answered = {}
const unexpected = []
let stop = false
let serial = 0

const count = (what, status, body) => {
  answered[`${what} ${status}`] = (answered[`${what} ${status}`] ?? 0) + 1
  if (status >= 500) unexpected.push(`${what}: ${status} ${body.slice(0, 200)}`)
}
const post = async (path, body, what) => {
  const res = await fetch(url + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
  count(what, res.status, await res.text())
}

const loops = [
  // Two extraction loops (both workers busy), one ingestion loop (a new text each time, so nothing is deduplicated).
  ...(attackers.has('extract') ? [0, 1] : []).map((k) => (async () => {
    for (let i = k; !stop; i += 2) await post('/extract', { text: shapes[i % shapes.length].text }, 'POST /extract')
  })()),
  ...(attackers.has('sources') ? [0] : []).map(() => (async () => {
    for (let i = 0; !stop; i++) {
      const shape = shapes[(i * 7) % shapes.length]
      await post('/sources', { title: `Hostile ${shape.name} ${serial}`, text: `Story ${serial++}. ${shape.text}`.slice(0, Number(size)) }, 'POST /sources')
    }
  })()),
  ...(attackers.has('search') ? [0, 1] : []).map(() => (async () => {
    while (!stop) {
      const res = await fetch(`${url}/quotes?limit=20&q=${encodeURIComponent(query)}`)
      count('GET /quotes?q=', res.status, await res.text())
    }
  })()),
]
process.stdout.write('started\n')
for await (const _line of createInterface({ input: process.stdin })) break
stop = true
await Promise.all(loops)
process.stdout.write(JSON.stringify({ answered, unexpected }) + '\n')
