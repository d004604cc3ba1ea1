// Markup built from untrusted text (article text, names, titles, queries): every value goes through escapeHtml
// unless it is already Html made here, so one function decides what reaches the page.

/** Markup known to be safe: made only by the `html` tag and `raw`, never from a string that came from outside. */
export class Html {
  constructor (readonly value: string) {}
  toString (): string {
    return this.value
  }
}

// Bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): a name holding U+202E would
// reverse the words after it on the page. They are dropped; names are also set in <bdi>.
// Control characters other than tab and line breaks (NUL among them) have no business in a page either.
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069]/g
const SPECIAL = /[&<>"']/g
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** Text as it must appear in HTML content or a quoted attribute value. */
export function escapeHtml (text: string): string {
  return text.replace(INVISIBLE, '').replace(SPECIAL, (c) => ENTITIES[c]!)
}

export type HtmlValue = Html | string | number | null | undefined | false | readonly HtmlValue[]

function render (value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return ''
  if (value instanceof Html) return value.value
  if (Array.isArray(value)) return value.map(render).join('')
  return escapeHtml(String(value))
}

/** A template tag: the literal parts are markup, every interpolated value is escaped (or inserted if it is Html). */
export function html (strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  let out = strings[0]!
  for (let i = 0; i < values.length; i++) out += render(values[i]!) + strings[i + 1]!
  return new Html(out)
}

/** A path and query for an href: only paths on this server, so a `javascript:` URL never becomes a link. */
export function pageHref (path: string, query: Record<string, string | number | undefined> = {}): string {
  if (!path.startsWith('/') || path.startsWith('//')) throw new Error(`not a local path: ${path}`)
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== '') params.set(key, String(value))
  const search = params.toString()
  return search === '' ? path : `${path}?${search}`
}

/** An article's own url as a link only when it is http(s); anything else (javascript:, data:) is shown as text. */
export function externalLink (url: string | null): Html | null {
  if (url === null) return null
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return html`<span class="url">${url}</span>`
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return html`<span class="url">${url}</span>`
  return html`<a href="${parsed.href}" rel="noopener noreferrer nofollow">${parsed.host}</a>`
}
