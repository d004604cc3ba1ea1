// An article request (HTTP, NDJSON line, CLI file) → the ArticleInput the store takes. Every check lives here, so
// a bad article gets the same 400 and the same message whichever way it came in.
import type { TSchema } from '@sinclair/typebox'
import { Value, ValueErrorType, type ValueError } from '@sinclair/typebox/value'
import { HtmlTooLargeError } from '../html/bounds.js'
import { htmlToArticle, type HtmlArticle } from '../html/index.js'
import { DEFAULT_TITLE_LENGTH, MAX_HTML_LENGTH, MAX_TEXT_LENGTH } from '../limits.js'
import { ARTICLE_FIELDS, ArticleRequest, HTTP_URL_PATTERN, ISO_DATE_PATTERN } from '../schemas/article.js'
import type { ArticleInput } from '../store/index.js'
import { ArticleError } from './article-error.js'

export { ArticleError }

export interface PreparedArticle {
  article: ArticleInput
  /** What the HTML conversion found, when the request gave html. */
  page: HtmlArticle | null
}

const ISO_DATE = new RegExp(ISO_DATE_PATTERN)
const HTTP_URL = new RegExp(HTTP_URL_PATTERN)
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/
const LONE_SURROGATES = new RegExp(LONE_SURROGATE.source, 'g')
const CONTROL_CHARACTER = /[\u0000-\u001F\u007F]/

function fieldOf (error: ValueError): string | null {
  const field = error.path.split('/')[1]
  return field === undefined || field === '' ? null : field
}

function schemaMessage (error: ValueError): string {
  const field = fieldOf(error)
  const schema = error.schema as { maxLength?: number, anyOf?: TSchema[] }
  if (field === null) return 'an article must be a JSON object'
  if (error.type === ValueErrorType.Union && typeof error.value === 'string') {
    // A string in a nullable field: say what is wrong with it as a string.
    const stringSchema = schema.anyOf?.find((variant) => variant.type === 'string')
    const inner = stringSchema && Value.Errors(stringSchema, error.value).First()
    if (inner) return schemaMessage({ ...inner, path: error.path })
  }
  switch (error.type) {
    case ValueErrorType.ObjectAdditionalProperties:
      return `${field} is not a field of an article (expected ${ARTICLE_FIELDS.join(', ')})`
    case ValueErrorType.StringMaxLength:
      return `${field} is longer than ${schema.maxLength} characters`
    case ValueErrorType.StringMinLength:
      return `${field} must not be empty`
    case ValueErrorType.StringPattern:
      return field === 'url' ? `${urlMessage()}, got ${shown(error.value)}`
        : field === 'published_at' ? `${dateMessage()}, got ${shown(error.value)}` : `${field} ${error.message}`
    default:
      return field === 'text' || field === 'html' ? `${field} must be a string` : `${field} must be a string or null`
  }
}

/** A value for a message: quoted, and cut when long. */
const shown = (value: unknown): string => {
  const text = String(value)
  return JSON.stringify(text.length > 100 ? text.slice(0, 100) + '…' : text)
}

const urlMessage = (): string => 'url must be an absolute http or https URL'
const dateMessage = (): string =>
  'published_at must be an ISO 8601 date or date-time (e.g. 2024-05-01 or 2024-05-01T08:00:00Z)'

/** Checks a value against ArticleRequest, for input no HTTP validator has seen (batch lines, CLI files). */
export function parseArticleRequest (value: unknown): ArticleRequest {
  const first = Value.Errors(ArticleRequest, value).First()
  if (first !== undefined) throw new ArticleError(fieldOf(first), schemaMessage(first))
  return value as ArticleRequest
}

/** Parses a JSON text (one NDJSON line) into an ArticleRequest. */
export function parseArticleJson (json: string): ArticleRequest {
  let value: unknown
  try {
    value = JSON.parse(json)
  } catch (err) {
    throw new ArticleError(null, `invalid JSON: ${(err as Error).message}`)
  }
  return parseArticleRequest(value)
}

/** "2024-05-01", "2024-05-01T08:00+02:00" → a UTC ISO date-time; the calendar date must exist. */
export function normalizeDate (value: string): string {
  const match = ISO_DATE.exec(value) === null ? null
    : /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|z|([+-])(\d{2}):?(\d{2})?)?)?$/.exec(value)
  if (match === null) throw new ArticleError('published_at', `${dateMessage()}, got ${shown(value)}`)
  const [, y, mo, d, h = '0', mi = '0', s = '0', fraction = '0', , sign, oh = '0', om = '0'] = match
  const year = Number(y)
  const month = Number(mo)
  const day = Number(d)
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
  const daysInMonth = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth || Number(h) > 23 || Number(mi) > 59 ||
    Number(s) > 59 || Number(oh) > 23 || Number(om) > 59) {
    throw new ArticleError('published_at', `published_at is not a real date or time: ${shown(value)}`)
  }
  const offset = (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om))
  const date = new Date(0)
  // setUTCFullYear, unlike Date.UTC, does not turn years 0–99 into 1900–1999.
  date.setUTCFullYear(year, month - 1, day)
  date.setUTCHours(Number(h), Number(mi) - offset, Number(s), Number(fraction.slice(0, 3).padEnd(3, '0')))
  return date.toISOString()
}

