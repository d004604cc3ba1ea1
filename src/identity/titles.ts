// Titles and honorifics as they stand before a name ("Councillor Margaret Hale", "Prairie Central CEO Marcus
// Lindqvist", "Dr Siddiqui"), and titles as keys that compare across articles ("Cllr" is "Councillor", "the interim
// chief executive" is "chief executive"). The store applies these to whatever extractor hands it a name, so that a
// title left in a name never makes a second speaker. Pure functions, no I/O.
import { nameKey, nameTokens } from './names.js'

/** Say nothing about a role, only about address: never a title of their own, never a disagreement. */
const HONORIFICS = new Set([
  'mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'sir', 'dame', 'messrs', 'herr', 'frau', 'mme', 'mlle', 'm', 'hon', 'rt',
])

/** Short forms written in place of a title word. */
const ABBREVIATIONS = new Map<string, string[]>([
  ['cllr', ['councillor']], ['clr', ['councillor']], ['councilor', ['councillor']], ['sen', ['senator']],
  ['rep', ['representative']], ['gov', ['governor']], ['gen', ['general']], ['col', ['colonel']],
  ['lt', ['lieutenant']], ['capt', ['captain']], ['sgt', ['sergeant']], ['supt', ['superintendent']],
  ['insp', ['inspector']], ['det', ['detective']], ['prof', ['professor']], ['pres', ['president']],
  ['atty', ['attorney']], ['rev', ['reverend']], ['adm', ['admiral']], ['cmdr', ['commander']],
  ['ceo', ['chief', 'executive']], ['cfo', ['chief', 'financial', 'officer']], ['coo', ['chief', 'operating', 'officer']],
  ['cto', ['chief', 'technology', 'officer']], ['md', ['managing', 'director']], ['mp', ['member', 'parliament']],
  ['mep', ['member', 'european', 'parliament']], ['msp', ['member', 'scottish', 'parliament']],
  ['chairwoman', ['chair']], ['chairman', ['chair']], ['chairperson', ['chair']],
  ['spokeswoman', ['spokesperson']], ['spokesman', ['spokesperson']],
  ['councilman', ['councillor']], ['councilwoman', ['councillor']],
  ['congressman', ['representative']], ['congresswoman', ['representative']],
])

/** Words that qualify a role without changing it: "the interim chief executive" holds the chief executive's job. */
const MODIFIERS = new Set([
  'the', 'a', 'an', 'of', 'to', 'for', 'and', 'in', 'on', 'at', 'with', 'its', 'his', 'her', 'their', 'our',
  'former', 'then', 'interim', 'acting', 'outgoing', 'incoming', 'new', 'current', 'longtime', 'long', 'time',
  'retired', 'senior', 'local', 'newly', 'elected', 'appointed',
])

/**
 * Words that, standing before a capitalised name, are its title or role rather than part of it. Lower-case; the
 * honorifics and the short forms above count too.
 */
