// Keyset pagination: a page ends with the sort key of its last row, and the next page starts after
// that key. Each list reads one row more than asked to learn whether another page exists.

/** The sort key of a row: the values of the ORDER BY columns, the id last. */
export type PageKey = Array<string | number | null>

export interface PageRequest {
  /** Return only rows after this key in the list's order. */
  after?: PageKey | undefined
  limit: number
}

export interface PageResult<T> {
  items: T[]
  /** The key to pass as `after` for the next page, or null on the last page. */
  next: PageKey | null
}

export function toPage<R, T> (rows: R[], limit: number, keyOf: (row: R) => PageKey, map: (row: R) => T): PageResult<T> {
  const more = rows.length > limit
  const kept = more ? rows.slice(0, limit) : rows
  return { items: kept.map(map), next: more ? keyOf(kept[kept.length - 1]!) : null }
}

/** Thrown when a key does not have the shape of the list's sort key. */
export class PageKeyError extends Error {
  override name = 'PageKeyError'
  readonly statusCode = 400
}

/** Checks a key from a client's cursor against the column types of a sort order. */
export function checkKey (key: PageKey, types: Array<'string' | 'number' | 'nullable-string'>): PageKey {
  const ok = key.length === types.length && key.every((value, i) => {
    const type = types[i]!
    if (type === 'number') return typeof value === 'number' && Number.isFinite(value)
    if (type === 'string') return typeof value === 'string'
    return value === null || typeof value === 'string'
  })
  if (!ok) throw new PageKeyError('cursor is not valid: it does not belong to this list')
  return key
}
