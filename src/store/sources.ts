// Reads of ingested articles, filtered by publisher, date and words of the title.
import type { Database } from './database.js'
import { withFtsQuery } from './errors.js'
import { checkKey, toPage, type PageRequest, type PageResult } from './page.js'
import { StatementCache } from './statements.js'

export interface SourceSummary {
  id: number
  url: string | null
  title: string
  publisher: string | null
  published_at: string | null
  content_hash: string
  ingested_at: string
  extractor_version: string
  quote_count: number
}

export interface SourceDetail extends SourceSummary {
  text: string
}

export interface SourceFilter {
  publisher?: string | undefined
  /** ISO 8601 bounds on published_at: since inclusive, until exclusive. */
  since?: string | undefined
  until?: string | undefined
  /** An FTS5 query over the title. */
  titleMatch?: string | undefined
}

const SUMMARY_COLUMNS = `s.id, s.url, s.title, s.publisher, s.published_at, s.content_hash, s.ingested_at,
  s.extractor_version, (SELECT count(*) FROM quotes q WHERE q.source_id = s.id) AS quote_count`

export class SourceStore {
  readonly #lists: StatementCache
  readonly #get
  readonly #count
  readonly #stale
  readonly #latest

  constructor (db: Database) {
    this.#lists = new StatementCache(db)
    this.#get = db.prepare<[number], SourceDetail>(`SELECT ${SUMMARY_COLUMNS}, s.text FROM sources s WHERE s.id = ?`)
    this.#count = db.prepare<[], number>('SELECT count(*) FROM sources').pluck()
    this.#latest = db.prepare<[number], SourceSummary>(`SELECT ${SUMMARY_COLUMNS} FROM sources s ORDER BY s.id DESC LIMIT ?`)
    this.#stale = db.prepare<[string], number>('SELECT id FROM sources WHERE extractor_version <> ? ORDER BY id').pluck()
  }

  /** Oldest ingested first. */
  list (page: PageRequest, filter: SourceFilter = {}): PageResult<SourceSummary> {
    const clauses: string[] = []
    const params: Record<string, unknown> = { limit: page.limit + 1 }
    if (filter.publisher !== undefined) {
      clauses.push('s.publisher = @publisher COLLATE NOCASE')
      params['publisher'] = filter.publisher
    }
    if (filter.since !== undefined) {
      clauses.push('s.published_at >= @since')
      params['since'] = filter.since
    }
    if (filter.until !== undefined) {
      clauses.push('s.published_at < @until')
      params['until'] = filter.until
    }
    if (filter.titleMatch !== undefined) {
      clauses.push('s.id IN (SELECT rowid FROM sources_fts WHERE sources_fts MATCH @match)')
      params['match'] = filter.titleMatch
    }
    if (page.after) {
      clauses.push('s.id > @after')
      params['after'] = checkKey(page.after, ['number'])[0]
    }
    const where = clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : ''
    const sql = `SELECT ${SUMMARY_COLUMNS} FROM sources s ${where} ORDER BY s.id LIMIT @limit`
    const rows = withFtsQuery(filter.titleMatch, () => this.#lists.get(sql).all(params) as SourceSummary[])
    return toPage(rows, page.limit, (row) => [row.id], (row) => row)
  }

  /** The most recently ingested articles, newest first (for the home page). */
  latest (limit: number): SourceSummary[] {
    return this.#latest.all(limit)
  }

  get (id: number): SourceDetail | undefined {
    return this.#get.get(id)
  }

  count (): number {
    return this.#count.get() as number
  }

  /** Ids of the sources extracted by another extractor version than `version`. */
  staleIds (version: string): number[] {
    return this.#stale.all(version) as number[]
  }
}
