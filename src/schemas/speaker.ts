import { Type } from '@sinclair/typebox'
import { Id, Nullable } from './common.js'

export const ResolvedBy = Type.Union(
  [
    Type.Literal('name'), Type.Literal('role'), Type.Literal('description'), Type.Literal('pronoun'),
    Type.Literal('continuation'), Type.Literal('unresolved'),
  ],
  { description: 'How the speaker was found: the mention names them, a role noun or description or pronoun resolved to them, the quote continues the previous speaker, or unresolved.' },
)
export const SpeakerKind = Type.Union([Type.Literal('person'), Type.Literal('organization'), Type.Literal('group'), Type.Literal('unnamed')])

const Timestamp = Type.String({ format: 'date-time' })

export const Speaker = Type.Object({
  id: Type.Integer(),
  slug: Nullable(Type.String({ description: 'Null for speakers that belong to one article.' })),
  name: Nullable(Type.String()),
  kind: SpeakerKind,
  title: Nullable(Type.String()),
  source_id: Nullable(Type.Integer({
    description: 'The article a group, unnamed or role-only speaker belongs to; null for speakers shared across articles.',
  })),
  quote_count: Type.Integer(),
  source_count: Type.Integer(),
  first_quoted_at: Nullable(Timestamp),
  last_quoted_at: Nullable(Timestamp),
}, { title: 'Speaker' })

export const SpeakerDetail = Type.Composite([Speaker, Type.Object({
  titles: Type.Array(Type.String(), {
    description: 'Titles and roles the articles give, most frequent first, then most recent; title is the first.',
  }),
  aliases: Type.Array(Type.Object({
    alias: Type.String(),
    source_count: Type.Integer(),
    source_ids: Type.Array(Type.Integer(), { description: 'The first 20 sources using this name.' }),
  }), { description: 'Names the articles use for this speaker, and where: why these mentions were merged.' }),
})], { title: 'SpeakerDetail' })

/** A speaker as a route parameter: the numeric id or the slug. */
export const SpeakerParams = Type.Object({
  id: Type.String({
    pattern: '^([1-9][0-9]{0,15}|[a-z0-9]+(-[a-z0-9]+)*)$',
    maxLength: 200,
    description: 'Numeric id or slug, e.g. 42 or steve-witkoff.',
  }),
})

export const MergeBody = Type.Object({
  into: Type.Union([Id(), Type.String({ minLength: 1, maxLength: 200 })], {
    description: 'The speaker (id or slug) that absorbs this one.',
  }),
}, { additionalProperties: false })

export const SplitBody = Type.Object({
  alias: Type.String({ minLength: 1, maxLength: 500, description: 'A name from the speaker\'s aliases.' }),
}, { additionalProperties: false })
