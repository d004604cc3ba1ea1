// Writes of articles: ingest (new, already stored, or a new version of a stored url), re-extraction
// of stored text, and deletion. Each is one transaction (or one savepoint of a group's transaction),
// so an article is never half written.
// The store never reads the text itself: it only checks that offsets fit it.
import type { Extraction, ResolvedBy } from '../extract/types.js'
import { textKey } from '../identity/names.js'
import type { Database } from './database.js'
import { contentHash, fittingKeys, type IngestKeys } from './ingest-keys.js'
import { unpackExtraction, type ExtractionInput } from './packed-extraction.js'
import { StatementCache } from './statements.js'
import { SpeakerResolver } from './speaker-resolution.js'
import { SpeakerRollups } from './speaker-rollups.js'

export interface ArticleInput {
  title: string
  text: string
  url?: string | null
  publisher?: string | null
  /** ISO 8601. */
  published_at?: string | null
}

/**
 * created: a new source; existing: the same text was already stored, nothing was written;
 * updated: a source with the same url had different text, which this text replaced.
 */
export type IngestStatus = 'created' | 'existing' | 'updated'

export interface IngestResult {
  source_id: number
  status: IngestStatus
  quote_count: number
}

/** One article to store with its extraction (packed when it comes from an extraction worker). */
export interface IngestItem {
  article: ArticleInput
  extraction: ExtractionInput
  /** ingestKeys() of the article and extraction, when the thread that extracted it made them (else computed here). */
  keys?: IngestKeys
}

/** What became of one article of ingestMany: stored (or already there), or the error that kept it out. */
export type IngestAttempt = { ok: true, result: IngestResult } | { ok: false, error: unknown }

/** The extraction does not fit the article (offset outside the text, unknown speaker index). */
export class InvalidExtractionError extends Error {
  override name = 'InvalidExtractionError'
}

function checkSpan (what: string, start: number, end: number, length: number): void {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > length) {
    throw new InvalidExtractionError(`${what} [${start}, ${end}] is outside the text (length ${length})`)
  }
}

const RESOLVED_BY: ReadonlySet<unknown> = new Set<ResolvedBy>(['name', 'role', 'description', 'pronoun', 'continuation', 'unresolved'])

export function validate (text: string, extraction: Extraction): void {
  extraction.speakers.forEach((speaker, index) => {
    if (speaker.id !== index) throw new InvalidExtractionError(`speaker at index ${index} has id ${speaker.id}`)
  })
  extraction.quotes.forEach((quote, index) => {
    checkSpan(`quote ${index}`, quote.start, quote.end, text.length)
    for (const [start, end] of quote.fragments ?? []) checkSpan(`quote ${index} fragment`, start, end, text.length)
    checkSpan(`quote ${index} context`, quote.context[0], quote.context[1], text.length)
    if (quote.speaker) {
      if (!extraction.speakers[quote.speaker.id]) {
        throw new InvalidExtractionError(`quote ${index} names speaker ${quote.speaker.id}, which is not in the extraction`)
      }
      checkSpan(`quote ${index} speaker mention`, quote.speaker.start, quote.speaker.end, text.length)
      // Absent from extractors that predate it (stored as not known); anything else is not an answer.
      const resolvedBy = quote.speaker.resolved_by as unknown
      if (resolvedBy !== undefined && resolvedBy !== null && !RESOLVED_BY.has(resolvedBy)) {
        throw new InvalidExtractionError(`quote ${index} has speaker.resolved_by ${JSON.stringify(resolvedBy)}, not one of ${[...RESOLVED_BY].join(', ')}`)
      }
    }
  })
}

const QUOTE_COLUMNS = [
  'id', 'source_id', 'speaker_id', 'speaker_mention', 'speaker_start', 'speaker_end', 'text', 'start_offset',
  'end_offset', 'fragments', 'type', 'cue', 'confidence', 'via', 'quoted_at', 'text_key', 'context_start',
  'context_end', 'corrected', 'resolved_by',
]

/**
 * An article's quotes go in with one INSERT (of up to this many rows), not one each: every INSERT into quotes runs
 * the quotes_fts trigger under a statement journal, and FTS5 flushes its pending terms into a new segment at each
 * statement savepoint, so one INSERT per quote wrote (and later merged) one FTS segment per quote.
 */
const QUOTES_PER_INSERT = 64
const QUOTE_PLACEHOLDERS = `(${QUOTE_COLUMNS.map(() => '?').join(', ')})`

function insertQuotesSql (count: number): string {
  return `INSERT INTO quotes (${QUOTE_COLUMNS.join(', ')}) VALUES ${Array(count).fill(QUOTE_PLACEHOLDERS).join(', ')}`
}