const TITLE_WORDS = new Set([
  'councillor', 'councillors', 'alderman', 'alderwoman', 'mayor', 'deputy', 'president', 'vice', 'senator',
  'representative', 'governor', 'lieutenant', 'secretary', 'minister', 'premier', 'chancellor', 'judge', 'justice',
  'magistrate', 'general', 'colonel', 'captain', 'sergeant', 'admiral', 'commander', 'corporal',
  'chief', 'officer', 'constable', 'inspector', 'superintendent', 'detective', 'sheriff', 'marshal', 'commissioner',
  'trooper', 'firefighter', 'paramedic', 'chair', 'chairman', 'chairwoman', 'chairperson', 'director', 'treasurer',
  'clerk', 'ambassador', 'envoy', 'spokesman', 'spokeswoman', 'spokesperson', 'executive', 'ceo', 'cfo', 'coo', 'cto',
  'founder', 'cofounder', 'co-founder', 'owner', 'manager', 'partner', 'economist', 'analyst', 'strategist',
  'professor', 'lecturer', 'researcher', 'scientist', 'doctor', 'nurse', 'surgeon', 'physician', 'teacher',
  'headteacher', 'headmaster', 'headmistress', 'principal', 'coach', 'pastor', 'reverend', 'bishop', 'archbishop',
  'rabbi', 'imam', 'cardinal', 'lord', 'baroness',
  'shopkeeper', 'farmer', 'campaigner', 'activist', 'organiser', 'organizer', 'resident', 'lawyer',
  'attorney', 'solicitor', 'barrister', 'prosecutor', 'advocate', 'engineer', 'architect', 'planner', 'inspector',
  'pilot', 'skipper', 'captain', 'swimmer', 'runner', 'player', 'striker', 'goalkeeper', 'midfielder', 'defender',
  'author', 'novelist', 'writer', 'poet', 'artist', 'historian', 'curator', 'trustee', 'leader', 'speaker',
  'congressman', 'congresswoman', 'councilman', 'councilwoman', 'lawmaker', 'legislator', 'mp', 'mep', 'msp',
  'member', 'candidate', 'nominee', 'aide', 'adviser', 'advisor', 'consultant', 'landlord', 'tenant', 'publican',
  'baker', 'owner', 'proprietor', 'volunteer', 'organiser', 'rep', 'sen', 'gov', 'gen', 'col', 'lt', 'capt', 'sgt',
  'supt', 'insp', 'det', 'prof', 'pres', 'atty', 'rev', 'adm', 'cmdr', 'cllr', 'clr', 'councilor', 'md',
])

function folded (word: string): string {
  return nameTokens(word).join('-')
}

function isTitleWord (word: string): boolean {
  const key = folded(word)
  // "Attorney-General", "Vice-President": a hyphenated title ends with a title word.
  const last = key.slice(key.lastIndexOf('-') + 1)
  return TITLE_WORDS.has(key) || HONORIFICS.has(key) || (key !== last && TITLE_WORDS.has(last))
}

function startsCapitalised (word: string): boolean {
  return /^\p{Lu}/u.test(word)
}

export interface TitledName {
  /** The name without the words before it that are a title or honorific. */
  name: string
  /** Those words, as written; null when there were none or only honorifics ("Mr", "Dr"). */
  title: string | null
}

/**
 * "Councillor Margaret Hale" → Margaret Hale, title Councillor; "Prairie Central CEO Marcus Lindqvist" → Marcus
 * Lindqvist, title "Prairie Central CEO"; "Dr Siddiqui" → Siddiqui, no title. The name is what follows the last title
 * word, and only when it is all capitalised words: "Chief Executive Office" keeps its words, and so does a surname
 * that is a title word ("Mike Judge").
 */
export function splitTitle (name: string): TitledName {
  const words = name.trim().split(/\s+/)
  let cut = -1
  for (let i = 0; i < words.length - 1; i++) if (isTitleWord(words[i]!)) cut = i
  if (cut < 0) return { name: name.trim(), title: null }
  const rest = words.slice(cut + 1)
  if (!rest.every((word) => startsCapitalised(word) || /^(de|da|del|der|van|von|di|du|la|le|bin|al)$/.test(word))) {
    return { name: name.trim(), title: null }
  }
  const titleWords = words.slice(0, cut + 1)
  const title = titleWords.every((word) => HONORIFICS.has(folded(word)) || folded(word) === 'the') ? null : titleWords.join(' ')
  return { name: rest.join(' '), title }
}

/** Words that end an organisation's name, never a person's. */
const ORGANIZATION_WORDS = new Set([
  'association', 'council', 'committee', 'group', 'party', 'company', 'corporation', 'authority', 'board', 'office',
  'department', 'ministry', 'agency', 'union', 'federation', 'foundation', 'trust', 'society', 'institute',
  'university', 'college', 'school', 'museum', 'hospital', 'bank', 'fund', 'partners', 'services', 'railroad',
  'railway', 'airlines', 'foods', 'news', 'press', 'times', 'post', 'police', 'service', 'commission', 'court',
])

/**
 * A person's name with a title before it, handed as an organisation's name because the title names one ("Council
 * Member Hana Takahashi", "Council treasurer Paul Menon"); null when the name is an organisation's ("Fire Department",
 * "Chief Executive Office").
 */
