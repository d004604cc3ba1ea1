// `whosaid speakers`, `whosaid quotes` and `whosaid reextract` on temporary databases, run in this process
// (test/helpers/cli.ts); the table on a terminal through the built CLI.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import t from 'tap'
import { EXTRACTOR_VERSION } from '../src/extract/index.js'
import { MIGRATIONS_DIR } from '../src/paths.js'
import { ingestArticle } from '../src/services/ingest.js'
import { Store, type Quote, type Speaker } from '../src/store/index.js'
import { CLI_JS as CLI, whosaid as inProcess } from './helpers/cli.js'

// About fifty commands: more than tap's default 30 s on a busy machine.
t.setTimeout(300_000)

function whosaid (args: string[], extraEnv: Record<string, string> = {}) {
  const env: Record<string, string | undefined> = { ...process.env, ...extraEnv }
  delete env['DATABASE_PATH']
  if (extraEnv['DATABASE_PATH'] !== undefined) env['DATABASE_PATH'] = extraEnv['DATABASE_PATH']
  return inProcess(args, { env })
}

async function json<T> (args: string[], extraEnv: Record<string, string> = {}): Promise<{ items: T[], more: boolean }> {
  const result = await whosaid([...args, '--json'], extraEnv)
  if (result.status !== 0) throw new Error(`whosaid ${args.join(' ')} exited ${result.status}: ${result.stderr}`)
  return JSON.parse(result.stdout) as { items: T[], more: boolean }
}

const dir = mkdtempSync(join(tmpdir(), 'whosaid-cli-query-'))

// The seed article (Trump, Steve Witkoff, Netanyahu, an unnamed group, the prime minister's office).
const seeded = join(dir, 'seeded.db')
const seeding = await whosaid(['seed', '--db', seeded])
if (seeding.status !== 0) throw new Error(seeding.stderr)

// Two articles written for these tests, months apart, with accented names.
const BRIDGE = `City to open new bridge in May

Mayor Ana Beltrán said on Friday that the new bridge would open in May.

“We are proud of what this city has built together over three long years of work on the river, and of every crew that worked through the winter,” Beltrán said.

“The crossing will cut commutes in half,” said Tomás Ruiz, the city engineer.`

const BUDGET = `Council splits over bridge budget

“Nothing is settled yet,” said Ana Beltrán, the mayor of the city.

Greg Olsen, a council member, said the budget was far too large for a town of this size.

“We will vote against it,” Olsen told reporters.`

const own = join(dir, 'own.db')
const ownStore = Store.open({ path: own, migrationsDir: MIGRATIONS_DIR })
const bridge = await ingestArticle(ownStore, { title: 'City to open new bridge in May', text: BRIDGE, published_at: '2024-03-01T09:00:00.000Z' })
const budget = await ingestArticle(ownStore, { title: 'Council splits over bridge budget', text: BUDGET, published_at: '2024-06-15T09:00:00.000Z' })
ownStore.close()

