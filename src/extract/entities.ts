// Stage 6: who is who. The entity table folds the article's mentions into entities (one per person, organisation or
// unnamed group) and resolves pronouns and role nouns ("he", "the president") to the entity meant: a named mention
// joins the person or organisation it names, a pronoun or role the antecedent found for it, else an unnamed entity
// of its own. Salience, not proximity: "he" is the subject of the nearest earlier sentence that names a compatible
// person, which is often not the nearest name. The table's state is in entity-index.ts; what a pronoun or role
// refers to in antecedents.ts; reading a sentence for antecedents in antecedent-scan.ts; organisations in
// entity-orgs.ts; what is settled after the article in settle-roles.ts.
import { firstNameGenderAgreed } from './first-names.js'
import type { Mention } from './mentions.js'
import { cleanTitle } from './titles.js'
import { loneFirstNameGender, isPeopleNoun, isCompanyName, wordCount, gendered, initialOf } from './entity-words.js'
import { EntityIndex, MAX_NAMESAKES, type Entity } from './entity-index.js'
import { noteAffiliation, orgByRole, orgNamedLikePerson } from './entity-orgs.js'
import { antecedent, byRole, describedBy, organizationAntecedent, pluralAntecedent, relativeAntecedent } from './antecedents.js'
import { collectAntecedents, collectCaptionTitles } from './antecedent-scan.js'
import { settleRoles } from './settle-roles.js'
import { titleGender } from './word-classes.js'

export { cleanTitle }
export type { Entity, PlacedMention } from './entity-index.js'

export class EntityTable extends EntityIndex {
  /** Whether a person mention's gender is certain: said by an honorific or title, or by an unambiguous first name. */
  private genderSureOf (m: Mention): boolean {
    if (!gendered(m.gender)) return false
    return this.titleGendered(m) || (m.firstName !== null && firstNameGenderAgreed(m.firstName))
  }

  /** Whether an honorific or gendered title in the mention gives its gender ("Ms. Epstein", "Chairwoman Kaminski"). */
  private titleGendered (m: Mention): boolean {
    const { tokens } = this.doc
    for (let k = m.tokens.start; k < m.tokens.end && k < m.tokens.start + 6; k++) {
      if (gendered(m.gender) && titleGender(tokens[k]!) === m.gender) return true
    }
    return false
  }

