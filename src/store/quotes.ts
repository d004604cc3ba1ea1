// Reads of quotes: lists filtered by source, speaker, type, date, confidence and full text
// (FTS5), newest first, by relevance or in article order; one quote with the sentence around it.
import type { QuoteType, ResolvedBy, SpeakerKind } from '../extract/types.js'
import type { Database } from './database.js'
import { withFtsQuery } from './errors.js'
import { checkKey, toPage, type PageKey, type PageRequest, type PageResult } from './page.js'
import { quoteJson, registerJsonNumber } from './quote-json.js'
import { QuoteSearch, type SearchFilters } from './quote-search.js'
import { StatementCache } from './statements.js'

export interface QuoteSpeakerRef {
  id: number
  slug: string | null
  name: string | null
  kind: SpeakerKind
  /** The words in the article that name the speaker at this quote. */
  mention: string | null
  start: number | null
  end: number | null
  /** How the extractor found the speaker, 'manual' when set by hand; null for quotes stored before it was recorded. */
  resolved_by: StoredResolvedBy | null
}

/** How a stored quote's speaker was found: the extractor's ResolvedBy, or 'manual' for a correction by hand. */
export type StoredResolvedBy = ResolvedBy | 'manual'

export interface QuoteSourceRef {
  id: number
  title: string
  url: string | null
  publisher: string | null
  published_at: string | null
}

export interface Quote {
  id: number
  source_id: number
  source: QuoteSourceRef
  speaker: QuoteSpeakerRef | null
  text: string
  start: number
  end: number
  fragments: Array<[number, number]> | null
  type: QuoteType
  cue: string | null
  confidence: number
  via: string | null
  /** The source's publication date, else when it was ingested. */
  quoted_at: string
  /** True when the speaker was set by hand (PATCH /quotes/:id). */
  corrected: boolean
  /** With `distinct`: every source where this speaker said these words, newest first. */
  copies?: Array<{ quote_id: number, source: QuoteSourceRef }>
}

export interface QuoteDetail extends Quote {
  /** The sentence(s) around the quote in the source text, with their offsets. */
  context: { start: number, end: number, text: string } | null
}

/** newest: by source date; relevance: best full-text matches among the newest first (quote-search.ts); position: article order. */
export type QuoteSort = 'newest' | 'relevance' | 'position'

export interface QuoteFilter {
  source_id?: number | undefined
  speaker_id?: number | undefined
  /** Quotes of any of these speakers. */
  speaker_ids?: number[] | undefined
  type?: QuoteType | undefined
  /** ISO 8601 bounds on the source date: since inclusive, until exclusive. */
  since?: string | undefined
  until?: string | undefined
  min_confidence?: number | undefined
  /** An FTS5 query over the quote text. */
  match?: string | undefined
  /** Fold the same words by the same speaker in several sources into one item. */
  distinct?: boolean | undefined
  sort?: QuoteSort | undefined
}

export interface QuoteRow {
  id: number
  source_id: number
  speaker_id: number | null
  speaker_slug: string | null
  speaker_name: string | null
  speaker_kind: SpeakerKind | null
  speaker_mention: string | null
  speaker_start: number | null
  speaker_end: number | null
  resolved_by: StoredResolvedBy | null
  text: string
  start_offset: number
  end_offset: number
  fragments: string | null
  type: QuoteType
  cue: string | null
  confidence: number
  via: string | null
  quoted_at: string
  corrected: number
  text_key: string | null
  context_start: number | null
  context_end: number | null
  source_title: string
  source_url: string | null
  source_publisher: string | null
  source_published_at: string | null
}

export const COLUMNS = `q.id, q.source_id, q.speaker_id, sp.slug AS speaker_slug, sp.name AS speaker_name,
  sp.kind AS speaker_kind, q.speaker_mention, q.speaker_start, q.speaker_end, q.resolved_by, q.text, q.start_offset,
  q.end_offset, q.fragments, q.type, q.cue, q.confidence, q.via, q.quoted_at, q.corrected, q.text_key,
  q.context_start, q.context_end, src.title AS source_title, src.url AS source_url,
  src.publisher AS source_publisher, src.published_at AS source_published_at`
export const JOINS = 'LEFT JOIN speakers sp ON sp.id = q.speaker_id JOIN sources src ON src.id = q.source_id'
export const COPIES_SHOWN = 50
/**
 * Quotes an article's detail (GET /sources/:id, POST /sources, the article page) lists; the rest are paged by
 * GET /sources/:id/quotes. The longest of 493 news articles of the dev corpus has 214; a hostile text of 1 MB has
 * 40,000, which took 4 s of the thread that answers requests to read and serialise, and a 19 MB reply.
 */
export const QUOTES_SHOWN_PER_SOURCE = 500

