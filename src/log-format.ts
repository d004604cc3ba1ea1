// The server's log for a person at a terminal: one short line per entry instead of pino's JSON, which stays the
// format whenever the output is a file, a pipe or a log collector.
import { Writable } from 'node:stream'

const LEVELS: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO ', 40: 'WARN ', 50: 'ERROR', 60: 'FATAL' }
// What pino and Fastify put on every entry, or that the line already shows.
const SHOWN = new Set(['level', 'time', 'pid', 'hostname', 'msg', 'reqId', 'req', 'res', 'responseTime', 'err'])

/** One JSON log line as "12:04:05 INFO  req-1 GET /speakers 200 3.2 ms request completed key=value". */
export function formatLogLine (line: string): string {
  let entry: Record<string, unknown>
  try {
    entry = JSON.parse(line) as Record<string, unknown>
  } catch {
    return line
  }
  const time = typeof entry['time'] === 'number' ? new Date(entry['time']).toISOString().slice(11, 19) : ''
  const parts = [time, LEVELS[entry['level'] as number] ?? String(entry['level'])]
  if (entry['reqId'] !== undefined) parts.push(String(entry['reqId']))
  const req = entry['req'] as { method?: string, url?: string } | undefined
  if (req?.method !== undefined) parts.push(`${req.method} ${req.url ?? ''}`)
  const res = entry['res'] as { statusCode?: number } | undefined
  if (res?.statusCode !== undefined) parts.push(String(res.statusCode))
  if (typeof entry['responseTime'] === 'number') parts.push(`${entry['responseTime'].toFixed(1)} ms`)
  parts.push(String(entry['msg'] ?? ''))
  for (const [key, value] of Object.entries(entry)) {
    if (!SHOWN.has(key)) parts.push(`${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`)
  }
  const err = entry['err'] as { stack?: string, message?: string } | undefined
  const text = parts.filter((part) => part !== '').join(' ')
  return err === undefined ? text : `${text}\n  ${(err.stack ?? err.message ?? '').replace(/\n/g, '\n  ')}`
}

/** A stream for pino that writes each entry formatted to `out`. */
export function prettyLogStream (out: NodeJS.WritableStream): Writable {
  let buffered = ''
  return new Writable({
    write (chunk: Buffer, _encoding, done) {
      buffered += chunk.toString('utf8')
      const lines = buffered.split('\n')
      buffered = lines.pop()!
      for (const line of lines) if (line !== '') out.write(`${formatLogLine(line)}\n`)
      done()
    },
  })
}
