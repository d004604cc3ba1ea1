// Copies a SQLite database into an empty PostgreSQL one (whosaid copy-store): every row with its id, in one
// transaction, verified before it commits by the row count of every table and a checksum of every quote read back
// from both databases. Anything that does not match rolls the whole copy back.
import { createHash } from 'node:crypto'
import type { Database } from '../database.js'
import { ConflictError } from '../errors.js'
import { writeTransaction, type Sql } from './connection.js'
import type { PgStore } from './index.js'

/** The tables and columns copied, in an order that satisfies the foreign keys (speakers.merged_into set after). */
const TABLES: ReadonlyArray<{ name: string, columns: string[], order: string }> = [
  { name: 'sources', columns: ['id', 'url', 'title', 'publisher', 'published_at', 'text', 'content_hash', 'ingested_at', 'extractor_version'], order: 'id' },
  {
    name: 'speakers',
    columns: ['id', 'slug', 'name', 'kind', 'title', 'name_key', 'ending_key', 'first_key', 'surname_key', 'home_source_id', 'quote_count',
      'source_count', 'first_quoted_at', 'last_quoted_at'],
    order: 'id',
  },
  { name: 'speaker_aliases', columns: ['speaker_id', 'alias', 'source_id'], order: 'speaker_id, alias, source_id' },
  { name: 'speaker_titles', columns: ['speaker_id', 'title', 'source_id'], order: 'speaker_id, title, source_id' },
  { name: 'speaker_tokens', columns: ['token', 'speaker_id'], order: 'token, speaker_id' },
  { name: 'local_speaker_tokens', columns: ['token', 'speaker_id'], order: 'token, speaker_id' },
  { name: 'speaker_old_slugs', columns: ['slug', 'speaker_id'], order: 'slug' },
  { name: 'speaker_splits', columns: ['speaker_id', 'alias_key', 'into_id'], order: 'speaker_id, alias_key' },
  {
    name: 'quotes',
    columns: ['id', 'source_id', 'speaker_id', 'speaker_mention', 'speaker_start', 'speaker_end', 'text', 'start_offset',
      'end_offset', 'fragments', 'type', 'cue', 'confidence', 'via', 'quoted_at', 'text_key', 'context_start', 'context_end',
      'corrected', 'resolved_by'],
    order: 'id',
  },
  { name: 'quote_corrections', columns: ['source_id', 'text', 'speaker_id', 'corrected_at'], order: 'source_id, text' },
]
const ROWS_PER_INSERT = 1000

export interface CopyReport {
  /** Rows of each table, the same in both databases. */
  counts: Record<string, number>
  /** SHA-256 over every quote (all its columns, in id order), the same in both databases. */
  quoteChecksum: string
}

/** Every quote's columns in id order, hashed the same way whichever database they were read from. */
async function hashQuotes (rows: Iterable<Record<string, unknown>> | AsyncIterable<Record<string, unknown>>): Promise<string> {
  const hash = createHash('sha256')
  const columns = TABLES.find((table) => table.name === 'quotes')!.columns
  for await (const row of rows) hash.update(JSON.stringify(columns.map((column) => row[column] ?? null))).update('\n')
  return hash.digest('hex')
}

/** PostgreSQL's quotes in id order, a page at a time, so that a large table is never held in memory at once. */
async function * pgQuotes (sql: Sql): AsyncGenerator<Record<string, unknown>> {
  let after = 0
  for (;;) {
    const { rows } = await sql.query('SELECT * FROM quotes WHERE id > $1 ORDER BY id LIMIT 5000', [after])
    yield * rows
    if (rows.length < 5000) return
    after = Number(rows[rows.length - 1]!['id'])
  }
}

export async function copySqliteToPostgres (source: Database, target: PgStore): Promise<CopyReport> {
  const report = await copyRows(source, target)
  // Statistics for the planner: without them the first queries on the new rows would be planned for empty tables.
  await target.pool.query('VACUUM ANALYZE')
  return report
}

async function copyRows (source: Database, target: PgStore): Promise<CopyReport> {
  return await writeTransaction(target.pool, async (sql) => {
    const existing = (await sql.query<{ n: number }>('SELECT (SELECT count(*) FROM sources) + (SELECT count(*) FROM speakers) AS n')).rows[0]!.n
    if (existing > 0) throw new ConflictError('the PostgreSQL database already holds articles or speakers; copy-store fills an empty one only')
    for (const table of TABLES) {
      const read = source.prepare(`SELECT ${table.columns.join(', ')} FROM ${table.name} ORDER BY ${table.order}`)
      let batch: unknown[] = []
      const flush = async (): Promise<void> => {
        if (batch.length === 0) return
        await sql.query(`INSERT INTO ${table.name} (${table.columns.join(', ')})
          SELECT ${table.columns.join(', ')} FROM json_populate_recordset(NULL::${table.name}, $1)`, [JSON.stringify(batch)])
        batch = []
      }
      for (const row of read.iterate()) {
        batch.push(row)
        if (batch.length === ROWS_PER_INSERT) await flush()
      }
      await flush()
    }
    // Merges point at speakers of any id: set once every speaker is there.
    const merged = source.prepare('SELECT id, merged_into FROM speakers WHERE merged_into IS NOT NULL').all() as Array<{ id: number, merged_into: number }>
    if (merged.length > 0) {
      await sql.query(`UPDATE speakers s SET merged_into = m.merged_into
        FROM json_populate_recordset(NULL::speakers, $1) m WHERE s.id = m.id`, [JSON.stringify(merged)])
    }
    // Cursors signed with the SQLite database's secret stay valid (unless CURSOR_SECRET overrides both).
    const secret = source.prepare("SELECT value FROM settings WHERE key = 'cursor_secret'").pluck().get() as string | undefined
    if (secret !== undefined) await sql.query("UPDATE settings SET value = $1 WHERE key = 'cursor_secret'", [secret])
    for (const table of ['sources', 'speakers', 'quotes']) {
      await sql.query(`SELECT setval(pg_get_serial_sequence('${table}', 'id'), coalesce(max(id), 0) + 1, false) FROM ${table}`)
    }

    const counts: Record<string, number> = {}
    for (const table of TABLES) {
      const want = source.prepare(`SELECT count(*) FROM ${table.name}`).pluck().get() as number
      const got = (await sql.query<{ n: number }>(`SELECT count(*) AS n FROM ${table.name}`)).rows[0]!.n
      if (got !== want) throw new Error(`${table.name}: ${want} rows in SQLite but ${got} copied; nothing was kept`)
      counts[table.name] = got
    }
    const quoteChecksum = await hashQuotes(source.prepare('SELECT * FROM quotes ORDER BY id').iterate() as Iterable<Record<string, unknown>>)
    const copied = await hashQuotes(pgQuotes(sql))
    if (copied !== quoteChecksum) throw new Error('the quotes read back from PostgreSQL differ from SQLite\'s (checksum); nothing was kept')
    return { counts, quoteChecksum }
  })
}
