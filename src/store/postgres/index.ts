// The PostgreSQL store (DATABASE_URL=postgres://…): the same behaviour as the SQLite store behind the same interface,
// for several whosaid instances sharing one database. Reads go to the pool; every write is one transaction holding
// the write lock (connection.ts), retried when it conflicts with another instance.
import type pg from 'pg'
import type { Extraction } from '../../extract/types.js'
import type { ChangeWatch, CorrectionWrites, DataStore } from '../interface.js'
import type { ArticleInput, IngestAttempt, IngestItem, IngestResult } from '../source-writes.js'
import { createPool, writeTransaction } from './connection.js'
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
  #closed = false

  private constructor (pool: pg.Pool, appliedMigrations: string[]) {
    this.pool = pool
    this.appliedMigrations = appliedMigrations
    this.sources = new PgSourceReads(pool)
    this.speakers = new PgSpeakerReads(pool)
    this.quotes = new PgQuoteReads(pool)
    this.articles = new PgArticleWrites(pool)
    this.corrections = {
      merge: async (id, into) => await writeTransaction(pool, (sql) => mergeSpeakers(sql, id, into)),
      split: async (id, alias) => await writeTransaction(pool, (sql) => splitSpeaker(sql, id, alias)),
      correctQuote: async (quoteId, speakerId) => { await writeTransaction(pool, (sql) => correctQuote(sql, quoteId, speakerId)) },
    }
  }

  /** Connects and brings the schema up to date; rejects with MigrationError if a migration fails. */
  static async open (options: PgStoreOptions): Promise<PgStore> {
    const pool = createPool(options.url)
    try {
      return new PgStore(pool, await migratePostgres(pool, options.migrationsDir))
    } catch (err) {
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

  /** Other instances write to the same database: this one cannot tell cheaply, so GET replies are not cached. */
  changeWatch (): ChangeWatch | null {
    return null
  }

  async close (): Promise<void> {
    if (this.#closed) return
    this.#closed = true
    await this.pool.end()
  }
}
