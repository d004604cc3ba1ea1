// Finds or creates the stored speaker for each speaker of a newly extracted article, inside the
// ingest transaction: named people by the matching rules of src/identity, named organisations
// by name, and speakers that belong to one article (unnamed, role-only organisations) always new.
// Manual merges (redirects) and splits are applied here so they survive re-extraction.
import type { ExtractedSpeaker } from '../extract/types.js'
import { matchPerson, type KnownPerson } from '../identity/match.js'
import { isRoleOnly, nameKey, nameTokens, personName } from '../identity/names.js'
import type { Database } from './database.js'
import { Slugs } from './slugs.js'

interface PersonRow {
  id: number
  merged_into: number | null
  first_key: string | null
  title: string | null
}

/** Unnamed speakers and organisations named by their role are never shared between articles. */
function belongsToArticle (speaker: ExtractedSpeaker): boolean {
  return speaker.name === null || speaker.kind === 'unnamed' || (speaker.kind === 'organization' && isRoleOnly(speaker.name))
}

export class SpeakerResolver {
  readonly #persons
  readonly #personsFirst
  readonly #organization
  readonly #slugs: Slugs
  readonly #insert
  readonly #setTitle
  readonly #upgradeName
  readonly #splits
  readonly #mergedInto
  readonly #insertAlias
  readonly #insertTitle
  readonly #insertToken
  readonly #insertLocalToken

  constructor (db: Database) {
    this.#persons = db.prepare<[string], PersonRow>(`SELECT id, merged_into, first_key, title FROM speakers
      WHERE surname_key = ? AND kind = 'person' AND home_source_id IS NULL ORDER BY id`)
    // A full name can only match the same first name or a bare surname (matchPerson): the others are left in SQLite,
    // which for a common surname was most of the cost of a lookup (one JavaScript object per row).
    this.#personsFirst = db.prepare<[string, string], PersonRow>(`SELECT id, merged_into, first_key, title FROM speakers
      WHERE surname_key = ? AND kind = 'person' AND home_source_id IS NULL AND (first_key = ? OR first_key IS NULL)
      ORDER BY id`)
    this.#organization = db.prepare<[string], { id: number, merged_into: number | null }>(`SELECT id, merged_into
      FROM speakers WHERE name_key = ? AND kind = 'organization' AND home_source_id IS NULL ORDER BY id LIMIT 1`)
    this.#slugs = new Slugs(db)
    this.#insert = db.prepare(`INSERT INTO speakers (slug, name, kind, title, name_key, first_key, surname_key, home_source_id)
      VALUES (@slug, @name, @kind, @title, @name_key, @first_key, @surname_key, @home_source_id)`)
    this.#setTitle = db.prepare('UPDATE speakers SET title = ? WHERE id = ? AND title IS NULL')
    this.#upgradeName = db.prepare(`UPDATE speakers SET name = ?, name_key = ?, first_key = ?
      WHERE id = ? AND first_key IS NULL`)
    this.#splits = db.prepare<[number], { alias_key: string, into_id: number }>(
      'SELECT alias_key, into_id FROM speaker_splits WHERE speaker_id = ?')
    this.#mergedInto = db.prepare<[number], number | null>('SELECT merged_into FROM speakers WHERE id = ?').pluck()
    this.#insertAlias = db.prepare('INSERT OR IGNORE INTO speaker_aliases (speaker_id, alias, source_id) VALUES (?, ?, ?)')
    this.#insertTitle = db.prepare('INSERT OR IGNORE INTO speaker_titles (speaker_id, title, source_id) VALUES (?, ?, ?)')
    this.#insertToken = db.prepare('INSERT OR IGNORE INTO speaker_tokens (token, speaker_id) VALUES (?, ?)')
    // Words of speakers that belong to one article stay out of the shared speakers' lookups (migration 004).
    this.#insertLocalToken = db.prepare('INSERT OR IGNORE INTO local_speaker_tokens (token, speaker_id) VALUES (?, ?)')
  }

  /** The stored speaker's id; records the names and title this article uses for it. */
  resolve (speaker: ExtractedSpeaker, sourceId: number): number {
    const id = this.#applySplits(this.#find(speaker, sourceId), speaker)
    const names = speaker.name === null ? speaker.aliases : [speaker.name, ...speaker.aliases]
    const insertToken = belongsToArticle(speaker) ? this.#insertLocalToken : this.#insertToken
    for (const name of new Set(names)) {
      this.#insertAlias.run(id, name, sourceId)
      for (const token of nameTokens(name)) insertToken.run(token, id)
    }
    if (speaker.title !== null) this.#insertTitle.run(id, speaker.title, sourceId)
    return id
  }

  #find (speaker: ExtractedSpeaker, sourceId: number): number {
    const name = speaker.name
    if (name === null || belongsToArticle(speaker)) return this.#create(speaker, sourceId)
    if (speaker.kind === 'organization') {
      const row = this.#organization.get(nameKey(name))
      return row ? (row.merged_into ?? row.id) : this.#create(speaker, null)
    }
    const person = personName(name)
    if (person === null) return this.#create(speaker, null)
    const rows = person.first === null ? this.#persons.all(person.surname) : this.#personsFirst.all(person.surname, person.first)
    const known: KnownPerson[] = rows.map((row) => ({
      id: row.id, survivor: row.merged_into ?? row.id, first: row.first_key, title: row.title,
    }))
    const match = matchPerson({ ...person, title: speaker.title }, known)
    if (match === null) return this.#create(speaker, null)
    if (speaker.title !== null) this.#setTitle.run(speaker.title, match)
    // "Trump" known, "Donald Trump" now: the speaker gets the full name (its slug stays).
    if (person.first !== null) this.#upgradeName.run(name, nameKey(name), person.first, match)
    return match
  }

  #create (speaker: ExtractedSpeaker, homeSourceId: number | null): number {
    const person = speaker.kind === 'person' && speaker.name !== null ? personName(speaker.name) : null
    return Number(this.#insert.run({
      slug: homeSourceId === null && speaker.name !== null ? this.#slugs.unique(speaker.name) : null,
      name: speaker.name,
      kind: speaker.kind,
      title: speaker.title,
      name_key: speaker.name === null ? null : nameKey(speaker.name),
      first_key: person?.first ?? null,
      surname_key: person?.surname ?? null,
      home_source_id: homeSourceId,
    }).lastInsertRowid)
  }


  // A name split off this speaker by hand goes where the split sent it.
  #applySplits (id: number, speaker: ExtractedSpeaker): number {
    const splits = this.#splits.all(id)
    if (splits.length === 0) return id
    const keys = new Set([speaker.name, ...speaker.aliases].filter((n): n is string => n !== null).map(nameKey))
    const split = splits.find((s) => keys.has(s.alias_key))
    if (!split) return id
    return this.#mergedInto.get(split.into_id) ?? split.into_id
  }
}
