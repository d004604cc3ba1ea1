// Query parameters shared by list routes: date bounds and full-text words.
import { Type } from '@sinclair/typebox'

const DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/

export const DateBounds = Type.Object({
  since: Type.Optional(Type.String({ pattern: DATE.source, description: 'On or after this date (ISO 8601 date or date-time).' })),
  until: Type.Optional(Type.String({ pattern: DATE.source, description: 'Before this date-time; a bare date includes that whole day.' })),
})

export class DateError extends Error {
  readonly statusCode = 400
}

/** ISO 8601 bounds as UTC date-times the store compares with: since inclusive, until exclusive. */
export function dateBounds (query: { since?: string | undefined, until?: string | undefined }): { since?: string, until?: string } {
  const bounds: { since?: string, until?: string } = {}
  for (const field of ['since', 'until'] as const) {
    const value = query[field]
    if (value === undefined) continue
    const [year, month, day] = value.slice(0, 10).split('-').map(Number) as [number, number, number]
    const calendar = new Date(Date.UTC(year, month - 1, day))
    const time = Date.parse(value.length === 10 ? `${value}T00:00:00Z` : value)
    // Date.parse rolls 2024-02-31 over to March; a date that does not exist is refused instead.
    if (Number.isNaN(time) || calendar.getUTCMonth() !== month - 1 || calendar.getUTCDate() !== day) throw new DateError(`querystring/${field} is not a real date: "${value}"`)
    // "until=2024-05-01" means up to the end of that day.
    const end = field === 'until' && value.length === 10 ? time + 86_400_000 : time
    bounds[field] = new Date(end).toISOString()
  }
  return bounds
}