export function fromRow (row: QuoteRow): Quote {
  return {
    id: row.id,
    source_id: row.source_id,
    source: {
      id: row.source_id,
      title: row.source_title,
      url: row.source_url,
      publisher: row.source_publisher,
      published_at: row.source_published_at,
    },
    speaker: row.speaker_id === null
      ? null
      : {
          id: row.speaker_id,
          slug: row.speaker_slug,
          name: row.speaker_name,
          kind: row.speaker_kind!,
          mention: row.speaker_mention,
          start: row.speaker_start,
          end: row.speaker_end,
          resolved_by: row.resolved_by,
        },
    text: row.text,
    start: row.start_offset,
    end: row.end_offset,
    fragments: row.fragments === null ? null : JSON.parse(row.fragments) as Array<[number, number]>,
    type: row.type,
    cue: row.cue,
    confidence: row.confidence,
    via: row.via,
    quoted_at: row.quoted_at,
    corrected: row.corrected === 1,
  }
}

/** The filters other than full text, as SQL over `q` (quotes) with named parameters. */
function filterClauses (filter: QuoteFilter): SearchFilters {
  const clauses: string[] = []
  const params: Record<string, unknown> = {}
  const add = (clause: string, values: Record<string, unknown>): void => {
    clauses.push(clause)
    Object.assign(params, values)
  }
  if (filter.source_id !== undefined) add('q.source_id = @source_id', { source_id: filter.source_id })
  if (filter.speaker_id !== undefined) add('q.speaker_id = @speaker_id', { speaker_id: filter.speaker_id })
  if (filter.speaker_ids !== undefined) {
    // Ids are integers from the store, never client text, so they can be part of the SQL.
    clauses.push(`q.speaker_id IN (${filter.speaker_ids.map((id) => Math.trunc(id)).join(', ') || 'NULL'})`)
  }
  if (filter.type !== undefined) add('q.type = @type', { type: filter.type })
  if (filter.since !== undefined) add('q.quoted_at >= @since', { since: filter.since })
  if (filter.until !== undefined) add('q.quoted_at < @until', { until: filter.until })
  if (filter.min_confidence !== undefined) add('q.confidence >= @min_confidence', { min_confidence: filter.min_confidence })
  if (filter.distinct) {
    // Only the newest copy of the same words by the same speaker stands for them all.
    clauses.push(`(q.speaker_id IS NULL OR q.id = (SELECT q2.id FROM quotes q2
      WHERE q2.speaker_id = q.speaker_id AND q2.text_key = q.text_key ORDER BY q2.quoted_at DESC, q2.id DESC LIMIT 1))`)
  }
  return { clauses, params }
}

/** The default order of a list: by relevance with full text, else newest first. */
function sortOf (filter: QuoteFilter): QuoteSort {
  return filter.sort ?? (filter.match !== undefined ? 'relevance' : 'newest')
}

/** A list read by SQL alone (not ranked by quote-search.ts): its FROM … LIMIT, parameters and sort key columns. */
interface PageQuery {
  from: string
  params: Record<string, unknown>
  /** The ORDER BY columns, id last, as QuoteRow names them. */
  key: ['start_offset', 'id'] | ['quoted_at', 'id']
}

export class QuoteStore {
  readonly #lists: StatementCache
  readonly #search: QuoteSearch
  readonly #byIds
  readonly #get
  readonly #getJson
  readonly #sourceText
  readonly #copies