export function titledPerson (name: string): TitledName | null {
  const split = splitTitle(name)
  if (split.name === name.trim()) return null
  const words = split.name.split(/\s+/)
  if (words.length < 2 || words.length > 3) return null
  if (words.some((word) => ORGANIZATION_WORDS.has(nameTokens(word).join(' ')) || !/\p{Ll}/u.test(word))) return null
  return split
}

/** The name without a title or honorific before it: how people's names are compared. */
export function bareName (name: string): string {
  return splitTitle(name).name
}

/** Short forms that stand for one title word, spelled out when a name gives the title: "Cllr Hale" is a Councillor. */
const SHORT_FORMS = new Map([
  ['cllr', 'Councillor'], ['clr', 'Councillor'], ['sen', 'Senator'], ['rep', 'Representative'], ['gov', 'Governor'],
  ['gen', 'General'], ['col', 'Colonel'], ['lt', 'Lieutenant'], ['capt', 'Captain'], ['sgt', 'Sergeant'],
  ['supt', 'Superintendent'], ['insp', 'Inspector'], ['det', 'Detective'], ['prof', 'Professor'],
  ['pres', 'President'], ['atty', 'Attorney'], ['rev', 'Reverend'], ['adm', 'Admiral'], ['cmdr', 'Commander'],
])

/** "Cllr" → "Councillor", "Sen." → "Senator"; any other title as it is. */
export function spelledOut (title: string): string {
  if (tooLongForShortForm(title)) return title
  return SHORT_FORMS.get(nameTokens(title).join(' ')) ?? title
}

/** The longest short form's letters ("supt"). */
const SHORT_FORM_LETTERS = Math.max(...[...SHORT_FORMS.keys()].map((k) => k.length))

/**
 * Whether an ASCII title has more letters and digits than any short form, even with each "'s" dropped as nameTokens
 * drops it: most titles ("chief executive of Baltic Line") are told without folding and splitting them.
 */
function tooLongForShortForm (title: string): boolean {
  let letters = 0
  for (let k = 0; k < title.length; k++) {
    const c = title.charCodeAt(k)
    if (c >= 128) return false
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)) letters++
    else if (c === 39) letters--
  }
  return letters > SHORT_FORM_LETTERS
}

/**
 * A title worth keeping: null for a relative clause ("who chairs the water board", "whose bakery flooded"), an age
 * ("71", "24-year-old"), or an honorific alone ("Mr.").
 */
export function usableTitle (title: string | null): string | null {
  if (title === null) return null
  const trimmed = title.trim().replace(/^[,;:\s]+|[,;:\s]+$/g, '')
  if (trimmed === '') return null
  if (/^(who|whose|which|that|whom|where|when)\b/i.test(trimmed)) return null
  if (/^\d+(\s*-?\s*years?\s*-?\s*old)?$/i.test(trimmed) || /^aged\s+\d+$/i.test(trimmed)) return null
  // "one of the plaintiffs" describes, "hugging transit advocates" narrates; "acting mayor" is a title.
  if (/^one of\b/i.test(trimmed)) return null
  const words = nameTokens(trimmed)
  if (/ing$/.test(words[0] ?? '') && !words.some((word) => TITLE_WORDS.has(word))) return null
  return roleWords(trimmed).length === 0 ? null : trimmed
}

/**
 * The content words of a title, folded, short forms spelled out, honorifics and qualifiers dropped: "the town's
 * fire chief" → town fire chief; "Prairie Central CEO" → prairie central chief executive; "Cllr" → councillor.
 */
export function roleWords (title: string): string[] {
  const words: string[] = []
  for (const token of nameTokens(title)) {
    if (HONORIFICS.has(token) || MODIFIERS.has(token)) continue
    words.push(...(ABBREVIATIONS.get(token) ?? [token]))
  }
  return words
}

/**
 * Two titles agree when the role words of one are all in the other ("Cllr" and "councillor for Eastfield", "the
 * interim chief executive" and "chief executive of Kestrel Foods"); they disagree when they share no role word
 * ("treasurer" and "fire chief"); null when either is missing or they overlap only in part, which is neither.
 */
