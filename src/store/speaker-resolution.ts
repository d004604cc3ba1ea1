// Finds or creates the stored speaker for each speaker of a newly extracted article, inside the
// ingest transaction: named people by the matching rules of src/identity, named organisations
// by name, and speakers that belong to one article (unnamed, groups, role-only organisations) always new.
// Manual merges (redirects) and splits are applied here so they survive re-extraction.
// Names are compared without a title left before them ("Councillor Margaret Hale" is Margaret Hale, title
// Councillor), whichever extractor wrote them; docs/speaker-identity.md gives the rules with examples.
import type { ExtractedSpeaker, SpeakerKind } from '../extract/types.js'
import { matchPerson, type KnownPerson } from '../identity/match.js'
import { articleSurnames, isRoleOnly, nameEnding, nameKey, nameTokens, personName, type PersonName } from '../identity/names.js'
import { isGroupName, organizationKey, organizationVariants, spelledOut, splitTitle, titledPerson, titlesAgree, usableTitle } from '../identity/titles.js'
import { Corrections } from './corrections.js'
import type { Database } from './database.js'
import { Slugs } from './slugs.js'

interface PersonRow {
  id: number
  merged_into: number | null
  first_key: string | null
}

/** A speaker of the article as the store keys it: a person's name without its title, a title that is a role. */
export interface StoredSpeaker {
  name: string | null
  kind: SpeakerKind
  title: string | null
}

export function toStored (speaker: ExtractedSpeaker): StoredSpeaker {
  const title = usableTitle(speaker.title)
  if (speaker.name === null) return { name: null, kind: speaker.kind, title }
  // "Campaigners said" speaks for a group of people, whatever kind it was handed as.
  if (speaker.kind === 'person' && isGroupName(speaker.name)) return { name: speaker.name, kind: 'group', title }
  // "Council Member Hana Takahashi" is a person whose title names a body, not the body.
  const titled = speaker.kind === 'person' ? splitTitle(speaker.name)
    : speaker.kind === 'organization' ? titledPerson(speaker.name) : null
  if (titled === null) return { name: speaker.name, kind: speaker.kind, title }
  const nameTitle = usableTitle(titled.title)
  return { name: titled.name, kind: 'person', title: title ?? (nameTitle === null ? null : spelledOut(nameTitle)) }
}

/** Every known title clashes with this one (none agrees, none is undecided). */
export function titlesFitNone (titles: string[], title: string): boolean {
  return titles.length > 0 && titles.every((known) => titlesAgree(known, title) === false)
}

export function namesOf (speaker: ExtractedSpeaker): string[] {
  return speaker.name === null ? speaker.aliases : [speaker.name, ...speaker.aliases]
}

/** Unnamed speakers, groups and organisations named by their role are never shared between articles. */
export function belongsToArticle (speaker: StoredSpeaker): boolean {
  return speaker.name === null || speaker.kind === 'unnamed' || speaker.kind === 'group' ||
    (speaker.kind === 'organization' && isRoleOnly(speaker.name))
}

export class SpeakerResolver {
  readonly #persons
  readonly #personsFirst
  readonly #otherFirstName
  readonly #nameEndings
  readonly #organization
  readonly #organizationVariants
  readonly #firstNameOf
  /** The names of the article's people, for a lone first name (#kin). */
  #articleNames: Array<string | null> = []
  readonly #slugs: Slugs
  readonly #insert
  readonly #refreshTitle
  readonly #corrections: Corrections
  /** Speakers merged into another by #absorbSurname, to their survivor. */
  readonly #absorbed = new Map<number, number>()
  readonly #roles
  readonly #upgradeName
  readonly #nameOf
  readonly #splits
  readonly #mergedInto
  readonly #splitsByAlias
  readonly #insertAlias
  readonly #insertTitle
  readonly #insertToken
  readonly #insertLocalToken

