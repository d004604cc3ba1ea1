// `whosaid backup FILE`: a consistent copy of the database made with SQLite's online backup, safe while the server
// runs and writes. The copy is written next to FILE, checked, and only then renamed to FILE.
import { existsSync, realpathSync, renameSync, rmSync, statSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import { env, pid, stderr, stdout } from 'node:process'
import { parseArgs } from 'node:util'
import BetterSqlite3 from 'better-sqlite3'
import type { Command } from '../command.js'
import { databasePathFrom } from '../../config.js'
import { UsageError, openExistingStore, usageLines } from '../output.js'

const HELP = `usage: whosaid backup FILE [--force] [--db PATH]

Copies the database to FILE with SQLite's online backup API: a consistent
snapshot that includes what is still in the write-ahead log, taken while the
server keeps serving and writing. The copy is checked (PRAGMA integrity_check)
before it is renamed to FILE, so FILE is never a half-written backup.

  FILE        where to write the backup (its directory must exist)
  --force     replace FILE if it exists
  --db PATH   database file (default: $DATABASE_PATH or ./data/whosaid.db)

To restore: stop the server, copy the backup over the database file, delete the
database's -wal and -shm files if any are left, and start the server again.
`

const sameFile = (a: string, b: string): boolean => {
  try {
    return realpathSync(a) === realpathSync(b)
  } catch {
    return resolve(a) === resolve(b)
  }
}

const backupCommand: Command = {
  summary: 'copy the database to a file while the server runs',
  async run (args) {
    let values
    let positionals
    try {
      ({ values, positionals } = parseArgs({
        args,
        options: { db: { type: 'string' }, force: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
        strict: true,
        allowPositionals: true,
      }))
      if (values.help) {
        stdout.write(HELP)
        return 0
      }
      if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'FILE is required' : 'give one FILE')
    } catch (err) {
      stderr.write(`whosaid backup: ${(err as Error).message}\n${usageLines(HELP)}`)
      return 2
    }

    const file = positionals[0]!
    const source = values.db ?? databasePathFrom(env)
    if (existsSync(file) && sameFile(file, source)) {
      stderr.write(`whosaid backup: ${file} is the database itself\n`)
      return 1
    }
    if (existsSync(file) && !values.force) {
      stderr.write(`whosaid backup: ${file} exists; pass --force to replace it\n`)
      return 1
    }
    if (!existsSync(dirname(resolve(file)))) {
      stderr.write(`whosaid backup: directory ${dirname(resolve(file))} does not exist\n`)
      return 1
    }

    const partial = join(dirname(resolve(file)), `.${basename(file)}.partial-${pid}`)
    const store = openExistingStore(values.db)
    try {
      // The first step copies 100 pages; the rest goes in one step, so that a server writing all the time cannot
      // keep restarting a backup made page by page.
      await store.db.backup(partial, { progress: () => 0x7fffffff })
    } catch (err) {
      rmSync(partial, { force: true })
      throw err
    } finally {
      store.close()
    }

    let sources: number
    let quotes: number
    const copy = new BetterSqlite3(partial)
    try {
      const integrity = copy.pragma('integrity_check', { simple: true })
      if (integrity !== 'ok') throw new Error(`the copy failed its integrity check: ${String(integrity)}`)
      sources = copy.prepare('SELECT count(*) FROM sources').pluck().get() as number
      quotes = copy.prepare('SELECT count(*) FROM quotes').pluck().get() as number
      // A self-contained file: nothing of the copy left in a -wal beside it.
      copy.pragma('wal_checkpoint(TRUNCATE)')
    } catch (err) {
      copy.close()
      rmSync(partial, { force: true })
      throw err
    }
    copy.close()
    for (const suffix of ['-wal', '-shm']) rmSync(`${partial}${suffix}`, { force: true })
    renameSync(partial, file)
    const mb = (statSync(file).size / 1024 / 1024).toFixed(1)
    stdout.write(`backed up ${sources} sources and ${quotes} quotes to ${file} (${mb} MB)\n`)
    return 0
  },
}

export default backupCommand
