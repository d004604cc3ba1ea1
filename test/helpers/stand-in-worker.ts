// A stand-in for the extractor's worker module: `source` written to a file of its own for the test, removed after it.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Test } from 'tap'

export function standInWorker (t: Test, name: string, source: string): URL {
  const dir = mkdtempSync(join(tmpdir(), 'whosaid-worker-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  const file = join(dir, name)
  writeFileSync(file, source)
  return pathToFileURL(file)
}
