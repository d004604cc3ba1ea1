import { Type } from '@sinclair/typebox'

export const Health = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('degraded')], {
    description: 'degraded: the database answers reads but cannot store anything (storage full), or extraction workers could not start.',
  }),
  database: Type.Literal('ok'),
  storage: Type.Union([Type.Literal('ok'), Type.Literal('full')], {
    description: 'full: the disk or the database size limit is full; writes answer 507 until space is freed.',
  }),
  extraction: Type.Union([Type.Literal('workers'), Type.Literal('main-thread')], {
    description: 'main-thread: articles are extracted on the thread that answers requests, without a time limit, because '
      + 'the extraction workers could not start (the log says why) or were turned off.',
  }),
})
