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

t.test('005 rebuilds speakers for the kind group with every row, index and link of a database written by 004', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'whosaid-migrations-'))
  for (const file of listMigrations(MIGRATIONS_DIR).filter((f) => f.version <= 4)) copyFileSync(file.path, join(dir, file.name))
  const path = join(mkdtempSync(join(tmpdir(), 'whosaid-db-')), 'w.db')
  const old = openDatabase(path)
  migrate(old, dir)
  old.exec(`INSERT INTO sources (id, title, text, content_hash, ingested_at, published_at, extractor_version)
      VALUES (1, 't', 'Councillor Margaret Hale said no. Officials said yes. Hale said maybe.', 'h1', '2024-01-02T00:00:00.000Z', NULL, 'v'),
        (2, 'u', 'Tomas Berg said later.', 'h2', '2024-01-03T00:00:00.000Z', NULL, 'v');
    INSERT INTO speakers (id, slug, name, kind, title, name_key, first_key, surname_key, home_source_id, merged_into, quote_count, source_count)
      VALUES (1, 'councillor-margaret-hale', 'Councillor Margaret Hale', 'person', NULL, 'councillor margaret hale', 'councillor', 'hale', NULL, NULL, 2, 1),
        (2, NULL, NULL, 'unnamed', NULL, NULL, NULL, NULL, 1, NULL, 1, 1),
        (3, 'tomas-berg', 'Tomas Berg', 'person', 'ferry operator', 'tomas berg', 'tomas', 'berg', NULL, NULL, 1, 1),
        (4, 'berg', 'Berg', 'person', NULL, 'berg', NULL, 'berg', NULL, 3, 0, 0);
    INSERT INTO speaker_aliases VALUES (1, 'Councillor Margaret Hale', 1), (1, 'Hale', 1), (2, 'Officials', 1), (3, 'Tomas Berg', 2);
    INSERT INTO speaker_titles VALUES (3, 'ferry operator', 2);
    INSERT INTO speaker_tokens VALUES ('councillor', 1), ('margaret', 1), ('hale', 1), ('tomas', 3), ('berg', 3);
    INSERT INTO local_speaker_tokens VALUES ('officials', 2);
    INSERT INTO speaker_splits VALUES (3, 'tomas berg senior', 1);
    INSERT INTO quotes (id, source_id, speaker_id, text, start_offset, end_offset, type, confidence, quoted_at, corrected)
      VALUES (10, 1, 1, 'no', 30, 32, 'indirect', 0.8, '2024-01-02T00:00:00.000Z', 0),
        (11, 1, 2, 'yes', 49, 52, 'indirect', 0.8, '2024-01-02T00:00:00.000Z', 0),
        (12, 1, 1, 'maybe', 63, 68, 'indirect', 0.8, '2024-01-02T00:00:00.000Z', 1),
        (13, 2, 3, 'later', 16, 21, 'indirect', 0.8, '2024-01-03T00:00:00.000Z', 0);
    INSERT INTO quotes_fts (rowid, text) SELECT id, text FROM quotes;
    INSERT INTO quote_corrections VALUES (1, 'maybe', 1, '2024-01-04T00:00:00.000Z');`)
  const count = (db: ReturnType<typeof openDatabase>, table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get()
  const linked = ['speakers', 'speaker_aliases', 'speaker_titles', 'speaker_tokens', 'local_speaker_tokens', 'speaker_splits', 'quotes', 'quote_corrections']
  const before = Object.fromEntries(linked.map((table) => [table, count(old, table)]))
  const speakersBefore = old.prepare('SELECT id, slug, name, kind, title, home_source_id, merged_into, quote_count FROM speakers ORDER BY id').all()
  old.close()

  const store = Store.open({ path, migrationsDir: MIGRATIONS_DIR })
  t.teardown(() => store.close())
  t.ok(store.appliedMigrations.includes('005_speaker_kinds_and_resolution.sql'))
  t.same(Object.fromEntries(linked.map((table) => [table, count(store.db, table)])), before, 'no row lost, none cascaded away')
  const renamed = (speakersBefore as Array<{ id: number, name: string | null }>)
    .map((row) => row.id === 1 ? { ...row, name: 'Margaret Hale' } : row)
  t.same(store.db.prepare('SELECT id, slug, name, kind, title, home_source_id, merged_into, quote_count FROM speakers ORDER BY id').all(),
    renamed, 'every speaker kept with its id and slug; a title left in a name is dropped from it')
  t.equal(store.db.pragma('foreign_keys', { simple: true }), 1, 'foreign keys are on again')
  t.same(store.db.pragma('foreign_key_check'), [])
  const indexes = store.db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'speakers' AND sql IS NOT NULL ORDER BY name").pluck().all()
  // 006 replaced speakers_surname by speakers_surname_first and added speakers_name_ending.
  t.same(indexes, ['speakers_by_count', 'speakers_by_name', 'speakers_home', 'speakers_merged', 'speakers_name_ending', 'speakers_org_name', 'speakers_surname_first'])

  t.same(store.db.prepare('SELECT name_key, first_key FROM speakers WHERE id = 1').get(), { name_key: 'margaret hale', first_key: 'margaret' },
    'a title in a stored name is no first name')
  t.same(store.speakers.get(1)!.aliases.map((a) => a.alias).sort(), ['Councillor Margaret Hale', 'Hale'], 'the alias keeps the words used')
  t.same(store.db.prepare('SELECT id, resolved_by FROM quotes ORDER BY id').all(),
    [{ id: 10, resolved_by: null }, { id: 11, resolved_by: null }, { id: 12, resolved_by: 'manual' }, { id: 13, resolved_by: null }],
    'not known for old quotes, manual for the one corrected by hand')
  t.equal(store.speakers.find('berg')?.merged_into, 3, 'a merge still redirects')
  t.same(store.quotes.list({ limit: 10 }, { speaker_id: 1 }).items.map((q) => q.text).sort(), ['maybe', 'no'])

  store.db.prepare("INSERT INTO speakers (name, kind, home_source_id) VALUES ('residents', 'group', 1)").run()
  t.throws(() => store.db.prepare("INSERT INTO speakers (name, kind) VALUES ('x', 'crowd')").run(), /CHECK constraint/)
  t.throws(() => store.db.prepare("UPDATE quotes SET resolved_by = 'guess' WHERE id = 10").run(), /CHECK constraint/)
  // The rebuilt table is linked as the old one was: deleting an article still takes its local speakers and quotes.
  t.ok(store.articles.delete(1))
  t.equal(store.db.prepare('SELECT count(*) FROM speakers WHERE home_source_id = 1').pluck().get(), 0)
  t.equal(store.db.prepare('SELECT count(*) FROM speaker_aliases WHERE source_id = 1').pluck().get(), 0)
  t.throws(() => store.db.prepare('INSERT INTO speaker_aliases VALUES (999, \'Nobody\', 2)').run(), /FOREIGN KEY/)
})

