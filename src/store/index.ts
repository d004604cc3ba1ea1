// The store: every read and write of the database goes through here.
import type { Extraction } from '../extract/types.js'
import { openDatabase, type Database } from './database.js'
import { createIngest, type ArticleInput, type IngestResult } from './ingest.js'
import { migrate } from './migrate.js'
import { QuoteStore } from './quotes.js'
import { SourceStore } from './sources.js'
import { SpeakerStore } from './speakers.js'

export type { Database } from './database.js'
export type { ArticleInput, IngestResult, IngestStatus } from './ingest.js'
export { InvalidExtractionError, SourceConflictError, contentHash } from './ingest.js'
export { MigrationError } from './migrate.js'
export type { PageRequest, PageResult } from './page.js'
export type { Quote, QuoteFilter, QuoteSpeakerRef } from './quotes.js'
export { toFtsQuery } from './quotes.js'
export type { SourceDetail, SourceSummary } from './sources.js'
export type { Speaker, SpeakerFilter } from './speakers.js'

export interface StoreOptions {
  /** A file path, or ':memory:'. */
  path: string
  migrationsDir: string
}

export class Store {
  readonly db: Database
  readonly sources: SourceStore
  readonly speakers: SpeakerStore
  readonly quotes: QuoteStore
  /** Stores an article and its extraction in one transaction; the same text twice is stored once. */
  readonly ingest: (article: ArticleInput, extraction: Extraction) => IngestResult
  /** Names of the migrations applied when this store was opened. */
  readonly appliedMigrations: string[]

  private constructor (db: Database, appliedMigrations: string[]) {
    this.db = db
    this.appliedMigrations = appliedMigrations
    this.sources = new SourceStore(db)
    this.speakers = new SpeakerStore(db)
    this.quotes = new QuoteStore(db)
    this.ingest = createIngest(db)
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

  /** Throws if the database cannot answer a query. */
  ping (): void {
    this.db.prepare('SELECT 1').get()
  }

  close (): void {
    if (this.db.open) this.db.close()
  }
}
