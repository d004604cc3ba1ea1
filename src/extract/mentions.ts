// Stage 5a: what kind of speaker a noun phrase names, and how: its name, its title, its grammatical gender.
import { TokenKind, type Doc, type Token } from './document.js'
import { PERSONAL_PRONOUNS, TITLES } from './lexicon.js'
import { firstNameGender, isFirstNameToken } from './first-names.js'
import type { Range } from './phrases.js'
import { isRoleWord } from './lexicon.js'
import { withoutInvisible } from './text.js'
import { isA, WordClass, titleGender } from './word-classes.js'

export type MentionKind = 'pronoun' | 'person' | 'organization' | 'role' | 'group' | 'relative'
export type Gender = 'male' | 'female' | 'plural' | 'neuter' | 'first' | null

export interface Mention {
  /** Token range and character offsets of the words that name the speaker. */
  tokens: Range
  start: number
  end: number
  kind: MentionKind
  /** Person or organisation name without title or determiner ("Steve Witkoff", "prime minister’s office"). */
  name: string | null
  /** Surname for persons; lower-case. */
  surname: string | null
  /** First name for persons; lower-case, null when only a surname is given. */
  firstName: string | null
  /** Title before the name as written ("U.S. special envoy", "President"); honorifics such as "Mr." excluded. */
  title: string | null
  /** The head noun of a role or group ("president", "officials"), lower-case. */
  head: string | null
  gender: Gender
  /** Indefinite ("a spokesman", "some officials"): never the same entity as another mention. */
  indefinite: boolean
}

const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'sir', 'dame'])

const isStop = (t: Token): boolean => t.text === '.'

/** A word without the full stop that ends it ("Gov." → "gov"). */
const withoutStop = (w: string): string => w.charCodeAt(w.length - 1) === 46 ? w.slice(0, -1) : w

/** Start of the trailing run of capitalised name words in [start, end). */
function nameRunStart (tokens: Token[], start: number, end: number): number {
  let i = end
  while (i > start) {
    const t = tokens[i - 1]!
    // A word that ends in a stop ("U.S.") is asked without it.
    if (t.kind === TokenKind.Word && t.capitalized && !(isA(t, WordClass.Title) || (t.lower.endsWith('.') && TITLES.has(withoutStop(t.lower))))) { i--; continue }
    if (isStop(t) && i - 2 >= start && tokens[i - 2]!.capitalized && tokens[i - 2]!.text.length === 1) { i--; continue }
    // "Paul de Vos", "Ursula von der Leyen", "Mr. de Vos": particles after a capitalised word or a title's stop.
    if (t.kind === TokenKind.Word && isA(t, WordClass.NameParticle) && i < end) {
      let k = i - 1
      while (k - 1 >= start && tokens[k - 1]!.kind === TokenKind.Word && isA(tokens[k - 1], WordClass.NameParticle)) k--
      let p = k - 1
      if (p > start && isStop(tokens[p]!)) p--
      // "Von der Leyen" opening a sentence: the run's first particle is capitalised.
      if ((p >= start && tokens[p]!.capitalized) || tokens[k]!.capitalized) { i = k; continue }
    }
    break
  }
  // "Shopkeeper Lotte Nyberg", "Council Treasurer Paul Menon": capitalised words before a known first name, in a run
  // that goes on to a surname, are the title (sentence-initial capitals hide a lower-case role). Bounded by the run.
  for (let k = i; k < end - 1; k++) {
    const t = tokens[k]!
    if (t.kind !== TokenKind.Word) continue
    if (isFirstNameToken(t) || isA(t, WordClass.NameParticle)) {
      if (k > i && tokens[end - 1]!.kind === TokenKind.Word && !isFirstNameToken(tokens[k - 1]!) && end - k <= 3 && isRoleWord(tokens[k - 1]!.lower)) return k
      break
    }
    if (t.text.length === 1) break
  }
  return i
}

/**
 * Where "of Place/Organisation" (or "of the body") starts after a capitalised name ("Ganguly of Human Rights Watch"), or `end`. Not after
 * a title or an organisation's word, which the "of" belongs to ("Secretary of State", "Bank of America").
 */
function affiliationStart (tokens: Token[], from: number, end: number): number {
  for (let k = from + 1; k < end - 1; k++) {
    if (tokens[k]!.lower !== 'of') continue
    const before = tokens[k - 1]!
    const after = tokens[k + 1]!
    // "of Dover", "of the regional police": a place or a body, capitalised or after "the".
    if (!before.capitalized || !(after.capitalized || after.lower === 'the') || before.kind !== TokenKind.Word) return end
    if (isA(before, WordClass.Title | WordClass.RoleNoun | WordClass.OrgHead)) return end
    // The words before "of" must hold a first name: "Prince of Wales", "Duke of York" stay whole.
    for (let j = from; j < k; j++) if (tokens[j]!.kind === TokenKind.Word && isFirstNameToken(tokens[j]!)) return k
    return end
  }
  return end
}

