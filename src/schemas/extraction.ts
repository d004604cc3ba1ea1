// What the extractor returns (src/extract/types.ts), as a schema: the reply of POST /extract.
import { Type } from '@sinclair/typebox'
import { ArticleHtml, ArticleText } from './article.js'
import { Nullable } from './common.js'
import { QuoteType } from './quote.js'
import { ResolvedBy, SpeakerKind } from './speaker.js'

const Offset = Type.Integer({ minimum: 0, description: 'UTF-16 code unit index into the text.' })

export const ExtractedSpeaker = Type.Object({
  id: Type.Integer({ minimum: 0, description: 'Index of this speaker in speakers.' }),
  name: Nullable(Type.String({ description: 'The fullest name the article gives; null for an unnamed speaker.' })),
  kind: SpeakerKind,
  title: Nullable(Type.String({ description: 'Title or role as the article writes it.' })),
  aliases: Type.Array(Type.String(), { description: 'Names the article uses for this speaker, canonical first.' }),
}, { additionalProperties: false, title: 'ExtractedSpeaker' })

export const ExtractedQuoteSpeaker = Type.Object({
  id: Type.Integer({ minimum: 0, description: 'Index into speakers.' }),
  name: Nullable(Type.String()),
  mention: Type.String({ description: 'The words naming the speaker at this quote, e.g. "he".' }),
  start: Offset,
  end: Offset,
  kind: SpeakerKind,
  resolved_by: ResolvedBy,
}, { additionalProperties: false })

export const ExtractedQuote = Type.Object({
  text: Type.String({ description: 'Without the outer quotation marks; fragments joined with " … ".' }),
  start: Offset,
  end: Offset,
  fragments: Nullable(Type.Array(Type.Tuple([Offset, Offset]), {
    description: 'Set when the attribution interrupts the quote: [[start, end], …].',
  })),
  type: QuoteType,
  cue: Nullable(Type.String({ description: 'The verb or phrase of saying as written.' })),
  speaker: Nullable(ExtractedQuoteSpeaker),
  confidence: Type.Number({ minimum: 0, maximum: 1 }),
  via: Nullable(Type.String({ description: 'A second-hand source ("according to the Wall Street Journal").' })),
  context: Type.Tuple([Offset, Offset], {
    description: 'The sentence(s) holding the quote and its attribution: [start, end] in the text.',
  }),
}, { additionalProperties: false, title: 'ExtractedQuote' })

export const Extraction = Type.Object({
  extractor_version: Type.String(),
  quotes: Type.Array(ExtractedQuote),
  speakers: Type.Array(ExtractedSpeaker),
}, { title: 'Extraction' })

export const ExtractRequest = Type.Object({
  text: Type.Optional(ArticleText),
  html: Type.Optional(ArticleHtml),
}, { additionalProperties: false, title: 'ExtractRequest', description: 'Give text or html, not both.' })

export const ExtractResponse = Type.Object({
  extractor_version: Type.String(),
  quotes: Type.Array(ExtractedQuote),
  speakers: Type.Array(ExtractedSpeaker),
  text: Type.Optional(Type.String({
    description: 'For html: the text taken from the page, which the offsets index into. Absent for text.',
  })),
  title: Type.Optional(Nullable(Type.String({ description: "For html: the page's title." }))),
  byline: Type.Optional(Nullable(Type.String({ description: "For html: the page's byline." }))),
  publisher: Type.Optional(Nullable(Type.String({ description: "For html: the page's site name." }))),
}, { title: 'ExtractResponse' })
