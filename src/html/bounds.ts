// Bounds on the markup handed to the HTML parser, found in one linear pass over the page before it is parsed.
//
// The parser (htmlparser2, under linkedom) keeps its stack of open elements in an array it shifts and unshifts at
// every tag, so each tag costs as much as the nesting is deep: 100,000 nested levels took tens of seconds. And
// linkedom builds a heavy object per node (tens of microseconds each), so a page of hundreds of thousands of tiny
// elements or character references takes seconds however it is nested.
//
// - Tags deeper than MAX_NESTING are dropped (their text is kept): real pages nest a few dozen deep, so nothing a
//   reader sees on a real page is lost, and the parser's stack never holds more than MAX_NESTING elements.
// - A page with more than MAX_HTML_NODES tags and character references is refused: news pages have a few thousand
//   of each, and past this many the conversion alone would take seconds of a worker.

/** Deepest nesting of elements kept; tags below it are dropped and their text read as their parent's. */
export const MAX_NESTING = 400
/** Most tags and character references (`&lt;`, `&#8220;`) a page may have. */
export const MAX_HTML_NODES = 50_000

/** A page with more nodes than MAX_HTML_NODES. */
export class HtmlTooLargeError extends Error {
  override name = 'HtmlTooLargeError'
}

/** Elements that have no end tag and so never nest. */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source',
  'track', 'wbr'])
/** Elements whose start tag closes an open element of the same name (`<p>a<p>b`): no deeper nesting. */
const SELF_CLOSING_SIBLINGS = new Set(['p', 'li', 'dt', 'dd', 'option', 'tr', 'td', 'th'])
/** How far up the open elements such a sibling is looked for (a fixed window: the scan stays linear). */
const IMPLIED_END_REACH = 8
/** Block elements whose start tag closes an open p. */
const CLOSES_P = new Set(['address', 'article', 'aside', 'blockquote', 'div', 'dl', 'fieldset', 'figure', 'footer',
  'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'main', 'nav', 'ol', 'pre', 'section', 'table', 'ul'])

/**
 * A comment, a raw-text element (script, style, textarea, title: their content is not markup), a start or end tag,
 * or a character reference. Every alternative stops at the next `<` or reads on to its own end, so the scan is one
 * pass: a tag's attributes are read up to `>` but never across another `<`.
 */
const MARKUP = /<!--[\s\S]*?(?:-->|$)|<(script|style|textarea|title)\b[^<>]*>[\s\S]*?(?:<\/\1\s*>|$)|<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)[^<>]*>|&[#a-zA-Z]/gi

/**
 * The page with tags nested deeper than MAX_NESTING dropped (the same string when there are none); throws
 * HtmlTooLargeError when it has more than MAX_HTML_NODES tags and character references.
 */
export function boundMarkup (html: string): string {
  const open: string[] = []
  const kept: string[] = []
  let from = 0
  let nodes = 0
  for (const match of html.matchAll(MARKUP)) {
    if (++nodes > MAX_HTML_NODES) {
      throw new HtmlTooLargeError(`html has more than ${MAX_HTML_NODES} tags and character references; send its text instead`)
    }
    const [, , slash, tagName] = match
    if (tagName === undefined) continue
    const name = tagName.toLowerCase()
    if (VOID.has(name) || match[0].endsWith('/>')) continue
    if (slash === '/') {
      // Closes the nearest open element of that name and those inside it; an end tag with none open is left alone.
      const index = open.lastIndexOf(name)
      if (index >= 0) open.length = index
      continue
    }
    // The parser's implied ends, closely enough that sloppy real pages never look deep: `<li><p>a<li>` closes the
    // first li (and the p in it); a block start closes an open p.
    if (SELF_CLOSING_SIBLINGS.has(name)) {
      const sibling = open.lastIndexOf(name, open.length - 1)
      if (sibling >= 0 && sibling >= open.length - IMPLIED_END_REACH) open.length = sibling
    } else if (CLOSES_P.has(name) && open[open.length - 1] === 'p') {
      open.pop()
    }
    if (open.length < MAX_NESTING) {
      open.push(name)
      continue
    }
    // Too deep: the tag is dropped, and so, since it never opened, is its end tag (which finds no open element).
    kept.push(html.slice(from, match.index))
    from = match.index + match[0].length
  }
  if (from === 0) return html
  kept.push(html.slice(from))
  return kept.join('')
}
