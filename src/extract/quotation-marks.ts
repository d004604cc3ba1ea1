// Stage 3: quotation marks. Pairs opening and closing marks within each paragraph, tells apostrophes from
// single quotes, and links a quote left open at a paragraph's end to the next paragraph when that one opens
// with a mark (the news convention for quotes that run over several paragraphs). An unbalanced mark never
// reaches past its paragraph.
import { TokenKind, type Doc, type Paragraph, type QuoteSpan, type Token } from './document.js'
import { isA, WordClass } from './word-classes.js'

const enum Family { Double, Single }
const enum Role { Open, Close, Either, None }

interface Mark { token: number, family: Family, role: Role }

const OPENERS = new Set(['“', '„', '«', '‘', '‚', '``', '‹'])
const CLOSERS = new Set(['”', '»', '’', '›', '‟'])

function family (t: string): Family {
  return t === "'" || t === '‘' || t === '’' || t === '‚' || t === '‹' || t === '›' ? Family.Single : Family.Double
}

const isSpaceOrNone = (ch: string | undefined): boolean => ch === undefined || /\s/.test(ch)
const OPENING_CONTEXT = /[\s([{\u2014\u2013\-\/"“‘'«:]/
const CLOSING_CONTEXT = /[\s)\]}.,;:!?\u2014\u2013\-"”’'»…]/

const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/

/** The character at i, stepping (a few at most) over zero-width and bidirectional controls in direction `step`. */
function visibleChar (text: string, i: number, step: 1 | -1): string | undefined {
  for (let k = 0; k < 4 && i >= 0 && i < text.length && INVISIBLE.test(text[i]!); k++) i += step
  return i >= 0 && i < text.length ? text[i] : undefined
}

function roleOf (text: string, tok: Token, start: number, end: number): Role {
  const before = visibleChar(text, start - 1, -1)
  const after = visibleChar(text, end, 1)
  const canOpen = !isSpaceOrNone(after) && (before === undefined || OPENING_CONTEXT.test(before))
  const canClose = before !== undefined && !/\s/.test(before) && (after === undefined || CLOSING_CONTEXT.test(after))
  if (OPENERS.has(tok.text)) {
    // ‘90s is an elided year, not an opening quote.
    if (tok.text === '‘' && after !== undefined && /\d/.test(after) && !canClose && /^\d\ds/.test(text.slice(end, end + 3))) return Role.None
    return Role.Open
  }
  if (CLOSERS.has(tok.text)) {
    // French spacing: « … » with spaces inside the marks; a guillemet never opens a quote the other way round.
    if ((tok.text === '»' || tok.text === '›') && before !== undefined && /\s/.test(before)) return Role.Close
    // A closing mark used as an opener (”word) happens in sloppy copy; so does one opening a paragraph before an
    // ellipsis ("” … what I learned is …").
    if (canOpen && !canClose) return tok.text === '’' ? Role.None : Role.Open
    if (tok.text === '”' && (before === undefined || before === '\n') && /^ ?(…|\.\.\.)/.test(text.slice(end, end + 4))) return Role.Open
    return Role.Close
  }
  if (canOpen && !canClose) return Role.Open
  if (canClose && !canOpen) return Role.Close
  return Role.Either
}

/** Marks of one paragraph with their possible roles; lone apostrophes dropped. */
function marksOf (doc: Pick<Doc, 'text' | 'tokens' | 'starts' | 'ends'>, p: Paragraph): Mark[] {
  const marks: Mark[] = []
  for (let i = p.firstToken; i < p.endToken; i++) {
    const tok = doc.tokens[i]!
    if (tok.kind !== TokenKind.QuoteMark) continue
    const role = roleOf(doc.text, tok, doc.starts[i]!, doc.ends[i]!)
    if (role === Role.None) continue
    const fam = family(tok.text)
    // A single mark glued to a word on one side only is an apostrophe ("Hamas’ ruthlessness", "’em") unless it opens.
    if (fam === Family.Single && role === Role.Either) continue
    marks.push({ token: i, family: fam, role })
  }
  return marks
}

/**
 * Pairs marks with a small stack. Double marks make top-level quotes; single marks nest inside them, or make
 * top-level quotes themselves in paragraphs that use no double marks (headline style).
 */
function pairParagraph (doc: Pick<Doc, 'text' | 'tokens' | 'starts' | 'ends' | 'paragraphs'>, p: Paragraph, pIndex: number, out: QuoteSpan[]): boolean {
  const marks = marksOf(doc, p)
  const usesDouble = marks.some((m) => m.family === Family.Double)
  // British style: single marks outside, double ones nested (‘… “…” …’): the paragraph opens and ends with single marks.
  const first = marks[0]
  const last = marks[marks.length - 1]
  const singleOutside = first !== undefined && last !== undefined && first.family === Family.Single && last.family === Family.Single &&
    first.role === Role.Open && last.role === Role.Close
  const top: Family = usesDouble && !singleOutside ? Family.Double : Family.Single
  let open: Mark | null = null
  // Curly marks nested in a quote that straight marks open ("… isn’t about “Equal Justice” anymore. …"): copy that mixes
  // the two styles nests one in the other, as it would nest single marks.
  let curlyInside = 0
  // Computed once per paragraph, so that each curly opener asks in constant time.
  let lastStraight = -1
  for (let k = marks.length - 1; k >= 0 && lastStraight === -1; k--) if (doc.tokens[marks[k]!.token]!.text === '"') lastStraight = k
  const nextOpensStraight = doc.tokens[doc.paragraphs[pIndex + 1]?.firstToken ?? -1]?.text === '"'
  for (let k = 0; k < marks.length; k++) {
    const m = marks[k]!
    if (open === null) {
      if (m.family !== top) continue
      if (m.role === Role.Open || m.role === Role.Either) { open = m; curlyInside = 0 }
      continue
    }
    // Marks of the other family inside a quote are nested quotes: part of the content.
    if (m.family !== top) continue
    const text = doc.tokens[m.token]!.text
    // Not right after the straight opener ("“You don’t …,” Rubio responded …"): that wraps an excerpt whose own marks count.
    if (doc.tokens[open.token]!.text === '"' && text === '“' && m.role === Role.Open && m.token > open.token + 1 && (lastStraight > k || nextOpensStraight)) { curlyInside++; continue }
    if (curlyInside > 0 && text === '”') { curlyInside--; continue }
    // ‘… the officers’ report …’: a plural possessive inside single-quoted speech, when a later mark can close.
    if (top === Family.Single && m.role === Role.Close && possessiveApostrophe(doc, m.token) && laterClose(marks, k)) continue
    if (m.role === Role.Open && !(doc.tokens[m.token]!.text === '"' || doc.tokens[m.token]!.text === "''")) {
      // A second opener while one is open: the first was never closed; restart from here.
      open = m
      continue
    }
    push(out, span(doc, pIndex, open.token, m.token))
    open = null
  }
  return open !== null && push(out, span(doc, pIndex, open.token, -1, p.end))
}

/** A single closing mark after an "s" and before a lower-case word: "the officers’ report", "the Joneses' car". */
function possessiveApostrophe (doc: Pick<Doc, 'text' | 'starts'>, token: number): boolean {
  const at = doc.starts[token]!
  const { text } = doc
  return (text[at - 1] === 's' || text[at - 1] === 'S') && text[at + 1] === ' ' && /\p{Ll}/u.test(text[at + 2] ?? '')
}

/** Whether a single mark that can close follows mark k before any that opens (looking a bounded way ahead). */
function laterClose (marks: Mark[], k: number): boolean {
  for (let j = k + 1; j < marks.length && j - k <= 16; j++) {
    const m = marks[j]!
    if (m.family !== Family.Single) continue
    if (m.role === Role.Open) return false
    return true
  }
  return false
}

/** Keeps only spans with content; says whether it kept this one. */
function push (out: QuoteSpan[], q: QuoteSpan): boolean {
  if (q.contentEnd <= q.contentStart) return false
  out.push(q)
  return true
}

function span (doc: Pick<Doc, 'tokens' | 'starts' | 'ends'>, paragraph: number, open: number, close: number, paragraphEnd = 0): QuoteSpan {
  // Content runs from the first token after the opening mark to the last before the closing one, so that the spaces
  // of French spacing (« … ») and invisible controls next to the marks stay outside it.
  const contentStart = open + 1 < doc.starts.length && (close < 0 || open + 1 < close) ? doc.starts[open + 1]! : doc.ends[open]!
  const contentEnd = close >= 0 ? (close - 1 > open ? doc.ends[close - 1]! : doc.starts[close]!) : paragraphEnd
  return { paragraph, open, close, contentStart, contentEnd, continuedBy: -1, continues: -1 }
}

export function findQuotes (doc: Pick<Doc, 'text' | 'tokens' | 'starts' | 'ends' | 'paragraphs'>): QuoteSpan[] {
  const quotes: QuoteSpan[] = []
  let pendingOpen = -1 // a quote left open at the previous paragraph's end
  doc.paragraphs.forEach((p, pIndex) => {
    const before = quotes.length
    if (p.furniture) { pendingOpen = -1; return }
    const leftOpen = pairParagraph(doc, p, pIndex, quotes)
    if (quotes.length === before) dashQuotes(doc, p, pIndex, quotes)
    if (pendingOpen >= 0 && quotes.length > before && quotes[before]!.open === p.firstToken) {
      quotes[pendingOpen]!.continuedBy = before
      quotes[before]!.continues = pendingOpen
    }
    pendingOpen = leftOpen ? quotes.length - 1 : -1
  })
  return quotes
}

const QUOTATION_DASHES = new Set(['–', '—'])
const SPEECH_BREAKS = new Set([',', '?', '!'])

/**
 * Quotation dashes, the dialogue style of some outlets: "– We are ready, said Margaret Hale." A paragraph with no
 * quotation marks that opens with a dash holds quotes, each running from a dash (at the paragraph's start or after a
 * sentence's end) to the comma, question or exclamation mark before its attribution, or to the next such dash or the
 * paragraph's end. Only when some segment has an attribution, so a list set with dashes stays a list.
 */
function dashQuotes (doc: Pick<Doc, 'text' | 'tokens' | 'starts' | 'ends'>, p: Paragraph, pIndex: number, out: QuoteSpan[]): void {
  const { tokens, starts, ends, text } = doc
  const first = p.firstToken
  if (p.endToken - first < 3 || !QUOTATION_DASHES.has(tokens[first]!.text) || !/\s/.test(text[ends[first]!] ?? '')) return
  const dashes: number[] = []
  for (let i = first; i < p.endToken; i++) {
    if (QUOTATION_DASHES.has(tokens[i]!.text) && (i === first || /^[.?!]$/.test(tokens[i - 1]!.text))) dashes.push(i)
  }
  const found: QuoteSpan[] = []
  let attributed = false
  dashes.forEach((d, n) => {
    const segEnd = dashes[n + 1] ?? p.endToken
    let close = -1
    for (let k = d + 2; k < segEnd - 1 && close === -1; k++) {
      if (!SPEECH_BREAKS.has(tokens[k]!.text)) continue
      for (let j = k + 1; j < Math.min(segEnd, k + 5); j++) if (isA(tokens[j], WordClass.CueVerbForm) && !tokens[j]!.capitalized) { close = k; break }
    }
    if (close !== -1) attributed = true
    let last = (close === -1 ? segEnd : close) - 1
    if (close === -1) while (last > d && /^[.?!]$/.test(tokens[last]!.text)) last--
    // A question or exclamation mark is part of what was said; a comma before the attribution is not.
    const contentEnd = close !== -1 && tokens[close]!.text !== ',' ? ends[close]! : ends[last]!
    if (last > d) found.push({ paragraph: pIndex, open: d, close, contentStart: starts[d + 1]!, contentEnd, continuedBy: -1, continues: -1 })
  })
  if (attributed) out.push(...found)
}
