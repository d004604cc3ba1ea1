// Writes of articles on PostgreSQL: ingest (new, already stored, or a new version of a stored url), re-extraction
// and deletion, as ../source-writes.ts does them, each in one transaction (or a savepoint of a group's) holding the
// write lock. The unique content_hash and url, and ON CONFLICT, keep an article from being stored twice even if two
// instances got past the lookups at once; the transaction is then retried and finds the stored article.
import type { Extraction } from '../../extract/types.js'
import { textKey } from '../../identity/names.js'
import type { ArticleWrites } from '../interface.js'
import { unpackExtraction, type ExtractionInput } from '../packed-extraction.js'
import { contentHash } from '../ingest-keys.js'
import { validate, type ArticleInput, type IngestAttempt, type IngestItem, type IngestResult } from '../source-writes.js'
import { inSavepoint, type Sql, type Transact } from './connection.js'
import { PgSpeakerResolver } from './speaker-resolution.js'
import { addSource, recount } from './speaker-writes.js'

const QUOTE_COLUMNS = [
  'source_id', 'speaker_id', 'speaker_mention', 'speaker_start', 'speaker_end', 'text', 'start_offset',
  'end_offset', 'fragments', 'type', 'cue', 'confidence', 'via', 'quoted_at', 'text_key', 'context_start',
  'context_end', 'corrected', 'resolved_by',
]
/** PostgreSQL takes at most 65535 parameters per statement. */
const QUOTES_PER_INSERT = 500

/** Thrown when an insert met a row another instance committed first: the transaction is retried. */
function conflict (what: string): Error {
  return Object.assign(new Error(`${what} was stored by another instance meanwhile`), { code: '23505' })
}

export class PgArticleWrites implements ArticleWrites {
  constructor (private readonly transact: Transact) {}

