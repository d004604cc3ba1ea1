// Pagination cursors: opaque to clients and signed with the database's secret, so a forged or
// truncated cursor is a 400 instead of a query on made-up values. A cursor names the list order
// it belongs to, and holds the sort key of the last item of its page.
import { createHmac, timingSafeEqual } from 'node:crypto'
import type { PageKey } from '../store/index.js'

export class CursorError extends Error {
  readonly statusCode = 400
  constructor () {
    super('cursor is not valid: pass next_cursor from the previous page of the same list unchanged')
  }
}

export class Cursors {
  readonly #secret: string

  constructor (secret: string) {
    this.#secret = secret
  }

  #sign (payload: string): Buffer {
    return createHmac('sha256', this.#secret).update(payload).digest().subarray(0, 16)
  }

  /** The cursor for the page after `key` in the list `order`; null when there is no next page. */
  encode (order: string, key: PageKey | null): string | null {
    if (key === null) return null
    const payload = Buffer.from(JSON.stringify([order, key])).toString('base64url')
    return `${payload}.${this.#sign(payload).toString('base64url')}`
  }

  /** The sort key a cursor holds; throws CursorError unless we made it for this list order. */
  decode (order: string, cursor: string): PageKey {
    const [payload, signature, extra] = cursor.split('.')
    if (payload === undefined || signature === undefined || extra !== undefined) throw new CursorError()
    const given = Buffer.from(signature, 'base64url')
    const expected = this.#sign(payload)
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new CursorError()
    let value: unknown
    try {
      value = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'))
    } catch {
      throw new CursorError()
    }
    if (!Array.isArray(value) || value[0] !== order || !Array.isArray(value[1])) throw new CursorError()
    return value[1] as PageKey
  }

  /** The store's page request for a list query. */
  page (order: string, query: { limit: number, cursor?: string | undefined }): { limit: number, after: PageKey | undefined } {
    return { limit: query.limit, after: query.cursor === undefined ? undefined : this.decode(order, query.cursor) }
  }
}
