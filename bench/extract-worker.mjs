// Worker thread for the dataset build and the in-process ingestion benchmark: generates articles (or takes them)
// and runs the real extractor on them, posting back { article, extraction } pairs in chunks.
import { parentPort } from 'node:worker_threads'
import path from 'node:path'
import { DIST } from './lib.mjs'
import { article } from './generator.mjs'

const { extract } = await import(path.join(DIST, 'extract', 'index.js'))

parentPort.on('message', (msg) => {
  if (msg.type === 'generate') {
    // { chunk, seed, population, from, to }: make articles from..to-1 and extract them.
    const items = []
    for (let i = msg.from; i < msg.to; i++) {
      const a = article(msg.seed, i, msg.population)
      items.push({ article: a, extraction: extract(a.text) })
    }
    parentPort.postMessage({ chunk: msg.chunk, items })
  } else if (msg.type === 'extract') {
    // { chunk, texts }: extraction only.
    parentPort.postMessage({ chunk: msg.chunk, extractions: msg.texts.map((t) => extract(t)) })
  }
})