t.test('speakers: names by word prefix, any case or accents, with counts', async (t) => {
  const plain = await whosaid(['speakers', '--db', seeded])
  t.equal(plain.status, 0, plain.stderr)
  const lines = plain.stdout.trimEnd().split('\n').map((line) => line.split('\t'))
  t.ok(lines.length >= 3, 'one line per named speaker')
  t.ok(lines.every((cells) => cells.length === 7), 'seven tab-separated columns')
  const witkoff = lines.find((cells) => cells[2] === 'Steve Witkoff')
  t.same(witkoff?.slice(1, 5), ['steve-witkoff', 'Steve Witkoff', 'person', 'US special envoy to the Middle East'])
  const counts = lines.map((cells) => Number(cells[5]))
  t.same(counts, [...counts].sort((a, b) => b - a), 'most quoted first')

  for (const query of [['witk'], ['STEVE', 'wit']]) {
    const found = (await json<Speaker>(['speakers', ...query, '--db', seeded])).items
    t.same(found.map((s) => s.name), ['Steve Witkoff'], `"${query.join(' ')}" finds Witkoff alone`)
  }
  t.same((await json<Speaker>(['speakers', 'witkoff', 'trump', '--db', seeded])).items, [], 'every word must match')

  const store = Store.open({ path: seeded, migrationsDir: MIGRATIONS_DIR })
  t.teardown(() => store.close())
  const listed = (await json<Speaker>(['speakers', '--db', seeded, '--limit', '100'])).items
  t.same(listed, store.speakers.list({ limit: 100 }).items, 'the same speakers, counts and fields as the store')

  const accents = (await json<Speaker>(['speakers', 'ana BELTRAN', '--db', own])).items
  t.equal(accents.length, 1)
  t.equal(accents[0]!.name, 'Ana Beltrán')
  t.equal(accents[0]!.quote_count, 3, 'her quotes in both articles')
  t.equal(accents[0]!.source_count, 2, 'one speaker across the two articles')
  t.same((await json<Speaker>(['speakers', 'tomas', '--db', own])).items.map((s) => s.name), ['Tomás Ruiz'])
})

t.test('speakers: --kind, --sort, --limit', async (t) => {
  const unnamed = (await json<Speaker>(['speakers', '--kind', 'unnamed', '--db', seeded])).items
  t.ok(unnamed.length >= 1)
  t.ok(unnamed.every((s) => s.source_id === 1 && s.slug === null), 'speakers of one article')
  const persons = (await json<Speaker>(['speakers', '--kind', 'person', '--db', seeded])).items
  t.ok(persons.length >= 3)
  t.ok(persons.every((s) => s.kind === 'person'))

  const byName = (await json<Speaker>(['speakers', '--sort', 'name', '--db', own])).items.map((s) => s.name!)
  t.same(byName, ['Ana Beltrán', 'Greg Olsen', 'Tomás Ruiz'])

  const one = await json<Speaker>(['speakers', '--limit', '1', '--db', own])
  t.equal(one.items.length, 1)
  t.equal(one.more, true, 'more says the limit cut the list')
  t.equal(one.items[0]!.name, 'Ana Beltrán', 'the most quoted')
  t.equal((await json<Speaker>(['speakers', '--limit', '3', '--db', own])).more, false)
})

