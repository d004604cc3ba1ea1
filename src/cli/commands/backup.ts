// `whosaid backup FILE`: a consistent copy of the database made with SQLite's online backup, safe while the server
// runs and writes. The copy is written next to FILE, checked, and only then renamed to FILE.
import { existsSync, lstatSync, renameSync, rmSync, statSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import { pid } from 'node:process'
import { parseArgs } from 'node:util'
import BetterSqlite3 from 'better-sqlite3'
import { processIO, type Command } from '../command.js'
import { databasePathFrom } from '../../config.js'
import { UsageError, openExistingSqliteStore, usageLines } from '../output.js'
import { signalExit, takeSignals, turnOfTheLoop } from '../signals.js'

const HELP = `usage: whosaid backup FILE [--force] [--db PATH]

Copies the database to FILE with SQLite's online backup API: a consistent
snapshot that includes what is still in the write-ahead log, taken while the
server keeps serving and writing. The copy is checked (PRAGMA integrity_check)
before it is renamed to FILE, so FILE is never a half-written backup.

  FILE        where to write the backup (its directory must exist): a new name or
              a regular file; never the database, its -wal, -shm or -journal (by
              any path or link), a directory, a device or a symbolic link
  --force     replace FILE if it is a regular file
  --db PATH   database file (default: $DATABASE_PATH or ./data/whosaid.db)

Ctrl-C (SIGINT) or SIGTERM before the copy is renamed removes it and exits 130
(143): FILE is left as it was.

To restore: stop the server, copy the backup over the database file, delete the
database's -wal and -shm files if any are left, and start the server again.
`

/** A backup given up at a signal, before its copy was renamed to FILE. */
class Interrupted extends Error {
  constructor (readonly signal: NodeJS.Signals) {
    super(`stopped by ${signal}`)
  }
}

/** What SQLite keeps open for a database beside the file itself: its log, shared memory and rollback journal. */
const DATABASE_FILES = ['', '-wal', '-shm', '-journal']

/** The file's identity (device and inode), or null when there is none; symbolic links are followed. */
function identity (path: string): string | null {
  try {
    const stat = statSync(path)
    return `${stat.dev}:${stat.ino}`
  } catch {
    return null
  }
}

/**
 * Why FILE cannot be the target, or null when it can: the backup is renamed over it, so it must be a regular file
 * (or nothing) and none of the live database's files, whatever the path or link it is reached by. A device would be
 * replaced by a regular file, a directory left with the partial copy, and the database's -wal or -shm overwritten
 * would lose every write not yet checkpointed. No option overrides these.
 */
export function targetRefusal (file: string, database: string): string | null {
  const target = identity(file)
  if (target !== null) {
    for (const suffix of DATABASE_FILES) {
      if (identity(database + suffix) === target) {
        return suffix === '' ? `${file} is the database itself` : `${file} is the database's ${suffix.slice(1)} file`
      }
    }
  }
  // A name that is not (yet) a file of the database may still become one: "w.db-wal" beside a live "w.db".
  for (const suffix of DATABASE_FILES.slice(1)) {
    if (resolve(database + suffix) === resolve(file)) return `${file} is the database's ${suffix.slice(1)} file`
  }
  const stat = lstatSync(file, { throwIfNoEntry: false })
  const kind = stat === undefined || stat.isFile() ? null
    : stat.isSymbolicLink() ? 'a symbolic link'
      : stat.isDirectory() ? 'a directory' : 'a device, socket or pipe, not a regular file'
  return kind === null ? null : `${file} is ${kind}; give the path of a regular file (or of one to create)`
}

const backupCommand: Command = {
  summary: 'copy the database to a file while the server runs',
  async run (args, io = processIO()) {
    const { stdout, stderr, env } = io
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
    const refusal = targetRefusal(file, source)
    if (refusal !== null) {
      stderr.write(`whosaid backup: ${refusal}\n`)
      return 1
    }
    if (existsSync(file) && !values.force) {
      stderr.write(`whosaid backup: ${file} exists; pass --force to replace it\n`)
      return 1
    }
    const directory = dirname(resolve(file))
    if (!statSync(directory, { throwIfNoEntry: false })?.isDirectory()) {
      stderr.write(`whosaid backup: directory ${directory} does not exist\n`)
      return 1
    }

    // Written beside FILE (so that the rename is atomic) and removed, with any file SQLite made beside it, on failure.
    const partial = join(directory, `.${basename(file)}.partial-${pid}`)
    const removePartial = (): void => { for (const suffix of DATABASE_FILES) rmSync(partial + suffix, { force: true }) }
    // A signal is taken, not left to kill the process with the partial copy on disk: the copy and the check are each
    // one call into SQLite, so it is acted on between them and before the rename (a failed backup leaves nothing).
    let signalled: NodeJS.Signals | null = null
    const releaseSignals = takeSignals(io, (signal) => { signalled ??= signal })
    const stopIfSignalled = async (): Promise<void> => {
      await turnOfTheLoop()
      if (signalled !== null) throw new Interrupted(signalled)
    }
    let sources: number
    let quotes: number
    try {
      const store = openExistingSqliteStore(values.db, env)
      try {
        // The first step copies 100 pages; the rest goes in one step, so that a server writing all the time cannot
        // keep restarting a backup made page by page.
        await store.db.backup(partial, { progress: () => 0x7fffffff })
      } finally {
        await store.close()
      }
      await stopIfSignalled()
      const copy = new BetterSqlite3(partial)
      try {
        const integrity = copy.pragma('integrity_check', { simple: true })
        if (integrity !== 'ok') throw new Error(`the copy failed its integrity check: ${String(integrity)}`)
        sources = copy.prepare('SELECT count(*) FROM sources').pluck().get() as number
        quotes = copy.prepare('SELECT count(*) FROM quotes').pluck().get() as number
        // A self-contained file: nothing of the copy left in a -wal beside it.
        copy.pragma('wal_checkpoint(TRUNCATE)')
      } finally {
        copy.close()
      }
      await stopIfSignalled()
      // Checked again just before the rename: FILE may have been replaced meanwhile (by a device, a directory).
      const late = targetRefusal(file, source)
      if (late !== null) throw new Error(late)
      for (const suffix of DATABASE_FILES.slice(1)) rmSync(partial + suffix, { force: true })
      renameSync(partial, file)
    } catch (err) {
      removePartial()
      if (!(err instanceof Interrupted)) throw err
      stderr.write(`whosaid backup: ${err.message}; the partial copy was removed and ${file} left as it was\n`)
      return signalExit(err.signal)
    } finally {
      releaseSignals()
    }
    const mb = (statSync(file).size / 1024 / 1024).toFixed(1)
    stdout.write(`backed up ${sources} sources and ${quotes} quotes to ${file} (${mb} MB)\n`)
    return 0
  },
}

export default backupCommand
