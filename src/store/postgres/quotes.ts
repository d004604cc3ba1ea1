// Reads of quotes on PostgreSQL: the same lists, filters and orders as ../quotes.ts. Full-text search uses the GIN
// index on quotes.tsv; relevance ranks the newest RANKED_MATCHES matches by ts_rank (SQLite: bm25), older ones follow.
import type { QuoteReads } from '../interface.js'
import { checkKey, PageKeyError, toPage, type PageKey, type PageRequest, type PageResult } from '../page.js'
import { RANKED_MATCHES } from '../quote-search.js'
import {
  COLUMNS, COPIES_SHOWN, JOINS, QUOTES_SHOWN_PER_SOURCE, fromRow, type Quote, type QuoteDetail, type QuoteFilter, type QuoteRow,
} from '../quotes.js'
import { SearchLimit } from './bounded-read.js'
import type { Sql } from './connection.js'
import { tsqueryExpression } from './fts-query.js'

const RANKED = 0
const OLDER = 1

/** SQL with $n parameters, built clause by clause. */
class Query {
  readonly values: unknown[] = []
  readonly clauses: string[] = []
  param (value: unknown): string {
    this.values.push(value)
    return `$${this.values.length}`
  }

  get where (): string {
    return this.clauses.length > 0 ? `WHERE ${this.clauses.join(' AND ')}` : ''
  }
}

/** The filters other than full text, over `q` (quotes). */
function filterClauses (filter: QuoteFilter, query: Query): void {
  const add = (sql: (p: string) => string, value: unknown): void => { query.clauses.push(sql(query.param(value))) }
  if (filter.source_id !== undefined) add((p) => `q.source_id = ${p}`, filter.source_id)
  if (filter.speaker_id !== undefined) add((p) => `q.speaker_id = ${p}`, filter.speaker_id)
  if (filter.speaker_ids !== undefined) add((p) => `q.speaker_id = ANY(${p}::bigint[])`, filter.speaker_ids.map((id) => Math.trunc(id)))
  if (filter.type !== undefined) add((p) => `q.type = ${p}`, filter.type)
  if (filter.since !== undefined) add((p) => `q.quoted_at >= ${p}`, filter.since)
  if (filter.until !== undefined) add((p) => `q.quoted_at < ${p}`, filter.until)
  if (filter.min_confidence !== undefined) add((p) => `q.confidence >= ${p}`, filter.min_confidence)
  if (filter.distinct) {
    query.clauses.push(`(q.speaker_id IS NULL OR q.id = (SELECT q2.id FROM quotes q2
      WHERE q2.speaker_id = q.speaker_id AND q2.text_key = q.text_key ORDER BY q2.quoted_at DESC, q2.id DESC LIMIT 1))`)
  }
}

/** A page key or id out of PostgreSQL's bigint range names nothing stored. */
function storableId (id: number): boolean {
  return Number.isSafeInteger(id)
}

export class PgQuoteReads implements QuoteReads {
  /** The time limit of full-text searches. */
  readonly #searchLimit = new SearchLimit()

  constructor (private readonly sql: Sql) {}

  limitSearches (ms: number): void {
    this.#searchLimit.set(ms)
  }

  async list (page: PageRequest, filter: QuoteFilter = {}): Promise<PageResult<Quote>> {
    return await this.#searchLimit.run(this.sql, filter.match !== undefined, (sql) => new PgQuoteReads(sql).#list(page, filter))
  }

