// Stage 1: tokens and paragraphs with offsets into the original text. Nothing is normalised in place,
// so offsets never shift: curly and straight marks, non-breaking spaces and ellipses are classified as read.
import { TokenKind, type Paragraph, type Token } from './document.js'
import { hashChars, TokenTable } from './token-table.js'

// Order matters: initialisms ("U.S."), then words with inner apostrophes, hyphens and dots ("don’t", "al-Qassam",
// "3.5"), a possessive "’s" as its own token, doubled marks used as quotes ('' and ``), ellipses and dashes, then any
// other single character.
// Every repetition is bounded (MAX_WORD_RUN letters a run, MAX_WORD_PARTS parts a word), so that one token is at most
// about 100,000 characters: V8's regular expressions keep a backtracking entry per character a quantifier takes, and
// a token of millions overflowed the stack (RangeError). A longer run is read as several tokens; no word of real
// prose, nor a URL, comes near these bounds.
const MAX_WORD_RUN = 1000
const MAX_WORD_PARTS = 100
const WORD_RUN = `[\\p{L}\\p{N}\\p{M}]{1,${MAX_WORD_RUN}}`
// A contraction's "’s", "’ve", "’re", "’ll", "’d", "’m" is a token of its own ("they" + "’ve"), as "’s" is; "don’t",
// "O’Malley" and "D’Souza" stay whole.
const CONTRACTION = "[’'](?:[sS]|ve|VE|re|RE|ll|LL|d|D|m|M)(?![\\p{L}\\p{N}])"
// A full stop joins a word's parts ("3.5", "example.com") but not a word and a capitalised one after it: scraped text
// runs sentences together ("…,” he said.Trump added …"), and "said.Trump" is two words and a stop.
// A number with thousands separators ("108,000", "1,250,000.5") is one token: its commas separate no clauses.
const GROUPED_NUMBER = `\\d{1,3}(?:,\\d{3}){1,${MAX_WORD_PARTS}}(?:\\.\\d{1,${MAX_WORD_RUN}})?(?![\\p{L}\\p{N}])`
// "… the word 'old-school,'''": three marks closing after a word are a nested single quote's, then the doubled one's.
const NESTED_CLOSE = "(?<=[^\\s'])'(?='')"
const TOKEN = new RegExp(`${GROUPED_NUMBER}|(?:\\p{L}\\.){2,${MAX_WORD_RUN}}|${WORD_RUN}(?:(?:(?!${CONTRACTION})[’']|[-\\/&_@]|\\.(?!\\p{Lu}\\p{Ll}))${WORD_RUN}){0,${MAX_WORD_PARTS}}` +
  `|${CONTRACTION}|${NESTED_CLOSE}|''|\`\`|\\.\\.\\.|--|\\S`, 'gu')

const QUOTE_CHARS = new Set(['"', '“', '”', '„', '‟', '«', '»', "'", '‘', '’', '‚', "''", '``', '‹', '›'])

const LETTER = /[\p{L}\p{N}\p{M}]/u

function classify (text: string): TokenKind {
  const c = text.charCodeAt(0)
  if (c >= 48 && c <= 57) return TokenKind.Number
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) return TokenKind.Word
  if (text.length <= 2 && QUOTE_CHARS.has(text)) return TokenKind.QuoteMark
  if (c < 128) return TokenKind.Punct
  return LETTER.test(text[0]!) ? TokenKind.Word : TokenKind.Punct
}

function isUpper (text: string): boolean {
  const c = text.charCodeAt(0)
  if (c < 128) return c >= 65 && c <= 90
  const ch = text[0]!
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase()
}

// The same alternatives, sticky: matched at a position found by skipping white space by hand, with test() rather
// than exec(), so that no match array is allocated per token (tokens of a long text outlive young-generation GCs;
// every allocation avoided there keeps time linear in the input's length).
const TOKEN_AT = new RegExp(TOKEN.source, 'uy')

// Zero-width and bidirectional control characters (U+200B–U+200F, U+202A–U+202E, U+2060–U+2064, U+2066–U+2069) are
// skipped like white space: copy from web pages and social posts puts them around names and quotation marks.
function isSpace (c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200f) ||
    c === 0x2028 || c === 0x2029 || (c >= 0x202a && c <= 0x202f) || (c >= 0x205f && c <= 0x2064) || (c >= 0x2066 && c <= 0x2069) ||
    c === 0x3000 || c === 0xfeff
}

/** Soft hyphen, zero-width space, joiners, word joiner and BOM: invisible inside a word. */
const INVISIBLE_JOINERS = /[\u00ad\u200b-\u200d\u2060\ufeff]/g
const HAS_INVISIBLE_JOINER = /[\u00ad\u200b-\u200d\u2060\ufeff]/