  constructor (db: Database) {
    this.#persons = db.prepare<[string], PersonRow>(`SELECT id, merged_into, first_key FROM speakers
      WHERE surname_key = ? AND kind = 'person' AND home_source_id IS NULL ORDER BY id`)
    // A full name can only match the same first name or a bare surname (matchPerson): the others are left in SQLite,
    // which for a common surname was most of the cost of a lookup (one JavaScript object per row).
    this.#personsFirst = db.prepare<{ surname: string, first: string }, PersonRow>(`SELECT id, merged_into, first_key FROM speakers
      WHERE surname_key = @surname AND first_key = @first AND kind = 'person' AND home_source_id IS NULL
      UNION ALL SELECT id, merged_into, first_key FROM speakers
      WHERE surname_key = @surname AND first_key IS NULL AND kind = 'person' AND home_source_id IS NULL
      ORDER BY id`)
    this.#otherFirstName = db.prepare<[string, string], number>(`SELECT 1 FROM speakers
      WHERE surname_key = ? AND kind = 'person' AND home_source_id IS NULL AND first_key IS NOT NULL AND first_key <> ?
      LIMIT 1`).pluck()
    // Names of two words or more that end the new name, or that the new name ends: they share its last two words.
    this.#nameEndings = db.prepare<{ ending: string, surname: string, key: string, spaced: string }, { id: number, merged_into: number | null }>(
      `SELECT id, merged_into FROM speakers WHERE ending_key = @ending AND kind = 'person' AND home_source_id IS NULL
       AND +surname_key = @surname AND name_key <> @key AND (name_key LIKE '% ' || @key OR @spaced LIKE '% ' || name_key)`)
    this.#organization = db.prepare<[string], { id: number, merged_into: number | null }>(`SELECT id, merged_into
      FROM speakers WHERE name_key = ? AND kind = 'organization' AND home_source_id IS NULL ORDER BY id LIMIT 1`)
    this.#organizationVariants = db.prepare<[string], { id: number, merged_into: number | null }>(`SELECT id, merged_into
      FROM speakers WHERE name_key IN (SELECT value FROM json_each(?)) AND kind = 'organization' AND home_source_id IS NULL`)
    this.#firstNameOf = db.prepare<[string, string], { id: number, merged_into: number | null }>(`SELECT id, merged_into FROM speakers
      WHERE surname_key IN (SELECT value FROM json_each(?)) AND first_key = ? AND kind = 'person' AND home_source_id IS NULL`)
    this.#slugs = new Slugs(db)
    this.#corrections = new Corrections(db)
    this.#insert = db.prepare(`INSERT INTO speakers (slug, name, kind, title, name_key, ending_key, first_key, surname_key, home_source_id)
      VALUES (@slug, @name, @kind, @title, @name_key, @ending_key, @first_key, @surname_key, @home_source_id)`)
    // The title shown is the one the articles give most often, the most recently stored of those first.
    // One more of the title shown keeps it first: only another title can change it.
    this.#refreshTitle = db.prepare(`UPDATE speakers SET title = coalesce((SELECT title FROM speaker_titles
      WHERE speaker_id = @id GROUP BY title ORDER BY count(*) DESC, max(source_id) DESC LIMIT 1), title)
      WHERE id = @id AND title IS NOT @title`)
    // What the articles said of a known person's roles: its titles, and the names they wrote with one ("Cllr Hale").
    this.#roles = db.prepare<{ id: number }, { title: string | null, alias: string | null }>(`
      SELECT title, NULL AS alias FROM speakers WHERE id = @id AND title IS NOT NULL
      UNION SELECT title, NULL FROM speaker_titles WHERE speaker_id = @id
      UNION SELECT NULL, alias FROM speaker_aliases WHERE speaker_id = @id`)
    this.#upgradeName = db.prepare('UPDATE speakers SET name = ?, name_key = ?, ending_key = ?, first_key = ?, slug = ? WHERE id = ?')
    this.#nameOf = db.prepare<[number], { slug: string | null, first_key: string | null }>(
      'SELECT slug, first_key FROM speakers WHERE id = ?')
    this.#splits = db.prepare<[number], { alias_key: string, into_id: number }>(
      'SELECT alias_key, into_id FROM speaker_splits WHERE speaker_id = ?')
    this.#splitsByAlias = db.prepare<[string], { speaker_id: number, into_id: number }>(
      'SELECT speaker_id, into_id FROM speaker_splits WHERE alias_key = ?')
    this.#mergedInto = db.prepare<[number], number | null>('SELECT merged_into FROM speakers WHERE id = ?').pluck()
    this.#insertAlias = db.prepare('INSERT OR IGNORE INTO speaker_aliases (speaker_id, alias, source_id) VALUES (?, ?, ?)')
    this.#insertTitle = db.prepare('INSERT OR IGNORE INTO speaker_titles (speaker_id, title, source_id) VALUES (?, ?, ?)')
    this.#insertToken = db.prepare('INSERT OR IGNORE INTO speaker_tokens (token, speaker_id) VALUES (?, ?)')
    // Words of speakers that belong to one article stay out of the shared speakers' lookups (migration 004).
    this.#insertLocalToken = db.prepare('INSERT OR IGNORE INTO local_speaker_tokens (token, speaker_id) VALUES (?, ?)')
  }

  /** The stored speakers of an article's speakers, in order; records the names and titles the article uses. */
  resolveAll (speakers: readonly ExtractedSpeaker[], sourceId: number): number[] {
    this.#absorbed.clear()
    this.#articleNames = speakers.filter((s) => s.kind === 'person').map((s) => toStored(s).name)
    const ids = speakers.map((speaker) => this.#resolve(speaker, sourceId))
    // A later speaker of the article may have shown an earlier one to be someone known (#absorbSurname).
    return this.#absorbed.size === 0 ? ids : ids.map((id) => this.#absorbed.get(id) ?? id)
  }

  /** The stored speaker's id; records the names and title this article uses for it. */
  #resolve (speaker: ExtractedSpeaker, sourceId: number): number {
    const stored = toStored(speaker)
    const id = this.#applySplits(this.#find(stored, sourceId, speaker), speaker)
    // Names as the article gives them ("Cllr Hale"): they explain the merge, and their words find the speaker.
    const names = namesOf(speaker)
    const local = belongsToArticle(stored)
    const insertToken = local ? this.#insertLocalToken : this.#insertToken
    // Each word once: the article's names of one speaker share most of theirs ("Margaret Hale", "Hale").
    const tokens = new Set<string>()
    for (const name of new Set(names)) {
      this.#insertAlias.run(id, name, sourceId)
      for (const token of nameTokens(name)) tokens.add(token)
    }
    for (const token of tokens) insertToken.run(token, id)
    if (stored.title !== null) {
      this.#insertTitle.run(id, stored.title, sourceId)
      if (!local) this.#refreshTitle.run({ id, title: stored.title })
    }
    return id
  }

  #find (speaker: StoredSpeaker, sourceId: number, given: ExtractedSpeaker): number {
    const name = speaker.name
    if (name === null || belongsToArticle(speaker)) return this.#create(speaker, sourceId)
    if (speaker.kind === 'organization') {
      const key = organizationKey(name)
      const row = this.#organization.get(key)
      if (row) return row.merged_into ?? row.id
      // "Prairie Central" and "Prairie Central Railroad": one company, when only one stored name fits.
      const variants = organizationVariants(key)
      const survivors = variants.length === 0 ? [] : [...new Set(this.#organizationVariants.all(JSON.stringify(variants)).map((r) => r.merged_into ?? r.id))]
      return survivors.length === 1 ? survivors[0]! : this.#create(speaker, null)
    }
    const person = personName(name)
    if (person === null) return this.#create(speaker, null)
    const rows = person.first === null ? this.#persons.all(person.surname) : this.#personsFirst.all({ surname: person.surname, first: person.first })
    // The same first name needs no titles (the common case), nor does a bare surname without a title: the known
    // titles are read only when they can decide.
    const sameFirst = person.first === null ? undefined : rows.find((row) => row.first_key === person.first)
    if (sameFirst) {
      const id = sameFirst.merged_into ?? sameFirst.id
      if (speaker.title !== null && person.first !== null) {
        this.#absorbSurname(id, rows, { first: person.first, surname: person.surname }, speaker.title)
      }
      return id
    }
    const longer = person.first === null ? null : this.#sameNameEnding(name, person.surname, speaker.title)
    if (longer !== null) return longer
    const known: KnownPerson[] = rows.map((row) => ({
      id: row.id, survivor: row.merged_into ?? row.id, first: row.first_key,
      titles: speaker.title === null && person.first === null ? [] : this.#titlesOf(row.id),
    }))
    // Only a full name that finds no one of its first name needs to know whether others bear the surname.
    const otherFirstNames = person.first !== null && known.length > 0 &&
      this.#otherFirstName.get(person.surname, person.first) !== undefined
    const match = matchPerson({ ...person, title: speaker.title }, known, otherFirstNames) ?? this.#splitAmong(known, given) ??
      (person.first === null ? this.#kin(person.surname) : null)
    if (match === null) return this.#create(speaker, null)
    if (person.first !== null) this.#takeOver(match, name, person.first)
    return match
  }

  /**
   * "Councillor Margaret Hale" now, "Margaret Hale" and "Cllr Hale" known apart (the full name came with no title, so
   * it could not take the surname over): the title says the surname-only speaker is her, and it is merged into her
   * as a merge by hand would, its slug redirecting. Only when nobody else with that surname is known.
   */
  #absorbSurname (id: number, rows: PersonRow[], person: PersonName & { first: string }, title: string): void {
    const bare = rows.filter((row) => row.first_key === null && (row.merged_into ?? row.id) !== id)
    if (bare.length === 0 || this.#otherFirstName.get(person.surname, person.first) !== undefined) return
    const survivors = new Set(bare.map((row) => row.merged_into ?? row.id))
    if (survivors.size !== 1) return
    const [other] = survivors
    const known: KnownPerson = { id: other!, survivor: other!, first: null, titles: this.#titlesOf(other!) }
    if (matchPerson({ ...person, first: null, title }, [known]) !== other || known.titles.length === 0) return
    this.#corrections.merge(other!, id)
    this.#absorbed.set(other!, id)
  }


  /**
   * "Leif", in an article about Margit Halvorsen, when Leif Halvorsen is known: a lone word that is the first name of
   * exactly one known person bearing the surname of someone the article names in full.
   */
  #kin (word: string): number | null {
    const surnames = articleSurnames(this.#articleNames, word)
    if (surnames.length === 0) return null
    const survivors = new Set(this.#firstNameOf.all(JSON.stringify(surnames), word).map((row) => row.merged_into ?? row.id))
    return survivors.size === 1 ? [...survivors][0]! : null
  }

  #titlesOf (id: number): string[] {
    const titles = new Set<string>()
    for (const row of this.#roles.all({ id })) {
      const title = row.title ?? (row.alias === null ? null : splitTitle(row.alias).title)
      if (title !== null) titles.add(title)
    }
    return [...titles]
  }

  /**
   * "Hale" known, "Margaret Hale" now: the speaker takes the full name and its slug, and the old slug is kept so that
   * links with it still lead there. Nothing changes for a speaker that has a first name already.
   */
  #takeOver (id: number, name: string, first: string): void {
    const current = this.#nameOf.get(id)
    if (!current || current.first_key !== null) return
    const key = nameKey(name)
    this.#upgradeName.run(name, key, nameEnding(key), first, this.#slugs.unique(name), id)
    if (current.slug !== null) this.#slugs.keepOld(current.slug, id)
  }

  #create (speaker: StoredSpeaker, homeSourceId: number | null): number {
    const person = speaker.kind === 'person' && speaker.name !== null ? personName(speaker.name) : null
    const key = speaker.name === null ? null : speaker.kind === 'organization' ? organizationKey(speaker.name) : nameKey(speaker.name)
    return Number(this.#insert.run({
      slug: homeSourceId === null && speaker.name !== null ? this.#slugs.unique(speaker.name) : null,
      name: speaker.name,
      kind: speaker.kind,
      title: speaker.title,
      name_key: key,
      ending_key: key === null ? null : nameEnding(key),
      first_key: person?.first ?? null,
      surname_key: person?.surname ?? null,
      home_source_id: homeSourceId,
    }).lastInsertRowid)
  }

  // A name split off this speaker by hand goes where the split sent it.
  /**
   * "López Obrador" and "Andrés Manuel López Obrador", "García Márquez" and "Gabriel García Márquez": a name of two or
   * more words that ends another (a double surname, a second given name) is the same person, when only one known person
   * fits and no title disagrees. The first word of the shorter name is then not a first name that differs.
   */
  #sameNameEnding (name: string, surname: string, title: string | null): number | null {
    const key = nameKey(name)
    if (!key.includes(' ')) return null
    const rows = this.#nameEndings.all({ ending: nameEnding(key)!, surname, key, spaced: ` ${key}` })
    const survivors = new Set(rows.map((row) => row.merged_into ?? row.id))
    if (survivors.size !== 1) return null
    const [survivor] = survivors
    if (title !== null && titlesFitNone(this.#titlesOf(survivor!), title)) return null
    return survivor!
  }

  /**
   * "Cllr Hale" split off Margaret Hale by hand is ambiguous once there are two Hales: the split names the speaker it
   * went to, when the one it was split from is among the candidates.
   */
  #splitAmong (known: KnownPerson[], speaker: ExtractedSpeaker): number | null {
    if (known.length === 0) return null
    const survivors = new Set(known.map((candidate) => candidate.survivor))
    for (const key of new Set(namesOf(speaker).map(nameKey))) {
      for (const split of this.#splitsByAlias.all(key)) {
        if (survivors.has(this.#mergedInto.get(split.speaker_id) ?? split.speaker_id)) {
          return this.#mergedInto.get(split.into_id) ?? split.into_id
        }
      }
    }
    return null
  }

  #applySplits (id: number, speaker: ExtractedSpeaker): number {
    const splits = this.#splits.all(id)
    if (splits.length === 0) return id
    const keys = new Set(namesOf(speaker).map(nameKey))
    const split = splits.find((s) => keys.has(s.alias_key))
    if (!split) return id
    return this.#mergedInto.get(split.into_id) ?? split.into_id
  }
}
