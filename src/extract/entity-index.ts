// Stage 6 (part): the entity table's state. The Entity type; the mentions placed per sentence; the indexes that find
// an entity by surname, first name, name, title word or organisation word at the same cost however long the article;
// what the resolution of pronouns and roles remembers between sentences; and the small operations that keep all that
// (create an entity, index it, give it a title or an alias, place a mention, record a sighting). What reads it is in
// entities.ts (the table itself), antecedents.ts, antecedent-scan.ts, entity-orgs.ts and settle-roles.ts.
import type { Doc } from './document.js'
import type { Gender, Mention } from './mentions.js'
import type { SpeakerKind } from './types.js'
import { Memo, SharedAnswers } from './memo.js'
import { spelledOut } from '../identity/titles.js'
import { cleanTitle, contentWords, expandTitle, titleWordsOf } from './titles.js'
import { loneFirstNameGender } from './entity-words.js'

export interface Entity {
  id: number
  kind: SpeakerKind
  /** Fullest name seen; null for unnamed groups and unresolved roles. */
  name: string | null
  surname: string | null
  firstName: string | null
  gender: Gender
  /** The gender came only from a lone first name ("Margit says"): a full name or pronoun later overrides it. */
  genderWeak: boolean
  /** The gender is known for sure: an honorific or gendered title ("Ms.", "chairwoman"), or an unambiguous first name. */
  genderSure: boolean
  /** The gender came from a first name alone, which the article's own pronouns may contradict ("Sidney … he said"). */
  genderByName: boolean
  /** Titles as written, prenominal ("President") and appositive ("the US special envoy to the Middle East"). */
  titles: string[]
  /** Lower-case title words, for matching role nouns ("the president" → a "President …"). */
  roleWords: Set<string>
  /** The head noun of each title ("chief" of "Fire Chief", "executive" of "chief executive of Baltic Line"). */
  roleHeads: Set<string>
  /** Names as written ("President Trump", "Trump", "the president"). */
  aliases: string[]
  /** Token index of the latest mention. */
  lastSeen: number
  /** Token index of the first mention. */
  firstSeen: number
  /** Token index of the latest mention not in the possessive ("Walter Abernathy’s grandchildren" names him in passing). */
  lastNamed: number
  /** Set when a later pass found that this entity (an unresolved role) is another one. */
  mergedInto: Entity | null
}

export interface PlacedMention extends Mention {
  sentence: number
  entity: number
}

/** A speaker an attribution or a sentence's subject gave, for the pronouns that continue it. */
export interface Speaking { entity: Entity, mention: Mention, sentence: number }

