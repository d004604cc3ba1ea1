// The readable text of a DOM subtree: block elements become paragraphs separated by a blank line, <br> a line
// break, runs of whitespace inside a paragraph one space; scripts, styles, embeds and form controls are left out.
// An explicit stack instead of recursion, so that deeply nested markup cannot overflow the call stack.

/** Elements whose content never belongs in the text. */
const SKIPPED = new Set([
  'script', 'style', 'iframe', 'noscript', 'template', 'svg', 'math', 'object', 'embed', 'canvas', 'video', 'audio',
  'picture', 'source', 'track', 'map', 'head', 'title', 'meta', 'link', 'base', 'button', 'select', 'option',
  'optgroup', 'datalist', 'input', 'textarea', 'form', 'dialog', 'nav',
])

/** Elements that start and end a paragraph of their own. */
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dir', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'html',
  'legend', 'li', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'tfoot', 'thead',
  'tr', 'ul',
])

/** Table cells: separated by a space within their row. */
const CELLS = new Set(['td', 'th'])

const ELEMENT_NODE = 1
const TEXT_NODE = 3

/** The small part of the DOM this module reads, so it works with any DOM implementation (linkedom here). */
export interface TextNodeLike {
  nodeType: number
  nodeName: string
  nodeValue: string | null
  childNodes: ArrayLike<TextNodeLike>
  getAttribute?: (name: string) => string | null
}

/**
 * Builds paragraphs from text runs, collapsing whitespace as a browser lays out normal text. The paragraph being
 * written is a list of pieces joined once when it ends, and its last character is kept aside: appending with `+=`
 * and asking the result `endsWith` flattened the whole string at every run, quadratic in a paragraph made of many
 * runs (1.6 MB of `&lt;`, which the parser gives as one run each, took minutes).
 */
class ParagraphWriter {
  private readonly paragraphs: string[] = []
  private pieces: string[] = []
  /** The last character of the paragraph being written, '' while it is empty. */
  private last = ''
  /** The paragraph being written comes from <pre>: whitespace kept as written. */
  private pre = false
  private preDepth = 0

  private append (value: string): void {
    if (value === '') return
    this.pieces.push(value)
    this.last = value[value.length - 1]!
  }

  text (value: string): void {
    if (this.preDepth > 0) {
      this.append(value)
      return
    }
    const collapsed = value.replace(/[ \t\n\r\f]+/g, ' ')
    const atLineStart = this.last === '' || this.last === ' ' || this.last === '\n'
    this.append(atLineStart && collapsed.startsWith(' ') ? collapsed.slice(1) : collapsed)
  }

  lineBreak (): void {
    this.append('\n')
  }

  /** Between table cells. */
  space (): void {
    if (this.last !== '' && this.last !== ' ' && this.last !== '\n') this.append(' ')
  }

  enterPre (): void {
    this.flush()
    this.pre = true
    this.preDepth++
  }

  leavePre (): void {
    this.flush()
    this.preDepth--
    this.pre = this.preDepth > 0
  }

  /** Ends the paragraph being written, if it has any visible text. */
  flush (): void {
    if (this.pieces.length === 0) return
    let lines = this.pieces.join('').split('\n')
    if (!this.pre) {
      // Blank lines from <br><br> stay (they read as a paragraph break), but never more than one in a row.
      lines = lines.map((line) => line.trim()).filter((line, i, all) => line !== '' || (i > 0 && all[i - 1] !== ''))
    }
    while (lines.length > 0 && lines[0]!.trim() === '') lines.shift()
    while (lines.length > 0 && lines[lines.length - 1]!.trim() === '') lines.pop()
    if (lines.length > 0) this.paragraphs.push(lines.join('\n'))
    this.pieces = []
    this.last = ''
  }

  result (): string {
    this.flush()
    return this.paragraphs.join('\n\n')
  }
}

/** The text of `root` and everything under it, as paragraphs separated by a blank line. */
export function readableText (root: TextNodeLike): string {
  const out = new ParagraphWriter()
  // Each entry is a node to visit, or a marker to run when an element's children are done.
  const stack: Array<TextNodeLike | (() => void)> = [root]
  while (stack.length > 0) {
    const item = stack.pop()!
    if (typeof item === 'function') {
      item()
      continue
    }
    if (item.nodeType === TEXT_NODE) {
      out.text(item.nodeValue ?? '')
      continue
    }
    if (item.nodeType !== ELEMENT_NODE && item !== root) continue
    const name = item.nodeName.toLowerCase()
    if (item !== root && (SKIPPED.has(name) || item.getAttribute?.('hidden') != null ||
      item.getAttribute?.('aria-hidden') === 'true' || item.getAttribute?.('role') === 'navigation')) continue
    if (name === 'br') {
      out.lineBreak()
      continue
    }
    if (name === 'img') {
      continue
    }
    const block = BLOCKS.has(name)
    if (block) {
      if (name === 'pre') {
        out.enterPre()
        stack.push(() => out.leavePre())
      } else {
        out.flush()
        stack.push(() => out.flush())
      }
    } else if (CELLS.has(name)) {
      out.space()
      stack.push(() => out.space())
    }
    const children = item.childNodes
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!)
  }
  return out.result()
}
