// Stage 6: who is who. Folds the article's mentions into entities (one per person, organisation or unnamed group),
// and resolves pronouns and role nouns ("he", "the president") to the person meant. Salience, not proximity:
// "he" is the subject of the nearest earlier sentence that names a compatible person, which is often not the
// nearest name.
import { TokenKind, type Doc } from './document.js'
import { NON_NAME_CAPITALS, ROLE_NOUNS, TITLES, FEMALE_FIRST_NAMES, MALE_FIRST_NAMES } from './lexicon.js'
import { describeMention, type Gender, type Mention } from './mentions.js'
import type { SpeakerKind } from './types.js'

export interface Entity {
  id: number
  kind: SpeakerKind
  /** Fullest name seen; null for unnamed groups and unresolved roles. */
  name: string | null
  surname: string | null
  firstName: string | null
  gender: Gender
  /** Titles as written, prenominal ("President") and appositive ("the US special envoy to the Middle East"). */
  titles: string[]
  /** Lower-case title words, for matching role nouns ("the president" → a "President …"). */
  roleWords: Set<string>
  /** Names as written ("President Trump", "Trump", "the president"). */
  aliases: string[]
  /** Token index of the latest mention. */
  lastSeen: number
}

export interface PlacedMention extends Mention {
  sentence: number
  entity: number
}

