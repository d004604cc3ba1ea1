// First names and the gender they usually carry, from the gender-detection-from-name package (MIT; English, Italian,
// Spanish, French, German and Turkish given names, about 100,000 of them) rather than a hand-made list.
import { getGender } from 'gender-detection-from-name'
import type { Token } from './document.js'
import { CUE_VERB_FORMS, DETERMINERS, GROUP_NOUNS, NON_NAME_CAPITALS, NP_STOPPERS, ORG_HEADS, ROLE_NOUNS, TIME_WORDS, TITLES } from './lexicon.js'

/**
 * The package's lists hold words that are also common English words ("the", "say", "north", "court"); in news prose a
 * capitalised one of those opens a sentence, a place or an organisation far more often than it names a person.
 */
const NOT_FIRST_NAMES = new Set([
  ...NON_NAME_CAPITALS, ...TITLES, ...ROLE_NOUNS, ...GROUP_NOUNS, ...ORG_HEADS, ...DETERMINERS, ...TIME_WORDS,
  ...NP_STOPPERS, ...CUE_VERB_FORMS.keys(),
  ...'eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million dozen north south east west northern southern eastern western new old grand great little big long short high low upper lower central national federal royal united saint san santa fort port mount lake river bay cape first last white black red green blue golden silver china israel india paris london washington florida texas phoenix'.split(' '),
  // Landscape and emblem words that name companies and places ("Prairie Central", "Summit Health") far more often than people.
  ...'prairie meadow summit harbor canyon ocean forest island falcon star sun diamond prime victory unity harmony spring winter'.split(' '),
])

const cache = new Map<string, 'male' | 'female' | null>()

/** The gender a first name (lower-case) usually carries, or null when it is no known first name. */
export function firstNameGender (word: string): 'male' | 'female' | null {
  let g = cache.get(word)
  if (g !== undefined) return g
  g = NOT_FIRST_NAMES.has(word) ? null : (() => {
    let r = getGender(word)
    // "Lucía", "Zoë": the lists spell most names without accents.
    if (r === 'unknown' && /[^\x00-\x7f]/.test(word)) r = getGender(word.normalize('NFKD').replace(/[\u0300-\u036f]/g, ''))
    return r === 'unknown' ? null : r
  })()
  // Bounded: one entry per distinct capitalised word; cleared rather than grown without end on hostile input.
  if (cache.size > 50_000) cache.clear()
  cache.set(word, g)
  return g
}

export const isFirstName = (word: string): boolean => firstNameGender(word) !== null

/** Whether a token is a known first name: asked once per distinct word of an article, and kept on its shared Token. */
export function isFirstNameToken (t: Token): boolean {
  let g = t.firstName
  if (g === undefined) g = t.firstName = firstNameGender(t.lower)
  return g !== null
}

const LISTS = ['en', 'it', 'es', 'fr', 'de', 'tr'] as const
const agreedCache = new Map<string, boolean>()

/**
 * Whether every list that holds a first name gives it the same gender ("Walter", "Ruth"), unlike names borne by men
 * and women ("Lee", "Andrea", "Jordan"): only then does the first name outweigh an honorific ("Ms. Epstein").
 */
export function firstNameGenderAgreed (word: string): boolean {
  let agreed = agreedCache.get(word)
  if (agreed !== undefined) return agreed
  const g = firstNameGender(word)
  const plain = word.normalize('NFKD').replace(/[\u0300-\u036f]/g, '')
  // The package answers a language's own list first: answers that differ mean the lists disagree.
  agreed = g !== null && LISTS.every((lang) => { const r = getGender(plain, lang); return r === 'unknown' || r === g })
  if (agreedCache.size > 50_000) agreedCache.clear()
  agreedCache.set(word, agreed)
  return agreed
}
