// Tells the reply cache whether the database may have changed, on PostgreSQL: every write transaction notifies a
// channel as it commits (connection.ts), and each instance listens on its own connection. This instance's writes
// mark it at once, without waiting for their notification. While the listening connection is down, every call
// answers "moved", which keeps the cache empty rather than stale.
import pg from 'pg'
import type { ChangeWatch } from '../interface.js'
import { CHANGES_CHANNEL } from './connection.js'

const RECONNECT_MS = 1000

export class PgChangeWatch implements ChangeWatch {
  #moved = true
  #listening = false
  #client: pg.Client | null = null
  #closed = false
  #retry: NodeJS.Timeout | null = null

  constructor (private readonly url: string) {}

  /** Connects and listens; resolves once listening (or once the first attempt failed: it retries meanwhile). */
  async start (): Promise<void> {
    if (this.#closed) return
    const client = new pg.Client({ connectionString: this.url })
    this.#client = client
    const lost = (): void => {
      if (this.#client !== client) return
      this.#listening = false
      this.#client = null
      client.end().catch(() => {})
      if (!this.#closed) this.#retry = setTimeout(() => { void this.start() }, RECONNECT_MS).unref()
    }
    client.on('notification', () => { this.#moved = true })
    client.on('error', lost)
    client.on('end', lost)
    try {
      await client.connect()
      await client.query(`LISTEN ${CHANGES_CHANNEL}`)
      // Whatever was written before listening began is unknown: the first question answers "moved".
      this.#moved = true
      this.#listening = true
    } catch {
      lost()
    }
  }

  /** A write by this instance (committed or not). */
  wrote (): void {
    this.#moved = true
  }

  moved (): boolean {
    if (!this.#listening) return true
    const moved = this.#moved
    this.#moved = false
    return moved
  }

  async close (): Promise<void> {
    this.#closed = true
    if (this.#retry) clearTimeout(this.#retry)
    const client = this.#client
    this.#client = null
    this.#listening = false
    await client?.end().catch(() => {})
  }
}
