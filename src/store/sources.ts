// Reads of ingested articles.
import type { Database } from './database.js'
import { toPage, type PageRequest, type PageResult } from './page.js'

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

const SUMMARY_COLUMNS = `s.id, s.url, s.title, s.publisher, s.published_at, s.content_hash, s.ingested_at,
  s.extractor_version, (SELECT count(*) FROM quotes q WHERE q.source_id = s.id) AS quote_count`

export class SourceStore {
  readonly #list
  readonly #get
  readonly #count

  constructor (db: Database) {
    this.#list = db.prepare<[number, number], SourceSummary>(
      `SELECT ${SUMMARY_COLUMNS} FROM sources s WHERE s.id > ? ORDER BY s.id LIMIT ?`)
    this.#get = db.prepare<[number], SourceDetail>(
      `SELECT ${SUMMARY_COLUMNS}, s.text FROM sources s WHERE s.id = ?`)
    this.#count = db.prepare<[], number>('SELECT count(*) FROM sources').pluck()
  }

  list (page: PageRequest): PageResult<SourceSummary> {
    return toPage(this.#list.all(page.after ?? 0, page.limit + 1), page.limit)
  }

  get (id: number): SourceDetail | undefined {
    return this.#get.get(id)
  }

  count (): number {
    return this.#count.get() as number
  }
}
