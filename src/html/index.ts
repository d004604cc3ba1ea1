// A web page → the article in it: its readable text (paragraphs kept), title, byline, publisher and date.
// @mozilla/readability finds the article over a linkedom document; when it finds none, the page's main text is used.
// Pure: no I/O, no network (relative links and images are never fetched).
import { createRequire } from 'node:module'
import { boundMarkup } from './bounds.js'
import { readableText, type TextNodeLike } from './text.js'

interface Libraries {
  parseHTML: typeof import('linkedom').parseHTML
  Readability: typeof import('@mozilla/readability').Readability
}

let libraries: Libraries | null = null

/**
 * linkedom and Readability, loaded on the first page converted: loading linkedom takes a few hundred milliseconds,
 * which a process or worker thread that only ever sees plain text should not pay.
 */
function load (): Libraries {
  if (libraries === null) {
    const require = createRequire(import.meta.url)
    libraries = {
      parseHTML: (require('linkedom') as typeof import('linkedom')).parseHTML,
      Readability: (require('@mozilla/readability') as typeof import('@mozilla/readability')).Readability,
    }
  }
  return libraries
}

export interface HtmlArticle {
  /** Paragraphs separated by a blank line; entities decoded; no markup, scripts or styles. */
  text: string
  title: string | null
  byline: string | null
  publisher: string | null
  /** ISO 8601 (UTC) from the page's metadata, when it gives a valid date. */
  published_at: string | null
  /** 'readability' when Readability found the article, 'body' when the page's main text was used instead. */
  method: 'readability' | 'body'
}

/**
 * Readability's scoring is far from linear (a page of 20,000 nested <div>s takes minutes), so pages with more
 * elements or deeper nesting than this go straight to the fallback, which is linear. Real news pages have a few
 * thousand elements nested a few dozen deep.
 */
export const MAX_ELEMENTS_FOR_READABILITY = 10_000
export const MAX_DEPTH_FOR_READABILITY = 80

/** What one walk over the page finds before Readability rewrites it. */
interface Survey {
  /** <meta name|property|itemprop="…" content="…">, keys in lower case, the first of each key. */
  meta: Map<string, string>
  title: string | null
  firstHeading: string | null
  authorLink: string | null
  /** Whether the page is small and shallow enough for Readability. */
  readable: boolean
}

/** One pass over every element (linkedom's querySelector walks the whole tree on each call). */
function survey (root: DomElement): Survey {
  const found: Survey = { meta: new Map(), title: null, firstHeading: null, authorLink: null, readable: true }
  const stack: Array<[DomElement, number]> = [[root, 0]]
  let elements = 0
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!
    if (++elements > MAX_ELEMENTS_FOR_READABILITY || depth > MAX_DEPTH_FOR_READABILITY) found.readable = false
    switch (node.nodeName) {
      case 'META': {
        const content = clean(node.getAttribute('content'))
        if (content === null) break
        for (const attribute of ['property', 'name', 'itemprop']) {
          const key = node.getAttribute(attribute)?.trim().toLowerCase()
          if (key && !found.meta.has(key)) found.meta.set(key, content)
        }
        break
      }
      case 'TITLE':
        found.title ??= clean(node.textContent)
        break
      case 'H1':
        found.firstHeading ??= clean(node.textContent)
        break
    }
    if (found.authorLink === null && node.getAttribute('rel') === 'author') found.authorLink = clean(node.textContent)
    const children = node.childNodes
    // Pushed last to first, so that elements are met in document order ("the first h1").
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i]!
      if (child.nodeType === 1) stack.push([child as DomElement, depth + 1])
    }
  }
  return found
}

/** The part of the DOM read here (the project compiles without the DOM lib; linkedom provides these). */
interface DomElement extends TextNodeLike {
  textContent: string | null
  getAttribute: (name: string) => string | null
  querySelector: (selector: string) => DomElement | null
  querySelectorAll: (selector: string) => ArrayLike<DomElement>
  remove: () => void
}

interface DomDocument {
  body: DomElement | null
  documentElement: DomElement | null
  querySelector: (selector: string) => DomElement | null
  querySelectorAll: (selector: string) => ArrayLike<DomElement>
  getElementsByTagName: (name: string) => ArrayLike<DomElement>
}

interface DomNode {
  nodeType: number
  nodeName: string
  nodeValue: string | null
  outerHTML?: string
  childNodes: ArrayLike<DomNode>
}

const HEAD_ELEMENTS = new Set(['TITLE', 'META', 'LINK', 'BASE', 'STYLE'])

