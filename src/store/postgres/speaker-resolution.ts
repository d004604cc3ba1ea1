// Finds or creates the stored speaker for each speaker of an article on PostgreSQL: the rules of
// ../speaker-resolution.ts (docs/speaker-identity.md), step for step, with its pure helpers. Runs inside a write
// transaction, which holds the write lock: no other instance inserts a speaker between a lookup and the insert.
import type { ExtractedSpeaker } from '../../extract/types.js'
import { matchPerson, type KnownPerson } from '../../identity/match.js'
import { articleSurnames, nameEnding, nameKey, nameTokens, type PersonName, personName } from '../../identity/names.js'
import { organizationKey, organizationVariants, splitTitle } from '../../identity/titles.js'
import { belongsToArticle, namesOf, titlesFitNone, toStored, type StoredSpeaker } from '../speaker-resolution.js'
import type { Sql } from './connection.js'
import { keepOldSlug, mergeSpeakers, uniqueSlug } from './speaker-writes.js'

interface PersonRow {
  id: number
  merged_into: number | null
  first_key: string | null
}

/** Rows written once the article's speakers are all resolved: no lookup of the resolution reads them. */
interface Deferred {
  /** Name words: read by the lists only. */
  tokens: Array<{ local: boolean, id: number, tokens: string[] }>
  /** Names and titles of speakers that belong to the article: never candidates of a lookup. */
  aliases: Array<{ id: number, alias: string }>
  titles: Array<{ id: number, title: string }>
}

export class PgSpeakerResolver {
  /** Speakers merged into another by #absorbSurname, to their survivor. */
  readonly #absorbed = new Map<number, number>()
  #deferred: Deferred = { tokens: [], aliases: [], titles: [] }
  /** Whether any split by hand exists: almost never, and then no speaker needs its splits looked up. */
  #anySplit = true
  /** The names of the article's people, for a lone first name (#kin). */
  #articleNames: Array<string | null> = []

  constructor (private readonly sql: Sql) {}

  async resolveAll (speakers: readonly ExtractedSpeaker[], sourceId: number): Promise<number[]> {
    this.#absorbed.clear()
    this.#deferred = { tokens: [], aliases: [], titles: [] }
    this.#anySplit = (await this.sql.query('SELECT 1 FROM speaker_splits LIMIT 1')).rows.length > 0
    this.#articleNames = speakers.filter((s) => s.kind === 'person').map((s) => toStored(s).name)
    const ids: number[] = []
    for (const speaker of speakers) ids.push(await this.#resolve(speaker, sourceId))
    await this.#writeDeferred(sourceId)
    return this.#absorbed.size === 0 ? ids : ids.map((id) => this.#absorbed.get(id) ?? id)
  }

  /** One statement per table for what #resolve deferred (a round trip each instead of one per speaker). */
  async #writeDeferred (sourceId: number): Promise<void> {
    const { aliases, titles } = this.#deferred
    // A speaker merged away meanwhile (#absorbSurname) has its names on the survivor now, and so its words.
    const tokens = this.#deferred.tokens.map((t) => ({ ...t, id: this.#absorbed.get(t.id) ?? t.id }))
    if (aliases.length > 0) {
      await this.sql.query(`INSERT INTO speaker_aliases (speaker_id, alias, source_id)
        SELECT id, alias, $3::bigint FROM unnest($1::bigint[], $2::text[]) AS v(id, alias) ON CONFLICT DO NOTHING`,
      [aliases.map((a) => a.id), aliases.map((a) => a.alias), sourceId])
    }
    if (titles.length > 0) {
      await this.sql.query(`INSERT INTO speaker_titles (speaker_id, title, source_id)
        SELECT id, title, $3::bigint FROM unnest($1::bigint[], $2::text[]) AS v(id, title) ON CONFLICT DO NOTHING`,
      [titles.map((t) => t.id), titles.map((t) => t.title), sourceId])
    }
    for (const local of [false, true]) {
      const rows = tokens.filter((t) => t.local === local).flatMap((t) => t.tokens.map((token) => [t.id, token] as const))
      if (rows.length === 0) continue
      // The pure rows of insertTokens, for many speakers at once.
      await this.sql.query(`INSERT INTO ${local ? 'local_speaker_tokens' : 'speaker_tokens'} (speaker_id, token)
        SELECT DISTINCT id, token FROM unnest($1::bigint[], $2::text[]) AS v(id, token) ON CONFLICT DO NOTHING`,
      [rows.map((r) => r[0]), rows.map((r) => r[1])])
    }
  }