  /** Adds a named person, organisation or group mention; returns its entity. Pronouns and roles go through resolve(). */
  addNamed (m: Mention, sentence: number, apposition: string | null = null, quiet = false): Entity | null {
    let e: Entity | undefined
    if (m.kind === 'person' && (e = orgNamedLikePerson(this, m, sentence))) {
      this.alias(e, this.doc.text.slice(m.start, m.end))
    } else if (m.kind === 'person') {
      e = this.findPerson(m)
      if (!e) e = this.create('person', m, m.name)
      else if (m.name && (!e.name || wordCount(m.name) > wordCount(e.name))) e.name = m.name
      if (m.firstName && !e.firstName) e.firstName = m.firstName
      if (e.firstName) this.index(this.firstNames, e.firstName, e)
      if (e.firstName && e.surname) this.setFullName(e.surname, e.firstName, e)
      // "Lee Epstein" then "Ms. Epstein": an honorific outweighs a first name borne by men and women.
      const sure = this.genderSureOf(m)
      if (m.gender && (!e.gender || e.genderWeak || (sure && !e.genderSure))) { e.gender = m.gender; e.genderWeak = false }
      if (sure && m.gender === e.gender) e.genderSure = true
      if (m.gender === e.gender && this.titleGendered(m)) e.genderByName = false
      const weak = loneFirstNameGender(m)
      if (!e.gender && weak) { e.gender = weak; e.genderWeak = true }
      this.addTitle(e, m.title)
      this.addTitle(e, apposition)
      noteAffiliation(this, apposition, m)
      const next = this.doc.tokens[m.tokens.end]?.text
      if (next !== '’s' && next !== "'s") e.lastNamed = m.tokens.start
      this.alias(e, this.doc.text.slice(m.start, m.end))
      if (m.name) this.alias(e, m.name)
    } else if (m.kind === 'organization') {
      const key = this.normalize(m.name ?? '')
      e = m.indefinite ? undefined : (orgByRole(this, m) ?? this.orgsByName.get(key))
      if (!e) {
        e = this.create('organization', m, m.name?.replace(/^(the|a|an)\s+/i, '') ?? null)
        if (!m.indefinite) this.orgsByName.set(key, e)
        // "the council" before "Wexcombe Borough Council" is named: settled after the article (settleRoles).
        if (!m.indefinite && e.name && !/\p{Lu}/u.test(e.name)) this.pendingOrgs.push({ entity: e, mention: m })
      }
      this.alias(e, this.doc.text.slice(m.start, m.end))
    } else if (m.kind === 'group') {
      const text = this.doc.text.slice(m.start, m.end)
      // "the railroad", "the developer": one definite thing, which an organisation of the article may be.
      e = orgByRole(this, m)
      if (e) this.alias(e, text)
      else {
        const key = this.normalize(text)
        e = this.groupsByName.get(key)
        if (!e) {
          // "residents", "analysts": plural people are a group; "someone close to the mayor" one unnamed person.
          e = this.create(m.gender === 'plural' && isPeopleNoun(m.head) ? 'group' : 'unnamed', m, null)
          this.groupsByName.set(key, e)
        }
        this.alias(e, text)
      }
    } else return null
    if (e.kind === 'organization' && e.name && /^\p{Lu}/u.test(e.name)) {
      this.lastOrg = e
      if (isCompanyName(e.name)) this.lastCompany = e
    }
    // A caption's names give titles only: a caption is no part of the story's sentences, which pronouns follow.
    if (quiet) return e
    this.seen(e, m.tokens.start, sentence)
    this.place(m, sentence, e.id)
    return e
  }

  /** Person names and role nouns outside quotations: candidates for what later pronouns mean (antecedent-scan.ts). */
  collectAntecedents (sentence: number): void { collectAntecedents(this, sentence) }

  /** A photo caption's titled names, which give the article's people titles only (antecedent-scan.ts). */
  collectCaptionTitles (sentence: number): void { collectCaptionTitles(this, sentence) }

  private findPerson (m: Mention): Entity | undefined {
    let best: Entity | undefined
    if (!m.surname) return undefined
    const sameSurname = this.persons.get(m.surname) ?? []
    // A lone first name ("Hillary") matches a fuller name seen before, when no one bears it as a surname.
    const candidates = sameSurname.length || m.firstName ? sameSurname : (this.firstNames.get(m.surname) ?? [])
    // The same full name is found by key however many namesakes the article has.
    if (m.firstName) best = this.fullName(m.surname, m.firstName)
    // Bounded: only the latest MAX_NAMESAKES people of one surname are compared. No news article has that many
    // different people sharing a surname; a hostile one that does would otherwise compare every mention with all.
    for (let k = candidates.length - 1, stop = Math.max(0, candidates.length - MAX_NAMESAKES); k >= stop; k--) {
      const e = candidates[k]!
      if (e.surname === m.surname && m.firstName && e.firstName && m.firstName !== e.firstName && !initialOf(m.firstName, e.firstName)) continue
      // "Ms. Abernathy" is not the Walter Abernathy named before: an honorific's gender splits namesakes.
      // Either way round: "Ms. Abernathy" before "Theodore W. Abernathy" is not him either. (A first name that both
      // sexes bear yields to an honorific only when the full name came first: "Lee Epstein … Ms. Epstein".)
      if (gendered(m.gender) && e.genderSure && m.gender !== e.gender) continue
      // The namesake named last as a person, not in passing as a possessive, is the one a bare "Mr. Abernathy" means.
      if (!best || e.lastNamed > best.lastNamed) best = e
    }
    return best
  }

