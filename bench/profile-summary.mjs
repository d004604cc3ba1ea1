#!/usr/bin/env node
// Summarizes a V8 .cpuprofile (node --cpu-prof): self time by function and by file, top N.
//   node bench/profile-summary.mjs FILE.cpuprofile [N]
import fs from 'node:fs'

const [file, topArg] = process.argv.slice(2)
const top = Number(topArg ?? 25)
const profile = JSON.parse(fs.readFileSync(file, 'utf8'))
const byId = new Map(profile.nodes.map((n) => [n.id, n]))
const self = new Map()
const dt = profile.timeDeltas
for (let i = 0; i < profile.samples.length; i++) {
  const id = profile.samples[i]
  self.set(id, (self.get(id) ?? 0) + (dt[i] ?? 0))
}
const total = [...self.values()].reduce((a, b) => a + b, 0)
const fnTime = new Map(), fileTime = new Map()
for (const [id, t] of self) {
  const { functionName, url, lineNumber } = byId.get(id).callFrame
  const short = url.replace(/^file:\/\//, '').replace(/.*node_modules\//, 'nm:').replace(/.*\/dist\//, 'dist/')
  const key = `${functionName || '(anonymous)'} ${short ? `${short}:${lineNumber + 1}` : ''}`
  fnTime.set(key, (fnTime.get(key) ?? 0) + t)
  const f = short ? short.replace(/^nm:((@[^/]+\/)?[^/]+).*/, 'nm:$1') : functionName
  fileTime.set(f, (fileTime.get(f) ?? 0) + t)
}
const show = (m) => [...m].sort((a, b) => b[1] - a[1]).slice(0, top).map(([k, t]) => `${(100 * t / total).toFixed(1).padStart(5)}%  ${k}`).join('\n')
console.log(`${file}: ${(total / 1e6).toFixed(2)} s sampled\n\nself time by function\n${show(fnTime)}\n\nself time by file or package\n${show(fileTime)}`)
