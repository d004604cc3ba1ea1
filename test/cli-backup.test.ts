// `whosaid backup FILE` through the built CLI, taken while the real server writes; and the restore steps of the
// README (stop, copy over, remove -wal and -shm, start) giving back exactly what the backup held. What it refuses is
// tested in this process (test/helpers/cli.ts).
import { spawn } from 'node:child_process'
import { copyFileSync, existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import t from 'tap'
import { CLI_JS as CLI, whosaid as inProcess } from './helpers/cli.js'
import { generatedArticle, generatedArticles } from './helpers/generated-articles.js'
import { countRows, databaseProblems, postArticle } from './helpers/robustness.js'
import { startServer } from './helpers/server.js'

t.setTimeout(120_000)

function env (): NodeJS.ProcessEnv {
  const copy = { ...process.env }
  delete copy['DATABASE_PATH']
  return copy
}

/**
 * Runs the built CLI in a process of its own, without blocking this one: the server's clients here keep writing for
 * the whole backup (in this process its last step would hold them).
 */
function whosaid (...args: string[]): Promise<{ status: number | null, stdout: string, stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: env() })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => { stdout += chunk })
    child.stderr.on('data', (chunk) => { stderr += chunk })
    child.on('close', (status) => resolve({ status, stdout, stderr }))
  })
}