interface StoredSource {
  id: number
  text: string
  quoted_at: string
}

export class SourceWriter {
  readonly #resolver: SpeakerResolver
  readonly #rollups: SpeakerRollups
  readonly #byHash
  readonly #byUrl
  readonly #byId
  readonly #countQuotes
  readonly #insertSource
  readonly #updateSource
  readonly #setVersion
  readonly #speakersOf
  readonly #clearQuotes
  readonly #clearAliases
  readonly #clearTitles
  readonly #clearLocalSpeakers
  readonly #deleteSource
  readonly #correction
  readonly #hasCorrections
  readonly #quoteIds
  readonly #indexSources
  /** Sources whose quotes are written but not yet in quotes_fts (written at the end of the transaction). */
  readonly #unindexed: number[] = []
  /** In ingestMany's transaction: quotes_fts is written once, at its end. */
  #grouped = false
  /** INSERTs of n quotes at once, one statement per n. */
  readonly #insertQuotes: StatementCache

  /** Stores an article and its extraction (with its ingestKeys(), if made); the same text twice is stored once. */
  readonly ingest: (article: ArticleInput, extraction: ExtractionInput, keys?: IngestKeys) => IngestResult
  /**
   * Stores articles in one transaction, each in a savepoint of its own: an article that fails is rolled back alone
   * and the others are stored. Returns one attempt per item, in order, once the transaction is committed.
   */
  readonly ingestMany: (items: readonly IngestItem[]) => IngestAttempt[]
  /** Replaces a stored article's quotes with a new extraction of the same text; false if there is no such source. */
  readonly reextract: (sourceId: number, extraction: Extraction) => boolean
  /** Deletes an article with its quotes; false if there is no such source. */
  readonly delete: (sourceId: number) => boolean

