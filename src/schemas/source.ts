import { Type } from '@sinclair/typebox'
import { Nullable } from './common.js'

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
})

export const SourceDetail = Type.Composite([SourceSummary, Type.Object({
  text: Type.String({ description: 'The article text that quote offsets index into (UTF-16 code units).' }),
})])
