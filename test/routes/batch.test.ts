// POST /sources/batch: NDJSON in, one outcome per line; a bad line is an error for itself alone.
import { request } from 'node:http'
import { connect, type AddressInfo } from 'node:net'
import { once } from 'node:events'
import type { Readable } from 'node:stream'
import { setTimeout } from 'node:timers/promises'
import t from 'tap'
import { testApp } from '../helpers/app.js'
import type { App } from '../../src/app.js'
import { sliceQuote } from '../helpers/quotes.js'

const NDJSON = { 'content-type': 'application/x-ndjson' }

function story (n: number, extra = ''): string {
  return `Councillor Dana Reyes ${n} said the bridge would reopen in May.\n\n` +
    `“We have waited long enough,” said Reyes ${n}. “The town needs this road.”${extra}`
}

const storyPage = (n: number): string => `<html><head><title>Bridge ${n} | Valley Times</title>` +
  '<meta property="og:site_name" content="Valley Times"></head><body><article>' +
  `<p>The bridge over the Tamar ${n} will reopen on Monday after two years of repairs.</p>` +
  `<p>&ldquo;It is a great day for the valley,&rdquo; said engineer Priya Nair ${n}.</p>` +
  '<script>var x = "“not a quote,” said nobody"</script></article></body></html>'

const ndjson = (...lines: unknown[]): string => lines.map((l) => typeof l === 'string' ? l : JSON.stringify(l)).join('\n') + '\n'

async function post (app: App, payload: string | Readable, headers: Record<string, string> = NDJSON) {
  return app.inject({ method: 'POST', url: '/sources/batch', headers, payload })
}

t.test('mixed good and bad lines: every line has its outcome, in order, and nothing good is lost', async (t) => {
  const app = await testApp({ extractorWorkers: 0 })
  t.teardown(() => app.close())
  const body = ndjson(
    { text: story(1), title: 'Bridge one', url: 'https://valley.example/bridge-1', published_at: '2024-04-02' },
    '{"text": "broken json',
    { title: 'no text here' },
    '',
    { html: storyPage(2), url: 'https://valley.example/bridge-2' },
    { text: story(3), url: 'ftp://valley.example/3' },
    '   ',
    { text: story(4), author: 'someone' },
    { text: 'x'.repeat(1_000_001) },
    { text: story(1), title: 'the same text again' },
    { text: story(5) },
    { text: story(1, ' Updated.'), url: 'https://valley.example/bridge-1' },
  )
  const res = await post(app, body)
  t.equal(res.statusCode, 200, res.body.slice(0, 500))
  const reply = res.json()
  t.same(reply.items.map((i: { line: number }) => i.line), [1, 2, 3, 5, 6, 8, 9, 10, 11, 12], 'blank lines 4 and 7 skipped')
  const byLine = new Map(reply.items.map((i: { line: number }) => [i.line, i]))
  t.match(byLine.get(1), { status: 'created', source_id: Number, quote_count: Number })
  t.match(byLine.get(2), { status: 'error', error: /^invalid JSON/ })
  t.match(byLine.get(3), { status: 'error', error: /text or html is required/ })
  t.match(byLine.get(5), { status: 'created' })
  t.match(byLine.get(6), { status: 'error', error: /url must be an absolute http or https URL/ })
  t.match(byLine.get(8), { status: 'error', error: /author is not a field/ })
  t.match(byLine.get(9), { status: 'error', error: /text is longer than 1000000 characters/ })
  t.match(byLine.get(10), { status: 'existing', source_id: (byLine.get(1) as { source_id: number }).source_id })
  t.match(byLine.get(11), { status: 'created' })
  t.match(byLine.get(12), { status: 'updated', source_id: (byLine.get(1) as { source_id: number }).source_id })
  for (const item of reply.items) {
    if (item.status === 'error') t.same(Object.keys(item).sort(), ['error', 'line', 'status'])
    else t.notOk('error' in item)
  }
  t.same({ created: reply.created, existing: reply.existing, updated: reply.updated, failed: reply.failed },
    { created: 3, existing: 1, updated: 1, failed: 5 })
  t.equal(await app.db.sources.count(), 3)

  const first = (await app.db.sources.get((byLine.get(1) as { source_id: number }).source_id))!
  t.equal(first.text, story(1, ' Updated.'), 'the update replaced the text')
  t.equal(first.published_at, null, 'and its metadata')
  const page = (await app.db.sources.get((byLine.get(5) as { source_id: number }).source_id))!
  t.equal(page.title, 'Bridge 2')
  t.equal(page.publisher, 'Valley Times')
  t.notMatch(page.text, /<|not a quote/)
  const quotes = (await app.db.quotes.ofSource(page.id)).items
  t.ok(quotes.length >= 1, 'quotes stored for the HTML article')
  for (const quote of quotes) t.equal(sliceQuote(page.text, quote), quote.text)
})

