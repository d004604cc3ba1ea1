// The store the tests run against: SQLite (in memory) by default, PostgreSQL when WHOSAID_TEST_STORE=postgres and
// WHOSAID_TEST_DATABASE_URL names a server where the tests may create databases (.ci/run starts a throwaway one).
// Each store is a fresh database: for PostgreSQL a copy of a migrated template, made once per schema version.
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import pg from 'pg'
import { MIGRATIONS_DIR } from '../../src/paths.js'
import { openStore, Store, type DataStore } from '../../src/store/index.js'
import { PgStore } from '../../src/store/postgres/index.js'

export type TestStoreKind = 'sqlite' | 'postgres'

/** Which store this run tests. */
export function testStoreKind (): TestStoreKind {
  const kind = process.env['WHOSAID_TEST_STORE'] ?? 'sqlite'
  if (kind !== 'sqlite' && kind !== 'postgres') throw new Error(`WHOSAID_TEST_STORE must be sqlite or postgres, got "${kind}"`)
  if (kind === 'postgres' && !process.env['WHOSAID_TEST_DATABASE_URL']) {
    throw new Error('WHOSAID_TEST_STORE=postgres needs WHOSAID_TEST_DATABASE_URL (see .ci/postgres.sh)')
  }
  return kind
}

/** The server URL for PostgreSQL tests, or undefined when none is configured. */
export function testPostgresUrl (): string | undefined {
  return process.env['WHOSAID_TEST_DATABASE_URL'] || undefined
}

const POSTGRES_MIGRATIONS = join(MIGRATIONS_DIR, 'postgres')
let databases = 0

function withDatabase (url: string, database: string): string {
  const parsed = new URL(url)
  parsed.pathname = `/${database}`
  return parsed.toString()
}

/** A new, migrated PostgreSQL database on the test server; its URL. */
export async function newPostgresDatabase (): Promise<string> {
  const url = testPostgresUrl()
  if (url === undefined) throw new Error('WHOSAID_TEST_DATABASE_URL is not set')
  const schema = createHash('sha256')
  for (const file of readdirSync(POSTGRES_MIGRATIONS).sort()) schema.update(file).update(readFileSync(join(POSTGRES_MIGRATIONS, file)))
  const template = `whosaid_template_${schema.digest('hex').slice(0, 12)}`
  const admin = new pg.Client({ connectionString: url })
  await admin.connect()
  try {
    // One test process makes the template; the others wait for it.
    await admin.query('SELECT pg_advisory_lock(7100)')
    try {
      const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [template])).rows.length > 0
      if (!exists) {
        await admin.query(`CREATE DATABASE ${template}`)
        const store = await openStore({ location: withDatabase(url, template), defaultMigrationsDir: MIGRATIONS_DIR })
        await store.close()
      }
      const name = `whosaid_test_${process.pid}_${++databases}_${Date.now().toString(36)}`
      await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`)
      return withDatabase(url, name)
    } finally {
      await admin.query('SELECT pg_advisory_unlock(7100)')
    }
  } finally {
    await admin.end()
  }
}

/** Where a test app or store keeps its data: ':memory:' for SQLite, a new database's URL for PostgreSQL. */
export async function testDatabaseLocation (): Promise<string> {
  return testStoreKind() === 'postgres' ? await newPostgresDatabase() : ':memory:'
}

/** A fresh store of the kind under test, closed when the test ends. */
export async function testStore (t: { teardown: (fn: () => unknown) => void }): Promise<DataStore> {
  const store = await openStore({ location: await testDatabaseLocation(), defaultMigrationsDir: MIGRATIONS_DIR })
  t.teardown(() => store.close())
  return store
}

/** The first column of a query's rows, read from either store's own database (for tests of what is stored). */
export async function queryColumn (store: DataStore, sql: string): Promise<unknown[]> {
  if (store instanceof Store) return store.db.prepare(sql).pluck().all()
  if (store instanceof PgStore) return (await store.pool.query({ text: sql, rowMode: 'array' })).rows.map((row: unknown[]) => row[0])
  throw new Error(`no way to query a ${store.kind} store`)
}
