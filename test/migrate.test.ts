import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import t from 'tap'
import { openDatabase } from '../src/store/database.js'
import { MigrationError, listMigrations, migrate } from '../src/store/migrate.js'
import { Store } from '../src/store/index.js'
import { MIGRATIONS_DIR } from '../src/paths.js'

function tables (db: ReturnType<typeof openDatabase>): string[] {
  return db.prepare("SELECT name FROM sqlite_schema WHERE type IN ('table', 'view') ORDER BY name").pluck().all() as string[]
}

/** A migrations directory holding the project's migrations plus `extra` files. */
function migrationsWith (extra: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'whosaid-migrations-'))
  for (const file of listMigrations(MIGRATIONS_DIR)) copyFileSync(file.path, join(dir, file.name))
  for (const [name, sql] of Object.entries(extra)) writeFileSync(join(dir, name), sql)
  return dir
}

t.test('a fresh database gets the whole schema and a record of each migration', async (t) => {
  const db = openDatabase(':memory:')
  t.teardown(() => db.close())
  const applied = migrate(db, MIGRATIONS_DIR)
  t.same(applied, listMigrations(MIGRATIONS_DIR).map((file) => file.name))
  t.ok(applied.includes('001_initial_schema.sql'))
  const names = tables(db)
  for (const table of ['sources', 'speakers', 'speaker_aliases', 'quotes', 'quotes_fts', 'schema_migrations']) {
    t.ok(names.includes(table), `has table ${table}`)
  }
  t.same(db.prepare('SELECT name FROM schema_migrations ORDER BY version').pluck().all(), applied)
})

t.test('every lookup the API makes has an index', async (t) => {
  const db = openDatabase(':memory:')
  t.teardown(() => db.close())
  migrate(db, MIGRATIONS_DIR)
  const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as Array<{ detail: string }>)
    .map((row) => row.detail).join('\n')
  t.match(plan('SELECT id FROM quotes WHERE speaker_id = 1 AND id > 0 ORDER BY id'), /USING (COVERING )?INDEX quotes_speaker/)
  t.match(plan('SELECT id FROM quotes WHERE source_id = 1 AND id > 0 ORDER BY id'), /USING (COVERING )?INDEX quotes_source/)
  t.match(plan('SELECT id FROM speakers WHERE name = \'x\' AND kind = \'person\''), /USING (COVERING )?INDEX speakers_name_kind/)
  t.match(plan('SELECT id FROM sources WHERE content_hash = \'x\''), /USING (COVERING )?INDEX/)
})

t.test('running migrations again applies nothing and keeps the data', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'whosaid-db-'))
  const path = join(dir, 'nested', 'whosaid.db')
  const first = Store.open({ path, migrationsDir: MIGRATIONS_DIR })
  t.ok(first.appliedMigrations.length > 0)
  first.db.prepare("INSERT INTO sources (title, text, content_hash, ingested_at, extractor_version) VALUES ('t', 'x', 'h', '2024-01-01T00:00:00.000Z', 'v')").run()
  first.close()

  const second = Store.open({ path, migrationsDir: MIGRATIONS_DIR })
  t.teardown(() => second.close())
  t.same(second.appliedMigrations, [])
  t.equal(second.sources.count(), 1)
  t.equal(second.db.prepare('SELECT count(*) FROM schema_migrations').pluck().get(), listMigrations(MIGRATIONS_DIR).length)
})

t.test('a new migration is applied on the next start, after the ones already applied', async (t) => {
  const path = join(mkdtempSync(join(tmpdir(), 'whosaid-db-')), 'w.db')
  Store.open({ path, migrationsDir: MIGRATIONS_DIR }).close()
  const dir = migrationsWith({ '900_add_notes.sql': 'CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);' })
  const store = Store.open({ path, migrationsDir: dir })
  t.teardown(() => store.close())
  t.same(store.appliedMigrations, ['900_add_notes.sql'])
  t.ok(tables(store.db).includes('notes'))
})

