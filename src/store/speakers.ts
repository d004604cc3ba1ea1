// Reads of speakers: lists filtered by name words and kind, one speaker with the names and titles
// articles give it, and lookups by id or slug that follow manual merges.
import type { SpeakerKind } from '../extract/types.js'
import type { Database } from './database.js'
import { StatementCache } from './statements.js'
import { lookupTokens } from '../identity/titles.js'
import { checkKey, toPage, type PageKey, type PageRequest, type PageResult } from './page.js'

export interface Speaker {
  id: number
  slug: string | null
  name: string | null
  kind: SpeakerKind
  title: string | null
  /** The article an unnamed or role-only speaker belongs to; null for speakers shared across articles. */
  source_id: number | null
  quote_count: number
  source_count: number
  first_quoted_at: string | null
  last_quoted_at: string | null
}

export interface SpeakerAlias {
  alias: string
  source_count: number
  /** The first sources (by id) where the speaker goes by this name. */
  source_ids: number[]
}

export interface SpeakerDetail extends Speaker {
  titles: string[]
  aliases: SpeakerAlias[]
}

export type SpeakerSort = 'quotes' | 'name'

export interface SpeakerFilter {
  /** Every word must start a word of one of the speaker's names (folded words from nameTokens). */
  nameTokens?: string[] | undefined
  /** 'group' lists the groups, 'unnamed' the other speakers that belong to one article. */
  kind?: SpeakerKind | undefined
  sort?: SpeakerSort | undefined
}

/** What a speaker reference (id or slug) points at; `merged_into` is set when it was merged away. */
export interface SpeakerRef {
  id: number
  merged_into: number | null
}

// The speaker's columns, the row they read (with the name key lists sort on) and the reply made of it: the same for
// both stores (the PostgreSQL store reads them from here).
export const SPEAKER_COLUMNS = `s.id, s.slug, s.name, s.kind, s.title, s.home_source_id AS source_id, s.quote_count,
  s.source_count, s.first_quoted_at, s.last_quoted_at`
/** Of each alias, at most this many of the articles that use it are listed. */
export const ALIAS_SOURCES_SHOWN = 20

export type SpeakerRow = Speaker & { name_key: string | null }

export function toSpeaker ({ name_key: _, ...speaker }: SpeakerRow): Speaker {
  return speaker
}

/** Name words shorter than this start the names of a large share of all speakers ("a", "jo"). */
const NARROW_PREFIX = 3

/**
 * Whether a lookup by these name words reads much of the name index: one of its words is one or two letters, the start
 * of many names. Such lookups run where searches run (fastify.searches), within SEARCH_TIME_LIMIT_MS: at 12.5M quotes
 * one took 6–60 ms, and it grows with the archive; a name of longer words reads a few index entries.
 */
export function broadNameLookup (nameTokens: readonly string[] | undefined): boolean {
  return nameTokens !== undefined && lookupTokens(nameTokens).some((token) => token.length < NARROW_PREFIX)
}

export class SpeakerStore {
  readonly #lists: StatementCache
  readonly #get
  readonly #byId
  readonly #bySlug
  readonly #titles
  readonly #aliases

