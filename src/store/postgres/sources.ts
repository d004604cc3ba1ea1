// Reads of ingested articles on PostgreSQL: the same lists and filters as ../sources.ts. A search of the titles may
// be bounded in time as quote searches are (quotes.ts).
import type { SourceReads } from '../interface.js'
import { checkKey, toPage, type PageRequest, type PageResult } from '../page.js'
import type { SourceDetail, SourceFilter, SourceSummary } from '../sources.js'
import { SearchLimit } from './bounded-read.js'
import type { Sql } from './connection.js'
import { tsqueryExpression } from './fts-query.js'

const SUMMARY_COLUMNS = `s.id, s.url, s.title, s.publisher, s.published_at, s.content_hash, s.ingested_at,
  s.extractor_version, (SELECT count(*) FROM quotes q WHERE q.source_id = s.id) AS quote_count`

export class PgSourceReads implements SourceReads {
  /** The time limit of title searches. */
  readonly #searchLimit = new SearchLimit()

  constructor (private readonly sql: Sql) {}

  limitSearches (ms: number): void {
    this.#searchLimit.set(ms)
  }

  async list (page: PageRequest, filter: SourceFilter = {}): Promise<PageResult<SourceSummary>> {
    return await this.#searchLimit.run(this.sql, filter.titleMatch !== undefined, (sql) => new PgSourceReads(sql).#list(page, filter))
  }

  async #list (page: PageRequest, filter: SourceFilter): Promise<PageResult<SourceSummary>> {
    const clauses: string[] = []
    const values: unknown[] = []
    const param = (value: unknown): string => { values.push(value); return `$${values.length}` }
    // PostgreSQL text cannot hold NUL: no publisher has one.
    if (filter.publisher?.includes('\0')) return { items: [], next: null }
    if (filter.publisher !== undefined) clauses.push(`lower(s.publisher) = lower(${param(filter.publisher)})`)
    if (filter.since !== undefined) clauses.push(`s.published_at >= ${param(filter.since)}`)
    if (filter.until !== undefined) clauses.push(`s.published_at < ${param(filter.until)}`)
    if (filter.titleMatch !== undefined) clauses.push(`s.title_tsv @@ (SELECT ${tsqueryExpression(filter.titleMatch, 'title', values)})`)
    if (page.after) clauses.push(`s.id > ${param(checkKey(page.after, ['number'])[0])}`)
    const where = clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : ''
    const { rows } = await this.sql.query<SourceSummary>(
      `SELECT ${SUMMARY_COLUMNS} FROM sources s ${where} ORDER BY s.id LIMIT ${param(page.limit + 1)}`, values)
    return toPage(rows, page.limit, (row) => [row.id], (row) => row)
  }

  async latest (limit: number): Promise<SourceSummary[]> {
    return (await this.sql.query<SourceSummary>(`SELECT ${SUMMARY_COLUMNS} FROM sources s ORDER BY s.id DESC LIMIT $1`, [limit])).rows
  }

  async get (id: number): Promise<SourceDetail | undefined> {
    if (!Number.isSafeInteger(id)) return undefined
    return (await this.sql.query<SourceDetail>(`SELECT ${SUMMARY_COLUMNS}, s.text FROM sources s WHERE s.id = $1`, [id])).rows[0]
  }

  async count (): Promise<number> {
    return (await this.sql.query<{ n: number }>('SELECT count(*) AS n FROM sources')).rows[0]!.n
  }

  async staleIds (version: string): Promise<number[]> {
    return (await this.sql.query<{ id: number }>('SELECT id FROM sources WHERE extractor_version <> $1 ORDER BY id', [version])).rows
      .map((row) => row.id)
  }
}
