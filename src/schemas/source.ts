import { Type } from '@sinclair/typebox'
import { Nullable } from './common.js'
import { Quote } from './quote.js'

export const SourceSummary = Type.Object({
  id: Type.Integer(),
  url: Nullable(Type.String()),
  title: Type.String(),
  publisher: Nullable(Type.String()),
  published_at: Nullable(Type.String({ format: 'date-time' })),
  content_hash: Type.String({ description: 'SHA-256 of the text, hex.' }),
  ingested_at: Type.String({ format: 'date-time' }),
  extractor_version: Type.String(),
  quote_count: Type.Integer(),
}, { title: 'SourceSummary' })

export const SourceDetail = Type.Composite([SourceSummary, Type.Object({
  text: Type.String({ description: 'The article text that quote offsets index into (UTF-16 code units).' }),
  quotes: Type.Array(Quote, { description: 'The quotes of the article in article order: all of them, up to 500.' }),
  quotes_next_cursor: Nullable(Type.String({
    description: 'Null when `quotes` lists them all (quote_count ≤ 500); else pass as cursor to ' +
      'GET /sources/{id}/quotes for the quotes after these.',
  })),
})], { title: 'SourceDetail' })

export const IngestStatus = Type.Union([Type.Literal('created'), Type.Literal('existing'), Type.Literal('updated')])

export const IngestReply = Type.Composite([SourceDetail, Type.Object({
  status: IngestStatus,
  updated: Type.Boolean({ description: 'True when this text replaced an older text with the same url.' }),
})], { title: 'IngestReply' })

export const ReextractReply = Type.Object({
  source_id: Type.Integer(),
  extractor_version: Type.String(),
  reextracted: Type.Boolean({ description: 'False when the source was already extracted by this version (see force).' }),
  quote_count: Type.Integer(),
})
