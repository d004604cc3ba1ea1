// Corrections by hand: merging two speakers, splitting a name off a speaker, and attributing one
// quote to another speaker. Each leaves a record that re-extraction honours (a redirect, a split
// rule, a quote correction), so the correction survives a new extractor version.
import { nameEnding, nameKey, personName } from '../identity/names.js'
import { bareName } from '../identity/titles.js'
import type { Database } from './database.js'
import { Slugs } from './slugs.js'
import { ConflictError, NotFoundError } from './errors.js'
import { SpeakerRollups } from './speaker-rollups.js'

/** What a correction needs to know of a speaker (both stores read these columns). */
export interface SpeakerRow {
  id: number
  name: string | null
  kind: string
  merged_into: number | null
  home_source_id: number | null
}

export class Corrections {
  readonly #rollups: SpeakerRollups
  readonly #speaker
  readonly #moveQuotes
  readonly #copyAliases
  readonly #dropAliases
  readonly #copyTitles
  readonly #dropTitles
  readonly #moveCorrections
  readonly #moveSplitTargets
  readonly #copySplits
  readonly #redirectMerged
  readonly #setMerged
  readonly #aliases
  readonly #slugs: Slugs
  readonly #insertSpeaker
  readonly #moveQuotesOfSource
  readonly #moveAliasesOfSource
  readonly #moveTitlesOfSource
  readonly #recordSplit
  readonly #quote
  readonly #setQuoteSpeaker
  readonly #recordCorrection

  /** Moves everything of one speaker to another, which answers for both from now on. */
  readonly merge: (id: number, into: number) => number
  /** Moves the articles where a speaker went by `alias` to a new speaker; returns its id. */
  readonly split: (id: number, alias: string) => number
  /** Attributes one quote to another speaker. */
  readonly correctQuote: (quoteId: number, speakerId: number) => void