  constructor (db: Database) {
    registerJsonNumber(db)
    this.#lists = new StatementCache(db)
    this.#search = new QuoteSearch(db)
    this.#byIds = db.prepare<[string], QuoteRow>(`SELECT ${COLUMNS} FROM quotes q ${JOINS}
      WHERE q.id IN (SELECT value FROM json_each(?))`)
    this.#get = db.prepare<[number], QuoteRow>(`SELECT ${COLUMNS} FROM quotes q ${JOINS} WHERE q.id = ?`)
    this.#getJson = db.prepare<[number], [string, number, number | null, number | null]>(`SELECT ${quoteJson()},
      q.source_id, q.context_start, q.context_end FROM quotes q ${JOINS} WHERE q.id = ?`).raw()
    this.#sourceText = db.prepare<[number], string>('SELECT text FROM sources WHERE id = ?').pluck()
    this.#copies = db.prepare<[number, string], QuoteRow>(`SELECT ${COLUMNS} FROM quotes q ${JOINS}
      WHERE q.speaker_id = ? AND q.text_key = ? ORDER BY q.quoted_at DESC, q.id DESC LIMIT ${COPIES_SHOWN}`)
  }

  list (page: PageRequest, filter: QuoteFilter = {}): PageResult<Quote> {
    const toQuote = (row: QuoteRow): Quote => {
      const quote = fromRow(row)
      if (filter.distinct) quote.copies = this.#copiesOf(row)
      return quote
    }
    const hits = this.#ranked(page, filter)
    if (hits !== null) {
      const rows = new Map(this.#byIds.all(JSON.stringify(hits.items.map((hit) => hit.id))).map((row) => [row.id, row]))
      // A quote deleted between the two reads is left out rather than failing the page.
      const items = hits.items.flatMap((hit) => { const row = rows.get(hit.id); return row ? [toQuote(row)] : [] })
      return { items, next: hits.next }
    }
    const query = this.#pageQuery(page, filter)
    const sql = `SELECT ${COLUMNS} ${query.from}`
    const rows = withFtsQuery(filter.match, () => this.#lists.get(sql).all(query.params) as QuoteRow[])
    const [a, b] = query.key
    return toPage(rows, page.limit, (row) => [row[a], row[b]], toQuote)
  }

  /**
   * The same page as list(), each quote as the JSON the reply schema makes of it (src/store/quote-json.ts): built by
   * SQLite, one string per quote, for the route to send as it is.
   */
  listJson (page: PageRequest, filter: QuoteFilter = {}): PageResult<string> {
    const json = quoteJson(filter.distinct ? COPIES_SHOWN : undefined)
    const hits = this.#ranked(page, filter)
    if (hits !== null) {
      const sql = `SELECT q.id, ${json} FROM quotes q ${JOINS} WHERE q.id IN (SELECT value FROM json_each(?))`
      const rows = this.#lists.get(sql).raw(true).all(JSON.stringify(hits.items.map((hit) => hit.id))) as Array<[number, string]>
      const byId = new Map(rows)
      // A quote deleted between the two reads is left out rather than failing the page.
      return { items: hits.items.flatMap((hit) => byId.get(hit.id) ?? []), next: hits.next }
    }
    const query = this.#pageQuery(page, filter)
    const sql = `SELECT q.${query.key[0]}, q.id, ${json} ${query.from}`
    const rows = withFtsQuery(filter.match, () => this.#lists.get(sql).raw(true).all(query.params) as Array<[string | number, number, string]>)
    return toPage(rows, page.limit, (row) => [row[0], row[1]], (row) => row[2])
  }

  /** The first QUOTES_SHOWN_PER_SOURCE quotes of one article in article order, and where the rest begin. */
  ofSource (sourceId: number): PageResult<Quote> {
    return this.list(...QuoteStore.#ofSource(sourceId))
  }

  /** ofSource() with each quote as JSON (listJson). */
  ofSourceJson (sourceId: number): PageResult<string> {
    return this.listJson(...QuoteStore.#ofSource(sourceId))
  }

  static #ofSource (sourceId: number): [PageRequest, QuoteFilter] {
    return [{ limit: QUOTES_SHOWN_PER_SOURCE }, { source_id: sourceId, sort: 'position' }]
  }

  get (id: number): QuoteDetail | undefined {
    const row = this.#get.get(id)
    if (!row) return undefined
    return { ...fromRow(row), context: this.#context(row.source_id, row.context_start, row.context_end) }
  }

  /** get() as the JSON the reply schema makes of it: the quote's JSON from SQLite with its context added. */
  getJson (id: number): string | undefined {
    const row = this.#getJson.get(id)
    if (!row) return undefined
    const [json, sourceId, start, end] = row
    return `${json.slice(0, -1)},"context":${JSON.stringify(this.#context(sourceId, start, end))}}`
  }

  /** The sentence(s) around a quote, cut from the source text in UTF-16 offsets as the extractor gave them. */
  #context (sourceId: number, start: number | null, end: number | null): QuoteDetail['context'] {
    if (start === null || end === null) return null
    const text = this.#sourceText.get(sourceId) as string
    return { start, end, text: text.slice(start, end) }
  }

  /** The hits of a full-text list ranked or dated by quote-search.ts, or null for a list that SQL alone reads. */
  #ranked (page: PageRequest, filter: QuoteFilter): PageResult<{ id: number }> | null {
    const sort = sortOf(filter)
    const match = filter.match
    if (match === undefined || sort === 'position') return null
    const filters = filterClauses(filter)
    return withFtsQuery(match, () => sort === 'relevance'
      ? this.#search.relevance(page, match, filters)
      : this.#search.newest(page, match, filters))
  }

  #pageQuery (page: PageRequest, filter: QuoteFilter): PageQuery {
    const { clauses, params } = filterClauses(filter)
    params['limit'] = page.limit + 1
    const add = (clause: string, values: Record<string, unknown>): void => {
      clauses.push(clause)
      Object.assign(params, values)
    }
    if (filter.match !== undefined) {
      params['match'] = filter.match
      clauses.push('q.id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH @match)')
    }
    let order: string
    let key: PageQuery['key']
    if (sortOf(filter) === 'position') {
      order = 'q.start_offset, q.id'
      key = ['start_offset', 'id']
      if (page.after) {
        const [start, id] = checkKey(page.after, ['number', 'number'])
        add('(q.start_offset > @start OR (q.start_offset = @start AND q.id > @id))', { start, id })
      }
    } else {
      order = 'q.quoted_at DESC, q.id DESC'
      key = ['quoted_at', 'id']
      if (page.after) {
        const [at, id] = checkKey(page.after, ['string', 'number'])
        add('(q.quoted_at < @at OR (q.quoted_at = @at AND q.id < @id))', { at, id })
      }
    }
    const where = clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : ''
    return { from: `FROM quotes q ${JOINS} ${where} ORDER BY ${order} LIMIT @limit`, params, key }
  }

  #copiesOf (row: QuoteRow): Quote['copies'] {
    const copies = row.speaker_id === null || row.text_key === null ? [row] : this.#copies.all(row.speaker_id, row.text_key)
    return copies.map((copy) => ({ quote_id: copy.id, source: fromRow(copy).source }))
  }
}
