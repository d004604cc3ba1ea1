import { Type } from '@sinclair/typebox'

export const Health = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('degraded')], {
    description: 'degraded: the database answers reads but cannot store anything (storage full).',
  }),
  database: Type.Literal('ok'),
  storage: Type.Union([Type.Literal('ok'), Type.Literal('full')], {
    description: 'full: the disk or the database size limit is full; writes answer 507 until space is freed.',
  }),
})