t.test('the same batch again: every article is existing and nothing is added', async (t) => {
  const app = await testApp({ extractorWorkers: 0 })
  t.teardown(() => app.close())
  const body = ndjson({ text: story(1) }, { html: storyPage(2) }, { text: story(3), publisher: 'Valley Times' })
  const first = (await post(app, body)).json()
  t.same([first.created, first.existing, first.failed], [3, 0, 0])
  const again = await post(app, body)
  t.equal(again.statusCode, 200)
  const reply = again.json()
  t.same(reply.items.map((i: { status: string }) => i.status), ['existing', 'existing', 'existing'])
  t.same(reply.items.map((i: { source_id: number }) => i.source_id), first.items.map((i: { source_id: number }) => i.source_id))
  t.same([reply.created, reply.existing, reply.updated, reply.failed], [0, 3, 0, 0])
  t.equal(await app.db.sources.count(), 3)
})

t.test('a line over the JSON body limit is an error for that line only', async (t) => {
  const app = await testApp({ extractorWorkers: 0, bodyLimit: 4096 })
  t.teardown(() => app.close())
  const long = JSON.stringify({ text: story(9, ' More words.'.repeat(400)) })
  t.ok(Buffer.byteLength(long) > 4096)
  const body = ndjson({ text: story(1) }, long, { text: story(2) })
  const res = await post(app, body)
  t.equal(res.statusCode, 200, res.body)
  const reply = res.json()
  t.same(reply.items.map((i: { status: string }) => i.status), ['created', 'error', 'created'])
  t.match(reply.items[1], { line: 2, error: 'line is longer than the limit of 4096 bytes' })
  t.equal(await app.db.sources.count(), 2)
})

t.test('CRLF line ends, a last line without a line break, and bytes that are not UTF-8', async (t) => {
  const app = await testApp({ extractorWorkers: 0 })
  t.teardown(() => app.close())
  const body = Buffer.concat([
    Buffer.from(JSON.stringify({ text: story(1) }) + '\r\n'),
    Buffer.from('{"text": "caf'), Buffer.from([0xe9]), Buffer.from(' au lait"}\r\n'),
    Buffer.from(JSON.stringify({ text: story(2) })),
  ])
  const res = await app.inject({ method: 'POST', url: '/sources/batch', headers: NDJSON, payload: body })
  t.equal(res.statusCode, 200, res.body)
  const reply = res.json()
  t.same(reply.items.map((i: { status: string }) => i.status), ['created', 'error', 'created'])
  t.match(reply.items[1], { line: 2, error: 'line is not valid UTF-8' })
  t.equal((await app.db.sources.get(reply.items[0].source_id))!.text, story(1), 'no stray carriage return in the text')
})

t.test('a body that is not NDJSON is refused with 415, nothing read', async (t) => {
  const app = await testApp({ extractorWorkers: 0 })
  t.teardown(() => app.close())
  for (const type of ['application/json', 'text/plain', 'application/x-www-form-urlencoded']) {
    const res = await post(app, JSON.stringify({ text: story(1) }), { 'content-type': type })
    t.equal(res.statusCode, 415, type)
    t.match(res.json(), { statusCode: 415, error: 'Unsupported Media Type' }, type)
  }
  t.equal(await app.db.sources.count(), 0)
  const ok = await post(app, ndjson({ text: story(1) }), { 'content-type': 'application/x-ndjson; charset=utf-8' })
  t.equal(ok.statusCode, 200, 'parameters after the media type are fine')
})

