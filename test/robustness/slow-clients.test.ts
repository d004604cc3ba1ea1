// Slow clients over a real socket (slowloris): a client that sends its headers or its body a byte at a time is cut
// off when the server's timeouts run out, while other clients are served. The timeouts are shortened for the test;
// the production values are checked in test/routes/security.test.ts.
import { connect, type Socket } from 'node:net'
import type { AddressInfo } from 'node:net'
import t from 'tap'
import { testApp } from '../helpers/app.js'

const TIMEOUTS = { headersTimeout: 600, requestTimeout: 1500, connectionsCheckingInterval: 100, keepAliveTimeout: 5000 }

/** Opens a socket and writes `head` at once, then one byte of `drip` every `every` ms until the server closes it. */
function trickle (port: number, head: string, drip: string, every: number): Promise<{ ms: number, reply: string }> {
  return new Promise((resolve, reject) => {
    const started = Date.now()
    let reply = ''
    let sent = 0
    const socket: Socket = connect(port, '127.0.0.1', () => {
      socket.write(head)
      const timer = setInterval(() => {
        if (socket.destroyed || socket.writableEnded) return
        socket.write(drip[sent % drip.length]!)
        sent++
      }, every)
      socket.on('close', () => {
        clearInterval(timer)
        resolve({ ms: Date.now() - started, reply })
      })
    })
    socket.on('data', (chunk) => { reply += chunk.toString('utf8') })
    // A reset after the server gave up is the server closing too.
    socket.on('error', (err: NodeJS.ErrnoException) => { if (err.code !== 'ECONNRESET' && err.code !== 'EPIPE') reject(err) })
    setTimeout(() => { socket.destroy(); reject(new Error('the server kept a slow client for 10 s')) }, 10_000).unref()
  })
}

t.test('a client that sends its headers slowly is cut off after headersTimeout; others are served meanwhile', async (t) => {
  const app = await testApp({ timeouts: TIMEOUTS })
  t.teardown(() => app.close())
  await app.listen({ port: 0, host: '127.0.0.1' })
  const { port } = app.server.address() as AddressInfo

  const slow = trickle(port, 'GET /health HTTP/1.1\r\nHost: x\r\n', 'X-Slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n', 50)
  const served: number[] = []
  for (let i = 0; i < 5; i++) {
    served.push((await fetch(`http://127.0.0.1:${port}/health`)).status)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  t.same(served, [200, 200, 200, 200, 200], 'other clients are answered while the slow one drips')
  const { ms, reply } = await slow
  t.ok(ms >= TIMEOUTS.headersTimeout - 50, `not cut off before headersTimeout (${ms} ms)`)
  t.ok(ms < TIMEOUTS.headersTimeout + 2000, `cut off soon after headersTimeout (${ms} ms)`)
  t.match(reply, /^HTTP\/1\.1 408 /, 'with 408 Request Timeout')
})

t.test('a client that sends its body slowly is cut off after requestTimeout, and nothing is stored', async (t) => {
  const app = await testApp({ timeouts: TIMEOUTS })
  t.teardown(() => app.close())
  await app.listen({ port: 0, host: '127.0.0.1' })
  const { port } = app.server.address() as AddressInfo

  const body = JSON.stringify({ title: 'Slow', text: '"We will wait," said Ana Ruiz.' })
  const head = `POST /sources HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`
  // One byte every 100 ms: the whole body would take several seconds, past requestTimeout.
  const { ms, reply } = await trickle(port, head, body, 100)
  t.ok(ms >= TIMEOUTS.requestTimeout - 50, `not cut off before requestTimeout (${ms} ms)`)
  t.ok(ms < TIMEOUTS.requestTimeout + 2000, `cut off soon after requestTimeout (${ms} ms)`)
  t.match(reply, /^HTTP\/1\.1 408 /, 'with 408 Request Timeout')
  t.equal(await app.db.sources.count(), 0, 'the half-sent article is not stored')
})