const normalize = (s: string): string => s.toLowerCase().replace(/^(the|a|an)\s+/, '').replace(/['’]/g, '’').replace(/\s+/g, ' ')

/**
 * `text` without trailing commas and whitespace, as `.replace(/[,\s]+$/, '')` but in one pass from the end: that
 * regular expression retries from every position of a run of whitespace inside the text, quadratic in the run (an
 * apposition padded with 100 KB of spaces took seconds).
 */
function trimCommasEnd (text: string): string {
  let end = text.length
  while (end > 0 && COMMA_OR_SPACE.test(text[end - 1]!)) end--
  return text.slice(0, end)
}
const COMMA_OR_SPACE = /[,\s]/

export class EntityTable {
  readonly entities: Entity[] = []
  private readonly mentions: PlacedMention[] = []
  private readonly bySentence = new Map<number, PlacedMention[]>()
  // Indexes, so that each mention costs the same however long the article: persons by surname and first name,
  // organisations and unnamed groups by their normalised name.
  private readonly persons = new Map<string, Entity[]>()
  private readonly firstNames = new Map<string, Entity[]>()
  private readonly named = new Map<string, Entity>()
  private readonly roleHolders = new Map<string, Entity[]>()

  constructor (private readonly doc: Doc) {}

  /** Mentions in text order of one sentence that can be antecedents. */
  private place (m: Mention, sentence: number, entity: number): PlacedMention {
    const placed = { ...m, sentence, entity }
    this.mentions.push(placed)
    let list = this.bySentence.get(sentence)
    if (!list) this.bySentence.set(sentence, (list = []))
    // Kept in text order: the first mention of a sentence stands for its subject.
    let k = list.length
    while (k > 0 && list[k - 1]!.tokens.start > placed.tokens.start) k--
    list.splice(k, 0, placed)
    return placed
  }

  private create (kind: SpeakerKind, m: Mention, name: string | null): Entity {
    const e: Entity = {
      id: this.entities.length, kind, name, surname: m.surname, firstName: m.firstName, gender: m.gender,
      titles: [], roleWords: new Set(), aliases: [], lastSeen: m.tokens.start,
    }
    this.entities.push(e)
    if (kind === 'person' && e.surname) this.index(this.persons, e.surname, e)
    return e
  }

  private index (map: Map<string, Entity[]>, key: string, e: Entity): void {
    const list = map.get(key)
    if (!list) map.set(key, [e])
    else if (!list.includes(e)) list.push(e)
  }

  /** Raw titles already added, per entity: a title repeated with every mention is cleaned once. */
  private readonly seenTitles = new Map<number, Set<string>>()

  private addTitle (e: Entity, title: string | null): void {
    if (!title) return
    let seen = this.seenTitles.get(e.id)
    if (!seen) this.seenTitles.set(e.id, (seen = new Set()))
    if (seen.has(title)) return
    seen.add(title)
    // An age is no title: "Ruth Adler, 54," and "Yin May, 60, a doctor," (the doctor is).
    const clean = trimCommasEnd(title.replace(/^((then|now)\s+)?\d+(\s*,\s*|\s*$)/i, '').replace(/^(the|a|an)\s+/i, ''))
    if (!clean || e.titles.includes(clean)) return
    e.titles.push(clean)
    for (const w of clean.toLowerCase().split(/[^\p{L}.-]+/u)) {
      const word = w.replace(/\.$/, '')
      if (ROLE_NOUNS.has(word) || TITLES.has(word)) {
        e.roleWords.add(expandTitle(word))
        this.index(this.roleHolders, expandTitle(word), e)
      }
    }
  }

  private alias (e: Entity, text: string): void {
    if (!e.aliases.includes(text)) e.aliases.push(text)
  }

  /** Adds a named person, organisation or group mention; returns its entity. Pronouns and roles go through resolve(). */
  addNamed (m: Mention, sentence: number, apposition: string | null = null): Entity | null {
    let e: Entity | undefined
    if (m.kind === 'person') {
      e = this.findPerson(m)
      if (!e) e = this.create('person', m, m.name)
      else if (m.name && (!e.name || wordCount(m.name) > wordCount(e.name))) e.name = m.name
      if (m.firstName && !e.firstName) e.firstName = m.firstName
      if (e.firstName) this.index(this.firstNames, e.firstName, e)
      if (!e.gender && m.gender) e.gender = m.gender
      this.addTitle(e, m.title)
      this.addTitle(e, apposition)
      this.alias(e, this.doc.text.slice(m.start, m.end))
      if (m.name) this.alias(e, m.name)
    } else if (m.kind === 'organization') {
      const key = 'org:' + normalize(m.name ?? '')
      e = m.indefinite ? undefined : this.named.get(key)
      if (!e) {
        e = this.create('organization', m, m.name?.replace(/^(the|a|an)\s+/i, '') ?? null)
        if (!m.indefinite) this.named.set(key, e)
      }
      this.alias(e, this.doc.text.slice(m.start, m.end))
    } else if (m.kind === 'group') {
      const text = this.doc.text.slice(m.start, m.end)
      const key = 'group:' + normalize(text)
      e = this.named.get(key)
      if (!e) {
        e = this.create('unnamed', m, null)
        this.named.set(key, e)
      }
      this.alias(e, text)
    } else return null
    this.seen(e, m.tokens.start, sentence)
    this.place(m, sentence, e.id)
    return e
  }

  private findPerson (m: Mention): Entity | undefined {
    let best: Entity | undefined
    if (!m.surname) return undefined
    const sameSurname = this.persons.get(m.surname) ?? []
    // A lone first name ("Hillary") matches a fuller name seen before, when no one bears it as a surname.
    const candidates = sameSurname.length || m.firstName ? sameSurname : (this.firstNames.get(m.surname) ?? [])
    for (const e of candidates) {
      if (e.surname === m.surname && m.firstName && e.firstName && m.firstName !== e.firstName && !initialOf(m.firstName, e.firstName)) continue
      if (!best || e.lastSeen > best.lastSeen) best = e
    }
    return best
  }

  /** Resolves a pronoun or role mention at token `at` to an entity, or creates an unresolved one. */
  resolve (m: Mention, sentence: number): Entity {
    let e: Entity | undefined
    if (m.kind === 'pronoun' && (m.gender === 'male' || m.gender === 'female')) e = this.antecedent(m.gender, sentence, m.tokens.start)
    else if (m.kind === 'pronoun' && m.gender === 'plural') e = this.pluralAntecedent(sentence, m.tokens.start)
    else if (m.kind === 'role' && !m.indefinite && m.head) e = this.byRole(m.head, m.tokens.start)
    if (!e) {
      e = this.create(m.kind === 'role' && !m.indefinite ? 'person' : 'unnamed', m, null)
      if (m.kind === 'role') this.alias(e, this.doc.text.slice(m.start, m.end))
    } else if (m.kind === 'role') this.alias(e, this.doc.text.slice(m.start, m.end))
    if (m.kind === 'pronoun' && e.kind === 'person' && !e.gender && (m.gender === 'male' || m.gender === 'female')) e.gender = m.gender
    this.seen(e, m.tokens.start, sentence)
    this.place(m, sentence, e.id)
    return e
  }

  private compatible (e: Entity, gender: 'male' | 'female'): boolean {
    return e.kind === 'person' && (e.gender === null || e.gender === gender)
  }

  /** The subject of the nearest sentence (this one first, before the pronoun) that names a compatible person. */
  private antecedent (gender: 'male' | 'female', sentence: number, at: number): Entity | undefined {
    for (let s = sentence; s >= 0 && sentence - s <= 8; s--) {
      const list = this.bySentence.get(s)
      if (!list) continue
      const clauseStart = this.mainClauseStart(s)
      for (const m of list) {
        if (s === sentence && m.tokens.start >= at) continue
        if (m.tokens.start < clauseStart) continue
        const e = this.entities[m.entity]!
        if (this.compatible(e, gender) && e.name) return e
      }
    }
    // Else the compatible named person seen last before `at`. Sightings are in sentence order, so the search stops
    // at the first sentence before the best one found: it does not grow with the number of people in the article.
    let best: Entity | undefined
    let bestSentence = -1
    for (let k = this.sightings.length - 1; k >= 0; k--) {
      const { entity: e, sentence: s } = this.sightings[k]!
      if (s < bestSentence) break
      if (this.compatible(e, gender) && e.name && e.lastSeen < at && (!best || e.lastSeen > best.lastSeen)) {
        best = e
        bestSentence = this.doc.sentenceOf[e.lastSeen]!
      }
    }
    return best
  }

  /** Every time a named person is seen, in sentence order (the latest sighting of each gives its lastSeen). */
  private readonly sightings: Array<{ entity: Entity, sentence: number }> = []

  private seen (e: Entity, at: number, sentence: number): void {
    e.lastSeen = at
    if (e.kind === 'person' && e.surname) this.sightings.push({ entity: e, sentence })
  }

  /** "Asked about Cruz's charges, Rubio said …": names in an opening subordinate clause are not the subject. */
  private mainClauseStart (sentence: number): number {
    const { tokens, quoteOf } = this.doc
    const s = this.doc.sentences[sentence]!
    if (!SUBORDINATORS.has(tokens[s.firstToken]!.lower)) return s.firstToken
    for (let i = s.firstToken; i < s.endToken && i < s.firstToken + 30; i++) {
      if (tokens[i]!.text === ',' && quoteOf[i] === -1) return i + 1
    }
    return s.firstToken
  }

  private pluralAntecedent (sentence: number, at: number): Entity | undefined {
    for (let s = sentence; s >= 0 && sentence - s <= 3; s--) {
      const list = this.bySentence.get(s)
      if (!list) continue
      for (const m of list) {
        if (s === sentence && m.tokens.start >= at) continue
        const e = this.entities[m.entity]!
        if (e.kind === 'organization' || (e.kind === 'unnamed' && m.kind === 'group')) return e
      }
    }
    return undefined
  }

  private byRole (head: string, at: number): Entity | undefined {
    const role = expandTitle(head)
    let best: Entity | undefined
    for (const e of this.roleHolders.get(role) ?? []) {
      if (e.kind !== 'person' || !e.name) continue
      if (!best || (e.lastSeen < at && (best.lastSeen >= at || e.lastSeen > best.lastSeen))) best = e
    }
    return best
  }

  /** Person names and role nouns outside quotations: candidates for what later pronouns mean. */
  collectAntecedents (sentence: number): void {
    const { doc } = this
    const s = doc.sentences[sentence]!
    if (doc.paragraphs[s.paragraph]!.furniture) return
    const { tokens, quoteOf } = doc
    for (let i = s.firstToken; i < s.endToken; i++) {
      if (quoteOf[i] !== -1) continue
      const t = tokens[i]!
      if (t.kind !== TokenKind.Word) continue
      // "the president", "the Florida senator": a role noun within three words of "the".
      if (t.lower === 'the') {
        for (let j = i + 1; j < Math.min(i + 4, s.endToken); j++) {
          const w = tokens[j]!
          if (w.kind !== TokenKind.Word || quoteOf[j] !== -1) break
          if ((ROLE_NOUNS.has(w.lower) || TITLES.has(w.lower)) && !(tokens[j + 1]?.capitalized)) {
            if (!this.hasMentionAt(i)) this.resolve(describeMention(doc, { start: i, end: j + 1 }), sentence)
            i = j
            break
          }
        }
        continue
      }
      if (!t.capitalized || NON_NAME_CAPITALS.has(t.lower)) continue
      let end = i + 1
      while (end < s.endToken && quoteOf[end] === -1 && (tokens[end]!.capitalized || (tokens[end]!.text === '.' && tokens[end - 1]!.text.length === 1))) end++
      let start = i
      while (start > s.firstToken && quoteOf[start - 1] === -1 && (TITLES.has(tokens[start - 1]!.lower) || (tokens[start - 1]!.text === '.' && TITLES.has(tokens[start - 2]?.lower ?? '')))) start--
      if (!this.hasMentionAt(start) && !this.hasMentionAt(i) && this.mayNamePerson(start, i, end)) {
        const m = describeMention(doc, { start, end })
        if (m.kind === 'person' && this.isPersonName(m, start < i)) this.addNamed(m, sentence)
      }
      i = end - 1
    }
  }

  /**
   * A cheap test before describing a capitalised run: it can name a person only with a title before it, a known
   * first name in it, or a last word that is a known person's surname (what isPersonName asks). Most capitalised runs
   * ("The", "Washington", "Republican Party") fail it, and describing them would only make garbage.
   */
  private mayNamePerson (start: number, i: number, end: number): boolean {
    if (start < i) return true
    const { tokens } = this.doc
    let last = end - 1
    while (last >= i && tokens[last]!.kind !== TokenKind.Word) last--
    if (last >= i && this.persons.has(tokens[last]!.lower)) return true
    for (let j = i; j < end; j++) {
      const w = tokens[j]!.lower
      if (MALE_FIRST_NAMES.has(w) || FEMALE_FIRST_NAMES.has(w)) return true
    }
    return false
  }

  /** A capitalised run is a person when a title or known first name says so, or it repeats a known person's surname. */
  private isPersonName (m: Mention, titled: boolean): boolean {
    if (titled) return true
    if (m.firstName && (MALE_FIRST_NAMES.has(m.firstName) || FEMALE_FIRST_NAMES.has(m.firstName))) return true
    if (!m.firstName && m.surname) return this.persons.has(m.surname)
    return false
  }

  private hasMentionAt (token: number): boolean {
    for (let k = this.mentions.length - 1; k >= 0 && k >= this.mentions.length - 6; k--) {
      const m = this.mentions[k]!
      if (m.tokens.start <= token && token < m.tokens.end) return true
    }
    return false
  }
}

const SUBORDINATORS = new Set(['after', 'when', 'while', 'before', 'asked', 'if', 'although', 'though', 'because', 'as', 'since', 'despite', 'in', 'on', 'at', 'during', 'unlike', 'like', 'with', 'without', 'for', 'speaking', 'responding', 'addressing'])

function wordCount (s: string): number {
  let n = 1
  const space = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0
  for (let i = 1; i < s.length; i++) if (space(s.charCodeAt(i)) && !space(s.charCodeAt(i - 1))) n++
  return n
}

function initialOf (a: string, b: string): boolean {
  return (a.length <= 2 && b.startsWith(a.replace('.', ''))) || (b.length <= 2 && a.startsWith(b.replace('.', '')))
}

/** Abbreviated titles match their role noun: "Sen." is a senator, "Gov." a governor. */
function expandTitle (w: string): string {
  switch (w) {
    case 'sen': return 'senator'
    case 'gov': return 'governor'
    case 'rep': return 'representative'
    case 'pres': return 'president'
    case 'gen': return 'general'
    case 'adm': return 'admiral'
    case 'lt': return 'lieutenant'
    case 'col': return 'colonel'
    case 'capt': return 'captain'
    case 'sgt': return 'sergeant'
    case 'rev': return 'reverend'
    case 'prof': return 'professor'
    case 'dr': return 'doctor'
    default: return w
  }
}
