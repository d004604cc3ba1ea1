// The time limit on one article's conversion and extraction, and cancellation when the client goes away: the
// article is given up (422, or an error line in a batch), nothing of it is stored, and other requests are served.
import { request } from 'node:http'
import type { AddressInfo } from 'node:net'
import { setTimeout as sleep } from 'node:timers/promises'
import t from 'tap'
import { testApp } from '../helpers/app.js'

const STORY = 'The harbour board voted on Tuesday to close the old ferry pier.\n\n' +
  '“We did not take this lightly,” said board chair Ruth Okafor. “The pier is not safe any longer.”\n\n' +
  'Shop owner Malik Hassan said the decision would “hurt every business on Water Street.”\n\n'
// About 990 KB of quote-dense prose: 250-570 ms of CPU to extract (warm and cold), past the 100 ms limit set below,
// which counts the worker's CPU time. (About 12,000 quotations: the apps below lift MAX_QUOTATIONS, so that the time
// limit is what stops it.)
const LONG = STORY.repeat(Math.floor(990_000 / STORY.length))

t.test('past the time limit: POST /extract and POST /sources answer 422 naming the limit, a batch line fails alone', async (t) => {
  const app = await testApp({ extractorWorkers: 1, extractTimeLimitMs: 100, maxQuotations: 1_000_000 })
  t.teardown(() => app.close())
  const warm = await app.inject({ method: 'POST', url: '/extract', payload: { text: STORY } })
  t.equal(warm.statusCode, 200, 'a short article is well within the limit')

  for (const url of ['/extract', '/sources']) {
    const res = await app.inject({ method: 'POST', url, payload: { text: LONG } })
    t.equal(res.statusCode, 422, `${url}: ${res.body.slice(0, 200)}`)
    t.same(Object.keys(res.json()).sort(), ['error', 'message', 'statusCode'])
    t.match(res.json().message, /longer than the limit of 100 ms \(EXTRACT_TIME_LIMIT_MS\)/)
  }
  const html = await app.inject({ method: 'POST', url: '/extract', payload: { html: `<p>${LONG.replaceAll('\n\n', '</p><p>')}</p>` } })
  t.equal(html.statusCode, 422, 'HTML conversion counts against the same limit')

  const sources = await app.inject({ method: 'GET', url: '/sources' })
  t.same(sources.json().items, [], 'nothing of the articles given up was stored')

  const batch = await app.inject({
    method: 'POST',
    url: '/sources/batch',
    headers: { 'content-type': 'application/x-ndjson' },
    payload: [{ text: LONG }, { text: STORY }].map((line) => JSON.stringify(line)).join('\n') + '\n',
  })
  t.equal(batch.statusCode, 200)
  t.match(batch.json().items, [
    { line: 1, status: 'error', error: /longer than the limit of 100 ms/ },
    { line: 2, status: 'created' },
  ])
  const health = await app.inject({ method: 'GET', url: '/health' })
  t.equal(health.statusCode, 200, 'the pool replaced its worker and the server is healthy')
  const again = await app.inject({ method: 'POST', url: '/extract', payload: { text: STORY } })
  t.equal(again.statusCode, 200, 'the next article is extracted by the new worker')
})

t.test('a client that disconnects stops its extraction: the worker is free at once and nothing is stored', async (t) => {
  const app = await testApp({ extractorWorkers: 1, extractTimeLimitMs: 60_000, maxQuotations: 1_000_000 })
  t.teardown(() => app.close())
  await app.listen({ port: 0, host: '127.0.0.1' })
  const { port } = app.server.address() as AddressInfo
  t.equal((await app.inject({ method: 'POST', url: '/extract', payload: { text: STORY } })).statusCode, 200)

  for (const path of ['/sources', '/extract']) {
    const body = JSON.stringify({ text: LONG })
    const req = request({ port, path, method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } })
    req.on('error', () => {})
    req.end(body)
    // Until the article is on the worker, then hang up.
    const until = Date.now() + 10_000
    while (app.extractor.pending === 0 && Date.now() < until) await sleep(5)
    t.equal(app.extractor.pending, 1, `${path}: the article is being extracted`)
    const cut = Date.now()
    req.destroy()
    while (app.extractor.pending > 0 && Date.now() < until) await sleep(2)
    t.equal(app.extractor.pending, 0, `${path}: the job was dropped when the client went away`)
    t.ok(Date.now() - cut < 200, `${path}: dropped at once (${Date.now() - cut} ms), not after the extraction`)
  }
  await sleep(1000)
  const sources = await app.inject({ method: 'GET', url: '/sources' })
  t.same(sources.json().items, [], 'the abandoned article was not stored')
  const next = await app.inject({ method: 'POST', url: '/sources', payload: { text: STORY } })
  t.equal(next.statusCode, 201, 'the replacement worker serves the next request')
})