  async #list (page: PageRequest, filter: QuoteFilter): Promise<PageResult<Quote>> {
    const sort = filter.sort ?? (filter.match !== undefined ? 'relevance' : 'newest')
    const toQuote = async (row: QuoteRow): Promise<Quote> => {
      const quote = fromRow(row)
      if (filter.distinct) quote.copies = await this.#copiesOf(row)
      return quote
    }
    const query = new Query()
    filterClauses(filter, query)
    if (filter.match !== undefined) query.clauses.push(`q.tsv @@ (SELECT ${tsqueryExpression(filter.match, 'text', query.values)})`)
    if (filter.match !== undefined && sort === 'relevance') {
      const hits = await this.#relevance(page, query)
      const { rows } = await this.sql.query<QuoteRow>(`SELECT ${COLUMNS} FROM quotes q ${JOINS} WHERE q.id = ANY($1::bigint[])`,
        [hits.items.map((hit) => hit.id)])
      const byId = new Map(rows.map((row) => [row.id, row]))
      const items: Quote[] = []
      for (const hit of hits.items) {
        const row = byId.get(hit.id)
        if (row) items.push(await toQuote(row))
      }
      return { items, next: hits.next }
    }
    let order: string
    let keyOf: (row: QuoteRow) => PageKey
    if (sort === 'position') {
      order = 'q.start_offset, q.id'
      keyOf = (row) => [row.start_offset, row.id]
      if (page.after) {
        const [start, id] = checkKey(page.after, ['number', 'number'])
        const s = query.param(start)
        query.clauses.push(`(q.start_offset > ${s} OR (q.start_offset = ${s} AND q.id > ${query.param(id)}))`)
      }
    } else {
      order = 'q.quoted_at DESC, q.id DESC'
      keyOf = (row) => [row.quoted_at, row.id]
      if (page.after) {
        const [at, id] = checkKey(page.after, ['string', 'number'])
        const a = query.param(at)
        query.clauses.push(`(q.quoted_at < ${a} OR (q.quoted_at = ${a} AND q.id < ${query.param(id)}))`)
      }
    }
    const { rows } = await this.sql.query<QuoteRow>(`SELECT ${COLUMNS} FROM quotes q ${JOINS} ${query.where}
      ORDER BY ${order} LIMIT ${query.param(page.limit + 1)}`, query.values)
    const result = toPage(rows, page.limit, keyOf, (row) => row)
    const items: Quote[] = []
    for (const row of result.items) items.push(await toQuote(row))
    return { items, next: result.next }
  }

  /**
   * Best matches first among the newest RANKED_MATCHES, then the older ones, newest first. The key is [floor, ceiling,
   * phase, score, id] as in SQLite's store: the ranked set is fixed by the first page.
   */
  async #relevance (page: PageRequest, query: Query): Promise<PageResult<{ id: number, key: PageKey }>> {
    const wanted = page.limit + 1
    const hits: Array<{ id: number, key: PageKey }> = []
    const base = query.where
    const tsquery = query.clauses.find((clause) => clause.startsWith('q.tsv @@'))!.slice('q.tsv @@ '.length)
    // ts_rank on the rows kept only, not on every match.
    const ranked = async (bounds: string, limit: string): Promise<Array<{ id: number, score: number }>> =>
      (await this.sql.query<{ id: number, score: number }>(`SELECT m.id, ts_rank(m.tsv, ${tsquery}) AS score
        FROM (SELECT q.id, q.tsv FROM quotes q ${base} ${bounds} ORDER BY q.id DESC ${limit}) m`, query.values)).rows
    let floor: number
    let ceiling: number
    let after: { phase: number, score: number, id: number } | undefined
    let candidates: Array<{ id: number, score: number }> | undefined
    if (page.after) {
      const [f, c, phase, score, id] = checkKey(page.after, ['number', 'number', 'number', 'number', 'number']) as number[]
      if ((phase !== RANKED && phase !== OLDER) || !storableId(f!) || !storableId(c!)) {
        throw new PageKeyError('cursor is not valid: it does not belong to this list')
      }
      floor = f!
      ceiling = c!
      after = { phase, score: score!, id: id! }
      if (phase === RANKED) candidates = await ranked(`AND q.id BETWEEN ${floor} AND ${ceiling}`, '')
    } else {
      candidates = await ranked('', `LIMIT ${RANKED_MATCHES}`)
      floor = candidates.length === RANKED_MATCHES ? candidates[candidates.length - 1]!.id : 0
      ceiling = candidates[0]?.id ?? 0
    }
    if (candidates) {
      const scored = candidates.sort((a, b) => b.score - a.score || a.id - b.id)
      const start = after ? scored.findIndex((c) => c.score < after.score || (c.score === after.score && c.id > after.id)) : 0
      if (start >= 0) {
        for (const c of scored.slice(start, start + wanted)) hits.push({ id: c.id, key: [floor, ceiling, RANKED, c.score, c.id] })
      }
    }
    if (hits.length < wanted && floor > 0) {
      const below = after?.phase === OLDER ? Math.min(floor, after.id) : floor
      const { rows } = await this.sql.query<{ id: number }>(`SELECT q.id FROM quotes q ${base} ${base ? 'AND' : 'WHERE'}
        q.id < ${Math.trunc(below)} ORDER BY q.id DESC LIMIT ${wanted - hits.length}`, query.values)
      for (const row of rows) hits.push({ id: row.id, key: [floor, ceiling, OLDER, 0, row.id] })
    }
    return toPage(hits, page.limit, (hit) => hit.key, (hit) => hit)
  }

  async ofSource (sourceId: number): Promise<PageResult<Quote>> {
    return await this.list({ limit: QUOTES_SHOWN_PER_SOURCE }, { source_id: sourceId, sort: 'position' })
  }

  async get (id: number): Promise<QuoteDetail | undefined> {
    if (!storableId(id)) return undefined
    const row = (await this.sql.query<QuoteRow>(`SELECT ${COLUMNS} FROM quotes q ${JOINS} WHERE q.id = $1`, [id])).rows[0]
    if (!row) return undefined
    let context: QuoteDetail['context'] = null
    if (row.context_start !== null && row.context_end !== null) {
      // Offsets count UTF-16 units (JavaScript's), PostgreSQL's substr code points: the text is sliced here.
      const text = (await this.sql.query<{ text: string }>('SELECT text FROM sources WHERE id = $1', [row.source_id])).rows[0]!.text
      context = { start: row.context_start, end: row.context_end, text: text.slice(row.context_start, row.context_end) }
    }
    return { ...fromRow(row), context }
  }

  async #copiesOf (row: QuoteRow): Promise<Quote['copies']> {
    const copies = row.speaker_id === null || row.text_key === null
      ? [row]
      : (await this.sql.query<QuoteRow>(`SELECT ${COLUMNS} FROM quotes q ${JOINS} WHERE q.speaker_id = $1 AND q.text_key = $2
          ORDER BY q.quoted_at DESC, q.id DESC LIMIT ${COPIES_SHOWN}`, [row.speaker_id, row.text_key])).rows
    return copies.map((copy) => ({ quote_id: copy.id, source: fromRow(copy).source }))
  }
}