function escapeText (text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/**
 * linkedom builds the tree as written, without the <html>, <head> and <body> a browser implies, so a fragment
 * ("<p>…</p>") or a page without <body> is rebuilt as a whole document before anything reads it.
 */
function parseDocument (html: string): DomDocument {
  const { parseHTML } = load()
  const document = (parseHTML(html) as unknown as { document: DomDocument & { childNodes: ArrayLike<DomNode> } }).document
  const root = document.documentElement
  if (root !== null && root.nodeName === 'HTML' &&
    Array.from(root.childNodes).some((node) => node.nodeName === 'BODY')) return document
  const head: string[] = []
  const body: string[] = []
  let inBody = false
  const place = (node: DomNode): void => {
    if (node.nodeType === 3) {
      const text = node.nodeValue ?? ''
      if (/\S/.test(text)) inBody = true
      body.push(escapeText(text))
    } else if (node.nodeType !== 1) {
      // comments, doctype
    } else if (node.nodeName === 'HTML' || node.nodeName === 'BODY') {
      Array.from(node.childNodes).forEach(place)
    } else if (node.nodeName === 'HEAD') {
      head.push(...Array.from(node.childNodes).map((n) => n.outerHTML ?? ''))
    } else if (HEAD_ELEMENTS.has(node.nodeName) && !inBody) {
      head.push(node.outerHTML ?? '')
    } else {
      inBody = true
      body.push(node.outerHTML ?? '')
    }
  }
  Array.from(document.childNodes).forEach(place)
  const whole = `<!DOCTYPE html><html><head>${head.join('')}</head><body>${body.join('')}</body></html>`
  return (parseHTML(whole) as unknown as { document: DomDocument }).document
}

/** The first of `keys` the page's meta tags give. */
function metaValue (meta: Map<string, string>, ...keys: string[]): string | null {
  for (const key of keys) {
    const value = meta.get(key)
    if (value !== undefined) return value
  }
  return null
}

/** Whitespace collapsed and trimmed; null when nothing is left. */
function clean (value: string | null | undefined): string | null {
  if (value == null) return null
  const cleaned = value.replace(/\s+/g, ' ').trim()
  return cleaned === '' ? null : cleaned
}

function notUrl (value: string | null): string | null {
  return value !== null && /^(https?:)?\/\//i.test(value) ? null : value
}

function isoDate (value: string | null | undefined): string | null {
  if (value == null) return null
  const time = Date.parse(value.trim())
  return Number.isNaN(time) ? null : new Date(time).toISOString()
}

/** "Big news | The Daily" → "Big news" when the page's publisher is "The Daily". */
function withoutPublisher (title: string | null, publisher: string | null): string | null {
  if (title === null || publisher === null) return title
  const lowerTitle = title.toLowerCase()
  const lowerPublisher = publisher.toLowerCase()
  for (const separator of [' | ', ' - ', ' – ', ' — ', ' :: ', ' · ', ' • ']) {
    if (lowerTitle.endsWith(separator + lowerPublisher)) {
      const rest = title.slice(0, title.length - separator.length - publisher.length).trim()
      if (rest !== '') return rest
    }
    if (lowerTitle.startsWith(lowerPublisher + separator)) {
      const rest = title.slice(publisher.length + separator.length).trim()
      if (rest !== '') return rest
    }
  }
  return title
}

interface ReadabilityResult {
  text: string
  title: string | null
  byline: string | null
  siteName: string | null
  publishedTime: string | null
}

function runReadability (document: DomDocument): ReadabilityResult | null {
  let parsed
  try {
    const reader = new (load().Readability)<unknown>(document as never, {
      serializer: (node) => node,
      maxElemsToParse: MAX_ELEMENTS_FOR_READABILITY,
    })
    // Its last step makes links absolute and drops classes and wrappers: markup only, never the text read here,
    // and about a sixth of the time of a page.
    ;(reader as unknown as { _postProcessContent: () => void })._postProcessContent = () => {}
    parsed = reader.parse()
  } catch {
    return null
  }
  if (!parsed || !parsed.content) return null
  return {
    text: readableText(parsed.content as unknown as TextNodeLike),
    title: clean(parsed.title),
    byline: clean(parsed.byline),
    siteName: clean(parsed.siteName),
    publishedTime: parsed.publishedTime ?? null,
  }
}

/** The page's main text when Readability finds no article: <article>, <main>, or the body, without navigation. */
function bodyText (document: DomDocument): string {
  const root = document.querySelector('article') ?? document.querySelector('main') ??
    document.querySelector('[role="main"]') ?? document.body ?? document.documentElement
  if (!root) return ''
  for (const nav of Array.from(root.querySelectorAll('nav, [role="navigation"]'))) nav.remove()
  return readableText(root)
}

/**
 * The article in an HTML page. Never throws on malformed markup; the text may be '' for a page without any. Throws
 * HtmlTooLargeError for a page with more tags and character references than MAX_HTML_NODES (see bounds.ts).
 */
export function htmlToArticle (source: string): HtmlArticle {
  const html = boundMarkup(source)
  const document = parseDocument(html)
  // Readability rewrites the document it reads, so what else the page says is taken first.
  const page = document.documentElement === null ? null : survey(document.documentElement)
  const meta = (...keys: string[]): string | null => page === null ? null : metaValue(page.meta, ...keys)
  const found = page?.readable === true ? runReadability(document) : null
  const readable = found !== null && /\S/.test(found.text) ? found : null

  const publisher = meta('og:site_name') ?? found?.siteName ??
    notUrl(meta('application-name', 'publisher', 'dc.publisher', 'dcterms.publisher', 'article:publisher'))
  const title = withoutPublisher(
    found?.title ?? meta('og:title', 'twitter:title', 'dc.title', 'headline') ?? page?.title ?? page?.firstHeading ?? null,
    publisher)
  const byline = found?.byline ?? notUrl(meta('author', 'article:author', 'dc.creator', 'byl')) ?? page?.authorLink ?? null
  const published = isoDate(found?.publishedTime) ??
    isoDate(meta('article:published_time', 'datepublished', 'date', 'dc.date', 'dcterms.created', 'pubdate'))

  return {
    // Readability rewrites the document it reads: after it, the page is parsed again; without it, read as it is.
    text: readable ? readable.text : bodyText(page?.readable === true ? parseDocument(html) : document),
    title,
    byline,
    publisher,
    published_at: published,
    method: readable ? 'readability' : 'body',
  }
}