t.test('quotes: filters, newest first, relevance with --q', async (t) => {
  const store = Store.open({ path: seeded, migrationsDir: MIGRATIONS_DIR })
  t.teardown(() => store.close())
  const witkoff = store.speakers.list({ limit: 10 }, { nameTokens: ['witkoff'] }).items[0]!

  const bySpeaker = (await json<Quote>(['quotes', '--speaker', 'witkoff', '--limit', '100', '--db', seeded])).items
  t.equal(bySpeaker.length, witkoff.quote_count)
  t.ok(bySpeaker.every((q) => q.speaker?.name === 'Steve Witkoff'))
  const bySlug = (await json<Quote>(['quotes', '--speaker-id', 'steve-witkoff', '--limit', '100', '--db', seeded])).items
  t.same(bySlug.map((q) => q.id), bySpeaker.map((q) => q.id), 'a slug names the same speaker')
  const byId = (await json<Quote>(['quotes', '--speaker-id', String(witkoff.id), '--limit', '100', '--db', seeded])).items
  t.same(byId.map((q) => q.id), bySpeaker.map((q) => q.id))

  const rougher = (await json<Quote>(['quotes', '--q', 'rougher', '--db', seeded])).items
  t.equal(rougher.length, 1)
  t.match(rougher[0]!.text, /rougher/)
  t.equal(rougher[0]!.speaker?.name, 'Trump')

  const direct = (await json<Quote>(['quotes', '--type', 'direct', '--limit', '100', '--db', seeded])).items
  t.ok(direct.length > 0)
  t.ok(direct.every((q) => q.type === 'direct'))
  t.ok(direct.length < store.quotes.list({ limit: 100 }).items.length, 'the other types are left out')

  const all = (await json<Quote>(['quotes', '--limit', '100', '--db', own])).items
  t.equal(all.length, bridge.quote_count + budget.quote_count)
  t.same(all.map((q) => q.source_id), [...all.map((q) => q.source_id)].sort((a, b) => b - a), 'the newer article first')
  const ids = all.filter((q) => q.source_id === budget.source_id).map((q) => q.id)
  t.same(ids, [...ids].sort((a, b) => b - a), 'then by id, newest first')

  const fromSource = (await json<Quote>(['quotes', '--source', String(bridge.source_id), '--limit', '100', '--db', own])).items
  t.equal(fromSource.length, bridge.quote_count)
  t.ok(fromSource.every((q) => q.source_id === bridge.source_id))

  const since = (await json<Quote>(['quotes', '--since', '2024-06-01', '--limit', '100', '--db', own])).items
  t.ok(since.length > 0)
  t.ok(since.every((q) => q.source_id === budget.source_id), '--since leaves out the March article')
  const until = (await json<Quote>(['quotes', '--until', '2024-03-01', '--limit', '100', '--db', own])).items
  t.ok(until.every((q) => q.source_id === bridge.source_id), 'a bare --until date includes that day')
  t.equal(until.length, bridge.quote_count)
  t.same((await json<Quote>(['quotes', '--until', '2024-03-01T08:00Z', '--db', own])).items, [], 'a date-time bound is exact')

  const beltran = (await json<Quote>(['quotes', '--speaker', 'beltran', '--since', '2024-06-01', '--db', own])).items
  t.same(beltran.map((q) => q.text), ['Nothing is settled yet,'], 'filters combine')
})

t.test('quotes: a merged speaker id or slug stands for its survivor', async (t) => {
  const path = join(dir, 'merged.db')
  const store = Store.open({ path, migrationsDir: MIGRATIONS_DIR })
  await ingestArticle(store, { title: 'One', text: '“The harbour will reopen next spring,” said Robert Lindqvist, the port director.' })
  await ingestArticle(store, { title: 'Two', text: '“Ships are already waiting outside,” said Bob Lindqvist, the port director.' })
  const [robert, bob] = ['robert', 'bob'].map((first) => store.speakers.list({ limit: 5 }, { nameTokens: [first] }).items[0]!)
  t.ok(robert && bob && robert.id !== bob.id, 'different first names are two speakers')
  store.corrections.merge(bob!.id, robert!.id)
  store.close()

  const quotes = (await json<Quote>(['quotes', '--speaker-id', bob!.slug!, '--db', path])).items
  t.equal(quotes.length, 2, "the survivor's quotes, both articles")
  t.ok(quotes.every((q) => q.speaker?.id === robert!.id))
  t.same((await json<Speaker>(['speakers', 'lindqvist', '--db', path])).items.map((s) => s.id), [robert!.id], 'the merged speaker is not listed')
})

