// Stage 6: who is who. Folds the article's mentions into entities (one per person, organisation or unnamed group),
// and resolves pronouns and role nouns ("he", "the president") to the person meant. Salience, not proximity:
// "he" is the subject of the nearest earlier sentence that names a compatible person, which is often not the
// nearest name.
import { TokenKind, type Doc } from './document.js'
import { GROUP_NOUNS, NON_NAME_CAPITALS, NP_STOPPERS, ORG_HEADS, ROLE_NOUNS, TITLES } from './lexicon.js'
import { firstNameGender, isFirstName } from './first-names.js'
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
  /** The gender came only from a lone first name ("Margit says"): a full name or pronoun later overrides it. */
  genderWeak: boolean
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
  /** Set when a later pass found that this entity (an unresolved role) is another one. */
  mergedInto: Entity | null
}

export interface PlacedMention extends Mention {
  sentence: number
  entity: number
}

const normalize = (s: string): string => s.toLowerCase().replace(/^(the|a|an)\s+/, '').replace(/['’]/g, '’').replace(/\s+/g, ' ')

export class EntityTable {
  readonly entities: Entity[] = []
  private readonly mentions: PlacedMention[] = []
  private readonly bySentence = new Map<number, PlacedMention[]>()
  // Indexes, so that each mention costs the same however long the article: persons by surname and first name,
  // organisations and unnamed groups by their normalised name.
  private readonly persons = new Map<string, Entity[]>()
  private readonly firstNames = new Map<string, Entity[]>()
  /** Persons by "surname firstname". */
  private readonly fullNames = new Map<string, Entity>()
  private readonly named = new Map<string, Entity>()
  private readonly roleHolders = new Map<string, Entity[]>()

  constructor (private readonly doc: Doc) {}

  /** Mentions in text order of one sentence that can be antecedents. */
  private place (m: Mention, sentence: number, entity: number): PlacedMention {
    const placed = { ...m, sentence, entity }
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

  private create (kind: SpeakerKind, m: Mention, name: string | null): Entity {
    const e: Entity = {
      id: this.entities.length, kind, name, surname: m.surname, firstName: m.firstName, gender: m.gender ?? loneFirstNameGender(m), genderWeak: !m.gender && loneFirstNameGender(m) !== null,
      titles: [], roleWords: new Set(), roleHeads: new Set(), aliases: [], lastSeen: m.tokens.start, mergedInto: null,
    }
    this.entities.push(e)
    if (kind === 'person' && e.surname) this.index(this.persons, e.surname, e)
    if (kind === 'organization' && name) this.indexOrgName(e, name)
    return e
  }

  /** Members of each index list, so that adding to a list costs the same however long it is. */
  private readonly listed = new WeakMap<Entity[], Set<Entity>>()

  private index (map: Map<string, Entity[]>, key: string, e: Entity): void {
    let list = map.get(key)
    if (!list) map.set(key, (list = []))
    let members = this.listed.get(list)
    if (!members) this.listed.set(list, (members = new Set()))
    if (members.has(e)) return
    members.add(e)
    list.push(e)
  }

  /** Organisations by the lower-case words of their name ("museum" → Aldridge Museum of Art), for "the museum". */
  private readonly orgWords = new Map<string, Entity[]>()
  /** Named organisations in order of their latest mention: "the company" means the one seen last. */
  private lastOrg: Entity | null = null

  private indexOrgName (e: Entity, name: string): void {
    for (const w of contentWords(name)) this.index(this.orgWords, w, e)
  }

  /** Raw titles already added, per entity: a title repeated with every mention is cleaned once. */
  private readonly seenTitles = new Map<number, Set<string>>()

  private addTitle (e: Entity, title: string | null): void {
    if (!title) return
    let seen = this.seenTitles.get(e.id)
    if (!seen) this.seenTitles.set(e.id, (seen = new Set()))
    if (seen.has(title)) return
    seen.add(title)
    const clean = cleanTitle(title)
    if (!clean) return
    // Most recent last: a title given again moves to the end.
    const at = e.titles.indexOf(clean)
    if (at !== -1) e.titles.splice(at, 1)
    e.titles.push(clean)
    // A person is given a handful of titles; the bound keeps indexOf above constant on a hostile input.
    if (e.titles.length > MAX_TITLES) e.titles.shift()
    const head = titleHead(clean)
    if (head) e.roleHeads.add(expandTitle(head))
    for (const word of contentWords(clean)) {
      const role = expandTitle(word)
      e.roleWords.add(role)
      // Only a named entity can be what a role refers to (byRole, orgByRole ask for one).
      if (e.name) this.index(this.roleHolders, role, e)
    }
  }

  private readonly aliasSets = new Map<number, Set<string>>()

  private alias (e: Entity, text: string): void {
    let set = this.aliasSets.get(e.id)
    if (!set) this.aliasSets.set(e.id, (set = new Set(e.aliases)))
    if (set.has(text)) return
    set.add(text)
    e.aliases.push(text)
  }

  /** Adds a named person, organisation or group mention; returns its entity. Pronouns and roles go through resolve(). */
  addNamed (m: Mention, sentence: number, apposition: string | null = null): Entity | null {
    let e: Entity | undefined
    if (m.kind === 'person' && (e = this.orgNamedLikePerson(m, sentence))) {
      this.alias(e, this.doc.text.slice(m.start, m.end))
    } else if (m.kind === 'person') {
      e = this.findPerson(m)
      if (!e) e = this.create('person', m, m.name)
      else if (m.name && (!e.name || wordCount(m.name) > wordCount(e.name))) e.name = m.name
      if (m.firstName && !e.firstName) e.firstName = m.firstName
      if (e.firstName) this.index(this.firstNames, e.firstName, e)
      if (e.firstName && e.surname) this.fullNames.set(e.surname + ' ' + e.firstName, e)
      if (m.gender && (!e.gender || e.genderWeak)) { e.gender = m.gender; e.genderWeak = false }
      const weak = loneFirstNameGender(m)
      if (!e.gender && weak) { e.gender = weak; e.genderWeak = true }
      this.addTitle(e, m.title)
      this.addTitle(e, apposition)
      this.alias(e, this.doc.text.slice(m.start, m.end))
      if (m.name) this.alias(e, m.name)
    } else if (m.kind === 'organization') {
      const key = 'org:' + normalize(m.name ?? '')
      e = m.indefinite ? undefined : (this.orgByRole(m) ?? this.named.get(key))
      if (!e) {
        e = this.create('organization', m, m.name?.replace(/^(the|a|an)\s+/i, '') ?? null)
        if (!m.indefinite) this.named.set(key, e)
        // "the council" before "Wexcombe Borough Council" is named: settled after the article (settleRoles).
        if (!m.indefinite && e.name && !/\p{Lu}/u.test(e.name)) this.pendingOrgs.push({ entity: e, mention: m })
      }
      this.alias(e, this.doc.text.slice(m.start, m.end))
    } else if (m.kind === 'group') {
      const text = this.doc.text.slice(m.start, m.end)
      // "the railroad", "the developer": one definite thing, which an organisation of the article may be.
      e = this.orgByRole(m)
      if (e) this.alias(e, text)
      else {
        const key = 'group:' + normalize(text)
        e = this.named.get(key)
        if (!e) {
          // "residents", "analysts": plural people are a group; "someone close to the mayor" one unnamed person.
          e = this.create(m.gender === 'plural' && isPeopleNoun(m.head) ? 'group' : 'unnamed', m, null)
          this.named.set(key, e)
        }
        this.alias(e, text)
      }
    } else return null
    if (e.kind === 'organization' && e.name && /^\p{Lu}/u.test(e.name)) this.lastOrg = e
    this.seen(e, m.tokens.start, sentence)
    this.place(m, sentence, e.id)
    return e
  }

  /**
   * "Prairie Central said" after "Prairie Central Railroad", "the Aldridge": a capitalised name with no first name,
   * title or honorific that opens a known organisation's name is that organisation.
   */
  private orgNamedLikePerson (m: Mention, sentence: number): Entity | undefined {
    if (!m.name || (m.title && !GENERIC_ORG_NOUNS.has(m.title.toLowerCase()))) return undefined
    const same = this.named.get('org:' + normalize(m.name))
    if (same) return same
    const known = m.firstName !== null && isFirstName(m.firstName)
    // "Developer Harrowgate Living", "Harrowgate Living said in a statement": no first name, and the article treats
    // it as a body.
    if (!known && m.firstName && (m.title || this.inStatement(sentence))) {
      const e = this.create('organization', m, m.name)
      this.named.set('org:' + normalize(m.name), e)
      if (m.title) this.addTitle(e, m.title)
      return e
    }
    const words = contentWords(m.name)
    if (!words.length) return undefined
    let best: Entity | undefined
    for (const e of this.orgWords.get(words[0]!) ?? []) {
      const own = e.name ? contentWords(e.name) : []
      // The organisation's name goes on in capitals ("Prairie Central Railroad"), unlike "the Rubio campaign",
      // which is the person's.
      const rest = e.name ? e.name.split(/\s+/)[words.length] ?? '' : ''
      if (own.length > words.length && words.every((w, k) => own[k] === w) && /^\p{Lu}/u.test(rest) && (!best || e.lastSeen > best.lastSeen)) best = e
    }
    return best
  }

  /** Whether the sentence says "in a statement" (outside quotations): what bodies, not people, usually issue. */
  private inStatement (sentence: number): boolean {
    // Asked once per sentence: a sentence that names many people (a hostile run-on one) is scanned once, not per name.
    let known = this.statementSentences.get(sentence)
    if (known === undefined) this.statementSentences.set(sentence, (known = this.saysInStatement(sentence)))
    return known
  }

  private readonly statementSentences = new Map<number, boolean>()

  private saysInStatement (sentence: number): boolean {
    const { tokens, quoteOf } = this.doc
    const s = this.doc.sentences[sentence]!
    for (let i = s.firstToken + 2; i < s.endToken; i++) {
      if (tokens[i]!.lower === 'statement' && quoteOf[i] === -1 && (tokens[i - 1]!.lower === 'a' || tokens[i - 1]!.lower === 'written') && tokens[i - 2]!.lower === 'in') return true
    }
    return false
  }

  /**
   * A definite common noun for an organisation ("the museum", "the council", "the developer", "the company"): the
   * organisation of the article whose name or description holds that word, else for a generic word ("company",
   * "firm") the organisation named last. Undefined when none fits, so that the mention stays its own.
   */
  private orgByRole (m: Mention): Entity | undefined {
    const first = this.doc.tokens[m.tokens.start]!.lower
    if (m.indefinite && !(m.kind === 'group' && DEFINITE.has(first))) return undefined
    if (!DEFINITE.has(first) || m.tokens.end - m.tokens.start > 4 || !m.head || m.gender === 'plural') return undefined
    // Only a common noun: "the Federal Rail Safety Board" is a name of its own.
    if (/\p{Lu}/u.test(this.doc.text.slice(this.doc.ends[m.tokens.start]!, m.end))) return undefined
    const head = m.head
    let best: Entity | undefined
    // Only organisations with a name of their own: "council" itself is found by its key.
    const named = (e: Entity): boolean => e.kind === 'organization' && e.name !== null && /^\p{Lu}/u.test(e.name)
    for (const e of this.orgWords.get(head) ?? []) if (named(e) && (!best || e.lastSeen > best.lastSeen)) best = e
    if (!best) for (const e of this.roleHolders.get(head) ?? []) if (named(e) && (!best || e.lastSeen > best.lastSeen)) best = e
    if (!best && GENERIC_ORG_NOUNS.has(head) && this.lastOrg) best = this.lastOrg
    return best
  }

  private findPerson (m: Mention): Entity | undefined {
    let best: Entity | undefined
    if (!m.surname) return undefined
    const sameSurname = this.persons.get(m.surname) ?? []
    // A lone first name ("Hillary") matches a fuller name seen before, when no one bears it as a surname.
    const candidates = sameSurname.length || m.firstName ? sameSurname : (this.firstNames.get(m.surname) ?? [])
    // The same full name is found by key however many namesakes the article has.
    if (m.firstName) best = this.fullNames.get(m.surname + ' ' + m.firstName)
    // Bounded: only the latest MAX_NAMESAKES people of one surname are compared. No news article has that many
    // different people sharing a surname; a hostile one that does would otherwise compare every mention with all.
    for (let k = candidates.length - 1, stop = Math.max(0, candidates.length - MAX_NAMESAKES); k >= stop; k--) {
      const e = candidates[k]!
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
    else if (m.kind === 'pronoun' && m.gender === 'neuter') e = this.organizationAntecedent(sentence, m.tokens.start)
    else if (m.kind === 'relative') e = this.relativeAntecedent(sentence, m.tokens.start)
    else if (m.kind === 'role' && !m.indefinite && m.head) e = this.byRole(m, m.tokens.start) ?? this.orgByRole(m)
    if (!e) {
      // One unnamed individual ("a spokeswoman", a role nothing fits): the role is what the article calls them.
      e = this.create('unnamed', m, null)
      if (m.kind === 'role') {
        this.addTitle(e, this.doc.text.slice(m.start, m.end))
        if (!m.indefinite && m.head) this.pendingRoles.push({ entity: e, mention: m })
      }
    }
    // A role is no alias: aliases are names.
    if (m.kind === 'pronoun' && e.kind === 'person' && !e.gender && (m.gender === 'male' || m.gender === 'female')) e.gender = m.gender
    // "who" only repeats the name just before it: it makes no one more salient.
    if (m.kind === 'relative') return e
    this.seen(e, m.tokens.start, sentence)
    this.place(m, sentence, e.id)
    return e
  }

  /** Definite roles no one held when they were read ("the town's fire chief said …" before the chief is named). */
  private readonly pendingRoles: Array<{ entity: Entity, mention: Mention }> = []
  /** Organisations named by a common noun only ("the council"), which a named one of the article may be. */
  private readonly pendingOrgs: Array<{ entity: Entity, mention: Mention }> = []

  /**
   * After the whole article is read: a role nothing fitted when it was read goes to the person the article gives that
   * role anywhere, before or after; otherwise it stays honestly unnamed.
   */
  settleRoles (): void {
    for (const { entity, mention } of this.pendingOrgs) {
      const named = this.orgByRole(mention)
      if (named && named !== entity && named.name && /^\p{Lu}/u.test(named.name)) entity.mergedInto = named
    }
    for (const { entity, mention } of this.pendingRoles) {
      const holder = this.byRole(mention, Number.MAX_SAFE_INTEGER)
      if (holder && holder !== entity) {
        entity.mergedInto = holder
      }
    }
  }

  /** The entity an entity was found to be (itself unless a later pass merged it). */
  final (e: Entity): Entity {
    let f = e
    for (let guard = 0; f.mergedInto && guard < 4; guard++) f = f.mergedInto
    return f
  }

  /** "X, the chairwoman, who said …": the person or organisation named last before "who" in its sentence. */
  private relativeAntecedent (sentence: number, at: number): Entity | undefined {
    const list = this.bySentence.get(sentence)
    if (!list) return undefined
    for (let k = list.length - 1; k >= 0; k--) {
      const m = list[k]!
      if (m.tokens.start >= at) continue
      const e = this.entities[m.entity]!
      if ((m.kind === 'person' || m.kind === 'organization') && (e.kind === 'person' || e.kind === 'organization')) return e
      // Bounded: only the mentions of one sentence, and only the latest named one counts.
      if (at - m.tokens.end > 40) break
    }
    return undefined
  }

  /** "it said": the organisation named last in this sentence (before "it") or the three before it. */
  private organizationAntecedent (sentence: number, at: number): Entity | undefined {
    for (let s = sentence; s >= 0 && sentence - s <= 3; s--) {
      const list = this.bySentence.get(s)
      if (!list) continue
      for (let k = list.length - 1; k >= 0; k--) {
        const m = list[k]!
        if (s === sentence && m.tokens.start >= at) continue
        const e = this.entities[m.entity]!
        if (e.kind === 'organization') return e
      }
    }
    return undefined
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
      let inOpening: Entity | undefined
      for (const m of list) {
        if (s === sentence && m.tokens.start >= at) continue
        const e = this.entities[m.entity]!
        if (!this.compatible(e, gender) || !e.name) continue
        // "Asked about Cruz's charges, Rubio said": the subject of the main clause first; a person named only in
        // the opening clause ("Though Ms. Olivieri has …, the influx …") when the main clause names none.
        if (m.tokens.start < clauseStart) { inOpening ??= e; continue }
        return e
      }
      if (inOpening) return inOpening
    }
    // Else the compatible named person seen last before `at`. Sightings are in sentence order, so the search stops
    // at the first sentence before the best one found: it does not grow with the number of people in the article.
    let best: Entity | undefined
    let bestSentence = -1
    for (let k = this.sightings.length - 1; k >= 0; k--) {
      const { entity: e, sentence: s } = this.sightings[k]!
      // Bounded: news names a person again well within SIGHTING_WINDOW sentences of a pronoun for them.
      if (s < bestSentence || sentence - s > SIGHTING_WINDOW) break
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
    const first = tokens[s.firstToken]!
    // "Appearing before supporters, Suu Kyi said": an opening participle is a subordinate clause too.
    const participle = first.lower.length > 5 && first.lower.endsWith('ing') && !(tokens[s.firstToken + 1]?.capitalized ?? true)
    if (!SUBORDINATORS.has(first.lower) && !participle) return s.firstToken
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
        if (e.kind === 'organization' || e.kind === 'group') return e
      }
    }
    return undefined
  }

  /**
   * The person the article gave this role: holders of the role's head word ("the town's fire chief" → a "Fire Chief"),
   * the one whose titles share most of the mention's words first, then the one seen last before the mention, then the
   * first one after it.
   */
  private byRole (m: Mention, at: number): Entity | undefined {
    if (!m.head) return undefined
    const words = contentWords(this.doc.text.slice(m.start, m.end)).map(expandTitle)
    const head = expandTitle(m.head)
    let best: Entity | undefined
    let bestScore = -1
    for (const e of this.roleHolders.get(head) ?? []) {
      if (e.kind !== 'person' || !e.name) continue
      if (m.gender && (m.gender === 'male' || m.gender === 'female') && e.gender && e.gender !== m.gender) continue
      let score = 0
      // "the town's fire chief" is no "chief executive": the role's head must head one of the titles.
      if (!e.roleHeads.has(head)) continue
      for (const w of words) if (e.roleWords.has(w)) score++
      const better = score > bestScore ||
        (score === bestScore && best !== undefined && (e.lastSeen < at ? (best.lastSeen >= at || e.lastSeen > best.lastSeen) : (best.lastSeen >= at && e.lastSeen < best.lastSeen)))
      if (better) { best = e; bestScore = score }
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
      // "Aldridge Museum of Art": a name runs on over "of" into capitals.
      while (end + 1 < s.endToken && tokens[end]!.lower === 'of' && quoteOf[end + 1] === -1 && tokens[end + 1]!.capitalized && end - i < 8) {
        end += 2
        while (end < s.endToken && quoteOf[end] === -1 && tokens[end]!.capitalized) end++
      }
      // "Members of Wexcombe Borough Council" are people of it, not the organisation.
      const orgName = end - i >= 2 && hasOrgWord(tokens, i, end) && !GROUP_NOUNS.has(tokens[i]!.lower)
      if (!orgName && !this.hasMentionAt(start) && !this.hasMentionAt(i) && this.mayNamePerson(start, i, end)) {
        const m = describeMention(doc, { start, end })
        if (m.kind === 'person' && this.isPersonName(m, start < i)) {
          const e = this.addNamed(m, sentence)
          if (e && e.kind === 'person') {
            this.pendingAge = null
            this.addTitle(e, this.appositionAfter(end, s.endToken))
            if (this.pendingAge) {
              e.roleWords.add(this.pendingAge)
              e.roleHeads.add(this.pendingAge)
              this.index(this.roleHolders, this.pendingAge, e)
            }
            this.addTitle(e, this.appositionBefore(start, s.firstToken))
          }
        }
      } else if (orgName && !this.hasMentionAt(i)) {
        // "the Federal Rail Safety Board", "Prairie Central Railroad": named organisations, which later
        // "the board", "the railroad" and "it" refer to.
        const m = describeMention(doc, { start: i, end })
        if (m.kind === 'organization' || m.kind === 'person') this.addNamed({ ...m, kind: 'organization', name: m.name ?? doc.text.slice(m.start, m.end), title: null }, sentence)
      }
      i = end - 1
    }
  }

  /**
   * "Henrik Dahl, the chief executive of Baltic Line," / "Gloria Espinoza, 71, a retired school cook who …": the noun
   * phrase set off by commas after a name, when it opens with a determiner or possessive. At most 16 tokens: an
   * apposition in news prose is a short noun phrase; anything longer is a clause.
   */
  private appositionAfter (end: number, sentenceEnd: number): string | null {
    const { tokens, quoteOf } = this.doc
    let k = end
    if (tokens[k]?.text !== ',') return null
    k++
    // An age: "Gloria Espinoza, 71, a …", which "the 71-year-old" refers to.
    if (tokens[k]?.kind === TokenKind.Number && (tokens[k + 1]?.text === ',' || k + 1 >= sentenceEnd)) {
      this.pendingAge = tokens[k]!.text + '-year-old'
      k += 2
    }
    if (k >= sentenceEnd || !APPOSITION_OPENERS.has(tokens[k]!.lower)) return null
    const from = k
    for (; k < sentenceEnd && k - from < 16; k++) {
      const t = tokens[k]!
      if (quoteOf[k] !== -1 || t.text === ',' || t.text === ';' || t.text === '.' || t.text === '(' || t.text === '—' || t.text === '–') break
    }
    if (k === from + 1) return null
    return cleanTitle(this.doc.text.slice(this.doc.starts[from]!, this.doc.ends[k - 1]!))
  }

  /** The age appositionAfter read last ("71-year-old"), or null. */
  private pendingAge: string | null = null

  /** "its chief executive, Henrik Dahl": a role noun phrase just before a name, set off by a comma (at most 8 tokens). */
  private appositionBefore (start: number, sentenceStart: number): string | null {
    const { tokens, quoteOf } = this.doc
    if (start - 2 < sentenceStart || tokens[start - 1]!.text !== ',') return null
    const last = tokens[start - 2]!
    if (last.kind !== TokenKind.Word || !(ROLE_NOUNS.has(last.lower) || TITLES.has(last.lower))) return null
    let k = start - 2
    const possessive = (x: number): boolean => tokens[x]!.text === '’s' || tokens[x]!.text === "'s"
    while (k > sentenceStart && start - k < 8 && quoteOf[k - 1] === -1 && (tokens[k - 1]!.kind === TokenKind.Word || possessive(k - 1)) &&
      !APPOSITION_OPENERS.has(tokens[k]!.lower) && !NP_STOPPERS.has(tokens[k - 1]!.lower)) k--
    // It opens with a determiner ("its chief executive") or a possessive name ("Baltic Line's chief executive").
    if (!APPOSITION_OPENERS.has(tokens[k]!.lower) && !(k + 1 < start && possessive(k + 1))) return null
    return cleanTitle(this.doc.text.slice(this.doc.starts[k]!, this.doc.ends[start - 2]!))
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
    if (last >= i && (this.persons.has(tokens[last]!.lower) || this.firstNames.has(tokens[last]!.lower))) return true
    for (let j = i; j < end; j++) {
      if (isFirstName(tokens[j]!.lower)) return true
    }
    return false
  }

  /** A capitalised run is a person when a title or known first name says so, or it repeats a known person's surname. */
  private isPersonName (m: Mention, titled: boolean): boolean {
    if (titled) return true
    if (m.firstName && isFirstName(m.firstName)) return true
    // A lone word: a known person's surname, a known person's first name ("Margit" after "Margit Halvorsen"), or a
    // first name used as a name (loneNameInUse).
    if (!m.firstName && m.surname) {
      return this.persons.has(m.surname) || this.firstNames.has(m.surname) || (isFirstName(m.surname) && this.loneNameInUse(m.tokens.end))
    }
    return false
  }

  /**
   * "Leif, her son, …", "Margit herself remembers": a lone first name used as a person's name, told by what follows
   * it (an apposition with a possessive or determiner, or a reflexive pronoun).
   */
  private loneNameInUse (end: number): boolean {
    const { tokens } = this.doc
    const next = tokens[end]?.lower
    if (next === 'herself' || next === 'himself') return true
    return next === ',' && APPOSITION_OPENERS.has(tokens[end + 1]?.lower ?? '') && tokens[end + 1]?.lower !== 'the' && tokens[end + 1]?.lower !== 'a'
  }

  private hasMentionAt (token: number): boolean {
    for (let k = this.mentions.length - 1; k >= 0 && k >= this.mentions.length - 6; k--) {
      const m = this.mentions[k]!
      if (m.tokens.start <= token && token < m.tokens.end) return true
    }
    return false
  }
}

/** Words that open an apposition that may be a title: "the chief executive", "a retired school cook", "its director". */
const APPOSITION_OPENERS = new Set(['the', 'a', 'an', 'its', 'his', 'her', 'their', 'our'])


/** "Prairie Central Railroad", "Aldridge Museum of Art": an organisation's word ends the run or comes before its "of". */
function hasOrgWord (tokens: Doc['tokens'], from: number, end: number): boolean {
  for (let k = from; k < end; k++) {
    const next = k + 1 < end ? tokens[k + 1]!.lower : 'of'
    if (tokens[k]!.kind === TokenKind.Word && ORG_HEADS.has(tokens[k]!.lower) && next === 'of') return true
  }
  return false
}

/** The gender of a one-word person name that is a first name ("Margit", "Leif"), or null. */
function loneFirstNameGender (m: Mention): 'male' | 'female' | null {
  if (m.kind !== 'person' || m.firstName || !m.surname || m.name?.includes(' ')) return null
  return firstNameGender(m.surname)
}

/** A plural noun for people ("critics", "campaigners", "residents"), not things ("records", "figures"). */
function isPeopleNoun (head: string | null): boolean {
  return head !== null && (GROUP_NOUNS.has(head) || /(ers|ors|ists|ians|ents|ants|ees|men|women|people|folk)$/.test(head))
}

/** Mentions kept per sentence as antecedents (see place()). */
const MAX_SENTENCE_MENTIONS = 64
/** People sharing one surname compared with a new mention of it (findPerson). */
const MAX_NAMESAKES = 32
/** How many sentences back a pronoun looks for the last compatible person seen (see antecedent()). */
const SIGHTING_WINDOW = 40

/** At most this many titles per entity, the latest kept: news gives a person a handful. */
const MAX_TITLES = 8

const DEFINITE = new Set(['the'])
/** Nouns any organisation may be called by: "the company" is the one named last. */
const GENERIC_ORG_NOUNS = new Set(['company', 'firm', 'business', 'organization', 'organisation', 'corporation'])
const TITLE_STOP = new Set(['the', 'a', 'an', 'of', 'for', 'at', 'in', 'on', 'and', 'to', 'its', 'his', 'her', 'their', 'our', 'my', 'your', 'this', 'that', 's', 'from', 'with', 'by', 'then', 'now', 'former', 'new'])

/** The head noun of a title: its last word before "of", "for", "at" … ("chief executive of Baltic Line" → executive). */
function titleHead (title: string): string | null {
  let head: string | null = null
  for (const raw of title.toLowerCase().split(/[^\p{L}\p{N}.-]+/u)) {
    const w = raw.endsWith('.') ? raw.slice(0, -1) : raw
    if (!w) continue
    if (HEAD_ENDERS.has(w)) { if (head) break; continue }
    if (!TITLE_STOP.has(w)) head = w
  }
  return head
}

const HEAD_ENDERS = new Set(['of', 'for', 'at', 'in', 'on', 'from', 'with', 'to', 'and', 'who', 'whose'])

/** Lower-case content words of a title or role: "the town's fire chief" → town, fire, chief. */
function contentWords (text: string): string[] {
  const out: string[] = []
  for (const raw of text.toLowerCase().split(/[^\p{L}\p{N}.-]+/u)) {
    const w = raw.endsWith('.') ? raw.slice(0, -1) : raw
    if (w && !TITLE_STOP.has(w) && !/^\d/.test(w)) out.push(w)
  }
  return out
}

/**
 * A title as the article gives it, or null when the words are no title: an age ("71"; "60, a doctor" keeps the
 * doctor), a relative clause ("who chairs the water board", cut off where it starts), "one of the plaintiffs".
 * Linear: one scan over the words, no backtracking pattern.
 */
export function cleanTitle (title: string): string | null {
  const words = title.split(/\s+/)
  let from = 0
  let to = words.length
  const bare = (w: string): string => w.toLowerCase().replace(/[,;:.]+$/, '')
  // Leading age and time words: "71,", "then", "now".
  while (from < to && (/^\d+,?$/.test(words[from]!) || bare(words[from]!) === 'then' || bare(words[from]!) === 'now' || words[from] === '')) from++
  for (let k = from; k < to; k++) {
    const w = bare(words[k]!)
    if (RELATIVE_STARTS.has(w)) { to = k; break }
  }
  if (from < to && /^(the|a|an)$/i.test(words[from]!)) from++
  if (from < to && bare(words[from]!) === 'one' && bare(words[from + 1] ?? '') === 'of') return null
  let text = words.slice(from, to).join(' ')
  let end = text.length
  while (end > 0 && (text[end - 1] === ',' || text[end - 1] === ' ' || text[end - 1] === ';')) end--
  text = text.slice(0, end)
  return text && /\p{L}/u.test(text) ? text : null
}

const RELATIVE_STARTS = new Set(['who', 'whose', 'which', 'whom', 'where', 'when', 'that'])

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