const normalizeName = (s: string): string => {
  const lower = s.toLowerCase()
  return plainName(lower) ? lower : lower.replace(/^(the|a|an)\s+/, '').replace(/['’]/g, '’').replace(/\s+/g, ' ')
}

/**
 * Whether a lower-case name is already normal: ASCII words between single spaces, without a straight apostrophe or a
 * leading article (most names: "donald trump"), so that the three patterns above need not run.
 */
function plainName (lower: string): boolean {
  if (lower.startsWith('the') || lower.startsWith('a')) return false
  let space = false
  for (let k = 0; k < lower.length; k++) {
    const c = lower.charCodeAt(k)
    if (c === 32) {
      if (space) return false
      space = true
    } else {
      if (c < 32 || c === 39 || c >= 127) return false
      space = false
    }
  }
  return true
}

/** What a title as written gives its holder: the title kept, its head noun and its words as roles (addTitle). */
interface TitleFacts {
  readonly clean: string
  readonly head: string | null
  readonly roles: readonly string[]
}

/**
 * Null when the words are no title (cleanTitle). "Cllr Okafor" is a Councillor: a short form alone is spelled out, as
 * the store does for a name's title.
 */
function titleFactsOf (title: string): TitleFacts | null {
  const cleaned = cleanTitle(title)
  if (!cleaned) return null
  const clean = spelledOut(cleaned)
  const { head, words } = titleWordsOf(clean)
  return { clean, head: head ? expandTitle(head) : null, roles: words.map(expandTitle) }
}

// The answers kept for every article of the process (memo.ts): the functions are pure, so an answer is the same
// whichever article asked first, and extraction stays deterministic.
const NORMALIZED = new SharedAnswers<string>()
const CLEANED_TITLES = new SharedAnswers<string | null>()
const TITLE_WORDS = new SharedAnswers<readonly string[]>()
const TITLE_FACTS = new SharedAnswers<TitleFacts | null>()

export class EntityIndex {
  readonly entities: Entity[] = []
  private readonly mentions: PlacedMention[] = []
  readonly bySentence = new Map<number, PlacedMention[]>()
  // Indexes, so that each mention costs the same however long the article: persons by surname and first name,
  // organisations and unnamed groups by their normalised name.
  readonly persons = new Map<string, Entity[]>()
  readonly firstNames = new Map<string, Entity[]>()
  /** Persons by surname, then first name. */
  private readonly fullNames = new Map<string, Map<string, Entity>>()
  // By normalised name, one map per kind rather than one keyed by "org:…" and "group:…": a joined key is a new string,
  // which the runtime hashes anew at every mention, where the name alone is the Memo's string, hashed once.
  readonly orgsByName = new Map<string, Entity>()
  readonly groupsByName = new Map<string, Entity>()
  readonly roleHolders = new Map<string, Entity[]>()

  /** The person named `firstName surname` (lower case) the article gave in full, if any. */
  fullName (surname: string, firstName: string): Entity | undefined {
    return this.fullNames.get(surname)?.get(firstName)
  }

  setFullName (surname: string, firstName: string, e: Entity): void {
    let byFirstName = this.fullNames.get(surname)
    if (!byFirstName) this.fullNames.set(surname, (byFirstName = new Map()))
    byFirstName.set(firstName, e)
  }

  constructor (readonly doc: Doc) {}

  // The same names and titles are normalised, cleaned and split at every mention, and again in later articles.
  private readonly normalized = new Memo(normalizeName, NORMALIZED)
  readonly cleanedTitles = new Memo(cleanTitle, CLEANED_TITLES)
  readonly titleWords = new Memo<readonly string[]>(contentWords, TITLE_WORDS)
  private readonly titleFacts = new Memo(titleFactsOf, TITLE_FACTS)
  normalize (s: string): string { return this.normalized.get(s) }

  /** Mentions in text order of one sentence that can be antecedents. */
  place (m: Mention, sentence: number, entity: number): PlacedMention {
    // Field by field rather than a spread: mentions come in several shapes, and a spread of those is slow.
    const placed: PlacedMention = {
      tokens: m.tokens, start: m.start, end: m.end, kind: m.kind, name: m.name, surname: m.surname, firstName: m.firstName,
      title: m.title, head: m.head, gender: m.gender, indefinite: m.indefinite, sentence, entity,
    }
    this.mentions.push(placed)
    // Only the latest few are read (hasMentionAt); dropping the rest in halves keeps this O(1) amortised.
    if (this.mentions.length > 64) this.mentions.splice(0, 32)
    let list = this.bySentence.get(sentence)
    if (!list) this.bySentence.set(sentence, (list = []))
    // Bounded: a sentence of news prose names a handful of people; past MAX_SENTENCE_MENTIONS (a list, a hostile
    // input) later mentions are not antecedents, so that keeping the list in order below stays constant per mention.
    if (list.length >= MAX_SENTENCE_MENTIONS) return placed
    // Kept in text order: the first mention of a sentence stands for its subject.
    let k = list.length
    while (k > 0 && list[k - 1]!.tokens.start > placed.tokens.start) k--
    list.splice(k, 0, placed)
    return placed
  }

  create (kind: SpeakerKind, m: Mention, name: string | null): Entity {
    const e: Entity = {
      id: this.entities.length, kind, name, surname: m.surname, firstName: m.firstName, gender: m.gender ?? loneFirstNameGender(m), genderWeak: !m.gender && loneFirstNameGender(m) !== null,
      genderSure: false, genderByName: m.gender !== null || loneFirstNameGender(m) !== null,
      titles: [], roleWords: new Set(), roleHeads: new Set(), aliases: [], lastSeen: m.tokens.start, firstSeen: m.tokens.start, lastNamed: -1, mergedInto: null,
    }
    this.entities.push(e)
    if (kind === 'person' && e.surname) this.index(this.persons, e.surname, e)
    if (kind === 'organization' && name) this.indexOrgName(e, name)
    return e
  }

  /** Members of each index list, so that adding to a list costs the same however long it is. */
  private readonly listed = new WeakMap<Entity[], Set<Entity>>()

  index (map: Map<string, Entity[]>, key: string, e: Entity): void {
    let list = map.get(key)
    if (!list) map.set(key, (list = []))
    // Most lists hold one or two entities: a short list is searched, a long one asked through its set.
    if (list.length < SHORT_LIST) {
      if (!list.includes(e)) list.push(e)
      return
    }
    let members = this.listed.get(list)
    if (!members) this.listed.set(list, (members = new Set(list)))
    if (members.has(e)) return
    members.add(e)
    list.push(e)
  }

  /** Organisations by the lower-case words of their name ("museum" → Aldridge Museum of Art), for "the museum". */
  readonly orgWords = new Map<string, Entity[]>()
  /** Named organisations in order of their latest mention: "the company" means the one seen last. */
  lastOrg: Entity | null = null
  /** The company named last: not a public body ("Kestrel Foods Inc.", not "Wexcombe Borough Council"). */
  lastCompany: Entity | null = null

  private indexOrgName (e: Entity, name: string): void {
    for (const w of this.titleWords.get(name)) this.index(this.orgWords, w, e)
  }

  /** Raw titles already added, per entity: a title repeated with every mention is cleaned once. */
  private readonly seenTitles = new Map<number, Set<string>>()

  addTitle (e: Entity, title: string | null, oldest = false): void {
    if (!title) return
    let seen = this.seenTitles.get(e.id)
    if (!seen) this.seenTitles.set(e.id, (seen = new Set()))
    if (seen.has(title)) return
    seen.add(title)
    const facts = this.titleFacts.get(title)
    if (!facts) return
    const { clean } = facts
    // Most recent last: a title given again moves to the end. A caption's title goes first: the story's own wins.
    const at = e.titles.indexOf(clean)
    if (oldest) { if (at === -1 && e.titles.length < MAX_TITLES) e.titles.unshift(clean) } else {
      if (at !== -1) e.titles.splice(at, 1)
      e.titles.push(clean)
    }
    // A person is given a handful of titles; the bound keeps indexOf above constant on a hostile input.
    if (e.titles.length > MAX_TITLES) e.titles.shift()
    if (facts.head) e.roleHeads.add(facts.head)
    for (const role of facts.roles) {
      e.roleWords.add(role)
      // Only a named entity can be what a role refers to (byRole, orgByRole ask for one).
      if (e.name) this.index(this.roleHolders, role, e)
    }
  }

  private readonly aliasSets = new Map<number, Set<string>>()

  alias (e: Entity, text: string): void {
    let set = this.aliasSets.get(e.id)
    if (!set) this.aliasSets.set(e.id, (set = new Set(e.aliases)))
    if (set.has(text)) return
    set.add(text)
    e.aliases.push(text)
  }

  /** Per sentence, whether it says "in a statement" (see inStatement). */
  readonly statementSentences = new Map<number, boolean>()

  /** The latest definite role seen as the subject of a sentence's main clause, outside quotations (collectAntecedents). */
  roleSubject: Speaking | null = null

  /** The speaker of the latest attribution (see noteSpeaker). */
  lastSpeaker: Speaking | null = null

  /** Per sentence, the person its first attribution names by name. */
  readonly namedSpeakers = new Map<number, Entity>()

  /** Definite roles no one held when they were read ("the town's fire chief said …" before the chief is named). */
  readonly pendingRoles: Array<{ entity: Entity, mention: Mention, sentence: number, speaker: boolean }> = []
  /** Organisations named by a common noun only ("the council"), which a named one of the article may be. */
  readonly pendingOrgs: Array<{ entity: Entity, mention: Mention }> = []

  /** The entity an entity was found to be (itself unless a later pass merged it). */
  final (e: Entity): Entity {
    let f = e
    for (let guard = 0; f.mergedInto && guard < 4; guard++) f = f.mergedInto
    return f
  }

  /** Every time a named person is seen, in sentence order (the latest sighting of each gives its lastSeen). */
  readonly sightings: Array<{ entity: Entity, sentence: number }> = []

  seen (e: Entity, at: number, sentence: number): void {
    e.lastSeen = at
    if (e.kind === 'person' && e.surname) this.sightings.push({ entity: e, sentence })
  }

  /** The age appositionAfter read last ("71-year-old"), or null. */
  pendingAge: string | null = null

  hasMentionAt (token: number): boolean {
    for (let k = this.mentions.length - 1; k >= 0 && k >= this.mentions.length - 6; k--) {
      const m = this.mentions[k]!
      if (m.tokens.start <= token && token < m.tokens.end) return true
    }
    return false
  }
}

/** Mentions kept per sentence as antecedents (see place()). */
const MAX_SENTENCE_MENTIONS = 64
/** People sharing one surname compared with a new mention of it (findPerson). */
export const MAX_NAMESAKES = 32
/** Up to this many entities an index list is searched rather than kept with a set of its members. */
const SHORT_LIST = 8

/** At most this many titles per entity, the latest kept: news gives a person a handful. */
export const MAX_TITLES = 8
