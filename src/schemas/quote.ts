import { Type } from '@sinclair/typebox'
import { Id, Nullable } from './common.js'
import { ResolvedBy, SpeakerKind } from './speaker.js'

export const QuoteType = Type.Union([Type.Literal('direct'), Type.Literal('mixed'), Type.Literal('indirect')])

/** The order of a quote list that can be searched (src/store/quote-search.ts). */
export const QuoteSort = Type.Union([Type.Literal('newest'), Type.Literal('relevance')], {
  description: 'Default: relevance with q, else newest. relevance ranks the 500 most recently stored matches among the ' +
    'newest 1,000,000 quotes by bm25, then lists older matches newest stored first.',
})

const Offset = Type.Integer({ minimum: 0, description: 'UTF-16 code unit index into the source text.' })

export const QuoteSpeaker = Type.Object({
  id: Type.Integer(),
  slug: Nullable(Type.String()),
  name: Nullable(Type.String()),
  kind: SpeakerKind,
  mention: Nullable(Type.String({ description: 'The words naming the speaker at this quote, e.g. "he".' })),
  start: Nullable(Offset),
  end: Nullable(Offset),
  resolved_by: Nullable(Type.Union([...ResolvedBy.anyOf, Type.Literal('manual')], {
    description: 'How the speaker was found: name (the mention names them), role (a role noun or title such as ' +
      '"the councillor"), description ("the 24-year-old"), pronoun, continuation (a quote paragraph continuing the ' +
      'speaker before it), unresolved (the mention is all that is known), or manual (set by hand with PATCH ' +
      '/quotes/:id). Null for quotes stored before this was recorded, until their article is extracted again.',
  })),
})

export const QuoteSource = Type.Object({
  id: Type.Integer(),
  title: Type.String(),
  url: Nullable(Type.String()),
  publisher: Nullable(Type.String()),
  published_at: Nullable(Type.String({ format: 'date-time' })),
})

export const Quote = Type.Object({
  id: Type.Integer(),
  source_id: Type.Integer(),
  source: QuoteSource,
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
  quoted_at: Type.String({ format: 'date-time', description: 'The source\'s publication date, else when it was ingested.' }),
  corrected: Type.Boolean({ description: 'True when the speaker was set by hand.' }),
  copies: Type.Optional(Type.Array(Type.Object({ quote_id: Type.Integer(), source: QuoteSource }), {
    description: 'With distinct=true: every source where this speaker said these words, newest first.',
  })),
}, { title: 'Quote' })

export const QuoteDetail = Type.Composite([Quote, Type.Object({
  context: Nullable(Type.Object({
    start: Offset,
    end: Offset,
    text: Type.String({ description: 'The sentence(s) around the quote.' }),
  })),
})], { title: 'QuoteDetail' })

export const QuotePatch = Type.Object({
  speaker_id: Id({ description: 'The speaker who really said it.' }),
}, { additionalProperties: false })
