// The reply of POST /sources/batch: one item per non-blank line, in line order, and the counts.
import { Type } from '@sinclair/typebox'

export const BatchStatus = Type.Union([
  Type.Literal('created'), Type.Literal('existing'), Type.Literal('updated'), Type.Literal('error'),
])

export const BatchItem = Type.Object({
  line: Type.Integer({ minimum: 1, description: 'Line number in the request body, from 1 (blank lines count).' }),
  status: BatchStatus,
  source_id: Type.Optional(Type.Integer({ description: 'The stored source, unless status is error.' })),
  quote_count: Type.Optional(Type.Integer({ minimum: 0 })),
  error: Type.Optional(Type.String({ description: 'Why this line was not stored (status error); names the field at fault.' })),
}, { additionalProperties: false, title: 'BatchItem' })

export const BatchReply = Type.Object({
  items: Type.Array(BatchItem),
  created: Type.Integer({ minimum: 0 }),
  existing: Type.Integer({ minimum: 0 }),
  updated: Type.Integer({ minimum: 0 }),
  failed: Type.Integer({ minimum: 0 }),
}, { title: 'BatchReply' })
