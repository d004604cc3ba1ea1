// Reads of quotes, filtered by source, speaker, type or words in the quote (FTS5).
import type { QuoteType, SpeakerKind } from '../extract/types.js'
import type { Database } from './database.js'
import { toPage, type PageRequest, type PageResult } from './page.js'

export interface QuoteSpeakerRef {
  id: number
  slug: string | null
  name: string | null
  kind: SpeakerKind
  /** The words in the article that name the speaker at this quote. */
  mention: string | null
  start: number | null
  end: number | null
}

export interface Quote {
  id: number
  source_id: number
  speaker: QuoteSpeakerRef | null
  text: string
  start: number
  end: number
  fragments: Array<[number, number]> | null
  type: QuoteType
  cue: string | null
  confidence: number
  via: string | null
}

export interface QuoteFilter {
  source_id?: number | undefined
  speaker_id?: number | undefined
  type?: QuoteType | undefined
  /** An FTS5 query as made by toFtsQuery. */
  match?: string | undefined
}

interface QuoteRow {
  id: number
  source_id: number
  speaker_id: number | null
  speaker_slug: string | null
  speaker_name: string | null
  speaker_kind: SpeakerKind | null
  speaker_mention: string | null
  speaker_start: number | null
  speaker_end: number | null
  text: string
  start_offset: number
  end_offset: number
  fragments: string | null
  type: QuoteType
  cue: string | null
  confidence: number
  via: string | null
}

const SELECT = `SELECT q.id, q.source_id, q.speaker_id, sp.slug AS speaker_slug, sp.name AS speaker_name,
  sp.kind AS speaker_kind, q.speaker_mention, q.speaker_start, q.speaker_end, q.text, q.start_offset,
  q.end_offset, q.fragments, q.type, q.cue, q.confidence, q.via
  FROM quotes q LEFT JOIN speakers sp ON sp.id = q.speaker_id`

/**
 * Turns free text into an FTS5 query that matches quotes containing every word, so user input
 * can never be an FTS5 syntax error. Returns null when the text has no word in it.
 */
export function toFtsQuery (text: string): string | null {
  const words = text.match(/[\p{L}\p{N}]+/gu)
  if (!words) return null
  return words.map((word) => `"${word}"`).join(' ')
}

function fromRow (row: QuoteRow): Quote {
  return {
    id: row.id,
    source_id: row.source_id,
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
        },
    text: row.text,
    start: row.start_offset,
    end: row.end_offset,
    fragments: row.fragments === null ? null : JSON.parse(row.fragments) as Array<[number, number]>,
    type: row.type,
    cue: row.cue,
    confidence: row.confidence,
    via: row.via,
  }
}

export class QuoteStore {
  readonly #db: Database
  readonly #get
  // One prepared statement per combination of filters, made on first use.
  readonly #lists = new Map<string, ReturnType<Database['prepare']>>()

  constructor (db: Database) {
    this.#db = db
    this.#get = db.prepare<[number], QuoteRow>(`${SELECT} WHERE q.id = ?`)
  }

  list (page: PageRequest, filter: QuoteFilter = {}): PageResult<Quote> {
    const clauses = ['q.id > @after']
    if (filter.source_id !== undefined) clauses.push('q.source_id = @source_id')
    if (filter.speaker_id !== undefined) clauses.push('q.speaker_id = @speaker_id')
    if (filter.type !== undefined) clauses.push('q.type = @type')
    if (filter.match !== undefined) clauses.push('q.id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH @match)')
    const sql = `${SELECT} WHERE ${clauses.join(' AND ')} ORDER BY q.id LIMIT @limit`
    let statement = this.#lists.get(sql)
    if (!statement) {
      statement = this.#db.prepare(sql)
      this.#lists.set(sql, statement)
    }
    const params: Record<string, unknown> = { after: page.after ?? 0, limit: page.limit + 1 }
    for (const key of ['source_id', 'speaker_id', 'type', 'match'] as const) {
      if (filter[key] !== undefined) params[key] = filter[key]
    }
    const rows = statement.all(params) as QuoteRow[]
    return toPage(rows.map(fromRow), page.limit)
  }

  get (id: number): Quote | undefined {
    const row = this.#get.get(id)
    return row && fromRow(row)
  }
}
