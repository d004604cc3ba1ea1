import { Type } from '@sinclair/typebox'
import { Nullable } from './common.js'

export const SpeakerKind = Type.Union([Type.Literal('person'), Type.Literal('organization'), Type.Literal('unnamed')])

export const Speaker = Type.Object({
  id: Type.Integer(),
  slug: Nullable(Type.String({ description: 'Null for speakers without a name.' })),
  name: Nullable(Type.String()),
  kind: SpeakerKind,
  title: Nullable(Type.String()),
  aliases: Type.Array(Type.String(), { description: 'Names the articles use for this speaker.' }),
  quote_count: Type.Integer(),
})
