// readNdjsonLines: lines as they arrive, whatever the chunking; long lines and bad bytes are errors of their own.
import t from 'tap'
import { readNdjsonLines, StreamTooLargeError, type NdjsonLine } from '../../src/services/ndjson.js'

async function lines (chunks: Array<Buffer | string>, lineLimit = 1000, totalLimit?: number): Promise<NdjsonLine[]> {
  const out: NdjsonLine[] = []
  for await (const line of readNdjsonLines(chunks, { lineLimit, totalLimit })) out.push(line)
  return out
}

const BODY = Buffer.from('{"text":"café ☕ “quoted”"}\r\n\n   \n{"text":"two"}\n{"text":"three"}', 'utf8')
const EXPECTED = [
  { line: 1, text: '{"text":"café ☕ “quoted”"}' },
  { line: 4, text: '{"text":"two"}' },
  { line: 5, text: '{"text":"three"}' },
]

t.test('the same lines however the bytes are cut, even inside a character', async (t) => {
  t.same(await lines([BODY]), EXPECTED)
  for (let a = 1; a < BODY.length; a++) {
    const got = await lines([BODY.subarray(0, a), BODY.subarray(a)])
    if (JSON.stringify(got) !== JSON.stringify(EXPECTED)) t.fail(`cut at ${a}: ${JSON.stringify(got)}`)
  }
  t.same(await lines(Array.from(BODY, (byte) => Buffer.from([byte]))), EXPECTED, 'one byte at a time')
  t.same(await lines(['{"a":1}\n', '{"b":2}']), [{ line: 1, text: '{"a":1}' }, { line: 2, text: '{"b":2}' }], 'string chunks')
})

t.test('the line limit counts bytes without the line break; longer lines are errors, the rest goes on', async (t) => {
  const exact = 'x'.repeat(10)
  t.same(await lines([`${exact}\r\n${exact}x\nok\n`], 10), [
    { line: 1, text: exact },
    { line: 2, error: 'line is longer than the limit of 10 bytes' },
    { line: 3, text: 'ok' },
  ])
  t.same(await lines(['é'.repeat(6) + '\n'], 10), [{ line: 1, error: 'line is longer than the limit of 10 bytes' }], '12 bytes')
  const long = Array.from({ length: 50 }, () => 'y'.repeat(100))
  t.same(await lines([...long, '\nlast']), [{ line: 1, error: 'line is longer than the limit of 1000 bytes' }, { line: 2, text: 'last' }],
    'a long line spread over many chunks is dropped as it comes')
})

t.test('bytes that are not UTF-8 make an error for their line alone; a BOM is dropped', async (t) => {
  t.same(await lines([Buffer.from([0xef, 0xbb, 0xbf]), 'one\n', Buffer.from([0x61, 0xff, 0x0a]), 'three']), [
    { line: 1, text: 'one' },
    { line: 2, error: 'line is not valid UTF-8' },
    { line: 3, text: 'three' },
  ])
})

t.test('over the total limit: StreamTooLargeError with the last line read in full', async (t) => {
  const read: NdjsonLine[] = []
  const err = await (async () => {
    for await (const line of readNdjsonLines(['aaaa\nbbbb\n', 'cccc\n', 'dddd\n'], { lineLimit: 100, totalLimit: 12 })) read.push(line)
  })().catch((e: unknown) => e)
  t.ok(err instanceof StreamTooLargeError)
  t.match(err, { statusCode: 413, lastLine: 2, message: 'the request is larger than the limit of 12 bytes' })
  t.same(read.map((l) => l.line), [1, 2])
})