  constructor (db: Database) {
    this.#resolver = new SpeakerResolver(db)
    this.#rollups = new SpeakerRollups(db)
    this.#byHash = db.prepare<[string], { id: number }>('SELECT id FROM sources WHERE content_hash = ?')
    this.#byUrl = db.prepare<[string], { id: number }>('SELECT id FROM sources WHERE url = ?')
    this.#byId = db.prepare<[number], StoredSource>(
      'SELECT id, text, coalesce(published_at, ingested_at) AS quoted_at FROM sources WHERE id = ?')
    this.#countQuotes = db.prepare<[number], number>('SELECT count(*) FROM quotes WHERE source_id = ?').pluck()
    this.#insertSource = db.prepare(`INSERT INTO sources
      (url, title, publisher, published_at, text, content_hash, ingested_at, extractor_version)
      VALUES (@url, @title, @publisher, @published_at, @text, @content_hash, @ingested_at, @extractor_version)`)
    this.#updateSource = db.prepare(`UPDATE sources SET title = @title, publisher = @publisher,
      published_at = @published_at, text = @text, content_hash = @content_hash, ingested_at = @ingested_at,
      extractor_version = @extractor_version WHERE id = @id`)
    this.#setVersion = db.prepare('UPDATE sources SET extractor_version = ? WHERE id = ?')
    this.#speakersOf = db.prepare<[number], number>(
      'SELECT DISTINCT speaker_id FROM quotes WHERE source_id = ? AND speaker_id IS NOT NULL').pluck()
    this.#clearQuotes = db.prepare('DELETE FROM quotes WHERE source_id = ?')
    this.#clearAliases = db.prepare('DELETE FROM speaker_aliases WHERE source_id = ?')
    this.#clearTitles = db.prepare('DELETE FROM speaker_titles WHERE source_id = ?')
    this.#clearLocalSpeakers = db.prepare('DELETE FROM speakers WHERE home_source_id = ?')
    this.#deleteSource = db.prepare('DELETE FROM sources WHERE id = ?')
    this.#correction = db.prepare<[number, string], number>(
      'SELECT speaker_id FROM quote_corrections WHERE source_id = ? AND text = ?').pluck()
    this.#hasCorrections = db.prepare<[number], number>('SELECT 1 FROM quote_corrections WHERE source_id = ? LIMIT 1').pluck()
    this.#quoteIds = db.prepare<[number], { id: number, text: string }>('SELECT id, text FROM quotes WHERE source_id = ? ORDER BY id')
    this.#insertQuotes = new StatementCache(db)
    // One statement for every source of the transaction, so that FTS5 writes one segment for them all.
    this.#indexSources = db.prepare(`INSERT INTO quotes_fts (rowid, text)
      SELECT id, text FROM quotes WHERE source_id IN (SELECT value FROM json_each(?)) ORDER BY id`)

    this.ingest = db.transaction((article, extraction, keys) => {
      const result = this.#ingest(article, unpackExtraction(extraction), keys)
      if (!this.#grouped) this.#indexQuotes()
      return result
    })
    /** Stores `items` in the open transaction, each by `store`; quotes_fts is written once, at the end. */
    const inGroup = (items: readonly IngestItem[], store: (item: IngestItem) => IngestAttempt): IngestAttempt[] => {
      this.#grouped = true
      try {
        const attempts = items.map(store)
        this.#indexQuotes()
        return attempts
      } finally {
        this.#grouped = false
        this.#unindexed.length = 0
      }
    }
    // The usual way to store a group: no savepoint an article, which takes about 8% off the CPU time of storing a
    // group (each savepoint journals the pages its article changes). An article that fails (the checks before the
    // writer make that rare) takes the whole transaction back with it, and the group is then stored again by
    // `group`, a savepoint an article, so that each article still gets its own outcome.
    const groupAtOnce = db.transaction((items: readonly IngestItem[]) => inGroup(items, (item) =>
      ({ ok: true, result: this.#ingest(item.article, unpackExtraction(item.extraction), item.keys) })))
    const group = db.transaction((items: readonly IngestItem[]) => inGroup(items, (item) => {
      const indexed = this.#unindexed.length
      try {
        return { ok: true, result: this.ingest(item.article, item.extraction, item.keys) }
      } catch (error) {
        this.#unindexed.length = indexed
        // Some errors (disk full, I/O) make SQLite roll back the whole transaction: the articles before this one
        // are gone too, so the group fails as a whole rather than carrying on outside any transaction.
        if (!db.inTransaction) throw error
        return { ok: false, error }
      }
    }))
    // A savepoint journals every page it changes, and past 64 KB (an article changes about 60 pages) SQLite spills
    // that journal to a temporary file: 130 write calls an article, a third of the time a group took to store. In
    // memory it holds one article's pages at a time (emptied as each savepoint is released). Only around a group:
    // a merge or other correction can change a large speaker's every page, which should stay on disk. Setting
    // temp_store drops the connection's temporary tables and triggers; the store makes none, and where someone
    // else has (a test), the journal stays on disk rather than their objects going.
    const hasTempObjects = db.prepare<[], number>('SELECT EXISTS (SELECT 1 FROM temp.sqlite_master)').pluck()
    const tempInMemory = db.prepare('PRAGMA temp_store = MEMORY')
    const tempDefault = db.prepare('PRAGMA temp_store = DEFAULT')
    const journalInMemory = <T>(run: () => T): T => {
      if (hasTempObjects.get() === 1) return run()
      tempInMemory.run()
      try {
        return run()
      } finally {
        tempDefault.run()
      }
    }
    this.ingestMany = (items) => {
      if (items.length <= 1) return items.map((item) => this.#attempt(item))
      try {
        return journalInMemory(() => {
          try {
            return groupAtOnce(items)
          } catch {
            return group(items)
          }
        })
      } catch {
        // The group could not be committed (nothing of it is stored): each article alone, as if sent one by one,
        // so that each gets its own outcome.
        return items.map((item) => this.#attempt(item))
      }
    }
    this.reextract = db.transaction((sourceId, extraction) => {
      const done = this.#reextract(sourceId, extraction)
      this.#indexQuotes()
      return done
    })
    this.delete = db.transaction((sourceId) => this.#delete(sourceId))
  }

  #ingest (article: ArticleInput, extraction: Extraction, given?: IngestKeys): IngestResult {
    const keys = fittingKeys(given, extraction)
    const hash = keys?.contentHash ?? contentHash(article.text)
    const existing = this.#byHash.get(hash)
    if (existing) {
      return { source_id: existing.id, status: 'existing', quote_count: this.#countQuotes.get(existing.id) as number }
    }
    validate(article.text, extraction)
    const url = article.url ?? null
    const row = {
      url,
      title: article.title,
      publisher: article.publisher ?? null,
      published_at: article.published_at ?? null,
      text: article.text,
      content_hash: hash,
      ingested_at: new Date().toISOString(),
      extractor_version: extraction.extractor_version,
    }
    const quotedAt = row.published_at ?? row.ingested_at
    const previous = url === null ? undefined : this.#byUrl.get(url)
    if (previous) {
      // A new version of a stored article: its old quotes go, the new text's quotes come.
      const before = this.#clear(previous.id)
      this.#updateSource.run({ ...row, id: previous.id })
      const after = this.#write(previous.id, quotedAt, extraction, before.quoteIds, keys?.textKeys)
      this.#rollups.recount([...before.speakers, ...after.keys()])
      return { source_id: previous.id, status: 'updated', quote_count: extraction.quotes.length }
    }
    const sourceId = Number(this.#insertSource.run(row).lastInsertRowid)
    for (const [speakerId, quotes] of this.#write(sourceId, quotedAt, extraction, undefined, keys?.textKeys)) {
      this.#rollups.addSource(speakerId, quotes, quotedAt)
    }
    return { source_id: sourceId, status: 'created', quote_count: extraction.quotes.length }
  }

  /** Writes the full-text rows of the quotes written since the last call. */
  #indexQuotes (): void {
    if (this.#unindexed.length === 0) return
    this.#indexSources.run(JSON.stringify(this.#unindexed))
    this.#unindexed.length = 0
  }

  #attempt (item: IngestItem): IngestAttempt {
    try {
      return { ok: true, result: this.ingest(item.article, item.extraction, item.keys) }
    } catch (error) {
      return { ok: false, error }
    }
  }

  #reextract (sourceId: number, extraction: Extraction): boolean {
    const source = this.#byId.get(sourceId)
    if (!source) return false
    validate(source.text, extraction)
    const before = this.#clear(sourceId)
    this.#setVersion.run(extraction.extractor_version, sourceId)
    const after = this.#write(sourceId, source.quoted_at, extraction, before.quoteIds)
    this.#rollups.recount([...before.speakers, ...after.keys()])
    return true
  }

  #delete (sourceId: number): boolean {
    const speakers = this.#speakersOf.all(sourceId)
    // Cascades to quotes, aliases, titles, corrections and the speakers local to this article.
    if (this.#deleteSource.run(sourceId).changes === 0) return false
    this.#rollups.recount(speakers)
    return true
  }

  /**
   * Removes what an extraction of this source wrote; returns the speakers that lost quotes and the
   * ids of the quotes by their text, so that a quote found again keeps its id (and its links).
   */
  #clear (sourceId: number): { speakers: number[], quoteIds: Map<string, number[]> } {
    // Quotes about to be deleted must be in quotes_fts first: its delete trigger removes their rows.
    this.#indexQuotes()
    const speakers = this.#speakersOf.all(sourceId)
    const quoteIds = new Map<string, number[]>()
    for (const { id, text } of this.#quoteIds.all(sourceId)) {
      const ids = quoteIds.get(text)
      if (ids) ids.push(id)
      else quoteIds.set(text, [id])
    }
    this.#clearQuotes.run(sourceId)
    this.#clearAliases.run(sourceId)
    this.#clearTitles.run(sourceId)
    this.#clearLocalSpeakers.run(sourceId)
    return { speakers, quoteIds }
  }

  /** Writes speakers and quotes (`textKeys`: each quote's, if made); returns how many quotes each stored speaker got. */
  #write (sourceId: number, quotedAt: string, extraction: Extraction, reuse?: Map<string, number[]>, textKeys?: readonly string[]): Map<number, number> {
    const speakerIds = this.#resolver.resolveAll(extraction.speakers, sourceId)
    const perSpeaker = new Map<number, number>()
    // Only a source extracted before can have corrections; a new one skips the lookups.
    const corrections = this.#hasCorrections.get(sourceId) !== undefined
    const rows: unknown[][] = []
    for (const [index, quote] of extraction.quotes.entries()) {
      const corrected = corrections ? this.#correction.get(sourceId, quote.text) : undefined
      const speakerId = corrected ?? (quote.speaker ? speakerIds[quote.speaker.id]! : null)
      if (speakerId !== null) perSpeaker.set(speakerId, (perSpeaker.get(speakerId) ?? 0) + 1)
      rows.push([
        reuse?.get(quote.text)?.shift() ?? null, sourceId, speakerId, quote.speaker?.mention ?? null,
        quote.speaker?.start ?? null, quote.speaker?.end ?? null, quote.text, quote.start, quote.end,
        quote.fragments ? JSON.stringify(quote.fragments) : null, quote.type, quote.cue, quote.confidence, quote.via,
        quotedAt, textKeys?.[index] ?? textKey(quote.text), quote.context[0], quote.context[1], corrected === undefined ? 0 : 1,
        corrected !== undefined ? 'manual' : (quote.speaker?.resolved_by ?? null),
      ])
    }
    for (let i = 0; i < rows.length; i += QUOTES_PER_INSERT) {
      const chunk = rows.slice(i, i + QUOTES_PER_INSERT)
      this.#insertQuotes.get(insertQuotesSql(chunk.length)).run(chunk.flat())
    }
    if (rows.length > 0) this.#unindexed.push(sourceId)
    return perSpeaker
  }
}