t.test('a backup taken while the server writes is consistent, and restoring it gives back what it held', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'whosaid-backup-'))
  const databasePath = join(dir, 'whosaid.db')
  const backupPath = join(dir, 'backup.db')
  const server = await startServer({ DATABASE_PATH: databasePath, SEED: 'false', RATE_LIMIT_PER_MINUTE: '0' })
  t.teardown(() => { if (server.child.exitCode === null) server.child.kill('SIGKILL') })

  const articles = generatedArticles(15, 70_000)
  for (const article of articles) t.equal((await postArticle(server.url, article)).status, 201)

  // Writers keep posting new articles for as long as the backup runs.
  let acknowledged = articles.length
  let backingUp = true
  const writer = async (): Promise<void> => {
    while (backingUp) {
      const article = generatedArticle(70_000 + articles.length)
      articles.push(article)
      const res = await postArticle(server.url, article)
      if (res.status === 201) acknowledged++
    }
  }
  const writers = Promise.all([writer(), writer()])
  const before = acknowledged
  const result = await whosaid('backup', backupPath, '--db', databasePath)
  const after = acknowledged
  backingUp = false
  await writers

  t.equal(result.status, 0, result.stderr)
  t.match(result.stdout, new RegExp(`^backed up (\\d+) sources and (\\d+) quotes to ${backupPath.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(\\d+\\.\\d MB\\)\\n$`))
  const inBackup = countRows(backupPath, 'sources')
  t.ok(inBackup >= before && inBackup <= after + 2, `the backup holds ${inBackup} sources: at least the ${before} stored before it began, at most the ${after} stored when it ended`)
  t.equal(Number(/^backed up (\d+) sources/.exec(result.stdout)?.[1]), inBackup, 'and says so')
  t.same(databaseProblems(backupPath, articles), [], 'the backup is sound and every article in it whole')
  t.same(readdirSync(dir).filter((name) => name.includes('partial') || name.startsWith('backup.db-')), [], 'no partial copy or -wal/-shm left beside it')

  // More writes after the backup, which a restore must take back.
  for (let i = 0; i < 5; i++) {
    const article = generatedArticle(70_000 + articles.length)
    articles.push(article)
    t.equal((await postArticle(server.url, article)).status, 201)
  }
  t.ok(countRows(databasePath, 'sources') > inBackup, 'the live database has moved on')

  // The README's restore: stop, copy the backup over the database, remove stale -wal and -shm, start.
  t.equal(await server.stop(), 0)
  copyFileSync(backupPath, databasePath)
  for (const suffix of ['-wal', '-shm']) rmSync(`${databasePath}${suffix}`, { force: true })
  const restored = await startServer({ DATABASE_PATH: databasePath, SEED: 'false', RATE_LIMIT_PER_MINUTE: '0' })
  t.teardown(() => { if (restored.child.exitCode === null) restored.child.kill('SIGKILL') })
  let listed = 0
  let cursor: string | null = null
  do {
    const page = await (await fetch(`${restored.url}/sources?limit=100${cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`}`)).json() as { items: unknown[], next_cursor: string | null }
    listed += page.items.length
    cursor = page.next_cursor
  } while (cursor !== null)
  t.equal(listed, inBackup, 'the restored server serves exactly the sources of the backup')
  t.equal((await postArticle(restored.url, articles[0]!)).body.status, 'existing', 'and knows what it holds')
  t.equal(await restored.stop(), 0)
})

t.test('whosaid backup refuses what it should', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'whosaid-backup-'))
  const run = (...args: string[]) => inProcess(args, { env: env() })

  const missing = await run('backup', join(dir, 'b.db'), '--db', join(dir, 'nothing.db'))
  t.equal(missing.status, 1)
  t.match(missing.stderr, /no database at .*nothing\.db/)
  t.notOk(existsSync(join(dir, 'nothing.db')), 'no database is created')
  t.notOk(existsSync(join(dir, 'b.db')), 'no backup is written')

  const seeded = await run('seed', '--db', join(dir, 'w.db'))
  t.equal(seeded.status, 0, seeded.stderr)
  writeFileSync(join(dir, 'taken.db'), 'keep me')
  const exists = await run('backup', join(dir, 'taken.db'), '--db', join(dir, 'w.db'))
  t.equal(exists.status, 1)
  t.match(exists.stderr, /taken\.db exists; pass --force to replace it/)
  const forced = await run('backup', join(dir, 'taken.db'), '--force', '--db', join(dir, 'w.db'))
  t.equal(forced.status, 0, forced.stderr)
  t.ok(countRows(join(dir, 'taken.db'), 'sources') >= 1, '--force replaces it with the backup')

  const itself = await run('backup', join(dir, 'w.db'), '--force', '--db', join(dir, 'w.db'))
  t.equal(itself.status, 1)
  t.match(itself.stderr, /is the database itself/)
  t.same(databaseProblems(join(dir, 'w.db')), [], 'the database is untouched')

  // The database open elsewhere (as by the server), so that its -wal and -shm exist and hold live state.
  const live = new BetterSqlite3(join(dir, 'w.db'))
  live.prepare("UPDATE sources SET title = title || ' (edited)'").run()
  t.ok(existsSync(join(dir, 'w.db-wal')) && existsSync(join(dir, 'w.db-shm')), 'the log and shared memory exist')
  const wal = readFileSync(join(dir, 'w.db-wal'))
  linkSync(join(dir, 'w.db'), join(dir, 'hard-link.db'))
  symlinkSync(join(dir, 'w.db-wal'), join(dir, 'link-to-wal'))
  mkdirSync(join(dir, 'a-directory'))
  const refusals: Array<[string, RegExp]> = [
    [join(dir, 'w.db-wal'), /is the database's wal file/],
    [join(dir, 'w.db-shm'), /is the database's shm file/],
    [join(dir, 'w.db-journal'), /is the database's journal file/],
    [join(dir, 'hard-link.db'), /is the database itself/],
    [join(dir, 'link-to-wal'), /is the database's wal file/],
    [join(dir, 'a-directory'), /is a directory; give the path of a regular file/],
    ['/dev/null', /is a device, socket or pipe, not a regular file/],
  ]
  for (const [target, message] of refusals) {
    const refused = await run('backup', target, '--force', '--db', join(dir, 'w.db'))
    t.equal(refused.status, 1, target)
    t.match(refused.stderr, message, target)
  }
  t.same(readFileSync(join(dir, 'w.db-wal')), wal, 'the -wal is untouched')
  t.ok(statSync('/dev/null').isCharacterDevice(), '/dev/null is still a device')
  t.same(readdirSync(join(dir, 'a-directory')), [], 'nothing written into the directory')
  t.same(readdirSync(dir).filter((name) => name.includes('partial')), [], 'no partial file left behind')
  live.close()
  t.same(databaseProblems(join(dir, 'w.db')), [], 'the database is intact')
  t.ok(countRows(join(dir, 'w.db'), 'sources') >= 1)

  const noDir = await run('backup', join(dir, 'no', 'such', 'dir', 'b.db'), '--db', join(dir, 'w.db'))
  t.equal(noDir.status, 1)
  t.match(noDir.stderr, /directory .* does not exist/)

  const noFile = await run('backup')
  t.equal(noFile.status, 2)
  t.match(noFile.stderr, /FILE is required\nusage: whosaid backup FILE/)
  const help = await run('backup', '--help')
  t.equal(help.status, 0)
  t.match(help.stdout, /online backup/)
  t.match((await run('--help')).stdout, /^ {2}backup +copy the database/m, 'listed among the commands, with what it does')
})

t.test('a backup stopped by SIGINT removes its partial copy, leaves FILE as it was and exits 130', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'whosaid-backup-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  const seeded = await inProcess(['seed', '--db', join(dir, 'w.db')], { env: env() })
  t.equal(seeded.status, 0, seeded.stderr)
  // About 40 MB, so that copying and checking take long enough to be interrupted.
  const db = new BetterSqlite3(join(dir, 'w.db'))
  const insert = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)')
  db.transaction(() => { for (let i = 0; i < 4000; i++) insert.run(`filler-${i}`, `${i}`.padEnd(10_000, 'x')) })()
  db.close()
  writeFileSync(join(dir, 'old.db'), 'the previous backup')

  const child = spawn(process.execPath, [CLI, 'backup', join(dir, 'old.db'), '--force', '--db', join(dir, 'w.db')], { env: env() })
  let stderr = ''
  child.stderr.on('data', (chunk) => { stderr += chunk })
  const exited = new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on('exit', (c, s) => resolve([c, s])))
  let running = true
  void exited.then(() => { running = false })
  // The signal goes once the partial copy is on disk.
  let seen = false
  while (running && !seen) {
    seen = readdirSync(dir).some((name) => name.startsWith('.old.db.partial-'))
    if (!seen) await new Promise((resolve) => setTimeout(resolve, 1))
  }
  t.ok(seen, 'the partial copy appeared while the backup ran')
  child.kill('SIGINT')
  t.same(await exited, [130, null], 'exit status 130, not killed by the signal')
  t.match(stderr, /stopped by SIGINT; the partial copy was removed and .*old\.db left as it was/)
  t.same(readdirSync(dir).filter((name) => name.includes('partial')), [], 'nothing of the copy is left')
  t.equal(readFileSync(join(dir, 'old.db'), 'utf8'), 'the previous backup', 'FILE is as it was')
})