  constructor (db: Database) {
    this.#rollups = new SpeakerRollups(db)
    this.#speaker = db.prepare<[number], SpeakerRow>(
      'SELECT id, name, kind, merged_into, home_source_id FROM speakers WHERE id = ?')
    this.#moveQuotes = db.prepare('UPDATE quotes SET speaker_id = ? WHERE speaker_id = ?')
    this.#copyAliases = db.prepare(`INSERT OR IGNORE INTO speaker_aliases (speaker_id, alias, source_id)
      SELECT ?, alias, source_id FROM speaker_aliases WHERE speaker_id = ?`)
    this.#dropAliases = db.prepare('DELETE FROM speaker_aliases WHERE speaker_id = ?')
    this.#copyTitles = db.prepare(`INSERT OR IGNORE INTO speaker_titles (speaker_id, title, source_id)
      SELECT ?, title, source_id FROM speaker_titles WHERE speaker_id = ?`)
    this.#dropTitles = db.prepare('DELETE FROM speaker_titles WHERE speaker_id = ?')
    this.#moveCorrections = db.prepare('UPDATE quote_corrections SET speaker_id = ? WHERE speaker_id = ?')
    this.#moveSplitTargets = db.prepare('UPDATE speaker_splits SET into_id = ? WHERE into_id = ?')
    this.#copySplits = db.prepare(`INSERT OR IGNORE INTO speaker_splits (speaker_id, alias_key, into_id)
      SELECT ?, alias_key, into_id FROM speaker_splits WHERE speaker_id = ?`)
    this.#redirectMerged = db.prepare('UPDATE speakers SET merged_into = ? WHERE merged_into = ?')
    this.#setMerged = db.prepare('UPDATE speakers SET merged_into = ? WHERE id = ?')
    this.#aliases = db.prepare<[number], { alias: string, source_id: number }>(
      'SELECT alias, source_id FROM speaker_aliases WHERE speaker_id = ?')
    this.#slugs = new Slugs(db)
    this.#insertSpeaker = db.prepare(`INSERT INTO speakers (slug, name, kind, name_key, ending_key, first_key, surname_key, home_source_id)
      VALUES (@slug, @name, @kind, @name_key, @ending_key, @first_key, @surname_key, @home_source_id)`)
    this.#moveQuotesOfSource = db.prepare('UPDATE quotes SET speaker_id = ? WHERE speaker_id = ? AND source_id = ?')
    this.#moveAliasesOfSource = db.prepare('UPDATE OR IGNORE speaker_aliases SET speaker_id = ? WHERE speaker_id = ? AND source_id = ?')
    this.#moveTitlesOfSource = db.prepare('UPDATE OR IGNORE speaker_titles SET speaker_id = ? WHERE speaker_id = ? AND source_id = ?')
    this.#recordSplit = db.prepare(`INSERT INTO speaker_splits (speaker_id, alias_key, into_id) VALUES (?, ?, ?)
      ON CONFLICT (speaker_id, alias_key) DO UPDATE SET into_id = excluded.into_id`)
    this.#quote = db.prepare<[number], { id: number, source_id: number, speaker_id: number | null, text: string }>(
      'SELECT id, source_id, speaker_id, text FROM quotes WHERE id = ?')
    this.#setQuoteSpeaker = db.prepare(`UPDATE quotes SET speaker_id = ?, corrected = 1, resolved_by = 'manual'
      WHERE id = ?`)
    this.#recordCorrection = db.prepare(`INSERT INTO quote_corrections (source_id, text, speaker_id, corrected_at)
      VALUES (?, ?, ?, ?) ON CONFLICT (source_id, text) DO UPDATE SET speaker_id = excluded.speaker_id,
      corrected_at = excluded.corrected_at`)

    this.merge = db.transaction((id, into) => this.#merge(id, into))
    this.split = db.transaction((id, alias) => this.#split(id, alias))
    this.correctQuote = db.transaction((quoteId, speakerId) => this.#correctQuote(quoteId, speakerId))
  }

  /** A speaker that is stored and not merged away. */
  #live (id: number, what: string): SpeakerRow {
    const speaker = this.#speaker.get(id)
    if (!speaker) throw new NotFoundError(`${what} ${id} not found`)
    if (speaker.merged_into !== null) {
      throw new ConflictError(`${what} ${id} was merged into speaker ${speaker.merged_into}; use that one`)
    }
    return speaker
  }

  #merge (id: number, into: number): number {
    if (id === into) throw new ConflictError('a speaker cannot be merged into itself')
    this.#live(id, 'speaker')
    const target = this.#live(into, 'speaker')
    if (target.home_source_id !== null) {
      throw new ConflictError(`speaker ${into} belongs to one article (source ${target.home_source_id}); merge it into a named speaker instead`)
    }
    this.#moveQuotes.run(into, id)
    this.#copyAliases.run(into, id)
    this.#dropAliases.run(id)
    this.#copyTitles.run(into, id)
    this.#dropTitles.run(id)
    this.#moveCorrections.run(into, id)
    this.#moveSplitTargets.run(into, id)
    this.#copySplits.run(into, id)
    this.#redirectMerged.run(into, id)
    this.#setMerged.run(into, id)
    this.#rollups.recount([id, into])
    return into
  }

  #split (id: number, alias: string): number {
    const speaker = this.#live(id, 'speaker')
    const key = nameKey(alias)
    const rows = this.#aliases.all(id).filter((row) => nameKey(row.alias) === key)
    if (key === '' || rows.length === 0) throw new ConflictError(`speaker ${id} has no alias "${alias}"`)
    // A person split off as "Cllr Hale" is named Hale, as the resolver would name them.
    const name = speaker.kind === 'person' ? bareName(rows[0]!.alias) : rows[0]!.alias
    const person = speaker.kind === 'person' ? personName(name) : null
    const newId = Number(this.#insertSpeaker.run({
      slug: speaker.home_source_id === null ? this.#slugs.unique(name) : null,
      name,
      kind: speaker.kind,
      name_key: nameKey(name),
      ending_key: nameEnding(nameKey(name)),
      first_key: person?.first ?? null,
      surname_key: person?.surname ?? null,
      home_source_id: speaker.home_source_id,
    }).lastInsertRowid)
    for (const sourceId of new Set(rows.map((row) => row.source_id))) {
      this.#moveQuotesOfSource.run(newId, id, sourceId)
      this.#moveAliasesOfSource.run(newId, id, sourceId)
      this.#moveTitlesOfSource.run(newId, id, sourceId)
    }
    this.#recordSplit.run(id, key, newId)
    this.#rollups.recount([id, newId])
    return newId
  }

  #correctQuote (quoteId: number, speakerId: number): void {
    const quote = this.#quote.get(quoteId)
    if (!quote) throw new NotFoundError(`quote ${quoteId} not found`)
    this.#live(speakerId, 'speaker')
    this.#setQuoteSpeaker.run(speakerId, quoteId)
    this.#recordCorrection.run(quote.source_id, quote.text, speakerId, new Date().toISOString())
    this.#rollups.recount(quote.speaker_id === null ? [speakerId] : [quote.speaker_id, speakerId])
  }
}
