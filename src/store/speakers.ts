// Reads of speakers, with the aliases articles use for them.
import type { SpeakerKind } from '../extract/types.js'
import type { Database } from './database.js'
import { toPage, type PageRequest, type PageResult } from './page.js'

export interface Speaker {
  id: number
  slug: string | null
  name: string | null
  kind: SpeakerKind
  title: string | null
  aliases: string[]
  quote_count: number
}

export interface SpeakerFilter {
  kind?: SpeakerKind | undefined
}

type SpeakerRow = Omit<Speaker, 'aliases'> & { aliases: string }

const COLUMNS = `s.id, s.slug, s.name, s.kind, s.title,
  (SELECT json_group_array(alias) FROM (SELECT DISTINCT alias FROM speaker_aliases a WHERE a.speaker_id = s.id ORDER BY alias)) AS aliases,
  (SELECT count(*) FROM quotes q WHERE q.speaker_id = s.id) AS quote_count`

function fromRow (row: SpeakerRow): Speaker {
  return { ...row, aliases: JSON.parse(row.aliases) as string[] }
}

export class SpeakerStore {
  readonly #list
  readonly #listByKind
  readonly #get

  constructor (db: Database) {
    this.#list = db.prepare<[number, number], SpeakerRow>(
      `SELECT ${COLUMNS} FROM speakers s WHERE s.id > ? ORDER BY s.id LIMIT ?`)
    this.#listByKind = db.prepare<[string, number, number], SpeakerRow>(
      `SELECT ${COLUMNS} FROM speakers s WHERE s.kind = ? AND s.id > ? ORDER BY s.id LIMIT ?`)
    this.#get = db.prepare<[number], SpeakerRow>(`SELECT ${COLUMNS} FROM speakers s WHERE s.id = ?`)
  }

  list (page: PageRequest, filter: SpeakerFilter = {}): PageResult<Speaker> {
    const after = page.after ?? 0
    const rows = filter.kind
      ? this.#listByKind.all(filter.kind, after, page.limit + 1)
      : this.#list.all(after, page.limit + 1)
    return toPage(rows.map(fromRow), page.limit)
  }

  get (id: number): Speaker | undefined {
    const row = this.#get.get(id)
    return row && fromRow(row)
  }
}
