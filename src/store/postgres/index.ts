// The PostgreSQL store (DATABASE_URL=postgres://…): the same behaviour as the SQLite store behind the same interface,
// for several whosaid instances sharing one database. Reads go to the pool; every write is one transaction holding
// the write lock (connection.ts), retried when it conflicts with another instance.
import type pg from 'pg'
import type { Extraction } from '../../extract/types.js'
import type { ChangeWatch, CorrectionWrites, DataStore } from '../interface.js'
import type { ArticleInput, IngestAttempt, IngestItem, IngestResult } from '../source-writes.js'
import { PgChangeWatch } from './change-watch.js'
import { createPool, writeTransaction, type Transact } from './connection.js'
import { migratePostgres } from './migrate.js'
import { PgQuoteReads } from './quotes.js'
import { PgArticleWrites } from './source-writes.js'
import { PgSourceReads } from './sources.js'
import { correctQuote, mergeSpeakers, splitSpeaker } from './speaker-writes.js'
import { PgSpeakerReads } from './speakers.js'

export interface PgStoreOptions {
  url: string
  migrationsDir: string
}

export class PgStore implements DataStore {
  readonly kind = 'postgres' as const
  readonly pool: pg.Pool
  readonly sources: PgSourceReads
  readonly speakers: PgSpeakerReads
  readonly quotes: PgQuoteReads
  readonly articles: PgArticleWrites
  readonly corrections: CorrectionWrites
  readonly appliedMigrations: string[]
  /** Where reads go: the pool, or a replica's pool (readReplica). */
  readonly readPool: pg.Pool
  /** Null on a replica's view: its reads may lag behind the notifications, so its replies are not cached. */
  readonly #watch: PgChangeWatch | null
  readonly #primary: PgChangeWatch
  #closed = false

  private constructor (pool: pg.Pool, readPool: pg.Pool, appliedMigrations: string[], primary: PgChangeWatch, watch: PgChangeWatch | null) {
    this.pool = pool
    this.readPool = readPool
    this.appliedMigrations = appliedMigrations
    this.#primary = primary
    this.#watch = watch
    const transact: Transact = (work) => writeTransaction(pool, work, () => primary.wrote())
    this.sources = new PgSourceReads(readPool)
    this.speakers = new PgSpeakerReads(readPool)
    this.quotes = new PgQuoteReads(readPool)
    this.articles = new PgArticleWrites(transact)
    this.corrections = {
      merge: async (id, into) => await transact((sql) => mergeSpeakers(sql, id, into)),
      split: async (id, alias) => await transact((sql) => splitSpeaker(sql, id, alias)),
      correctQuote: async (quoteId, speakerId) => { await transact((sql) => correctQuote(sql, quoteId, speakerId)) },
    }
  }

  /** Connects and brings the schema up to date; rejects with MigrationError if a migration fails. */
  static async open (options: PgStoreOptions): Promise<PgStore> {
    const pool = createPool(options.url)
    const watch = new PgChangeWatch(options.url)
    try {
      const applied = await migratePostgres(pool, options.migrationsDir)
      await watch.start()
      return new PgStore(pool, pool, applied, watch, watch)
    } catch (err) {
      await watch.close()
      await pool.end().catch(() => {})
      throw err
    }
  }

  async ingest (article: ArticleInput, extraction: Extraction): Promise<IngestResult> {
    return await this.articles.ingest(article, extraction)
  }

  async ingestMany (items: readonly IngestItem[]): Promise<IngestAttempt[]> {
    return await this.articles.ingestMany(items)
  }

  async cursorSecret (): Promise<string> {
    return (await this.pool.query<{ value: string }>("SELECT value FROM settings WHERE key = 'cursor_secret'")).rows[0]!.value
  }

  async ping (): Promise<void> {
    await this.pool.query('SELECT 1')
  }

  /** PostgreSQL reports a full disk on the write that meets it (53100, HTTP 507); there is no cheap probe before. */
  storage (): 'ok' {
    return 'ok'
  }

  /** Every instance's commits, learnt from PostgreSQL's notifications (change-watch.ts); none on a replica's view. */
  changeWatch (): ChangeWatch | null {
    return this.#watch
  }

  /** This store with its reads (lists, details, searches) sent to the replica at `url`. */
  async readReplica (url: string): Promise<PgStore> {
    const readPool = createPool(url)
    try {
      await readPool.query('SELECT 1')
    } catch (err) {
      await readPool.end().catch(() => {})
      throw new Error(`cannot reach the read replica (DATABASE_READ_URL): ${(err as Error).message}`)
    }
    return new PgStore(this.pool, readPool, [], this.#primary, null)
  }

  async close (): Promise<void> {
    if (this.#closed) return
    this.#closed = true
    if (this.readPool !== this.pool) {
      await this.readPool.end()
      return
    }
    await this.#watch?.close()
    await this.pool.end()
  }
}