  async ingest (article: ArticleInput, extraction: ExtractionInput): Promise<IngestResult> {
    return await this.transact((sql) => this.#ingest(sql, article, unpackExtraction(extraction)))
  }

  async ingestMany (items: readonly IngestItem[]): Promise<IngestAttempt[]> {
    const alone = async (): Promise<IngestAttempt[]> => {
      const attempts: IngestAttempt[] = []
      for (const item of items) {
        try {
          attempts.push({ ok: true, result: await this.ingest(item.article, item.extraction) })
        } catch (error) {
          attempts.push({ ok: false, error })
        }
      }
      return attempts
    }
    if (items.length <= 1) return await alone()
    try {
      return await this.transact(async (client) => {
        const attempts: IngestAttempt[] = []
        for (const item of items) {
          try {
            attempts.push({ ok: true, result: await inSavepoint(client, () => this.#ingest(client, item.article, unpackExtraction(item.extraction))) })
          } catch (error) {
            // A conflict with another instance retries the whole group (writeTransaction); other errors are this item's.
            if ((error as { code?: string }).code === '23505' || (error as { code?: string }).code === '40P01') throw error
            attempts.push({ ok: false, error })
          }
        }
        return attempts
      })
    } catch {
      // The group could not be committed: each article alone, so that each gets its own outcome.
      return await alone()
    }
  }

  async reextract (sourceId: number, extraction: Extraction): Promise<boolean> {
    if (!Number.isSafeInteger(sourceId)) return false
    return await this.transact(async (sql) => {
      const source = (await sql.query<{ id: number, text: string, quoted_at: string }>(
        'SELECT id, text, coalesce(published_at, ingested_at) AS quoted_at FROM sources WHERE id = $1 FOR UPDATE', [sourceId])).rows[0]
      if (!source) return false
      validate(source.text, extraction)
      const before = await this.#clear(sql, sourceId)
      await sql.query('UPDATE sources SET extractor_version = $1 WHERE id = $2', [extraction.extractor_version, sourceId])
      const after = await this.#write(sql, sourceId, source.quoted_at, extraction, before.quoteIds)
      await recount(sql, [...before.speakers, ...after.keys()])
      return true
    })
  }

  async delete (sourceId: number): Promise<boolean> {
    if (!Number.isSafeInteger(sourceId)) return false
    return await this.transact(async (sql) => {
      const speakers = await this.#speakersOf(sql, sourceId)
      const { rowCount } = await sql.query('DELETE FROM sources WHERE id = $1', [sourceId])
      if (rowCount === 0) return false
      await recount(sql, speakers)
      return true
    })
  }

  async #ingest (sql: Sql, article: ArticleInput, extraction: Extraction): Promise<IngestResult> {
    const hash = contentHash(article.text)
    const url = article.url ?? null
    // The same text, or a stored version under the same url, in one lookup.
    const found = (await sql.query<{ id: number, same: boolean }>(
      'SELECT id, content_hash = $1 AS same FROM sources WHERE content_hash = $1 OR url = $2 ORDER BY content_hash = $1 DESC', [hash, url])).rows
    const existing = found.find((row) => row.same)
    if (existing) {
      const count = (await sql.query<{ n: number }>('SELECT count(*) AS n FROM quotes WHERE source_id = $1', [existing.id])).rows[0]!.n
      return { source_id: existing.id, status: 'existing', quote_count: count }
    }
    validate(article.text, extraction)
    const row = [url, article.title, article.publisher ?? null, article.published_at ?? null, article.text, hash,
      new Date().toISOString(), extraction.extractor_version]
    const quotedAt = (article.published_at ?? row[6]) as string
    const previous = url === null ? undefined : found[0]
    if (previous) {
      const before = await this.#clear(sql, previous.id)
      await sql.query(`UPDATE sources SET title = $2, publisher = $3, published_at = $4, text = $5, content_hash = $6,
        ingested_at = $7, extractor_version = $8 WHERE id = $1`, [previous.id, ...row.slice(1)])
      const after = await this.#write(sql, previous.id, quotedAt, extraction, before.quoteIds)
      await recount(sql, [...before.speakers, ...after.keys()])
      return { source_id: previous.id, status: 'updated', quote_count: extraction.quotes.length }
    }
    const inserted = (await sql.query<{ id: number }>(`INSERT INTO sources
      (url, title, publisher, published_at, text, content_hash, ingested_at, extractor_version)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING RETURNING id`, row)).rows[0]
    if (!inserted) throw conflict('this article')
    await addSource(sql, await this.#write(sql, inserted.id, quotedAt, extraction), quotedAt)
    return { source_id: inserted.id, status: 'created', quote_count: extraction.quotes.length }
  }

  async #speakersOf (sql: Sql, sourceId: number): Promise<number[]> {
    return (await sql.query<{ speaker_id: number }>(
      'SELECT DISTINCT speaker_id FROM quotes WHERE source_id = $1 AND speaker_id IS NOT NULL', [sourceId])).rows.map((r) => r.speaker_id)
  }

  /** Removes what an extraction of this source wrote; returns the speakers that lost quotes and the quote ids by text. */
  async #clear (sql: Sql, sourceId: number): Promise<{ speakers: number[], quoteIds: Map<string, number[]> }> {
    const speakers = await this.#speakersOf(sql, sourceId)
    const quoteIds = new Map<string, number[]>()
    const { rows } = await sql.query<{ id: number, text: string }>('SELECT id, text FROM quotes WHERE source_id = $1 ORDER BY id', [sourceId])
    for (const { id, text } of rows) {
      const ids = quoteIds.get(text)
      if (ids) ids.push(id)
      else quoteIds.set(text, [id])
    }
    await sql.query('DELETE FROM quotes WHERE source_id = $1', [sourceId])
    await sql.query('DELETE FROM speaker_aliases WHERE source_id = $1', [sourceId])
    await sql.query('DELETE FROM speaker_titles WHERE source_id = $1', [sourceId])
    await sql.query('DELETE FROM speakers WHERE home_source_id = $1', [sourceId])
    return { speakers, quoteIds }
  }

  /** Writes speakers and quotes; returns how many quotes each stored speaker got. */
  async #write (sql: Sql, sourceId: number, quotedAt: string, extraction: Extraction, reuse?: Map<string, number[]>): Promise<Map<number, number>> {
    const speakerIds = await new PgSpeakerResolver(sql).resolveAll(extraction.speakers, sourceId)
    const perSpeaker = new Map<number, number>()
    const corrections = new Map((await sql.query<{ text: string, speaker_id: number }>(
      'SELECT text, speaker_id FROM quote_corrections WHERE source_id = $1', [sourceId])).rows.map((row) => [row.text, row.speaker_id]))
    const rows: Array<{ id: number | null, values: unknown[] }> = []
    for (const quote of extraction.quotes) {
      const corrected = corrections.get(quote.text)
      const speakerId = corrected ?? (quote.speaker ? speakerIds[quote.speaker.id]! : null)
      if (speakerId !== null) perSpeaker.set(speakerId, (perSpeaker.get(speakerId) ?? 0) + 1)
      rows.push({
        id: reuse?.get(quote.text)?.shift() ?? null,
        values: [
          sourceId, speakerId, quote.speaker?.mention ?? null, quote.speaker?.start ?? null, quote.speaker?.end ?? null,
          quote.text, quote.start, quote.end, quote.fragments ? JSON.stringify(quote.fragments) : null, quote.type, quote.cue,
          quote.confidence, quote.via, quotedAt, textKey(quote.text), quote.context[0], quote.context[1],
          corrected === undefined ? 0 : 1, corrected !== undefined ? 'manual' : (quote.speaker?.resolved_by ?? null),
        ],
      })
    }
    // A quote found again keeps its id (and its links); the others take new ones, in article order.
    for (let i = 0; i < rows.length; i += QUOTES_PER_INSERT) {
      const chunk = rows.slice(i, i + QUOTES_PER_INSERT)
      const values: unknown[] = []
      const param = (value: unknown): string => { values.push(value); return `$${values.length}` }
      const tuples = chunk.map((row) => {
        const cells = [row.id === null ? "nextval(pg_get_serial_sequence('quotes', 'id'))" : param(row.id)]
        for (const value of row.values) cells.push(param(value))
        return `(${cells.join(', ')})`
      })
      await sql.query(`INSERT INTO quotes (id, ${QUOTE_COLUMNS.join(', ')}) VALUES ${tuples.join(', ')}`, values)
    }
    return perSpeaker
  }
}