t.test('a request over the batch limit: 413, and the lines read before it stay stored', async (t) => {
  const app = await testApp({ extractorWorkers: 0, batchBodyLimit: 1000 })
  t.teardown(() => app.close())
  const lines = Array.from({ length: 12 }, (_, i) => JSON.stringify({ text: story(i) }) + '\n')
  t.ok(lines.join('').length > 1000)
  const declared = await post(app, lines.join(''))
  t.equal(declared.statusCode, 413, 'a Content-Length over the limit is refused before reading')
  t.equal(await app.db.sources.count(), 0)

  // Streamed (chunked, no Content-Length) over a real connection: refused when the limit is crossed.
  await app.listen({ port: 0, host: '127.0.0.1' })
  const { port } = app.server.address() as AddressInfo
  const streamed = await new Promise<{ status: number, body: string }>((resolve, reject) => {
    let responded = false
    const req = request({ host: '127.0.0.1', port, method: 'POST', path: '/sources/batch', headers: NDJSON }, (res) => {
      responded = true
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => { text += chunk })
      res.on('end', () => resolve({ status: res.statusCode!, body: text }))
    })
    // The server answers 413 and closes while this client may still be writing: a write after that fails (EPIPE,
    // ECONNRESET), which says nothing about the reply. Only an error with no reply read in the next moment fails.
    req.on('error', (err) => { void setTimeout(500).then(() => { if (!responded) reject(err) }) })
    void (async () => {
      for (const line of lines) {
        if (responded || req.destroyed || !req.write(line)) break
        await setTimeout(20)
      }
      if (!req.destroyed) req.end()
    })()
  })
  t.equal(streamed.status, 413)
  t.match(JSON.parse(streamed.body).message, /larger than the limit of 1000 bytes: lines 1 to \d+ were read \(\d+ stored/)
  const stored = await app.db.sources.count()
  t.ok(stored > 0 && stored < 12, `${stored} articles stored before the limit`)
})

t.test('a client that keeps sending past the batch limit still reads its 413, and is cut off only after a while', async (t) => {
  const app = await testApp({ extractorWorkers: 0, batchBodyLimit: 1000 })
  t.teardown(() => app.close())
  await app.listen({ port: 0, host: '127.0.0.1' })
  const { port } = app.server.address() as AddressInfo
  const line = Buffer.from(JSON.stringify({ text: story(1) }) + '\n')
  const socket = connect(port, '127.0.0.1')
  const closed = once(socket, 'close')
  let received = ''
  let error: string | null = null
  socket.setEncoding('utf8')
  socket.on('data', (chunk: string) => { received += chunk })
  socket.on('error', (err: NodeJS.ErrnoException) => { error = err.code ?? err.message })
  socket.write('POST /sources/batch HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-ndjson\r\n' +
    'Transfer-Encoding: chunked\r\n\r\n')
  // Twice the limit and more, written on without waiting for a reply, as a simple uploader does.
  for (let i = 0; i < 30 && !socket.destroyed; i++) {
    socket.write(`${line.length.toString(16)}\r\n`)
    socket.write(line)
    socket.write('\r\n')
    await setTimeout(10)
  }
  await setTimeout(100)
  t.equal(error, null, 'no write failed while the rest of the body was being sent')
  t.match(received, /^HTTP\/1\.1 413 /, 'the 413 was read')
  t.match(received, /larger than the limit of 1000 bytes/)
  t.notOk(socket.destroyed, 'the connection is still open while the rest of the body is dropped')
  // The body never ends: the server cuts the connection after its linger time.
  await closed
  t.pass('the server closed the connection of a body without end')
})

t.test('through worker threads: the same outcomes as inline', async (t) => {
  const inline = await testApp({ extractorWorkers: 0 })
  const pooled = await testApp({ extractorWorkers: 1 })
  t.teardown(async () => { await inline.close(); await pooled.close() })
  const body = ndjson(
    ...Array.from({ length: 8 }, (_, i) => i % 3 === 0 ? { html: storyPage(i) } : { text: story(i) }),
    { text: '  ' }, '{nope',
  )
  const a = (await post(inline, body)).json()
  const b = (await post(pooled, body)).json()
  t.equal(pooled.extractor.inline, false, `workers ran (${pooled.extractor.fallbackReason})`)
  t.same(b, a)
  t.same([b.created, b.failed], [8, 2])
  for (const item of b.items.filter((i: { status: string }) => i.status === 'created')) {
    const source = (await pooled.db.sources.get(item.source_id))!
    t.same((await pooled.db.quotes.ofSource(source.id)).items.map((q) => q.text), (await inline.db.quotes.ofSource(source.id)).items.map((q) => q.text))
  }
})
