// Reads of speakers on PostgreSQL: the same lists, details and lookups as ../speakers.ts. A lookup by name words
// that reads much of the name index (broadNameLookup) may be bounded in time as searches are (quotes.ts).
import { lookupTokens } from '../../identity/titles.js'
import type { SpeakerReads } from '../interface.js'
import { checkKey, toPage, type PageKey, type PageRequest, type PageResult } from '../page.js'
import {
  ALIAS_SOURCES_SHOWN, SPEAKER_COLUMNS as COLUMNS, toSpeaker, type Speaker, type SpeakerDetail, type SpeakerFilter,
  type SpeakerRef, type SpeakerRow, broadNameLookup,
} from '../speakers.js'
import { SearchLimit } from './bounded-read.js'
import type { Sql } from './connection.js'

export class PgSpeakerReads implements SpeakerReads {
  /** The time limit of broad name lookups. */
  readonly #searchLimit = new SearchLimit()

  constructor (private readonly sql: Sql) {}

  limitSearches (ms: number): void {
    this.#searchLimit.set(ms)
  }

  async list (page: PageRequest, filter: SpeakerFilter = {}): Promise<PageResult<Speaker>> {
    return await this.#searchLimit.run(this.sql, broadNameLookup(filter.nameTokens), (sql) => new PgSpeakerReads(sql).#list(page, filter))
  }

  async #list (page: PageRequest, filter: SpeakerFilter): Promise<PageResult<Speaker>> {
    const sort = filter.sort ?? 'quotes'
    const values: unknown[] = []
    const param = (value: unknown): string => { values.push(value); return `$${values.length}` }
    const local = filter.kind === 'unnamed' || filter.kind === 'group'
    const clauses = local
      ? ['s.home_source_id IS NOT NULL', 's.quote_count > 0', filter.kind === 'group' ? "s.kind = 'group'" : "s.kind <> 'group'"]
      : ['s.merged_into IS NULL', 's.home_source_id IS NULL', 's.quote_count > 0']
    if (filter.kind !== undefined && !local) clauses.push(`s.kind = ${param(filter.kind)}`)
    const tokens = local ? 'local_speaker_tokens' : 'speaker_tokens'
    for (const token of lookupTokens(filter.nameTokens ?? [])) {
      clauses.push(`s.id IN (SELECT speaker_id FROM ${tokens} WHERE token >= ${param(token)} AND token < ${param(token + '\uffff')})`)
    }
    let order: string
    if (sort === 'quotes') {
      order = 's.quote_count DESC, s.id'
      if (page.after) {
        const [count, id] = checkKey(page.after, ['number', 'number'])
        const c = param(count)
        clauses.push(`(s.quote_count < ${c} OR (s.quote_count = ${c} AND s.id > ${param(id)}))`)
      }
    } else {
      order = "coalesce(s.name_key, ''), s.id"
      if (page.after) {
        const [key, id] = checkKey(page.after, ['string', 'number'])
        const k = param(key)
        clauses.push(`(coalesce(s.name_key, '') > ${k} OR (coalesce(s.name_key, '') = ${k} AND s.id > ${param(id)}))`)
      }
    }
    const { rows } = await this.sql.query<SpeakerRow>(`SELECT ${COLUMNS}, s.name_key FROM speakers s
      WHERE ${clauses.join(' AND ')} ORDER BY ${order} LIMIT ${param(page.limit + 1)}`, values)
    const keyOf = (row: SpeakerRow): PageKey => sort === 'quotes' ? [row.quote_count, row.id] : [row.name_key ?? '', row.id]
    return toPage(rows, page.limit, keyOf, toSpeaker)
  }

  async get (id: number): Promise<SpeakerDetail | undefined> {
    if (!Number.isSafeInteger(id)) return undefined
    const row = (await this.sql.query<SpeakerRow>(`SELECT ${COLUMNS}, s.name_key FROM speakers s WHERE s.id = $1`, [id])).rows[0]
    if (!row) return undefined
    const [titles, aliases] = await Promise.all([
      this.sql.query<{ title: string }>(`SELECT title FROM speaker_titles WHERE speaker_id = $1 GROUP BY title
        ORDER BY count(*) DESC, max(source_id) DESC, title COLLATE "C"`, [id]),
      this.sql.query<{ alias: string, source_count: number, source_ids: number[] }>(
        `SELECT alias, count(*)::integer AS source_count, (array_agg(source_id ORDER BY source_id))[1:${ALIAS_SOURCES_SHOWN}] AS source_ids
         FROM speaker_aliases WHERE speaker_id = $1 GROUP BY alias ORDER BY source_count DESC, alias COLLATE "C"`, [id]),
    ])
    return {
      ...toSpeaker(row),
      titles: titles.rows.map((title) => title.title),
      aliases: aliases.rows.map((alias) => ({ alias: alias.alias, source_count: alias.source_count, source_ids: alias.source_ids.map(Number) })),
    }
  }

  async idsMatching (nameTokens: string[], limit: number): Promise<number[]> {
    return (await this.list({ limit }, { nameTokens })).items.map((speaker) => speaker.id)
  }

  async find (ref: number | string): Promise<SpeakerRef | undefined> {
    if (typeof ref === 'number') {
      if (!Number.isSafeInteger(ref)) return undefined
      return (await this.sql.query<SpeakerRef>('SELECT id, merged_into FROM speakers WHERE id = $1', [ref])).rows[0]
    }
    // PostgreSQL text cannot hold NUL, so no slug has one.
    if (ref.includes('\0')) return undefined
    return (await this.sql.query<SpeakerRef>(`SELECT id, merged_into FROM speakers WHERE slug = $1
      UNION ALL SELECT o.speaker_id, coalesce(s.merged_into, s.id) FROM speaker_old_slugs o
      JOIN speakers s ON s.id = o.speaker_id WHERE o.slug = $1 LIMIT 1`, [ref])).rows[0]
  }
}