  /** Resolves a pronoun or role mention at token `at` to an entity, or creates an unresolved one. */
  resolve (m: Mention, sentence: number, apposition: string | null = null, speaker = false): Entity {
    let e: Entity | undefined
    if (m.kind === 'pronoun' && (m.gender === 'male' || m.gender === 'female')) {
      e = antecedent(this, m.gender, sentence, m.tokens.start)
      // "Sidney Blumenthal said that he …": when no one fits, a person whose gender only a name list gave may be
      // meant; the article's pronoun then says what the list did not.
      if (!e && (e = antecedent(this, m.gender, sentence, m.tokens.start, true))) { e.gender = m.gender; e.genderSure = false; e.genderByName = false }
      // "…, the county's spokeswoman said Monday. Wells … will be tested again, she said.": the unnamed speaker of the
      // attribution just before is who "she" continues, rather than someone named further back.
      // So does a definite role that is the subject of the sentence before ("The Route 9 driver who drew applause last
      // week is back. “Same faces,” he said."), when it is the later of the two, unless the person found was in the
      // sentence before that role: then the role is what the article calls that person ("… he said. The Russian
      // leader was pugnacious …; he praised …").
      const subject = this.roleSubject
      const newcomer = subject !== null && !(e && this.doc.sentenceOf[e.lastSeen]! >= subject.sentence - 1)
      const last = subject && newcomer && (!this.lastSpeaker || subject.sentence > this.lastSpeaker.sentence) ? subject : this.lastSpeaker
      if (last && last.entity.kind === 'unnamed' && last.mention.kind === 'role' && !last.mention.indefinite &&
        (last.sentence === sentence - 1 || (last.sentence === sentence && last.mention.tokens.start < m.tokens.start)) &&
        (!gendered(last.mention.gender) || last.mention.gender === m.gender) && !(e && describedBy(this, e, last, sentence, m.tokens.start))) e = last.entity
    }
    else if (m.kind === 'pronoun' && m.gender === 'plural') e = pluralAntecedent(this, sentence, m.tokens.start)
    else if (m.kind === 'pronoun' && m.gender === 'neuter') e = organizationAntecedent(this, sentence, m.tokens.start)
    else if (m.kind === 'relative') e = relativeAntecedent(this, sentence, m.tokens.start)
    else if (m.kind === 'role' && !m.indefinite && m.head) e = byRole(this, m, m.tokens.start) ?? orgByRole(this, m)
    if (!e) {
      // One unnamed individual ("a spokeswoman", a role nothing fits): the role is what the article calls them.
      e = this.create('unnamed', m, null)
      if (m.kind === 'role') {
        this.addTitle(e, this.doc.text.slice(m.start, m.end))
        this.addTitle(e, apposition)
        // "A GP leading the fight to save the baths has urged …¶… Dr Imran Siddiqui wrote …": a news lede describes
        // its first speaker and names them just after; an indefinite role elsewhere is someone else.
        const lede = m.indefinite && speaker && !this.entities.some((x) => x !== e && x.kind === 'person')
        if ((!m.indefinite || lede) && m.head) this.pendingRoles.push({ entity: e, mention: m, sentence, speaker })
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

  /** Records who the latest attribution's speaker was, for the pronouns that continue it. */
  noteSpeaker (entity: Entity, mention: Mention, sentence: number): void {
    this.lastSpeaker = { entity, mention, sentence }
    // The first speaker a sentence names by name is its subject for namedSubject ("…, Darnell Okafor said").
    if (mention.kind === 'person' && entity.kind === 'person' && !this.namedSpeakers.has(sentence)) {
      this.namedSpeakers.set(sentence, entity)
      // Only the latest sentences are asked about (namedSubject looks one sentence either side of a role).
      if (this.namedSpeakers.size > 64) this.namedSpeakers.delete(this.namedSpeakers.keys().next().value!)
    }
  }

  /** After the whole article is read: roles and organisations nothing fitted when they were read (settle-roles.ts). */
  settleRoles (): void { settleRoles(this) }
}
