// The store: every read and write of the database goes through here.
import { statfsSync } from 'node:fs'
import { dirname } from 'node:path'
import { ChangeCounter } from './change-counter.js'
import { Corrections } from './corrections.js'
import { openDatabase, type Database } from './database.js'
import { migrate } from './migrate.js'
import { QuoteStore } from './quotes.js'
import { SourceWriter, type IngestAttempt, type IngestItem } from './source-writes.js'
import { SourceStore } from './sources.js'
import { SpeakerStore } from './speakers.js'
import type { ChangeWatch, DataStore, IngestedDetail } from './interface.js'

export type { Database } from './database.js'
export type { Awaitable, ChangeWatch, DataStore, IngestedDetail, StoreKind } from './interface.js'
export { openStore, isPostgresUrl, type OpenStoreOptions } from './open.js'
export { ConflictError, NotFoundError, QuerySyntaxError } from './errors.js'
export { MigrationError } from './migrate.js'
export { PageKeyError, type PageKey, type PageRequest, type PageResult } from './page.js'
export type { Quote, QuoteDetail, QuoteFilter, QuoteSort, QuoteSourceRef, QuoteSpeakerRef, StoredResolvedBy } from './quotes.js'
export { contentHash, type IngestKeys } from './ingest-keys.js'
export {
  InvalidExtractionError, type ArticleInput, type IngestAttempt, type IngestItem, type IngestResult, type IngestStatus,
} from './source-writes.js'
export type { SourceDetail, SourceFilter, SourceSummary } from './sources.js'
export type { Speaker, SpeakerAlias, SpeakerDetail, SpeakerFilter, SpeakerRef, SpeakerSort } from './speakers.js'

export interface StoreOptions {
  /** A file path, or ':memory:'. */
  path: string
  migrationsDir: string
}

/** Less free space than this on the database's disk is reported as full: a write-ahead log grows by megabytes. */
const MIN_FREE_BYTES = 1024 * 1024

const UTF8 = new TextEncoder()

/** The SQLite store (better-sqlite3): every method answers synchronously, which satisfies DataStore. */
export class Store implements DataStore {
  readonly kind = 'sqlite' as const
  readonly db: Database
  readonly sources: SourceStore
  readonly speakers: SpeakerStore
  readonly quotes: QuoteStore
  /** Ingest (one article or a group), re-extraction and deletion of articles, each in one transaction. */
  readonly articles: SourceWriter
  /** Merges, splits and quote attributions made by hand. */
  readonly corrections: Corrections
  /** Names of the migrations applied when this store was opened. */
  readonly appliedMigrations: string[]
  // Prepared once: /health runs both on every probe, and a load balancer probes often.
  readonly #ping
  readonly #pageCounts

  private constructor (db: Database, appliedMigrations: string[]) {
    this.db = db
    this.appliedMigrations = appliedMigrations
    this.sources = new SourceStore(db)
    this.speakers = new SpeakerStore(db)
    this.quotes = new QuoteStore(db)
    this.articles = new SourceWriter(db)
    this.corrections = new Corrections(db)
    this.#ping = db.prepare('SELECT 1')
    this.#pageCounts = db.prepare<[], { pages: number, limit: number, free: number }>(`SELECT p.page_count AS pages,
      m.max_page_count AS "limit", f.freelist_count AS free FROM pragma_page_count() p, pragma_max_page_count() m, pragma_freelist_count() f`)
  }

  /** Opens the database and brings its schema up to date; throws MigrationError if a migration fails. */
  static open (options: StoreOptions): Store {
    const db = openDatabase(options.path)
    try {
      return new Store(db, migrate(db, options.migrationsDir))
    } catch (err) {
      db.close()
      throw err
    }
  }

  /** Stores an article and its extraction in one transaction; the same text twice is stored once. */
  ingest (...args: Parameters<SourceWriter['ingest']>): ReturnType<SourceWriter['ingest']> {
    return this.articles.ingest(...args)
  }

  /** ingest(), then the source's detail and its first quotes' JSON in UTF-8, read on this connection. */
  ingestDetailed (...args: Parameters<SourceWriter['ingest']>): IngestedDetail {
    const result = this.articles.ingest(...args)
    const page = this.quotes.ofSourceJson(result.source_id)
    return { result, source: this.sources.get(result.source_id)!, quotesJson: UTF8.encode(page.items.join(',')), next: page.next }
  }

  /**
   * Stores many articles in one transaction, each in its own savepoint: one that fails is rolled back alone. One
   * attempt per item, in order, returned after the commit.
   */
  ingestMany (items: readonly IngestItem[]): IngestAttempt[] {
    return this.articles.ingestMany(items)
  }

  /** The secret that signs this database's pagination cursors (made by a migration). */
  cursorSecret (): string {
    return this.db.prepare<[], string>("SELECT value FROM settings WHERE key = 'cursor_secret'").pluck().get() as string
  }

  /** Throws if the database cannot answer a query. */
  ping (): void {
    this.#ping.get()
  }

  /**
   * 'full' when the database cannot grow: it has reached its page limit (PRAGMA max_page_count) with no free page
   * left, or its disk has less than MIN_FREE_BYTES free. Writes then fail with SQLITE_FULL (HTTP 507).
   */
  storage (): 'ok' | 'full' {
    const { pages, limit, free } = this.#pageCounts.get()!
    if (pages >= limit && free === 0) return 'full'
    const file = this.db.name
    if (file === ':memory:' || file === '') return 'ok'
    try {
      const disk = statfsSync(dirname(file))
      return disk.bavail * disk.bsize < MIN_FREE_BYTES ? 'full' : 'ok'
    } catch {
      return 'ok'
    }
  }

  /** SQLite's own change counters: this connection's writes and commits by any other process. */
  changeWatch (): ChangeWatch {
    return new ChangeCounter(this.db)
  }

  /** A SQLite file has no replicas (configuration refuses DATABASE_READ_URL without DATABASE_URL). */
  async readReplica (): Promise<DataStore> {
    throw new Error('a read replica needs PostgreSQL (DATABASE_URL)')
  }

  /** Checkpoints the write-ahead log into the database file and closes it. */
  close (): void {
    if (!this.db.open) return
    try {
      this.db.pragma('wal_checkpoint(TRUNCATE)')
    } catch {
      // Another process may hold the database; closing still checkpoints what it can.
    }
    this.db.close()
  }
}
