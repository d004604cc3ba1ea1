// Stage 2: page furniture. Photo captions and credits, share buttons, "Related Posts" and the like are marked so
// that no later stage mines them for quotes or takes a speaker from them. The rules are about shape, not about
// any one site: credit lines, captions ending in a credit, and short lines that read as interface text.
import { TokenKind, type Doc, type Paragraph, type Token } from './document.js'
import { isA, WordClass } from './word-classes.js'

// Interface text, matched against a whole short line.
const BOILERPLATE = new RegExp([
  '^(related|recommended|more|top|latest|popular|trending)( posts?| stories| articles?| news| videos?| coverage| content| reading)?:?$',
  '^(advertisement|sponsored( content)?|promoted|ad|skip ad|story continues below( advertisement)?|continue reading.*)$',
  '^(read|see|watch|listen)( more| also| next| the full story| full story| now)?( here)?:?( .*)?$',
  '^(share|tweet|email|print|comment|save|copy link)( this| on (facebook|twitter|x|linkedin|whatsapp|reddit)| (article|story|post))*\\.?$',
  '^(sign up|subscribe|get our|join our|follow us|follow .+ on (twitter|facebook|instagram|x)).*$',
  '^this (will close|window will close|ad will close) in \\d+ seconds?\\.?$',
  '^(click|tap) here.*$',
  '^(copyright|©|all rights reserved).*$',
  '^(photo|photograph|image|video|credit|caption|source|graphic|file photo)s?:.*$',
  // Credit lines: "Contributing: Ann Cole, The Valley Ledger", "BYLINE: Ann Cole", "Additional reporting by …".
  '^((contributing|contributors?|byline):|(additional reporting|reporting|edited|editing) by:?) .{1,120}$',
  '^(updated|published|posted|last updated)( on| at)?:? .{0,40}$',
  '^(by|from) [\\p{L} .\'’-]{2,60}$',
  '^(loading|close|menu|search|home|next|previous|back to top)\\.{0,3}$',
].join('|'), 'iu')

// A link to another story, however long its headline: "Read more: …", "Related: …", "See also: …".
const LINK_PREFIX = /^(read more|read also|also read|related|see also|more|watch|listen|recommended|more on this|more from .{1,30}|further reading)\s*:/iu

// A byline: "By NAME (and NAME)", perhaps with a role after a comma ("By Ann Lee, Local Democracy Reporting Service").
// Case-sensitive, so that "By then, …" is not one.
const BYLINE = /^(?:By|BY|From) \p{Lu}[\p{L}.'’-]*(?: (?:\p{Lu}[\p{L}.'’-]*|and|&|de|van|von|der|da|di|le|la|bin))*(?:,(?: [\p{L}'’-]+){1,7})?$/u

const SENTENCE_END = /[.!?…"”’)]$/

const isCreditWord = (t: Token): boolean => isA(t, WordClass.CreditAgency)

/** "NAME/AGENCY", "NAME/AGENCY-AGENCY/Shutterstock": slashes joining upper-case names. */
function isSlashCredit (t: Token): boolean {
  return t.text.includes('/') && /^[\p{Lu}][\p{L}.\-]*(?:\/[\p{L}][\p{L}.\-]*)+$/u.test(t.text)
}

/** The tokens from i to end form a credit: "AP", "Anadolu via Getty Images", "John Smith/Reuters", "(Getty Images)". */
function isCredit (tokens: Token[], from: number, to: number): boolean {
  let words = 0
  let credit = false
  for (let i = from; i < to; i++) {
    const t = tokens[i]!
    if (t.kind === TokenKind.Punct) {
      if (!'()[]/,;:|-–—'.includes(t.text)) return false
      continue
    }
    if (t.kind !== TokenKind.Word) return false
    words++
    if (isCreditWord(t) || isSlashCredit(t)) credit = true
    else if (!t.capitalized && t.lower !== 'via' && t.lower !== 'for' && t.lower !== 'and' && t.lower !== 'by') return false
  }
  return credit && words <= 8
}

/** A caption: a paragraph whose last sentence-final stop is followed only by a credit. */
function endsWithCredit (tokens: Token[], p: Paragraph): boolean {
  let i = p.endToken - 1
  // Walk back over the credit's tokens to the last full stop (or bracket) before it.
  while (i > p.firstToken && tokens[i]!.text !== '.' && !tokens[i]!.text.endsWith('.') && tokens[i]!.text !== '(') i--
  if (i <= p.firstToken) return false
  let creditStart = tokens[i]!.text === '(' ? i : i + 1
  // "… was a “disaster.” JOHN SMITH/EPA-EFE/Shutterstock": closing marks after the stop belong to the caption.
  while (creditStart < p.endToken && tokens[creditStart]!.kind === TokenKind.QuoteMark) creditStart++
  return creditStart < p.endToken && isCredit(tokens, creditStart, p.endToken)
}

// A subhead quoting a phrase in single marks: "'A change warrior.'" on a line of its own.
// An apostrophe between letters ("There's") does not close it.
const SINGLE_QUOTED_LINE = /^['‘](?:[^'‘’\n]|(?<=\p{L})['’](?=\p{L})){1,60}[.!?]?['’]$/u
// Double quotation marks: straight, curly, or two apostrophes (NYT style).
const DOUBLE_MARKS = /''|[“”"]/g

export function markFurniture (doc: Pick<Doc, 'text' | 'tokens' | 'paragraphs'>): void {
  const { text, tokens } = doc
  // An article that quotes with double marks uses single-quoted lines only as subheads (pull quotes). Counted in
  // one pass over the text, and only when some paragraph could be such a line.
  let doubleQuoting: boolean | null = null
  doc.paragraphs.forEach((p, index) => {
    const line = text.slice(p.start, p.end)
    const words = p.endToken - p.firstToken
    if (words <= 14 && SINGLE_QUOTED_LINE.test(line)) {
      doubleQuoting ??= (text.match(DOUBLE_MARKS)?.length ?? 0) >= 4
      if (doubleQuoting) { p.furniture = true; return }
    }
    // The headline: an article's first line, short, with no quotation and no sentence punctuation (nor a ";" that
    // runs on into a deck) at its end: "Kestrel Foods discloses federal inquiry into recall; shares slide". One with a
    // colon ("Mayor Cole: Tolls Will Stay", "Hale recounted the timeline:") gives someone's words.
    if (index === 0 && doc.paragraphs.length > 1 && words <= 20 && !SENTENCE_END.test(line) && !line.endsWith(';') && !/[“”"«»‘:]/.test(line)) {
      p.furniture = true
      return
    }
    if (words <= 12 && (BOILERPLATE.test(line) || BYLINE.test(line))) p.furniture = true
    else if (LINK_PREFIX.test(line)) p.furniture = true
    else if (isCredit(tokens, p.firstToken, p.endToken)) p.furniture = true
    else if (endsWithCredit(tokens, p)) p.furniture = true
    // Short lines without sentence punctuation or quotation marks read as interface text ("Related Posts").
    else if (words <= 4 && !SENTENCE_END.test(line) && !/[“”"«»]/.test(line) && !/\d/.test(line)) p.furniture = true
  })
}
