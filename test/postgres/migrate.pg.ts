// PostgreSQL migrations (npm run test:postgres, needs WHOSAID_TEST_DATABASE_URL): instances starting at once on a new
// database apply each migration once (the advisory lock), and a failing migration stops start-up, names its file and
// leaves nothing of itself behind.
import { copyFileSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import t, { type Test } from 'tap'
import { MIGRATIONS_DIR } from '../../src/paths.js'
import { PgStore } from '../../src/store/postgres/index.js'
import { testPostgresUrl } from '../helpers/stores.js'

const POSTGRES_MIGRATIONS = join(MIGRATIONS_DIR, 'postgres')
const serverUrl = testPostgresUrl()
if (serverUrl === undefined) throw new Error('test/postgres needs WHOSAID_TEST_DATABASE_URL (.ci/postgres.sh starts a server)')

/** A new empty database (no template: nothing migrated yet); its URL. */
async function emptyDatabase (t: Test): Promise<string> {
  const name = `whosaid_empty_${process.pid}_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6)}`
  const admin = new pg.Client({ connectionString: serverUrl })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name}`)
  await admin.end()
  t.teardown(async () => {
    const cleanup = new pg.Client({ connectionString: serverUrl })
    await cleanup.connect()
    await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    await cleanup.end()
  })
  const url = new URL(serverUrl!)
  url.pathname = `/${name}`
  return url.toString()
}

async function column (url: string, sql: string): Promise<unknown[]> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return (await client.query({ text: sql, rowMode: 'array' })).rows.map((row: unknown[]) => row[0])
  } finally {
    await client.end()
  }
}

t.test('instances opening a new database at the same moment each get the schema, each migration applied once', async (t) => {
  const url = await emptyDatabase(t)
  const files = readdirSync(POSTGRES_MIGRATIONS).filter((name) => name.endsWith('.sql')).sort()
  const stores = await Promise.all(Array.from({ length: 4 }, () => PgStore.open({ url, migrationsDir: POSTGRES_MIGRATIONS })))
  t.teardown(() => Promise.all(stores.map((store) => store.close())))
  t.same(stores.flatMap((store) => store.appliedMigrations).sort(), files, 'every file applied by exactly one of them')
  t.same(await column(url, 'SELECT name FROM schema_migrations ORDER BY version'), files)
  for (const store of stores) t.equal(await store.sources.count(), 0, 'each can read')
  const secrets = new Set(await Promise.all(stores.map((store) => store.cursorSecret())))
  t.equal(secrets.size, 1, 'one cursor secret for the database')
})

t.test('a failing migration stops start-up with its name, rolled back entirely; the ones before it stay', async (t) => {
  const url = await emptyDatabase(t)
  const dir = mkdtempSync(join(tmpdir(), 'whosaid-pg-migrations-'))
  for (const file of readdirSync(POSTGRES_MIGRATIONS)) copyFileSync(join(POSTGRES_MIGRATIONS, file), join(dir, file))
  writeFileSync(join(dir, '900_half_done.sql'), 'CREATE TABLE half_done (x integer);\nCREATE TABLE (;')
  await t.rejects(PgStore.open({ url, migrationsDir: dir }), { name: 'MigrationError', message: /^migration 900_half_done\.sql failed: .*syntax error/ })
  t.same(await column(url, "SELECT count(*)::integer FROM pg_tables WHERE tablename = 'half_done'"), [0], 'nothing of the failed file')
  const last = Number(readdirSync(POSTGRES_MIGRATIONS).filter((name) => name.endsWith('.sql')).sort().pop()!.slice(0, 3))
  t.same(await column(url, 'SELECT max(version) FROM schema_migrations'), [last], 'the migrations before it are kept')
  writeFileSync(join(dir, '900_half_done.sql'), 'CREATE TABLE half_done (x integer);')
  const store = await PgStore.open({ url, migrationsDir: dir })
  t.same(store.appliedMigrations, ['900_half_done.sql'], 'once fixed, only it is applied')
  await store.close()
})
