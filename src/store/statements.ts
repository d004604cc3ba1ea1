// Prepared statements for queries whose SQL depends on the filters given: one per distinct SQL
// text, prepared on first use and kept (the number of filter combinations is small and fixed).
import type { Database } from './database.js'

export type Statement = ReturnType<Database['prepare']>

export class StatementCache {
  readonly #db: Database
  readonly #statements = new Map<string, Statement>()

  constructor (db: Database) {
    this.#db = db
  }

  get (sql: string): Statement {
    let statement = this.#statements.get(sql)
    if (!statement) {
      statement = this.#db.prepare(sql)
      this.#statements.set(sql, statement)
    }
    return statement
  }
}