function normalizeUrl (value: string): string {
  // The URL parser silently drops NUL, tabs and line breaks: the url stored would not be the one sent.
  checkCharacters('url', value)
  const control = CONTROL_CHARACTER.exec(value.trim())
  if (control !== null) {
    const code = control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')
    throw new ArticleError('url', `url contains a control character (U+${code}) at index ${value.indexOf(control[0])}`)
  }
  const trimmed = value.trim()
  let url: URL
  try {
    if (!HTTP_URL.test(trimmed)) throw new Error('not http')
    url = new URL(trimmed)
  } catch {
    throw new ArticleError('url', `${urlMessage()}, got ${shown(value)}`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ArticleError('url', urlMessage())
  return url.href
}

/** Whitespace collapsed and trimmed; null for null or absent; a 400 naming the field when nothing is left. */
function label (field: string, value: string | null | undefined): string | null {
  if (value == null) return null
  checkCharacters(field, value)
  const cleaned = value.replace(/\s+/g, ' ').trim()
  if (cleaned === '') throw new ArticleError(field, `${field} must not be empty or only whitespace`)
  return cleaned
}

/** The first non-blank line of a text, cut at a word to at most DEFAULT_TITLE_LENGTH characters. */
export function titleFromText (text: string): string {
  const line = text.split(/\r\n|\r|\n/).map((l) => l.replace(/\s+/g, ' ').trim()).find((l) => l !== '') ?? ''
  if (line.length <= DEFAULT_TITLE_LENGTH) return line
  let cut = line.slice(0, DEFAULT_TITLE_LENGTH - 1)
  const space = cut.lastIndexOf(' ')
  if (space >= DEFAULT_TITLE_LENGTH / 2) cut = cut.slice(0, space)
  else if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1)
  return cut.trimEnd() + '…'
}

function checkText (text: string, field: 'text' | 'html'): void {
  const what = field === 'text' ? 'text' : 'the text of html'
  if (text.length > MAX_TEXT_LENGTH) {
    throw new ArticleError(field, `${what} is longer than ${MAX_TEXT_LENGTH} characters (${text.length})`)
  }
  if (field === 'text') checkCharacters('text', text)
}

/**
 * Refuses NUL (C clients would cut the string there) and unpaired surrogates (not Unicode: SQLite would store U+FFFD
 * in their place, so the stored string would differ from the one sent).
 */
function checkCharacters (field: string, value: string): void {
  const nul = value.indexOf('\u0000')
  if (nul >= 0) throw new ArticleError(field, `${field} contains a NUL character (U+0000) at index ${nul}`)
  const lone = LONE_SURROGATE.exec(value)
  if (lone !== null) throw new ArticleError(field, `${field} contains an unpaired UTF-16 surrogate at index ${lone.index}`)
}

/** What HTML parsing would make of them anyway: NUL dropped, an unpaired surrogate U+FFFD. */
function wellFormed (value: string): string
function wellFormed (value: string | null): string | null
function wellFormed (value: string | null): string | null {
  return value === null ? null : value.replace(/\u0000/g, '').replace(LONE_SURROGATES, '\uFFFD')
}

/**
 * Checks a request and makes the article to store: HTML converted to text, the title defaulted, the date in UTC.
 * Text is kept exactly as given (quote offsets index into it). Throws ArticleError (statusCode 400).
 */
export function prepareArticle (request: ArticleRequest): PreparedArticle {
  const { text, html } = request
  if (text != null && html != null) throw new ArticleError('text', 'give either text or html, not both')
  if (text == null && html == null) throw new ArticleError('text', 'text or html is required')

  let body: string
  let page: HtmlArticle | null = null
  if (text != null) {
    if (typeof text !== 'string' || text.trim() === '') {
      throw new ArticleError('text', 'text must not be empty or only whitespace')
    }
    checkText(text, 'text')
    body = text
  } else {
    if (typeof html !== 'string' || html.trim() === '') {
      throw new ArticleError('html', 'html must not be empty or only whitespace')
    }
    if (html.length > MAX_HTML_LENGTH) {
      throw new ArticleError('html', `html is longer than ${MAX_HTML_LENGTH} characters (${html.length})`)
    }
    try {
      page = htmlToArticle(html)
    } catch (err) {
      if (err instanceof HtmlTooLargeError) throw new ArticleError('html', err.message)
      throw err
    }
    body = wellFormed(page.text)
    if (body.trim() === '') throw new ArticleError('html', 'html has no readable text')
    checkText(body, 'html')
  }

  const title = label('title', request.title) ?? wellFormed(page?.title ?? null) ?? titleFromText(body)
  return {
    article: {
      title,
      text: body,
      url: request.url == null ? null : normalizeUrl(request.url),
      publisher: label('publisher', request.publisher) ?? wellFormed(page?.publisher ?? null),
      published_at: request.published_at == null ? page?.published_at ?? null : normalizeDate(request.published_at),
    },
    page,
  }
}

/** parseArticleRequest then prepareArticle: for an unchecked value. */
export function prepareArticleValue (value: unknown): PreparedArticle {
  return prepareArticle(parseArticleRequest(value))
}