/** `s` without the invisible characters a word may hold ("Mar\u00ADgaret" is "Margaret"). */
export function withoutInvisible (s: string): string {
  return HAS_INVISIBLE_JOINER.test(s) ? s.replace(INVISIBLE_JOINERS, '') : s
}
const isInvisibleJoiner = (c: number): boolean => c === 0xad || (c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xfeff
const ONLY_LETTER = /\p{L}/u
function isLetterAt (text: string, k: number): boolean {
  const c = text.charCodeAt(k)
  return c < 128 ? (c >= 97 && c <= 122) || (c >= 65 && c <= 90) : ONLY_LETTER.test(text[k]!)
}

/**
 * Where a word from `start` that ends at `end`, before an invisible character, ends when the letters after it join it;
 * no further than the word bound, as for any word.
 */
function joinAcrossInvisible (text: string, start: number, end: number): number {
  while (end + 1 < text.length && end - start < MAX_WORD_RUN && isInvisibleJoiner(text.charCodeAt(end)) && isLetterAt(text, end - 1) && isLetterAt(text, end + 1)) {
    let next = plainTokenEnd(text, end + 1, text.charCodeAt(end + 1))
    if (next === -1) {
      TOKEN_AT.lastIndex = end + 1
      if (!TOKEN_AT.test(text)) break
      next = TOKEN_AT.lastIndex
    }
    end = next
  }
  return end
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57
const isAsciiAlnum = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)

/**
 * Where the token starting at `i` (character code `c`, no white space) ends when TOKEN's answer is plain, or -1 when
 * the pattern must decide. Most of a text is ASCII words and punctuation, which a character scan reads in a fraction of
 * the regular expression's time; anything that may join or mark a word (’ ' - . / & _ @, a non-ASCII character, a
 * single letter before "." as in "U.S.", a run at the pattern's bound) goes to the pattern, so the tokens are the same.
 */
function plainTokenEnd (text: string, i: number, c: number): number {
  if (isAsciiAlnum(c)) {
    // The scan stops at the pattern's bound: a run of a million letters is read 1,000 at a time, not rescanned whole.
    const stop = Math.min(text.length, i + MAX_WORD_RUN)
    let j = i + 1
    while (j < stop && isAsciiAlnum(text.charCodeAt(j))) j++
    if (j - i >= MAX_WORD_RUN) return -1
    if (j === text.length) return j
    const next = text.charCodeAt(j)
    // "108,000": a comma between digits may join a number's groups.
    if (next === 44 && j - i <= 3 && isDigit(c) && isDigit(text.charCodeAt(j + 1))) return -1
    if (next < 128 && WORD_JOINERS[next] === 0) return j
    // A joiner or an apostrophe joins the word only to a word character after it: before white space, punctuation
    // or the text's end ("said.", "Smith-", "citizens’ ") the word ends here, and before a contraction ("Trump’s",
    // "they've") too. A letter or anything not ASCII after it goes to the pattern.
    if (next < 128 || next === RIGHT_SINGLE_QUOTE) {
      if (endsBeforeWord(text, j + 1)) return j
      if ((next === 39 || next === RIGHT_SINGLE_QUOTE) && contractionAt(text, j + 1)) return j
    }
    return -1
  }
  // Punctuation that opens no longer token ('' `` ... -- and contractions): one character.
  if (c >= 128) return ONE_CHARACTER_MARKS.has(c) ? i + 1 : -1
  if (LONG_PUNCT_STARTS[c] === 0) return i + 1
  // "." "-" "`" open "...", "--" and "``" only before another of their own.
  return c !== 39 && text.charCodeAt(i + 1) !== c ? i + 1 : -1
}

const RIGHT_SINGLE_QUOTE = 0x2019

/**
 * Marks outside ASCII that news text is full of and that are always a token of one character (neither a letter nor
 * "’", which may open a contraction): curly quotation marks, dashes, the ellipsis, guillemets.
 */
const ONE_CHARACTER_MARKS = new Set([0x201c, 0x201d, 0x2018, 0x201e, 0x2014, 0x2013, 0x2026, 0xab, 0xbb])

/** Whether no word character is at `k`: the text's end or ASCII other than a letter or digit (white space, punctuation). */
function endsBeforeWord (text: string, k: number): boolean {
  if (k >= text.length) return true
  const c = text.charCodeAt(k)
  return c < 128 && !isAsciiAlnum(c)
}

/** Whether the letters at `k` are a contraction's after its apostrophe ("s", "ve", "re", "ll", "d", "m"), ending there. */
function contractionAt (text: string, k: number): boolean {
  const a = text.charCodeAt(k)
  if (a === 115 || a === 83 || a === 100 || a === 68 || a === 109 || a === 77) return endsBeforeWord(text, k + 1)
  const b = text.charCodeAt(k + 1)
  const pair = (x: number, y: number): boolean => (a === x && b === y) || (a === x - 32 && b === y - 32)
  return (pair(118, 101) || pair(114, 101) || pair(108, 108)) && endsBeforeWord(text, k + 2)
}

/** A table of ASCII codes: 1 for each character of `chars`. */
function asciiTable (chars: string): Uint8Array {
  const table = new Uint8Array(128)
  for (const ch of chars) table[ch.charCodeAt(0)] = 1
  return table
}
/** ASCII characters after which a word may go on ("don't", "al-Qassam", "3.5", "and/or", "AT&T", "a_b", "a@b"). */
const WORD_JOINERS = asciiTable("'-./&_@")
/** ASCII characters that may open a token of more than one character when no letter or digit comes first. */
const LONG_PUNCT_STARTS = asciiTable("'`.-")

/** The token pattern itself, for tests that compare tokenize() with it. */
export const TOKEN_PATTERN = TOKEN.source

export interface Tokens {
  /** One shared object per distinct token text. */
  tokens: Token[]
  starts: Int32Array
  ends: Int32Array
}

function newToken (t: string): Token {
  const kind = classify(t)
  let lower = t
  if (kind === TokenKind.Word && mayHaveCapitals(t)) {
    const l = t.toLowerCase()
    if (l !== t) lower = l
  }
  return { text: t, lower, kind, capitalized: kind === TokenKind.Word && isUpper(t), classes: -1, firstName: undefined }
}

/** Whether toLowerCase may change `t`: most words are lower-case ASCII, which a scan tells faster than the call. */
function mayHaveCapitals (t: string): boolean {
  for (let k = 0; k < t.length; k++) {
    const c = t.charCodeAt(k)
    if ((c >= 65 && c <= 90) || c >= 128) return true
  }
  return false
}

export function tokenize (text: string): Tokens {
  const tokens: Token[] = []
  // Occurrences of the same text share one Token: a long text allocates as many long-lived objects as it has
  // distinct words, not as it has words (the rest dies young), which keeps time linear in its length.
  const table = new TokenTable(text.length)
  const singles: Array<Token | undefined> = new Array(128).fill(undefined)
  // Offsets are gathered in scratch arrays kept between texts and copied out at their exact size at the end.
  let starts = scratchStarts
  let ends = scratchEnds
  const n = text.length
  let count = 0
  let i = 0
  while (i < n) {
    const c = text.charCodeAt(i)
    if (isSpace(c)) { i++; continue }
    let end = plainTokenEnd(text, i, c)
    if (end === -1) {
      TOKEN_AT.lastIndex = i
      if (!TOKEN_AT.test(text)) { i++; continue }
      end = TOKEN_AT.lastIndex
    }
    // "Mar\u00ADgaret", "Hal\u200Be": a soft hyphen or zero-width character between letters (copied from web pages)
    // joins the word's parts into one token, whose text leaves it out; the offsets still cover the original characters.
    // A joined word shares its Token with the same word written plainly.
    let token: Token | undefined
    const whole = end + 1 < n && isInvisibleJoiner(text.charCodeAt(end)) ? joinAcrossInvisible(text, i, end) : end
    if (whole > end) {
      end = whole
      const t = withoutInvisible(text.slice(i, end))
      const hash = hashChars(t, 0, t.length)
      token = table.find(t, 0, t.length, hash)
      if (token === undefined) table.add(token = newToken(t), hash)
    } else if (end === i + 1 && c < 128) {
      // A one-character ASCII token (mostly punctuation) is found by its code, without a hash.
      token = singles[c] ??= newToken(text[i]!)
    } else {
      const hash = hashChars(text, i, end)
      token = table.find(text, i, end, hash)
      if (token === undefined) table.add(token = newToken(text.slice(i, end)), hash)
    }
    if (count === starts.length) {
      const grownStarts = new Int32Array(count * 2)
      const grownEnds = new Int32Array(count * 2)
      grownStarts.set(starts)
      grownEnds.set(ends)
      starts = grownStarts
      ends = grownEnds
    }
    tokens.push(token)
    starts[count] = i
    ends[count] = end
    count++
    i = end
  }
  table.release()
  if (starts.length <= SCRATCH_MAX) {
    scratchStarts = starts
    scratchEnds = ends
  }
  return { tokens, starts: starts.slice(0, count), ends: ends.slice(0, count) }
}

/** Scratch offsets for tokenize(), grown as a text needs and kept up to SCRATCH_MAX tokens (8 MB in all). */
let scratchStarts = new Int32Array(4096)
let scratchEnds = new Int32Array(4096)
const SCRATCH_MAX = 1 << 20

/** Paragraphs are lines: a line break between two tokens starts a new one. One pass over the text. */
export function splitParagraphs (text: string, starts: Int32Array, ends: Int32Array): Paragraph[] {
  const paragraphs: Paragraph[] = []
  const count = starts.length
  let first = 0
  for (let i = 1; i <= count; i++) {
    if (i < count && !hasLineBreak(text, ends[i - 1]!, starts[i]!)) continue
    paragraphs.push({ start: starts[first]!, end: ends[i - 1]!, firstToken: first, endToken: i, furniture: false })
    first = i
  }
  return paragraphs
}

function hasLineBreak (text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i)
    if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) return true
  }
  return false
}
