// Opens the SQLite file with the settings every connection needs.
import { existsSync, mkdirSync, statSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { isRoleOnly, nameEnding, nameKey, nameTokens, personName, textKey } from '../identity/names.js'
import { bareName, organizationKey } from '../identity/titles.js'

export type Database = BetterSqlite3.Database

const BUSY_TIMEOUT_MS = 5000
/** Page cache of a read-only connection, in KB. */
const READER_CACHE_KB = 4000

/**
 * Creates a directory and its missing parents, one level at a time. Not mkdirSync's `recursive`: in Node 20 it
 * retries without end where the parent exists but refuses a new entry (`--db /proc/x/w.db` held a core until killed);
 * here that is the error of the one mkdir that failed.
 */
function makeDirectories (dir: string): void {
  const missing: string[] = []
  for (let d = resolve(dir); !existsSync(d); d = dirname(d)) {
    missing.push(d)
    if (dirname(d) === d) break
  }
  for (const d of missing.reverse()) {
    try {
      mkdirSync(d)
    } catch (err) {
      // Made meanwhile by another process opening the same new path (a server and `whosaid seed`), as recursive allowed.
      if ((err as { code?: unknown }).code !== 'EEXIST' || !statSync(d).isDirectory()) throw err
    }
  }
}

export function openDatabase (path: string): Database {
  if (path !== ':memory:' && !path.startsWith('file:')) {
    makeDirectories(dirname(path))
  }
  const db = new BetterSqlite3(path)
  try {
    enableWal(db)
    db.pragma('foreign_keys = ON')
    // Wait for a competing writer (e.g. `whosaid seed` next to the server) instead of failing at once.
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`)
    db.pragma('synchronous = NORMAL')
    // Checkpoint every ~40 MB of WAL instead of 4 MB: a page written by many commits in between is copied into the
    // database once, and a bulk ingest checkpoints a tenth as often (replayed ingest: 712 -> 831 articles/s).
    db.pragma('wal_autocheckpoint = 10000')
    registerFunctions(db)
    immediateTransactions(db)
  } catch (err) {
    db.close()
    throw err
  }
  return db
}

/**
 * A read-only connection to a database another connection has opened (and migrated): a search reader thread's.
 * Reads see every commit made before each statement starts, as the writing connection's own reads do.
 */
export function openReader (path: string): Database {
  const db = new BetterSqlite3(path, { readonly: true, fileMustExist: true })
  try {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`)
    readerCache(db)
  } catch (err) {
    db.close()
    throw err
  }
  return db
}

/**
 * Gives a connection that only reads a quarter of the writer's 16 MB page cache (better-sqlite3's default): a search
 * or a page reads rows the OS keeps cached, and each connection's cache adds to the server's memory. Pages of the
 * newest 20 quotes or a speaker's, and quotes by id, were read as fast with 4 MB as with 16 (bench/RESULTS.md,
 * fourteenth stop).
 */
export function readerCache (db: Database): void {
  db.pragma(`cache_size = -${READER_CACHE_KB}`)
}

/**
 * Switches a new file to WAL. That takes an exclusive lock for which SQLite does not wait (busy_timeout does not apply):
 * a process opening the same new file at the same moment (a second server, `whosaid seed`) got "database is locked"
 * at start-up. It waits here instead, as long as busy_timeout would.
 */
function enableWal (db: Database): void {
  const deadline = Date.now() + BUSY_TIMEOUT_MS
  for (;;) {
    try {
      db.pragma('journal_mode = WAL')
      return
    } catch (err) {
      if ((err as { code?: unknown }).code !== 'SQLITE_BUSY' || Date.now() > deadline) throw err
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5)
    }
  }
}

/**
 * Makes db.transaction(fn)() begin with BEGIN IMMEDIATE. A deferred transaction that reads and then writes, while
 * another process (a second server, `whosaid seed`) commits in between, fails at its first write with
 * SQLITE_BUSY_SNAPSHOT at once, whatever busy_timeout says; an immediate one waits its turn for the write lock instead.
 * Every transaction of the store writes, so none loses anything by taking the lock up front.
 */
function immediateTransactions (db: Database): void {
  const transaction = db.transaction.bind(db)
  db.transaction = ((fn: (...args: any[]) => unknown) => {
    const variants = transaction(fn)
    const immediate = variants.immediate
    return Object.assign(function (this: unknown, ...args: unknown[]) { return immediate.apply(this, args) }, {
      default: variants.default, deferred: variants.deferred, immediate: variants.immediate, exclusive: variants.exclusive,
    })
  }) as Database['transaction']
}

// Name folding for SQL (migrations backfill keys with it); the same functions the ingest path uses.
function registerFunctions (db: Database): void {
  const options = { deterministic: true }
  const onText = (fn: (text: string) => unknown) => (value: unknown) => typeof value === 'string' ? fn(value) : null
  db.function('whosaid_name_key', options, onText(nameKey))
  db.function('whosaid_first_key', options, onText((name) => personName(bareName(name))?.first ?? null))
  db.function('whosaid_surname_key', options, onText((name) => personName(bareName(name))?.surname ?? null))
  db.function('whosaid_name_ending', options, onText(nameEnding))
  db.function('whosaid_name_tokens', options, onText((name) => JSON.stringify(nameTokens(name))))
  db.function('whosaid_text_key', options, onText(textKey))
  db.function('whosaid_bare_name', options, onText(bareName))
  db.function('whosaid_organization_key', options, onText(organizationKey))
  db.function('whosaid_role_only', options, onText((name) => isRoleOnly(name) ? 1 : 0))
}