export function titlesAgree (a: string | null, b: string | null): boolean | null {
  if (a === null || b === null) return null
  const wordsA = roleWords(a)
  const wordsB = roleWords(b)
  if (wordsA.length === 0 || wordsB.length === 0) return null
  const [shorter, longer] = wordsA.length <= wordsB.length ? [wordsA, new Set(wordsB)] : [wordsB, new Set(wordsA)]
  const shared = shorter.filter((word) => longer.has(word)).length
  if (shared === shorter.length) return true
  return shared === 0 ? false : null
}

const COMPANY_SUFFIXES = new Set(['inc', 'ltd', 'llc', 'plc', 'corp', 'co', 'lp', 'llp', 'sa', 'ag', 'gmbh', 'nv', 'bv'])

/** The key an organisation's names share: "The Kestrel Foods Inc." and "Kestrel Foods" are kestrel foods. */
export function organizationKey (name: string): string {
  return lookupTokens(nameKey(name).split(' ').filter(Boolean), false).join(' ')
}

/** Trades a company's short name leaves off: "Prairie Central" is Prairie Central Railroad. */
const COMPANY_TRADES = ['railroad', 'railway', 'railways', 'airline', 'airlines', 'airways', 'bank', 'company', 'corporation',
  'group', 'holdings', 'motors', 'foods', 'industries', 'systems', 'enterprises', 'energy', 'pharmaceuticals', 'insurance']
const TRADE_SET = new Set(COMPANY_TRADES)

/**
 * The other keys the same company may be stored under: its name without the trade ("prairie central railroad" →
 * "prairie central") or with one ("prairie central" → "prairie central railroad", …). Only names of two words or
 * more before the trade: "Central" alone is no company's name.
 */
export function organizationVariants (key: string): string[] {
  const words = key.split(' ')
  if (words.length >= 3 && TRADE_SET.has(words[words.length - 1]!)) return [words.slice(0, -1).join(' ')]
  if (words.length >= 2 && !TRADE_SET.has(words[words.length - 1]!)) return COMPANY_TRADES.map((trade) => `${key} ${trade}`)
  return []
}

/**
 * The words of a name looked up, without what the stored names may lack: titles and honorifics before it ("Cllr
 * Margaret Hale" looks up margaret hale) and a company's legal suffix after it ("Kestrel Foods Inc." looks up kestrel
 * foods), and middle initials. A lone word is kept whatever it is: "mayor" finds speakers called that.
 */
export function lookupTokens (tokens: readonly string[], titled = true): string[] {
  const words = [...tokens]
  while (titled && words.length > 1 && (TITLE_WORDS.has(words[0]!) || HONORIFICS.has(words[0]!))) words.shift()
  while (words.length > 1 && COMPANY_SUFFIXES.has(words[words.length - 1]!)) words.pop()
  // A middle initial the stored name may lack: "Theodore W. Abernathy" looks up theodore abernathy.
  return titled && words.length > 2 ? words.filter((word, i) => word.length > 1 || i === 0 || i === words.length - 1) : words
}

const GROUP_WORDS = new Set([
  'residents', 'officials', 'analysts', 'experts', 'critics', 'supporters', 'opponents', 'neighbours', 'neighbors',
  'protesters', 'protestors', 'parents', 'villagers', 'locals', 'shoppers', 'traders', 'investors', 'economists',
  'witnesses', 'volunteers', 'staff', 'workers', 'employees', 'students', 'passengers', 'fans', 'people', 'others',
])

/**
 * "Campaigners", "Councillors", "Local residents": plural people handed as one person's name. Every word is a plain
 * word (the last a plural role) and none is a name.
 */
export function isGroupName (name: string): boolean {
  const words = nameTokens(name)
  const last = words[words.length - 1]
  if (last === undefined || words.length > 3 || !last.endsWith('s')) return false
  if (!GROUP_WORDS.has(last) && !TITLE_WORDS.has(last.slice(0, -1)) && !TITLE_WORDS.has(last.replace(/(e)?s$/, ''))) return false
  return words.slice(0, -1).every((word) => MODIFIERS.has(word) || ['local', 'many', 'some', 'several', 'other'].includes(word))
}