t.test('a migration that would leave rows pointing at nothing is rolled back (foreign keys are checked before commit)', async (t) => {
  const path = join(mkdtempSync(join(tmpdir(), 'whosaid-db-')), 'w.db')
  const store = Store.open({ path, migrationsDir: MIGRATIONS_DIR })
  store.db.exec(`INSERT INTO sources (id, title, text, content_hash, ingested_at, extractor_version)
    VALUES (1, 't', 'x', 'h', '2024-01-01T00:00:00.000Z', 'v');
    INSERT INTO speakers (id, slug, name, kind) VALUES (1, 'ann-roe', 'Ann Roe', 'person');
    INSERT INTO speaker_aliases VALUES (1, 'Ann Roe', 1);`)
  store.close()
  const dir = migrationsWith({ '900_drop_people.sql': 'DELETE FROM speakers;' })
  t.throws(() => Store.open({ path, migrationsDir: dir }), { name: 'MigrationError', message: /900_drop_people\.sql failed: .*speaker_aliases/ })
  const db = openDatabase(path)
  t.teardown(() => db.close())
  t.equal(db.prepare('SELECT count(*) FROM speakers').pluck().get(), 1, 'rolled back')
  t.equal(db.pragma('foreign_keys', { simple: true }), 1)
})

t.test('006 keys every stored name of two words or more by its last two words, and matching still finds them', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'whosaid-migrations-'))
  for (const file of listMigrations(MIGRATIONS_DIR).filter((f) => f.version <= 5)) copyFileSync(file.path, join(dir, file.name))
  const path = join(mkdtempSync(join(tmpdir(), 'whosaid-db-')), 'w.db')
  const old = openDatabase(path)
  migrate(old, dir)
  old.exec(`INSERT INTO speakers (id, slug, name, kind, name_key, first_key, surname_key)
      VALUES (1, 'andres-manuel-lopez-obrador', 'Andrés Manuel López Obrador', 'person', 'andres manuel lopez obrador', 'andres', 'obrador'),
        (2, 'berg', 'Berg', 'person', 'berg', NULL, 'berg'),
        (3, 'anna-berg', 'Anna Berg', 'person', 'anna berg', 'anna', 'berg')`)
  old.close()

  const store = Store.open({ path, migrationsDir: MIGRATIONS_DIR })
  t.teardown(() => store.close())
  t.ok(store.appliedMigrations.includes('006_speaker_name_endings.sql'))
  t.same(store.db.prepare('SELECT id, ending_key FROM speakers ORDER BY id').all(),
    [{ id: 1, ending_key: 'lopez obrador' }, { id: 2, ending_key: null }, { id: 3, ending_key: 'anna berg' }])
  // A later article's "López Obrador" is the person stored before the migration, found through the new key.
  const text = 'López Obrador said the plan would go ahead.'
  const result = store.ingest({ title: 'x', text }, {
    extractor_version: 't',
    speakers: [{ id: 0, name: 'López Obrador', kind: 'person', title: null, aliases: ['López Obrador'] }],
    quotes: [{
      text: 'the plan would go ahead', start: 19, end: 42, fragments: null, type: 'indirect', cue: 'said',
      speaker: { id: 0, name: 'López Obrador', mention: 'López Obrador', start: 0, end: 13, kind: 'person', resolved_by: 'name' },
      confidence: 0.8, via: null, context: [0, 43],
    }],
  })
  t.equal(store.quotes.list({ limit: 5 }, { source_id: result.source_id }).items[0]?.speaker?.id, 1)
})