t.test('tables: aligned, fitted to the width, long quotes truncated', async (t) => {
  const result = await whosaid(['quotes', '--format', 'table', '--db', own, '--limit', '100'], { COLUMNS: '72' })
  t.equal(result.status, 0, result.stderr)
  const lines = result.stdout.trimEnd().split('\n')
  t.match(lines[0], /^\s*ID\s+DATE\s+SPEAKER\s+TYPE\s+QUOTE$/)
  t.equal(lines.length, 1 + bridge.quote_count + budget.quote_count, 'a header and a line per quote')
  t.ok(lines.every((line) => [...line].length <= 72), 'no line is wider than COLUMNS')
  const quoteColumn = lines[0]!.indexOf('QUOTE')
  t.ok(lines.slice(1).every((line) => line.length > quoteColumn && line[quoteColumn - 1] === ' '), 'the quotes start in one column')
  const long = lines.find((line) => line.includes('We are proud'))
  t.match(long, /…$/, 'the long quote is cut with an ellipsis')
  t.notMatch(long, /winter/)
  t.match(result.stdout, /2024-06-15\s+Ana Beltrán\s+direct\s+Nothing is settled yet,/)

  const wide = await whosaid(['quotes', '--format', 'table', '--db', own, '--limit', '100'], { COLUMNS: '400' })
  t.match(wide.stdout, /every crew that worked through the winter,\n/, 'nothing is cut when the quote fits')

  const speakers = await whosaid(['speakers', '--format', 'table', '--db', seeded])
  t.match(speakers.stdout, /^\s*ID\s+NAME\s+KIND\s+QUOTES\s+SOURCES\s+SLUG\s+TITLE\n/)
  t.match(speakers.stdout, /\n\s*\d+\s+Steve Witkoff\s+person\s+\d+\s+1\s+steve-witkoff\s+US special envoy to the Middle East\n/)
})

t.test('tables on a terminal', { skip: existsSync('/usr/bin/script') ? false : 'no script(1) to run under a pseudo-terminal' }, async (t) => {
  // script(1) runs the command with stdout on a pseudo-terminal of 60 columns.
  const command = `stty cols 60 && ${process.execPath} ${CLI} quotes --db ${own} --limit 100`
  const result = spawnSync('script', ['-qec', command, '/dev/null'], { encoding: 'utf8' })
  t.equal(result.status, 0, result.stderr)
  const lines = result.stdout.replace(/\r/g, '').trimEnd().split('\n')
  t.match(lines[0], /^\s*ID\s+DATE\s+SPEAKER\s+TYPE\s+QUOTE$/, 'a table, not tab-separated lines')
  t.ok(lines.every((line) => !line.includes('\t')))
  t.ok(lines.every((line) => [...line].length <= 60), 'fitted to the terminal width')
})

t.test('bad options exit with 2 and a usage line', async (t) => {
  const cases: Array<[string[], RegExp]> = [
    [['speakers', '--kind', 'robot'], /--kind must be one of person, organization, group, unnamed, got "robot"/],
    [['speakers', '--limit', '0'], /--limit must be a whole number 1 or more, got "0"/],
    [['speakers', '--', '!!'], /NAME must contain a letter or digit/],
    [['speakers', '--bogus'], /Unknown option '--bogus'/],
    [['quotes', '--type', 'rumour'], /--type must be one of direct, mixed, indirect/],
    [['quotes', '--since', 'yesterday'], /--since must be an ISO 8601 date/],
    [['quotes', '--until', '2024-02-31'], /--until is not a real date: "2024-02-31"/],
    [['quotes', '--source', '-3'], /--source/],
    [['quotes', '--q', '"unterminated'], /--q is not a valid full-text query/],
    [['quotes', 'stray'], /Unexpected argument 'stray'/],
    [['reextract'], /give source ids or --all/],
    [['reextract', '1', '--all'], /not both/],
  ]
  for (const [args, message] of cases) {
    const result = await whosaid([args[0]!, '--db', seeded, ...args.slice(1)])
    t.equal(result.status, 2, `whosaid ${args.join(' ')}`)
    t.match(result.stderr, message)
    t.match(result.stderr, new RegExp(`\\nusage: whosaid ${args[0]} `), 'with the usage line')
    t.equal(result.stdout, '')
  }
  const help = await whosaid(['quotes', '--help'])
  t.equal(help.status, 0)
  t.match(help.stdout, /--speaker-id ID\|SLUG/)
})