/** Whether a token of [from, to) passes `test`: the question asked of several spans here, without copying them. */
function someToken (tokens: Token[], from: number, to: number, test: (t: Token) => boolean): boolean {
  for (let k = from; k < to; k++) if (test(tokens[k]!)) return true
  return false
}

/** The word tokens of [from, to). */
function wordsIn (tokens: Token[], from: number, to: number): Token[] {
  const words: Token[] = []
  for (let k = from; k < to; k++) if (tokens[k]!.kind === TokenKind.Word) words.push(tokens[k]!)
  return words
}

function slice (doc: Pick<Doc, 'text' | 'tokens' | 'starts' | 'ends'>, from: number, to: number): string {
  // A soft hyphen or zero-width character inside a word ("Mar\u00ADgaret") is no part of a name.
  return withoutInvisible(doc.text.slice(doc.starts[from]!, doc.ends[to - 1]!))
}

/**
 * The mention `m` (made in describeMention, not yet handed out) as a `kind` with these fields. Set in place rather than
 * spread into a new object: spreading objects of mixed shapes is slow, and every mention would pay for it.
 */
function as (m: Mention, kind: MentionKind, head: string | null, indefinite: boolean, gender: Gender = null, name: string | null = null): Mention {
  m.kind = kind
  m.head = head
  m.indefinite = indefinite
  m.gender = gender
  m.name = name
  return m
}

const POSSESSIVE_PRONOUNS: ReadonlyMap<string, Gender> = new Map([['his', 'male'], ['her', 'female'], ['their', 'plural'], ['its', 'neuter']])

