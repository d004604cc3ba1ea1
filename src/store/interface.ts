// What the routes, services and CLI need of a store, whichever database is behind it. SQLite's store answers
// synchronously (better-sqlite3) and PostgreSQL's with promises: every method may return either, and callers await.
// Awaiting a plain value costs one microtask, so the SQLite fast paths stay as they are.
import type { Extraction } from '../extract/types.js'
import type { ExtractionInput } from './packed-extraction.js'
import type { PageKey, PageRequest, PageResult } from './page.js'
import type { Quote, QuoteDetail, QuoteFilter } from './quotes.js'
import type { ArticleInput, IngestAttempt, IngestItem, IngestResult } from './source-writes.js'
import type { SourceDetail, SourceFilter, SourceSummary } from './sources.js'
import type { Speaker, SpeakerDetail, SpeakerFilter, SpeakerRef } from './speakers.js'

export type Awaitable<T> = T | Promise<T>

export type StoreKind = 'sqlite' | 'postgres'

/**
 * An article stored, with what POST /sources answers about it, read on the thread that wrote it: the source and its
 * first quotes as JSON (QuoteReads.ofSourceJson), joined by commas and encoded to UTF-8 there.
 */
export interface IngestedDetail {
  result: IngestResult
  source: SourceDetail
  quotesJson: Uint8Array
  /** The key of the quotes after those, or null when they are all. */
  next: PageKey | null
}

export interface SourceReads {
  /** Oldest ingested first. */
  list (page: PageRequest, filter?: SourceFilter): Awaitable<PageResult<SourceSummary>>
  /** The most recently ingested articles, newest first. */
  latest (limit: number): Awaitable<SourceSummary[]>
  get (id: number): Awaitable<SourceDetail | undefined>
  count (): Awaitable<number>
  /** Ids of the sources extracted by another extractor version than `version`. */
  staleIds (version: string): Awaitable<number[]>
  /** Bounds the title searches of list() as QuoteReads.limitSearches bounds quote searches; absent where it does not. */
  limitSearches?: (ms: number) => void
}

export interface SpeakerReads {
  list (page: PageRequest, filter?: SpeakerFilter): Awaitable<PageResult<Speaker>>
  get (id: number): Awaitable<SpeakerDetail | undefined>
  /** Ids of the speakers shared across articles whose names match every word prefix, most quoted first. */
  idsMatching (nameTokens: string[], limit: number): Awaitable<number[]>
  /** The speaker a numeric id or a slug names, merged or not. */
  find (ref: number | string): Awaitable<SpeakerRef | undefined>
  /** Bounds list() and idsMatching() by name words that read much of the index (broadNameLookup), as QuoteReads.limitSearches. */
  limitSearches?: (ms: number) => void
}

export interface QuoteReads {
  list (page: PageRequest, filter?: QuoteFilter): Awaitable<PageResult<Quote>>
  /** The first QUOTES_SHOWN_PER_SOURCE quotes of one article, in article order, and where the rest start. */
  ofSource (sourceId: number): Awaitable<PageResult<Quote>>
  get (id: number): Awaitable<QuoteDetail | undefined>
  /**
   * list() with each quote as the JSON its reply schema makes of it, built by the database (SQLite: quote-json.ts);
   * absent where the store cannot (PostgreSQL), and the route serializes list() instead.
   */
  listJson?: (page: PageRequest, filter?: QuoteFilter) => Awaitable<PageResult<string>>
  /** get() as the JSON its reply schema makes of it; absent where listJson is. */
  getJson?: (id: number) => Awaitable<string | undefined>
  /** ofSource() with each quote as JSON, as listJson gives them; absent where listJson is. */
  ofSourceJson?: (sourceId: number) => Awaitable<PageResult<string>>
  /**
   * Bounds the full-text searches of list() to `ms` per statement, past which they fail with SearchTimeLimitError
   * (PostgreSQL's statement_timeout); absent where searches are bounded by other means (SQLite: reader threads).
   */
  limitSearches?: (ms: number) => void
}

export interface ArticleWrites {
  /** Replaces a stored article's quotes with a new extraction of the same text; false if there is no such source. */
  reextract (sourceId: number, extraction: Extraction): Awaitable<boolean>
  /** Deletes an article with its quotes; false if there is no such source. */
  delete (sourceId: number): Awaitable<boolean>
}

export interface CorrectionWrites {
  /** Moves everything of one speaker to another; returns the survivor's id. */
  merge (id: number, into: number): Awaitable<number>
  /** Moves the articles where a speaker went by `alias` to a new speaker; returns its id. */
  split (id: number, alias: string): Awaitable<number>
  /** Attributes one quote to another speaker. */
  correctQuote (quoteId: number, speakerId: number): Awaitable<void>
}

/** Tells whether the database may have changed since it was last asked (a read cache is valid only while not). */
export interface ChangeWatch {
  /** True when a write may have been made since the previous call (and on the first call). */
  moved (): boolean
}

export interface DataStore {
  readonly kind: StoreKind
  readonly sources: SourceReads
  readonly speakers: SpeakerReads
  readonly quotes: QuoteReads
  readonly articles: ArticleWrites
  readonly corrections: CorrectionWrites
  /** Names of the migrations applied when this store was opened. */
  readonly appliedMigrations: string[]
  /** Stores an article and its extraction in one transaction; the same text (or URL and text) is stored once. */
  ingest (article: ArticleInput, extraction: ExtractionInput): Awaitable<IngestResult>
  /**
   * ingest(), then the stored source's detail read where it was written (SQLite; on the writer thread where there is
   * one), so that the thread answering requests neither reads a long article's quotes nor encodes them.
   */
  ingestDetailed?: (article: ArticleInput, extraction: ExtractionInput) => Awaitable<IngestedDetail>
  /** Stores many articles, each all or nothing; one attempt per item, in order. */
  ingestMany (items: readonly IngestItem[]): Awaitable<IngestAttempt[]>
  /** The secret that signs pagination cursors when the configuration sets none. */
  cursorSecret (): Awaitable<string>
  /** Throws if the database cannot answer a query. */
  ping (): Awaitable<void>
  /** 'full' when the database cannot grow. */
  storage (): Awaitable<'ok' | 'full'>
  /** A change watch for the reply cache, or null when this store cannot tell cheaply (the cache is then off). */
  changeWatch (): ChangeWatch | null
  /**
   * The same store reading from a replica at `location` (writes still go here); closing it closes the replica's
   * connections only. Only PostgreSQL has replicas: SQLite throws.
   */
  readReplica (location: string): Promise<DataStore>
  close (): Awaitable<void>
}