t.test('problems with the database exit with 1 and a message', async (t) => {
  const missing = join(dir, 'missing.db')
  const result = await whosaid(['speakers'], { DATABASE_PATH: missing })
  t.equal(result.status, 1)
  t.match(result.stderr, /^whosaid: no database at .*missing\.db/)
  t.notOk(existsSync(missing), 'no empty database is left behind')

  const viaEnv = await whosaid(['quotes', '--q', 'rougher'], { DATABASE_PATH: seeded })
  t.equal(viaEnv.status, 0, 'DATABASE_PATH names the database')
  t.match(viaEnv.stdout, /\tTrump\tdirect\tSomebody’s going to have to get a lot rougher/)

  const unknown = await whosaid(['quotes', '--speaker-id', 'nobody-at-all', '--db', seeded])
  t.equal(unknown.status, 1)
  t.match(unknown.stderr, /speaker nobody-at-all not found/)
})

t.test('reextract: stale sources, --force, corrections kept, missing ids', async (t) => {
  const path = join(dir, 'reextract.db')
  const store = Store.open({ path, migrationsDir: MIGRATIONS_DIR })
  const a = await ingestArticle(store, { title: 'Bridge', text: BRIDGE })
  const b = await ingestArticle(store, { title: 'Budget', text: BUDGET })
  // The first article was extracted by an older version, and one of its quotes was attributed by hand.
  store.db.prepare("UPDATE sources SET extractor_version = '0.9.0' WHERE id = ?").run(a.source_id)
  const ruizQuote = store.quotes.list({ limit: 10 }, { match: 'commutes' }).items[0]!
  const olsen = store.speakers.list({ limit: 1 }, { nameTokens: ['olsen'] }).items[0]!
  store.corrections.correctQuote(ruizQuote.id, olsen.id)
  store.close()

  const all = await whosaid(['reextract', '--all', '--db', path])
  t.equal(all.status, 0, all.stderr)
  t.equal(all.stdout, `source ${a.source_id}: re-extracted with ${EXTRACTOR_VERSION}, ${a.quote_count} quotes (was ${a.quote_count})\n` +
    `re-extracted 1 of 1 source with ${EXTRACTOR_VERSION}\n`, 'only the stale source')

  const reopened = Store.open({ path, migrationsDir: MIGRATIONS_DIR })
  t.same(reopened.sources.staleIds(EXTRACTOR_VERSION), [], 'every source is up to date')
  const after = reopened.quotes.list({ limit: 10 }, { match: 'commutes' }).items[0]!
  t.equal(after.speaker?.id, olsen.id, 'the correction survives')
  t.equal(after.corrected, true)
  reopened.close()

  const none = await whosaid(['reextract', '--all', '--db', path])
  t.equal(none.status, 0)
  t.equal(none.stdout, `no source to re-extract: every source is extracted by ${EXTRACTOR_VERSION}\n`)

  const skipped = await whosaid(['reextract', String(b.source_id), '--db', path])
  t.equal(skipped.status, 0)
  t.match(skipped.stdout, new RegExp(`^source ${b.source_id}: up to date \\(${EXTRACTOR_VERSION.replace(/\./g, '\\.')}\\), ${b.quote_count} quotes; --force`))
  t.match(skipped.stdout, /\nre-extracted 0 of 1 source with .*; 1 up to date\n$/)

  const forced = await whosaid(['reextract', '--all', '--force', '--json', '--db', path])
  t.equal(forced.status, 0, forced.stderr)
  const report = JSON.parse(forced.stdout) as { items: Array<{ source_id: number, status: string, quote_count: number }>, reextracted: number }
  t.same(report.items.map((item) => [item.source_id, item.status]), [[a.source_id, 'reextracted'], [b.source_id, 'reextracted']], '--force takes every source')
  t.equal(report.reextracted, 2)

  const missing = await whosaid(['reextract', String(a.source_id), '999', '--force', '--db', path])
  t.equal(missing.status, 1, 'a missing source fails the run')
  t.match(missing.stdout, new RegExp(`^source ${a.source_id}: re-extracted`))
  t.match(missing.stdout, /\nsource 999: not found\nre-extracted 1 of 2 sources with .*; 1 not found\n$/)
})
