// Keys that compare speaker names and titles across articles: case- and accent-insensitive,
// with a person's name split into first name and surname. Pure functions, no I/O.
import { createHash } from 'node:crypto'

const NOT_ASCII = /[^\u0000-\u007f]/

/** Lowercase, without accents or other combining marks, runs of spaces collapsed. */
export function fold (text: string): string {
  // ASCII has nothing to decompose: most text skips the normalization (search scores fold every matched word).
  const plain = NOT_ASCII.test(text) ? text.normalize('NFKD').replace(/\p{M}+/gu, '') : text
  return plain.toLowerCase().replace(/\s+/g, ' ').trim()
}

/** The words of a name or query, folded: "Steve Witkoff's" → ["steve", "witkoff"]. */
export function nameTokens (text: string): string[] {
  if (!NOT_ASCII.test(text)) return asciiTokens(text)
  return fold(text).replace(/['’]s\b/g, '').match(/[\p{L}\p{N}]+/gu) ?? []
}

/** A lower-case ASCII letter or digit (a word of nameTokens), or with `_` a word character of `\b`. */
function isWordCode (code: number, underscore: boolean): boolean {
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (underscore && code === 95)
}

/**
 * nameTokens of ASCII text in one pass over its codes, without the three regular expressions (every stored quote's
 * textKey and every name's words go through here): the same words, "'s" before a word boundary left out.
 */
function asciiTokens (text: string): string[] {
  const lower = text.toLowerCase()
  const tokens: string[] = []
  let start = -1
  for (let i = 0; i < lower.length; i++) {
    const code = lower.charCodeAt(i)
    if (isWordCode(code, false)) {
      if (start < 0) start = i
      continue
    }
    if (start >= 0) {
      tokens.push(lower.slice(start, i))
      start = -1
    }
    // "'s" followed by a boundary (what /'s\b/ removes): its "s" starts no word.
    if (code === 39 && lower.charCodeAt(i + 1) === 115 && !isWordCode(lower.charCodeAt(i + 2), true)) i++
  }
  if (start >= 0) tokens.push(lower.slice(start))
  return tokens
}

/** The key two names share when they name the same thing: tokens joined, a leading "the" dropped. */
export function nameKey (name: string): string {
  const tokens = nameTokens(name)
  if (tokens[0] === 'the' && tokens.length > 1) tokens.shift()
  return tokens.join(' ')
}

/**
 * The last two words of a name key ("lopez obrador" of "andres manuel lopez obrador"), null for one word: two names
 * of which one ends the other share it, so the store finds such names by this key instead of by scanning a surname.
 */
export function nameEnding (key: string): string | null {
  const last = key.lastIndexOf(' ')
  if (last === -1) return null
  const before = key.lastIndexOf(' ', last - 1)
  return key.slice(before + 1)
}

const SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv', 'phd', 'md'])

export interface PersonName {
  /** Folded first name, null for a bare surname ("Trump"). */
  first: string | null
  surname: string
}

/** "Donald J. Trump Jr." → { first: "donald", surname: "trump" }; null when there is no word. */
export function personName (name: string): PersonName | null {
  const tokens = nameTokens(name)
  while (tokens.length > 1 && SUFFIXES.has(tokens[tokens.length - 1]!)) tokens.pop()
  const surname = tokens.pop()
  if (surname === undefined) return null
  return { first: tokens[0] ?? null, surname }
}

/**
 * An organisation named only by its role ("the prime minister's office", "the ministry") is
 * different in every article; a proper name ("the White House", "Hamas") has a capital letter.
 */
export function isRoleOnly (name: string): boolean {
  return !/\p{Lu}/u.test(name.replace(/^the\s+/i, ''))
}

/** Same words in the same order, whatever the case, accents, spacing or punctuation. */
export function textKey (text: string): string {
  return createHash('sha256').update(nameTokens(text).join(' ')).digest('base64url').slice(0, 22)
}

/** "Benjamín Netanyahu" → "benjamin-netanyahu": lowercase ASCII words joined by hyphens. */
export function slugify (name: string): string {
  const slug = name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()
    .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '')
  return slug || 'speaker'
}

/**
 * The surnames of the people an article names in full, other than `word`: where a lone name ("Leif") in that article
 * may be a known person's first name ("Leif Halvorsen", in a story about Margit Halvorsen).
 */
export function articleSurnames (names: ReadonlyArray<string | null>, word: string): string[] {
  const surnames = new Set<string>()
  for (const name of names) {
    const person = name === null ? null : personName(name)
    if (person !== null && person.first !== null && person.surname !== word) surnames.add(person.surname)
  }
  return [...surnames]
}
