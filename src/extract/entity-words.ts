// Words and names as the entity table reads them: what opens an apposition, names an organisation or a company,
// a kinship or a plural of people, and small tests on names. Pure functions and word lists, no state.
import { TokenKind, type Doc } from './document.js'
import { GROUP_NOUNS, ORG_HEADS, PEOPLE_PLURAL_ENDINGS } from './lexicon.js'
import { firstNameGender } from './first-names.js'
import type { Gender, Mention } from './mentions.js'
import { isA, WordClass } from './word-classes.js'

/** Words that open an apposition that may be a title: "the chief executive", "a retired school cook", "its director". */
export const APPOSITION_OPENERS = new Set(['the', 'a', 'an', 'its', 'his', 'her', 'their', 'our'])

/** "Prairie Central Railroad", "Aldridge Museum of Art": an organisation's word ends the run or comes before its "of". */
export function hasOrgWord (tokens: Doc['tokens'], from: number, end: number): boolean {
  for (let k = from; k < end; k++) {
    const next = k + 1 < end ? tokens[k + 1]!.lower : 'of'
    if (tokens[k]!.kind === TokenKind.Word && isA(tokens[k], WordClass.OrgHead) && next === 'of') return true
  }
  return false
}

/** The gender of a one-word person name that is a first name ("Margit", "Leif"), or null. */
export function loneFirstNameGender (m: Mention): 'male' | 'female' | null {
  if (m.kind !== 'person' || m.firstName || !m.surname || m.name?.includes(' ')) return null
  return firstNameGender(m.surname)
}

/** A plural noun for people ("critics", "campaigners", "residents"), not things ("records", "figures"). */
export function isPeopleNoun (head: string | null): boolean {
  return head !== null && (GROUP_NOUNS.has(head) || PEOPLE_PLURAL_ENDINGS.test(head) || /(men|women|people|folk)$/.test(head))
}

export const DEFINITE = new Set(['the'])
/** Kinship is no title: "His cousin, the senator," gives her the title senator, not cousin. */
export const KIN_NOUNS = new Set(['cousin', 'son', 'daughter', 'mother', 'father', 'wife', 'husband', 'brother', 'sister', 'grandson',
  'granddaughter', 'grandmother', 'grandfather', 'uncle', 'aunt', 'nephew', 'niece', 'widow', 'widower', 'partner', 'friend', 'child', 'parent'])
/** What a company is called by its trade: "the frozen-food maker", "the developer", "the retailer". */
export const COMPANY_TRADES = /^(\p{L}+-)?(developer|housebuilder|builder|maker|makers|manufacturer|producer|retailer|grocer|chain|lender|insurer|carrier|airline|automaker|carmaker|supplier|distributor|brewer|miner|conglomerate|railroad|railway|operator)$/u

/** A company's name: a legal suffix, or a last word that is no public body's ("Harrowgate Living", "Kestrel Foods"). */
export function isCompanyName (name: string): boolean {
  const words = name.toLowerCase().replace(/[.,]/g, '').split(/\s+/)
  const last = words[words.length - 1] ?? ''
  if (/^(inc|corp|corporation|co|ltd|llc|plc|group|holdings|company)$/.test(last)) return true
  return words.length >= 2 && !ORG_HEADS.has(last) && !/^(authority|county|city|state|borough|district|trust|council)$/.test(last)
}
/** Nouns any organisation may be called by: "the company" is the one named last. */
export const GENERIC_ORG_NOUNS = new Set(['company', 'firm', 'business', 'organization', 'organisation', 'corporation'])

export const SUBORDINATORS = new Set(['after', 'when', 'while', 'before', 'asked', 'if', 'although', 'though', 'because', 'as', 'since', 'despite', 'in', 'on', 'at', 'during', 'unlike', 'like', 'with', 'without', 'for', 'speaking', 'responding', 'addressing'])

export function wordCount (s: string): number {
  let n = 1
  const space = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0
  for (let i = 1; i < s.length; i++) if (space(s.charCodeAt(i)) && !space(s.charCodeAt(i - 1))) n++
  return n
}

export function gendered (g: Gender): g is 'male' | 'female' {
  return g === 'male' || g === 'female'
}

export function initialOf (a: string, b: string): boolean {
  return (a.length <= 2 && b.startsWith(a.replace('.', ''))) || (b.length <= 2 && a.startsWith(b.replace('.', '')))
}
