// Cursors are opaque to clients (base64url of the last id) so the ordering can change later.

export function encodeCursor (after: number | null): string | null {
  return after === null ? null : Buffer.from(`id:${after}`).toString('base64url')
}

/** Returns the id after which the page starts, or null when the cursor is not one we made. */
export function decodeCursor (cursor: string): number | null {
  const match = /^id:([1-9]\d{0,15})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'))
  return match ? Number(match[1]) : null
}

export class CursorError extends Error {
  readonly statusCode = 400
  constructor () {
    super('cursor is not valid: pass next_cursor from a previous page unchanged')
  }
}

/** The store's page request for a list query; throws a 400 for a cursor we did not make. */
export function pageRequest (query: { limit: number, cursor?: string | undefined }): { limit: number, after: number | undefined } {
  if (query.cursor === undefined) return { limit: query.limit, after: undefined }
  const after = decodeCursor(query.cursor)
  if (after === null) throw new CursorError()
  return { limit: query.limit, after }
}
