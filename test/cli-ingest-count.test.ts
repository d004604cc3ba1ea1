// The progress total of `whosaid ingest`: the non-blank lines of an NDJSON file, counted from its bytes. Compared
// with counting the decoded text's lines, over files whose lines and blank runs fall across the stream's chunks.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import t from 'tap'
import { countLines } from '../src/cli/commands/ingest.js'

const dir = mkdtempSync(join(tmpdir(), 'whosaid-count-'))
t.teardown(() => rmSync(dir, { recursive: true, force: true }))

function expected (text: string): number {
  return text.split('\n').filter((line) => /[^ \t\r]/.test(line)).length
}

async function counted (text: string): Promise<number> {
  const path = join(dir, 'lines.ndjson')
  writeFileSync(path, text)
  return await countLines(path)
}

t.test('short files: blank lines, CRLF, no final newline, a file of blanks', async (t) => {
  for (const text of ['', '\n', ' \t\r\n\n', '{"a":1}', '{"a":1}\n', '{"a":1}\r\n\r\n{"b":2}', '\n\n  {"a":1}  \n \n{"b":2}\n   ', '\t\n\t']) {
    t.equal(await counted(text), expected(text), JSON.stringify(text))
  }
})

t.test('lines and blank runs across chunk boundaries (the stream reads 64 KiB at a time)', async (t) => {
  let seed = 7
  const next = (n: number): number => { seed = (seed * 48271) % 2147483647; return seed % n }
  for (let file = 0; file < 6; file++) {
    const lines: string[] = []
    // Some lines longer than a chunk, long runs of blanks, blank lines with carriage returns.
    for (let i = 0; i < 60; i++) {
      const kind = next(5)
      if (kind === 0) lines.push(' '.repeat(next(3) === 0 ? 70_000 : next(50)) + (next(2) ? '\r' : ''))
      else if (kind === 1) lines.push('')
      else lines.push(' '.repeat(next(3) === 0 ? 66_000 : next(10)) + `{"text":"${'x'.repeat(next(3) === 0 ? 80_000 : next(100))}"}`)
    }
    const text = lines.join('\n') + (next(2) ? '\n' : '')
    t.equal(await counted(text), expected(text), `file ${file}: ${text.length} bytes`)
  }
})