t.test('a failing migration leaves the database as it was and names the file', async (t) => {
  const path = join(mkdtempSync(join(tmpdir(), 'whosaid-db-')), 'w.db')
  Store.open({ path, migrationsDir: MIGRATIONS_DIR }).close()
  const dir = migrationsWith({
    '900_broken.sql': 'CREATE TABLE half_done (id INTEGER PRIMARY KEY);\nALTER TABLE sources ADD COLUMN lang TEXT;\nCREATE TABLE oops (;',
  })

  t.throws(() => Store.open({ path, migrationsDir: dir }), {
    name: 'MigrationError',
    message: /^migration 900_broken\.sql failed: .*syntax error/,
  })

  const db = openDatabase(path)
  t.teardown(() => db.close())
  t.notOk(tables(db).includes('half_done'), 'the statements before the failure were rolled back')
  const columns = (db.prepare('PRAGMA table_info(sources)').all() as Array<{ name: string }>).map((c) => c.name)
  t.notOk(columns.includes('lang'))
  t.notOk(db.prepare('SELECT 1 FROM schema_migrations WHERE version = 900').get(), 'not recorded as applied')
})

t.test('a failing first migration leaves an empty database', async (t) => {
  const db = openDatabase(':memory:')
  t.teardown(() => db.close())
  const dir = mkdtempSync(join(tmpdir(), 'whosaid-migrations-'))
  writeFileSync(join(dir, '001_good.sql'), 'CREATE TABLE a (id INTEGER);')
  writeFileSync(join(dir, '002_bad.sql'), 'CREATE TABLE b (id INTEGER);\nINSERT INTO missing VALUES (1);')
  t.throws(() => migrate(db, dir), new MigrationError('migration 002_bad.sql failed: no such table: missing'))
  t.same(tables(db), ['a', 'schema_migrations'], '001 stays applied, 002 left nothing behind')
})

t.test('migration files must be numbered uniquely', async (t) => {
  const badName = mkdtempSync(join(tmpdir(), 'whosaid-migrations-'))
  writeFileSync(join(badName, 'add-index.sql'), 'SELECT 1;')
  t.throws(() => listMigrations(badName), { message: /add-index\.sql must be named NNN_name\.sql/ })

  const duplicate = mkdtempSync(join(tmpdir(), 'whosaid-migrations-'))
  writeFileSync(join(duplicate, '001_a.sql'), 'SELECT 1;')
  writeFileSync(join(duplicate, '001_b.sql'), 'SELECT 1;')
  t.throws(() => listMigrations(duplicate), { message: /001_a\.sql and 001_b\.sql share version 1/ })

  t.throws(() => listMigrations(join(badName, 'nope')), { name: 'MigrationError', message: /cannot read migrations directory/ })
})

t.test('migrations apply in numeric order', async (t) => {
  const db = openDatabase(':memory:')
  t.teardown(() => db.close())
  const dir = mkdtempSync(join(tmpdir(), 'whosaid-migrations-'))
  writeFileSync(join(dir, '010_second.sql'), 'ALTER TABLE a ADD COLUMN b TEXT;')
  writeFileSync(join(dir, '002_first.sql'), 'CREATE TABLE a (id INTEGER);')
  t.same(migrate(db, dir), ['002_first.sql', '010_second.sql'])
})

t.test('the database is opened with WAL, foreign keys and a busy timeout', async (t) => {
  const path = join(mkdtempSync(join(tmpdir(), 'whosaid-db-')), 'w.db')
  const db = openDatabase(path)
  t.teardown(() => db.close())
  t.equal(db.pragma('journal_mode', { simple: true }), 'wal')
  t.equal(db.pragma('foreign_keys', { simple: true }), 1)
  t.ok((db.pragma('busy_timeout', { simple: true }) as number) > 0)
})
