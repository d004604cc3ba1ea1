// Titles as the article gives them: cleaned of what is no title (ages, relative clauses, "one of"), their head noun
// and content words, and abbreviations spelled out, so that a role noun ("the chief executive") finds the person given
// that title ("Henrik Dahl, the chief executive of Baltic Line").

import { isRoleWord } from './lexicon.js'

const TITLE_STOP = new Set(['the', 'a', 'an', 'of', 'for', 'at', 'in', 'on', 'and', 'to', 'its', 'his', 'her', 'their', 'our', 'my', 'your', 'this', 'that', 's', 'from', 'with', 'by', 'then', 'now', 'former', 'new'])

/** The head noun of a title: its last word before "of", "for", "at" … ("chief executive of Baltic Line" → executive). */
export function titleHead (title: string): string | null {
  return titleWordsOf(title).head
}

const HEAD_ENDERS = new Set(['of', 'for', 'at', 'in', 'on', 'from', 'with', 'to', 'and', 'who', 'whose'])

/** Lower-case content words of a title or role: "the town's fire chief" → town, fire, chief. */
export function contentWords (text: string): string[] {
  return titleWordsOf(text).words
}

const WORD_BREAK = /[^\p{L}\p{N}.-]+/u
const NOT_ASCII = /[^\x00-\x7f]/

/** A title's head noun (titleHead) and content words (contentWords), read in one pass over its words. */
export function titleWordsOf (title: string): { head: string | null, words: string[] } {
  let head: string | null = null
  let headDone = false
  const words: string[] = []
  const lower = title.toLowerCase()
  // An ASCII title (most) is split by its codes; any other by the pattern, which knows Unicode letters.
  const raws = NOT_ASCII.test(lower) ? lower.split(WORD_BREAK) : asciiWords(lower)
  for (const raw of raws) {
    const w = raw.endsWith('.') ? raw.slice(0, -1) : raw
    if (!w) continue
    const stop = TITLE_STOP.has(w)
    if (!stop && !isDigit(w.charCodeAt(0))) words.push(w)
    if (headDone) continue
    if (HEAD_ENDERS.has(w)) { if (head) headDone = true; continue }
    if (!stop) head = w
  }
  return { head, words }
}

/** The runs of letters, digits, "." and "-" of an ASCII text, as WORD_BREAK splits it (empty pieces left out). */
function asciiWords (text: string): string[] {
  const out: string[] = []
  let start = -1
  for (let k = 0; k <= text.length; k++) {
    const c = k < text.length ? text.charCodeAt(k) : 32
    const inWord = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 46 || c === 45
    if (inWord) { if (start < 0) start = k } else if (start >= 0) { out.push(text.slice(start, k)); start = -1 }
  }
  return out
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57

/**
 * A title as the article gives it, or null when the words are no title: an age ("71"; "60, a doctor" keeps the
 * doctor), a relative clause ("who chairs the water board", cut off where it starts), "one of the plaintiffs".
 * Linear: one scan over the words, no backtracking pattern.
 */
export function cleanTitle (title: string): string | null {
  const words = title.split(/\s+/)
  let from = 0
  let to = words.length
  // Leading age and time words: "71,", "then", "now".
  while (from < to && (/^\d+,?$/.test(words[from]!) || bare(words[from]!) === 'then' || bare(words[from]!) === 'now' || words[from] === '')) from++
  for (let k = from; k < to; k++) {
    const w = bare(words[k]!)
    if (RELATIVE_STARTS.has(w)) { to = k; break }
  }
  if (from < to && /^(the|a|an)$/i.test(words[from]!)) from++
  if (from < to && bare(words[from]!) === 'one' && bare(words[from + 1] ?? '') === 'of') return null
  if (from < to && isAside(words[from]!, bare(words[from + 1] ?? ''))) return null
  let text = words.slice(from, to).join(' ')
  let end = text.length
  while (end > 0 && (text[end - 1] === ',' || text[end - 1] === ' ' || text[end - 1] === ';')) end--
  text = text.slice(0, end)
  return text && /\p{L}/u.test(text) ? text : null
}

/** A word of a title in lower case without the commas, semicolons, colons and full stops after it. */
function bare (w: string): string {
  let end = w.length
  for (let c = w.charCodeAt(end - 1); c === 44 || c === 59 || c === 58 || c === 46; c = w.charCodeAt(end - 1)) end--
  return (end === w.length ? w : w.slice(0, end)).toLowerCase()
}

const RELATIVE_STARTS = new Set(['who', 'whose', 'which', 'whom', 'where', 'when', 'that'])

/**
 * "Ferreira, hugging transit advocates in the aisle, told us", "Lee, flanked by aides, said": a participle with its
 * object or agent between commas tells what the person was doing, not what they are. A participle before a role
 * noun is part of a title ("acting mayor", "managing director", "retired teacher"), and so is a capitalised word
 * ("Reading councillor").
 */
function isAside (word: string, next: string): boolean {
  if (word.length < 5 || word !== word.toLowerCase()) return false
  if (word.endsWith('ing')) return !TITLE_ING_WORDS.has(word) && !isRoleWord(next)
  return word.endsWith('ed') && next === 'by'
}

/** Words in -ing that open titles: adjectives ("leading candidate") and trades ("nursing student", "housing minister"). */
const TITLE_ING_WORDS = new Set(`
  acting managing presiding visiting leading founding outgoing incoming ranking sitting serving reigning governing
  coordinating supervising consulting practising practicing working retiring long-serving longest-serving commanding
  nursing marketing engineering accounting banking publishing housing planning training polling fundraising lobbying
  recruiting teaching reporting investigating winning award-winning best-selling bestselling ruling opposing
  competing graduating returning starting trailing remaining upcoming up-and-coming
`.split(/\s+/).filter(Boolean))

/** Abbreviated titles match their role noun: "Sen." is a senator, "Gov." a governor. */
export function expandTitle (w: string): string {
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
    case 'const': case 'cst': return 'constable'
    case 'coun': return 'councillor'
    case 'insp': return 'inspector'
    case 'supt': return 'superintendent'
    case 'cpl': return 'corporal'
    case 'det': return 'detective'
    case 'maj': return 'major'
    case 'cmdr': return 'commander'
    case 'rev': return 'reverend'
    case 'prof': return 'professor'
    case 'dr': return 'doctor'
    default: return w
  }
}