export function describeMention (doc: Pick<Doc, 'text' | 'tokens' | 'starts' | 'ends'>, r: Range): Mention {
  const { tokens } = doc
  const first = tokens[r.start]!
  const last = tokens[r.end - 1]!
  const base: Mention = {
    tokens: r, start: doc.starts[r.start]!, end: doc.ends[r.end - 1]!, kind: 'group', name: null, surname: null, firstName: null,
    title: null, head: null, gender: null, indefinite: false,
  }
  if (r.end - r.start === 1 && isA(first, WordClass.PersonalPronoun)) return as(base, 'pronoun', null, false, PERSONAL_PRONOUNS.get(first.lower)!)
  // "his claim that …", "their promise to …": the owner of a noun of speech (possessive-frames.ts).
  if (r.end - r.start === 1 && POSSESSIVE_PRONOUNS.has(first.lower)) return as(base, 'pronoun', null, false, POSSESSIVE_PRONOUNS.get(first.lower)!)
  if (r.end - r.start === 1 && first.lower === 'who') return as(base, 'relative', null, false)

  if (r.end - r.start === 1 && isA(first, WordClass.Determiner)) return as(base, 'group', first.lower, true)
  let from = r.start
  const indefinite = first.lower === 'a' || first.lower === 'an' || first.lower === 'some' || first.lower === 'one' || first.lower === 'several' || first.lower === 'many'
  if (isA(first, WordClass.Determiner)) from++
  // "a spokeswoman for Hollins County", "the chief executive of Baltic Line": a role of a body is a person in that
  // role, not the body.
  for (let k = from; k < r.end - 1 && k - from < 4; k++) {
    const t = tokens[k]!
    if (t.kind !== TokenKind.Word || t.capitalized) break
    if (/^(for|of|at)$/.test(tokens[k + 1]!.lower) && isA(t, WordClass.RoleNoun | WordClass.Title)) {
      return as(base, 'role', t.lower, indefinite, titleGender(t) ?? null)
    }
  }
  // "Meenakshi Ganguly of Human Rights Watch", "Juan Ruiz of Oakland": a name, then where the person is from.
  const end = affiliationStart(tokens, from, r.end)
  if (end < r.end) {
    const person = describeMention(doc, { start: r.start, end })
    if (person.kind === 'person') {
      person.tokens = r
      person.end = doc.ends[r.end - 1]!
      person.title ??= slice(doc, end, r.end)
      return person
    }
  }
  // "the Wisconsin Republican", "the Florida senator": a definite description whose head is a role, not a name.
  if (first.lower === 'the' && from < r.end - 1 && last.kind === TokenKind.Word && isA(last, WordClass.RoleNoun | WordClass.Title) &&
    !someToken(tokens, from, r.end - 1, (t) => isFirstNameToken(t))) {
    return as(base, 'role', last.lower, false, titleGender(last) ?? null)
  }
  // "a GP", "an MP leading the campaign": an abbreviation after an indefinite article is a role, not a name.
  if ((first.lower === 'a' || first.lower === 'an') && from < r.end && /^[A-Z]{2,4}$/.test(tokens[from]!.text) && !isFirstNameToken(tokens[from]!) &&
    (from + 1 === r.end || !tokens[from + 1]!.capitalized)) {
    return { ...base, kind: 'role', head: tokens[from]!.lower, indefinite, gender: null }
  }
  const nameStart = nameRunStart(tokens, from, r.end)
  const nameWords = wordsIn(tokens, nameStart, r.end)
  const isOrg = someToken(tokens, from, r.end, (t) => t.kind === TokenKind.Word && isA(t, WordClass.OrgHead)) ||
    (nameWords.length === 1 && /^[A-Z]{2,6}$/.test(nameWords[0]!.text) && !isFirstNameToken(nameWords[0]!))

  // "Democrats", "Republicans", "Chinese": capitalised groups, not people.
  if (nameWords.length === 1 && nameStart === from && (isA(nameWords[0], WordClass.GroupNoun) || /(ese|ians|ans|ists)$/.test(nameWords[0]!.lower))) {
    return as(base, 'group', nameWords[0]!.lower, false, 'plural')
  }
  if (nameWords.length > 0 && nameStart < r.end) {
    const titleWords = tokens.slice(from, nameStart)
    const titleText = titleWords.length ? slice(doc, from, nameStart) : ''
    const honorific = titleWords.find((t) => HONORIFICS.has(t.lower))
    const gender = genderOf(titleWords, nameWords)
    // "Union boss Frank Mills", "Police Chief Dana Whitfield", "White House press secretary Josh Earnest": an
    // organisation's word that only qualifies the title of a named person.
    let lastOrg = nameStart - 1
    while (lastOrg >= from && !(tokens[lastOrg]!.kind === TokenKind.Word && isA(tokens[lastOrg], WordClass.OrgHead))) lastOrg--
    const titledPerson = lastOrg >= from && someToken(tokens, lastOrg + 1, nameStart, (t) => t.kind === TokenKind.Word && isA(t, WordClass.Title | WordClass.RoleNoun)) &&
      !nameWords.some((t) => isA(t, WordClass.OrgHead) || /^[A-Z]{2,}$/.test(t.text))
    // "union steward Colm Reddy": a first name and a surname after an organisation's word name a person.
    const namedPerson = nameWords.length >= 2 && isFirstNameToken(nameWords[0]!) && !isA(last, WordClass.OrgHead) &&
      !nameWords.some((t) => isA(t, WordClass.OrgHead))
    if (isOrg && !honorific && !titledPerson && !namedPerson) {
      return as(base, 'organization', last.lower, indefinite, null, slice(doc, from, r.end))
    }
    const title = titleText && !titleWords.every((t) => HONORIFICS.has(t.lower) || t.text === '.') ? titleText : null
    base.kind = 'person'
    base.tokens = { start: r.start, end: r.end }
    base.name = slice(doc, nameStart, r.end)
    base.surname = nameWords[nameWords.length - 1]!.lower
    // "de Vos", "Von der Leyen": a particle opens the surname, not a first name.
    base.firstName = nameWords.length > 1 && !isParticle(nameWords[0]!) ? nameWords[0]!.lower : null
    base.title = title
    base.gender = gender
    return base
  }
  const head = last.lower
  if (last.kind === TokenKind.Number) return as(base, 'role', head, indefinite)
  // "the 24-year-old": a description by age, which resolves like a role.
  if (/^\d+-year-old$/.test(head)) return as(base, 'role', head, indefinite)
  // "Labour Party veterans", "old Iowa party hands": a lower-case plural after an organisation's word is its people.
  const peopleOf = !last.capitalized && /[^s]s$/.test(head)
  if (isA(last, WordClass.OrgHead) || (isOrg && !isA(last, WordClass.GroupNoun | WordClass.RoleNoun) && !peopleOf)) {
    return as(base, 'organization', head, indefinite, null, slice(doc, from, r.end))
  }
  if (isA(last, WordClass.GroupNoun) || head.endsWith('s')) return as(base, 'group', head, true, 'plural')
  if (isA(last, WordClass.RoleNoun | WordClass.Title)) {
    return as(base, 'role', head, indefinite, titleGender(last) ?? null)
  }
  return as(base, 'group', head, true)
}

/** Particles that are no first name even when capitalised ("De Vos"); not "Al" (Al Gore), "Van" (Van Jones), "Di". */
const CAPITAL_PARTICLES = new Set(['de', 'del', 'der', 'den', 'von', 'du', 'bin', 'ibn'])

function isParticle (t: Token): boolean {
  return isA(t, WordClass.NameParticle) && (t.text === t.lower || CAPITAL_PARTICLES.has(t.lower))
}

function genderOf (titleWords: Token[], nameWords: Token[]): Gender {
  for (const t of titleWords) {
    const g = titleGender(t)
    if (g) return g
  }
  const firstName = nameWords.length > 1 && !isParticle(nameWords[0]!) ? nameWords[0]!.lower : null
  return firstName ? firstNameGender(firstName) : null
}