  async #resolve (speaker: ExtractedSpeaker, sourceId: number): Promise<number> {
    const stored = toStored(speaker)
    const id = await this.#applySplits(await this.#find(stored, sourceId, speaker), speaker)
    const local = belongsToArticle(stored)
    const names = [...new Set(namesOf(speaker))]
    if (names.length > 0) {
      // A shared speaker's names are read by later lookups of this article (#titlesOf): written now.
      if (local) for (const alias of names) this.#deferred.aliases.push({ id, alias })
      else {
        await this.sql.query(`INSERT INTO speaker_aliases (speaker_id, alias, source_id)
          SELECT $1::bigint, unnest($2::text[]), $3::bigint ON CONFLICT DO NOTHING`, [id, names, sourceId])
      }
      const tokens = [...new Set(names.flatMap((name) => nameTokens(name)))]
      if (tokens.length > 0) this.#deferred.tokens.push({ local, id, tokens })
    }
    if (stored.title !== null) {
      if (local) this.#deferred.titles.push({ id, title: stored.title })
      else {
        await this.sql.query('INSERT INTO speaker_titles (speaker_id, title, source_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
          [id, stored.title, sourceId])
        await this.sql.query(`UPDATE speakers SET title = coalesce((SELECT title FROM speaker_titles
          WHERE speaker_id = $1 GROUP BY title ORDER BY count(*) DESC, max(source_id) DESC LIMIT 1), title)
          WHERE id = $1 AND title IS DISTINCT FROM $2`, [id, stored.title])
      }
    }
    return id
  }

  async #find (speaker: StoredSpeaker, sourceId: number, given: ExtractedSpeaker): Promise<number> {
    const name = speaker.name
    if (name === null || belongsToArticle(speaker)) return await this.#create(speaker, sourceId)
    if (speaker.kind === 'organization') {
      const key = organizationKey(name)
      const row = (await this.sql.query<{ id: number, merged_into: number | null }>(`SELECT id, merged_into FROM speakers
        WHERE name_key = $1 AND kind = 'organization' AND home_source_id IS NULL ORDER BY id LIMIT 1`, [key])).rows[0]
      if (row) return row.merged_into ?? row.id
      // "Prairie Central" and "Prairie Central Railroad": one company, when only one stored name fits.
      const variants = organizationVariants(key)
      const rows = variants.length === 0 ? [] : (await this.sql.query<{ id: number, merged_into: number | null }>(`SELECT id, merged_into
        FROM speakers WHERE name_key = ANY($1::text[]) AND kind = 'organization' AND home_source_id IS NULL`, [variants])).rows
      const survivors = [...new Set(rows.map((r) => r.merged_into ?? r.id))]
      return survivors.length === 1 ? survivors[0]! : await this.#create(speaker, null)
    }
    const person = personName(name)
    if (person === null) return await this.#create(speaker, null)
    const rows = person.first === null
      ? (await this.sql.query<PersonRow>(`SELECT id, merged_into, first_key FROM speakers
          WHERE surname_key = $1 AND kind = 'person' AND home_source_id IS NULL ORDER BY id`, [person.surname])).rows
      : (await this.sql.query<PersonRow>(`SELECT id, merged_into, first_key FROM speakers
          WHERE surname_key = $1 AND first_key = $2 AND kind = 'person' AND home_source_id IS NULL
          UNION ALL SELECT id, merged_into, first_key FROM speakers
          WHERE surname_key = $1 AND first_key IS NULL AND kind = 'person' AND home_source_id IS NULL
          ORDER BY id`, [person.surname, person.first])).rows
    const sameFirst = person.first === null ? undefined : rows.find((row) => row.first_key === person.first)
    if (sameFirst) {
      const id = sameFirst.merged_into ?? sameFirst.id
      if (speaker.title !== null && person.first !== null) {
        await this.#absorbSurname(id, rows, { first: person.first, surname: person.surname }, speaker.title)
      }
      return id
    }
    const longer = person.first === null ? null : await this.#sameNameEnding(name, person.surname, speaker.title)
    if (longer !== null) return longer
    const known: KnownPerson[] = []
    for (const row of rows) {
      known.push({
        id: row.id, survivor: row.merged_into ?? row.id, first: row.first_key,
        titles: speaker.title === null && person.first === null ? [] : await this.#titlesOf(row.id),
      })
    }
    const otherFirstNames = person.first !== null && known.length > 0 && await this.#otherFirstName(person.surname, person.first)
    const match = matchPerson({ ...person, title: speaker.title }, known, otherFirstNames) ?? await this.#splitAmong(known, given) ??
      (person.first === null ? await this.#kin(person.surname) : null)
    if (match === null) return await this.#create(speaker, null)
    if (person.first !== null) await this.#takeOver(match, name, person.first)
    return match
  }

  /** As the SQLite store's #kin: "Leif" in an article about Margit Halvorsen is the one known Leif Halvorsen. */
  async #kin (word: string): Promise<number | null> {
    const surnames = articleSurnames(this.#articleNames, word)
    if (surnames.length === 0) return null
    const rows = (await this.sql.query<{ id: number, merged_into: number | null }>(`SELECT id, merged_into FROM speakers
      WHERE surname_key = ANY($1::text[]) AND first_key = $2 AND kind = 'person' AND home_source_id IS NULL`, [surnames, word])).rows
    const survivors = new Set(rows.map((row) => row.merged_into ?? row.id))
    return survivors.size === 1 ? [...survivors][0]! : null
  }

  async #otherFirstName (surname: string, first: string): Promise<boolean> {
    return (await this.sql.query(`SELECT 1 FROM speakers WHERE surname_key = $1 AND kind = 'person' AND home_source_id IS NULL
      AND first_key IS NOT NULL AND first_key <> $2 LIMIT 1`, [surname, first])).rows.length > 0
  }

  async #absorbSurname (id: number, rows: PersonRow[], person: PersonName & { first: string }, title: string): Promise<void> {
    const bare = rows.filter((row) => row.first_key === null && (row.merged_into ?? row.id) !== id)
    if (bare.length === 0 || await this.#otherFirstName(person.surname, person.first)) return
    const survivors = new Set(bare.map((row) => row.merged_into ?? row.id))
    if (survivors.size !== 1) return
    const [other] = survivors
    const known: KnownPerson = { id: other!, survivor: other!, first: null, titles: await this.#titlesOf(other!) }
    if (matchPerson({ ...person, first: null, title }, [known]) !== other || known.titles.length === 0) return
    await mergeSpeakers(this.sql, other!, id)
    this.#absorbed.set(other!, id)
  }

  async #titlesOf (id: number): Promise<string[]> {
    const titles = new Set<string>()
    const { rows } = await this.sql.query<{ title: string | null, alias: string | null }>(`
      SELECT title, NULL AS alias FROM speakers WHERE id = $1 AND title IS NOT NULL
      UNION SELECT title, NULL FROM speaker_titles WHERE speaker_id = $1
      UNION SELECT NULL, alias FROM speaker_aliases WHERE speaker_id = $1`, [id])
    for (const row of rows) {
      const title = row.title ?? (row.alias === null ? null : splitTitle(row.alias).title)
      if (title !== null) titles.add(title)
    }
    return [...titles]
  }

  async #takeOver (id: number, name: string, first: string): Promise<void> {
    const current = (await this.sql.query<{ slug: string | null, first_key: string | null }>(
      'SELECT slug, first_key FROM speakers WHERE id = $1', [id])).rows[0]
    if (!current || current.first_key !== null) return
    const key = nameKey(name)
    await this.sql.query('UPDATE speakers SET name = $1, name_key = $2, ending_key = $3, first_key = $4, slug = $5 WHERE id = $6',
      [name, key, nameEnding(key), first, await uniqueSlug(this.sql, name), id])
    if (current.slug !== null) await keepOldSlug(this.sql, current.slug, id)
  }

  async #create (speaker: StoredSpeaker, homeSourceId: number | null): Promise<number> {
    const person = speaker.kind === 'person' && speaker.name !== null ? personName(speaker.name) : null
    const slug = homeSourceId === null && speaker.name !== null ? await uniqueSlug(this.sql, speaker.name) : null
    const key = speaker.name === null ? null : speaker.kind === 'organization' ? organizationKey(speaker.name) : nameKey(speaker.name)
    return (await this.sql.query<{ id: number }>(`INSERT INTO speakers
      (slug, name, kind, title, name_key, ending_key, first_key, surname_key, home_source_id)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`, [
      slug, speaker.name, speaker.kind, speaker.title, key, key === null ? null : nameEnding(key),
      person?.first ?? null, person?.surname ?? null, homeSourceId,
    ])).rows[0]!.id
  }

  async #sameNameEnding (name: string, surname: string, title: string | null): Promise<number | null> {
    const key = nameKey(name)
    if (!key.includes(' ')) return null
    // Names that end the new one, or that it ends, share its last two words (ending_key).
    const { rows } = await this.sql.query<{ id: number, merged_into: number | null }>(`SELECT id, merged_into FROM speakers
      WHERE ending_key = $4 AND kind = 'person' AND home_source_id IS NULL AND surname_key = $1 AND name_key <> $2
      AND (name_key LIKE '% ' || $2 OR $3 LIKE '% ' || name_key)`, [surname, key, ` ${key}`, nameEnding(key)])
    const survivors = new Set(rows.map((row) => row.merged_into ?? row.id))
    if (survivors.size !== 1) return null
    const [survivor] = survivors
    if (title !== null && titlesFitNone(await this.#titlesOf(survivor!), title)) return null
    return survivor!
  }

  async #mergedInto (id: number): Promise<number | null> {
    return (await this.sql.query<{ merged_into: number | null }>('SELECT merged_into FROM speakers WHERE id = $1', [id])).rows[0]?.merged_into ?? null
  }

  async #splitAmong (known: KnownPerson[], speaker: ExtractedSpeaker): Promise<number | null> {
    if (known.length === 0 || !this.#anySplit) return null
    const survivors = new Set(known.map((candidate) => candidate.survivor))
    for (const key of new Set(namesOf(speaker).map(nameKey))) {
      const { rows } = await this.sql.query<{ speaker_id: number, into_id: number }>(
        'SELECT speaker_id, into_id FROM speaker_splits WHERE alias_key = $1', [key])
      for (const split of rows) {
        if (survivors.has(await this.#mergedInto(split.speaker_id) ?? split.speaker_id)) {
          return await this.#mergedInto(split.into_id) ?? split.into_id
        }
      }
    }
    return null
  }

  async #applySplits (id: number, speaker: ExtractedSpeaker): Promise<number> {
    if (!this.#anySplit) return id
    const { rows } = await this.sql.query<{ alias_key: string, into_id: number }>(
      'SELECT alias_key, into_id FROM speaker_splits WHERE speaker_id = $1', [id])
    if (rows.length === 0) return id
    const keys = new Set(namesOf(speaker).map(nameKey))
    const split = rows.find((s) => keys.has(s.alias_key))
    if (!split) return id
    return await this.#mergedInto(split.into_id) ?? split.into_id
  }
}
