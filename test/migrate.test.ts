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
  t.match(plan("SELECT id FROM quotes WHERE speaker_id = 1 AND (quoted_at < 'x' OR (quoted_at = 'x' AND id < 5)) ORDER BY quoted_at DESC, id DESC LIMIT 21"),
    /USING (COVERING )?INDEX quotes_speaker_newest/)
  t.notMatch(plan('SELECT id FROM quotes ORDER BY quoted_at DESC, id DESC LIMIT 21'), /TEMP B-TREE/, 'newest first needs no sort')
  t.match(plan('SELECT id FROM quotes WHERE source_id = 1 ORDER BY start_offset'), /USING (COVERING )?INDEX quotes_source/)
  t.match(plan("SELECT id FROM speakers WHERE surname_key = 'x' AND kind = 'person' AND home_source_id IS NULL"), /USING (COVERING )?INDEX speakers_surname/)
  t.match(plan("SELECT id FROM speakers WHERE name_key = 'x' AND kind = 'organization' AND home_source_id IS NULL"), /USING (COVERING )?INDEX speakers_org_name/)
  t.match(plan('SELECT id FROM speakers s WHERE s.merged_into IS NULL AND s.home_source_id IS NULL AND s.quote_count > 0 ORDER BY s.quote_count DESC, s.id LIMIT 21'),
    /USING (COVERING )?INDEX speakers_by_count/)
  t.match(plan("SELECT speaker_id FROM speaker_tokens WHERE token >= 'wit' AND token < 'wit\uffff'"), /USING (COVERING )?(PRIMARY KEY|INDEX)/)
  t.match(plan("SELECT id FROM quotes WHERE speaker_id = 1 AND text_key = 'k'"), /USING (COVERING )?INDEX quotes_speaker_words/)
  t.match(plan("SELECT id FROM sources WHERE content_hash = 'x'"), /USING (COVERING )?INDEX/)
  t.match(plan("SELECT id FROM sources WHERE url = 'x'"), /USING (COVERING )?INDEX/)
})

t.test('002 upgrades a database written by 001: keys, counts and local speakers filled in', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'whosaid-migrations-'))
  copyFileSync(join(MIGRATIONS_DIR, '001_initial_schema.sql'), join(dir, '001_initial_schema.sql'))
  const path = join(mkdtempSync(join(tmpdir(), 'whosaid-db-')), 'w.db')
  const old = openDatabase(path)
  migrate(old, dir)
  old.exec(`INSERT INTO sources (id, title, text, content_hash, ingested_at, published_at, extractor_version)
      VALUES (1, 't', 'Benjamín Netanyahu said no. The ministry said yes.', 'h', '2024-01-02T00:00:00.000Z', '2024-01-01T00:00:00.000Z', 'v');
    INSERT INTO speakers (id, slug, name, kind, title) VALUES (1, 'benjamin-netanyahu', 'Benjamín Netanyahu', 'person', 'Prime Minister'),
      (2, NULL, 'the ministry', 'organization', NULL);
    INSERT INTO speaker_aliases VALUES (1, 'Benjamín Netanyahu', 1), (1, 'Netanyahu', 1), (2, 'the ministry', 1);
    INSERT INTO quotes (source_id, speaker_id, text, start_offset, end_offset, type, confidence)
      VALUES (1, 1, 'no', 24, 26, 'indirect', 0.8), (1, 2, 'yes', 46, 49, 'indirect', 0.8);`)
  old.close()

  const store = Store.open({ path, migrationsDir: MIGRATIONS_DIR })
  t.teardown(() => store.close())
  t.ok(store.appliedMigrations.includes('002_speaker_identity.sql'))
  const row = store.db.prepare('SELECT name_key, first_key, surname_key, quote_count, source_count, first_quoted_at FROM speakers WHERE id = 1').get()
  t.same(row, { name_key: 'benjamin netanyahu', first_key: 'benjamin', surname_key: 'netanyahu', quote_count: 1, source_count: 1, first_quoted_at: '2024-01-01T00:00:00.000Z' })
  t.equal(store.speakers.get(2)!.source_id, 1, 'a role-only organisation belongs to its article')
  t.same(store.speakers.list({ limit: 10 }, { nameTokens: ['netan'] }).items.map((s) => s.id), [1])
  // 004: the words of a speaker local to one article move out of the shared speakers' lookup.
  t.same(store.db.prepare('SELECT DISTINCT speaker_id FROM speaker_tokens').pluck().all(), [1])
  t.same(store.db.prepare('SELECT token FROM local_speaker_tokens WHERE speaker_id = 2 ORDER BY token').pluck().all(), ['ministry', 'the'])
  t.same(store.speakers.list({ limit: 10 }, { nameTokens: ['ministry'] }).items, [])
  t.same(store.speakers.list({ limit: 10 }, { nameTokens: ['ministry'], kind: 'unnamed' }).items.map((s) => s.id), [2])
  t.same(store.speakers.get(1)!.titles, ['Prime Minister'])
  t.same(store.quotes.list({ limit: 10 }, { match: 'yes' }).items.map((q) => q.quoted_at), ['2024-01-01T00:00:00.000Z'])
  t.match(store.cursorSecret(), /^[0-9a-f]{64}$/)
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
