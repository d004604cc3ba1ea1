// The log at a terminal: one readable line per entry; and the start-up line that tells a newcomer where to look.
import t from 'tap'
import { formatLogLine } from '../src/log-format.js'
import { startServer } from './helpers/server.js'

t.test('a JSON log entry becomes one line: time, level, request, status, duration, message, other fields', async (t) => {
  const time = Date.UTC(2026, 0, 2, 3, 4, 5)
  t.equal(formatLogLine(JSON.stringify({ level: 30, time, pid: 1, hostname: 'h', reqId: 'req-7', res: { statusCode: 404 }, responseTime: 3.14159, msg: 'request completed' })),
    '03:04:05 INFO  req-7 404 3.1 ms request completed')
  t.equal(formatLogLine(JSON.stringify({ level: 30, time, reqId: 'req-7', req: { method: 'GET', url: '/speakers?limit=2' }, msg: 'incoming request' })),
    '03:04:05 INFO  req-7 GET /speakers?limit=2 incoming request')
  t.equal(formatLogLine(JSON.stringify({ level: 40, time, signal: 'SIGTERM', count: 2, msg: 'shutting down' })),
    '03:04:05 WARN  shutting down signal=SIGTERM count=2')
  t.equal(formatLogLine(JSON.stringify({ level: 50, time, err: { message: 'boom', stack: 'Error: boom\n    at x' }, msg: 'request failed' })),
    '03:04:05 ERROR request failed\n  Error: boom\n      at x')
  t.equal(formatLogLine('not json'), 'not json', 'anything else is passed through')
})

t.test('the server says at start-up where the pages and the API docs are (JSON when not at a terminal)', async (t) => {
  const server = await startServer({ DATABASE_PATH: ':memory:', SEED: 'false' })
  t.teardown(() => server.stop())
  await new Promise((resolve) => setTimeout(resolve, 200))
  const line = server.logs.find((entry) => String(entry['msg']).startsWith('Pages for people'))
  t.equal(line?.['msg'], `Pages for people at ${server.url}/ · API documentation at ${server.url}/docs`)
})
