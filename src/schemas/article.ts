// An article as clients send it: to POST /sources, as one line of POST /sources/batch, or in a file for
// `whosaid ingest`. The schema is what a validator can check; services/article.ts checks the rest
// (exactly one of text and html, no blank text, a real date) and turns it into what the store takes.
import { Type, type Static } from '@sinclair/typebox'
import { MAX_HTML_LENGTH, MAX_PUBLISHER_LENGTH, MAX_TEXT_LENGTH, MAX_TITLE_LENGTH, MAX_URL_LENGTH } from '../limits.js'
import { NullableInput as Nullable } from './common.js'

/** ISO 8601 date (2024-05-01) or date-time (2024-05-01T08:00, seconds, fraction and zone optional). */
export const ISO_DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|z|[+-]\\d{2}(:?\\d{2})?)?)?$'

/** An absolute http or https URL. */
export const HTTP_URL_PATTERN = '^[Hh][Tt][Tt][Pp][Ss]?://[^\\s]+$'

export const ArticleText = Type.String({
  minLength: 1,
  maxLength: MAX_TEXT_LENGTH,
  description: 'The article as plain text, stored exactly as given: quote offsets index into it. Give text or html, not both.',
})

export const ArticleHtml = Type.String({
  minLength: 1,
  maxLength: MAX_HTML_LENGTH,
  description: 'The article as an HTML page; its readable text (paragraphs separated by a blank line) is what is stored. Give text or html, not both.',
})

export const ArticleRequest = Type.Object({
  text: Type.Optional(ArticleText),
  html: Type.Optional(ArticleHtml),
  // url and published_at carry no `pattern`: prepareArticle checks them, with a message that says what is expected
  // instead of a regular expression, the same for HTTP requests, batch lines and files.
  url: Type.Optional(Nullable(Type.String({
    maxLength: MAX_URL_LENGTH,
    description: 'Where the article was published: an absolute http or https URL. A different text under a url already stored replaces it.',
  }))),
  title: Type.Optional(Nullable(Type.String({
    minLength: 1,
    maxLength: MAX_TITLE_LENGTH,
    description: 'Default: the page title for html, else the first line of the text (at most 200 characters).',
  }))),
  publisher: Type.Optional(Nullable(Type.String({
    minLength: 1,
    maxLength: MAX_PUBLISHER_LENGTH,
    description: "Default for html: the page's og:site_name or similar.",
  }))),
  published_at: Type.Optional(Nullable(Type.String({
    maxLength: 64,
    description: 'ISO 8601 date or date-time; a time without a zone is UTC. Stored as a UTC date-time.',
  }))),
}, { additionalProperties: false, title: 'ArticleRequest' })

export type ArticleRequest = Static<typeof ArticleRequest>

/** The fields an ArticleRequest may have, for messages about unknown ones. */
export const ARTICLE_FIELDS = Object.keys(ArticleRequest.properties)
