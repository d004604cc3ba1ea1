// `whosaid seed`, run in this process (test/helpers/cli.ts).
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import t from 'tap'
import { MIGRATIONS_DIR } from '../src/paths.js'
import { Store } from '../src/store/index.js'
import { whosaid as inProcess } from './helpers/cli.js'

function whosaid (...args: string[]) {
  const env = { ...process.env }
  delete env['DATABASE_PATH']
  return inProcess(args, { env })
}

t.test('whosaid seed ingests the seeds once', async (t) => {
  const databasePath = join(mkdtempSync(join(tmpdir(), 'whosaid-cli-')), 'sub', 'w.db')
  const first = await whosaid('seed', '--db', databasePath)
  t.equal(first.status, 0, first.stderr)
  t.match(first.stdout, /^hamas-hostages-article\.txt: ingested as source 1 \(\d+ quotes\)$/m)

  const again = await whosaid('seed', '--db', databasePath)
  t.equal(again.status, 0)
  t.match(again.stdout, /^hamas-hostages-article\.txt: already stored as source 1 /m)

  const store = Store.open({ path: databasePath, migrationsDir: MIGRATIONS_DIR })
  t.teardown(() => store.close())
  t.equal(store.sources.count(), 1)
})

t.test('whosaid seed --dir reads another directory', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'whosaid-cli-'))
  writeFileSync(join(dir, 'one.txt'), '“We are ready,” Maria Lopez said.')
  writeFileSync(join(dir, 'one.json'), '{"title": "One"}')
  const result = await whosaid('seed', '--db', join(dir, 'w.db'), '--dir', dir)
  t.equal(result.status, 0, result.stderr)
  t.match(result.stdout, /^one\.txt: ingested as source 1/)
})

t.test('whosaid seed reports problems without a stack trace', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'whosaid-cli-'))
  writeFileSync(join(dir, 'one.txt'), 'Text.')
  const missing = await whosaid('seed', '--db', join(dir, 'w.db'), '--dir', dir)
  t.equal(missing.status, 1)
  t.match(missing.stderr, /^whosaid: cannot read seed metadata .*one\.json/)
  t.notMatch(missing.stderr, /\n\s+at /)

  const unknown = await whosaid('seed', '--bogus')
  t.equal(unknown.status, 2)
  t.match(unknown.stderr, /Unknown option '--bogus'/)

  const help = await whosaid('seed', '--help')
  t.equal(help.status, 0)
  t.match(help.stdout, /usage: whosaid seed/)
})