  constructor (db: Database) {
    this.#lists = new StatementCache(db)
    this.#get = db.prepare<[number], SpeakerRow>(`SELECT ${SPEAKER_COLUMNS}, s.name_key FROM speakers s WHERE s.id = ?`)
    this.#byId = db.prepare<[number], SpeakerRef>('SELECT id, merged_into FROM speakers WHERE id = ?')
    // A slug the speaker had before it took a full name answers like a merged one: with the speaker that has it now.
    this.#bySlug = db.prepare<{ slug: string }, SpeakerRef>(`SELECT id, merged_into FROM speakers WHERE slug = @slug
      UNION ALL SELECT o.speaker_id, coalesce(s.merged_into, s.id) FROM speaker_old_slugs o
      JOIN speakers s ON s.id = o.speaker_id WHERE o.slug = @slug LIMIT 1`)
    this.#titles = db.prepare<[number], string>(
      `SELECT title FROM speaker_titles WHERE speaker_id = ? GROUP BY title
       ORDER BY count(*) DESC, max(source_id) DESC, title`).pluck()
    this.#aliases = db.prepare<[number], { alias: string, source_count: number, source_ids: string }>(
      `SELECT alias, count(*) AS source_count, json_group_array(source_id) AS source_ids
       FROM (SELECT alias, source_id FROM speaker_aliases WHERE speaker_id = ? ORDER BY alias, source_id)
       GROUP BY alias ORDER BY source_count DESC, alias`)
  }

  list (page: PageRequest, filter: SpeakerFilter = {}): PageResult<Speaker> {
    const sort = filter.sort ?? 'quotes'
    const params: Record<string, unknown> = { limit: page.limit + 1 }
    // Groups and unnamed speakers belong to their article: kind=group lists the groups, kind=unnamed the others.
    const local = filter.kind === 'unnamed' || filter.kind === 'group'
    const clauses = local
      ? ['s.home_source_id IS NOT NULL', 's.quote_count > 0', filter.kind === 'group' ? "s.kind = 'group'" : "s.kind <> 'group'"]
      : ['s.merged_into IS NULL', 's.home_source_id IS NULL', 's.quote_count > 0']
    if (filter.kind !== undefined && !local) {
      clauses.push('s.kind = @kind')
      params['kind'] = filter.kind
    }
    const tokens = local ? 'local_speaker_tokens' : 'speaker_tokens'
    lookupTokens(filter.nameTokens ?? []).forEach((token, i) => {
      // A word prefix as a range on the token index: "witk" matches "witkoff".
      clauses.push(`s.id IN (SELECT speaker_id FROM ${tokens} WHERE token >= @t${i} AND token < @u${i})`)
      params[`t${i}`] = token
      params[`u${i}`] = token + '\uffff'
    })
    let order: string
    if (sort === 'quotes') {
      order = 's.quote_count DESC, s.id'
      if (page.after) {
        const [count, id] = checkKey(page.after, ['number', 'number'])
        clauses.push('(s.quote_count < @count OR (s.quote_count = @count AND s.id > @id))')
        Object.assign(params, { count, id })
      }
    } else {
      order = "coalesce(s.name_key, ''), s.id"
      if (page.after) {
        const [key, id] = checkKey(page.after, ['string', 'number'])
        clauses.push("(coalesce(s.name_key, '') > @key OR (coalesce(s.name_key, '') = @key AND s.id > @id))")
        Object.assign(params, { key, id })
      }
    }
    const sql = `SELECT ${SPEAKER_COLUMNS}, s.name_key FROM speakers s WHERE ${clauses.join(' AND ')} ORDER BY ${order} LIMIT @limit`
    const rows = this.#lists.get(sql).all(params) as SpeakerRow[]
    const keyOf = (row: SpeakerRow): PageKey => sort === 'quotes' ? [row.quote_count, row.id] : [row.name_key ?? '', row.id]
    return toPage(rows, page.limit, keyOf, toSpeaker)
  }

  get (id: number): SpeakerDetail | undefined {
    const row = this.#get.get(id)
    if (!row) return undefined
    return {
      ...toSpeaker(row),
      titles: this.#titles.all(id) as string[],
      aliases: this.#aliases.all(id).map((alias) => ({
        alias: alias.alias,
        source_count: alias.source_count,
        source_ids: (JSON.parse(alias.source_ids) as number[]).slice(0, ALIAS_SOURCES_SHOWN),
      })),
    }
  }

  /** Ids of the speakers shared across articles whose names match every word prefix, most quoted first. */
  idsMatching (nameTokens: string[], limit: number): number[] {
    return this.list({ limit }, { nameTokens }).items.map((speaker) => speaker.id)
  }

  /** The speaker a numeric id or a slug names, merged or not; undefined when none does. */
  find (ref: number | string): SpeakerRef | undefined {
    return typeof ref === 'number' ? this.#byId.get(ref) : this.#bySlug.get({ slug: ref })
  }
}
