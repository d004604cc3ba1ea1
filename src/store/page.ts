// Keyset pagination: each list reads one row more than asked to learn whether another page exists.

export interface PageRequest {
  /** Return only rows whose id is greater than this. */
  after?: number | undefined
  limit: number
}

export interface PageResult<T> {
  items: T[]
  /** The id to pass as `after` for the next page, or null on the last page. */
  next_after: number | null
}

export function toPage<T extends { id: number }> (rows: T[], limit: number): PageResult<T> {
  if (rows.length <= limit) return { items: rows, next_after: null }
  const items = rows.slice(0, limit)
  return { items, next_after: items[items.length - 1]!.id }
}
