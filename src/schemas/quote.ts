import { Type } from '@sinclair/typebox'
import { Nullable } from './common.js'
import { SpeakerKind } from './speaker.js'

export const QuoteType = Type.Union([Type.Literal('direct'), Type.Literal('mixed'), Type.Literal('indirect')])

const Offset = Type.Integer({ minimum: 0, description: 'UTF-16 code unit index into the source text.' })

export const QuoteSpeaker = Type.Object({
  id: Type.Integer(),
  slug: Nullable(Type.String()),
  name: Nullable(Type.String()),
  kind: SpeakerKind,
  mention: Nullable(Type.String({ description: 'The words naming the speaker at this quote, e.g. "he".' })),
  start: Nullable(Offset),
  end: Nullable(Offset),
})

export const Quote = Type.Object({
  id: Type.Integer(),
  source_id: Type.Integer(),
  speaker: Nullable(QuoteSpeaker),
  text: Type.String({ description: 'Without the outer quotation marks; fragments joined with " … ".' }),
  start: Offset,
  end: Offset,
  fragments: Nullable(Type.Array(Type.Tuple([Offset, Offset]), {
    description: 'Set when the attribution interrupts the quote: [[start, end], …].',
  })),
  type: QuoteType,
  cue: Nullable(Type.String()),
  confidence: Type.Number({ minimum: 0, maximum: 1 }),
  via: Nullable(Type.String()),
})
