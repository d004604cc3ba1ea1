// `whosaid ingest`, run in this process (test/helpers/cli.ts): files, directories and stdin into a temp database.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import t from 'tap'
import { MIGRATIONS_DIR } from '../src/paths.js'
import { Store } from '../src/store/index.js'
import { whosaid as inProcess } from './helpers/cli.js'
import { sliceQuote } from './helpers/quotes.js'

// A dozen runs of the command, most starting worker threads: more than tap's default 30 s on a busy machine.
t.setTimeout(300_000)

function whosaid (args: string[], input?: string) {
  const env = { ...process.env }
  delete env['DATABASE_PATH']
  return inProcess(['ingest', ...args], { env, input })
}

function openStore (path: string): Store {
  return Store.open({ path, migrationsDir: MIGRATIONS_DIR })
}

const TXT = 'Bridge to reopen in May\n\n“We have waited long enough,” said Councillor Dana Reyes. ' +
  '“The town needs this road.”\n\nThe bridge has been closed for two years.\n'

const HTML = '<!DOCTYPE html><html><head><title>Pier closes | Harbour Herald</title>' +
  '<meta property="og:site_name" content="Harbour Herald"></head><body><nav>Home</nav><article>' +
  '<p>The harbour commission voted to close the old pier on Tuesday.</p>' +
  '<p>&ldquo;It is simply not safe any longer,&rdquo; said commission chair Ruth Okafor.</p>' +
  '<script>var x = 1</script></article></body></html>'

const line = (value: unknown): string => JSON.stringify(value)
const story = (n: number): string => `“Plan ${n} is ready,” said Mayor Ana Silva ${n}. The vote is on Monday.`

/** A directory of articles: two good files, an NDJSON file with good, blank and bad lines, and a file to ignore. */
function articlesDir (withBadLines: boolean): string {
  const dir = mkdtempSync(join(tmpdir(), 'whosaid-ingest-'))
  mkdirSync(join(dir, 'b', 'deeper'), { recursive: true })
  writeFileSync(join(dir, 'a.txt'), TXT)
  writeFileSync(join(dir, 'b', 'page.html'), HTML)
  const lines = [
    line({ text: story(1), url: 'https://news.example/1', published_at: '2024-06-01' }),
    '',
    line({ html: `<p>${story(2)}</p>`, title: 'Plan two' }),
    ...(withBadLines ? [line({ text: story(3), url: 'ftp://news.example/3' }), '{"text": oops', line({ title: 'no text' })] : []),
    line({ text: story(4) }),
  ]
  writeFileSync(join(dir, 'b', 'deeper', 'feed.ndjson'), lines.join('\n') + '\n')
  writeFileSync(join(dir, 'notes.md'), '# not an article')
  return dir
}

t.test('a directory: every file and line, in sorted order; bad lines reported; exit 1', async (t) => {
  const dir = articlesDir(true)
  const db = join(dir, 'out', 'w.db')
  const result = await whosaid(['--db', db, '--workers', '2', dir])
  t.equal(result.status, 1, result.stderr)
  t.equal(result.stdout, '', 'nothing on stdout without --json')
  const lines = result.stderr.trim().split('\n')
  t.same(lines.slice(0, -1).map((l) => l.replace(/ source \d+ \(\d+ quotes\)$/, '')), [
    'a.txt: created',
    'b/deeper/feed.ndjson:1: created',
    'b/deeper/feed.ndjson:3: created',
    'b/deeper/feed.ndjson:4: error: url must be an absolute http or https URL, got "ftp://news.example/3"',
    'b/deeper/feed.ndjson:5: error: invalid JSON: Unexpected token \'o\', "{"text": oops" is not valid JSON',
    'b/deeper/feed.ndjson:6: error: text or html is required',
    'b/deeper/feed.ndjson:7: created',
    'b/page.html: created',
  ])
  t.match(lines.at(-1), /^ingested 8 articles in [\d.]+ s \([\d.]+ articles\/s\): 5 created, 0 existing, 0 updated, 3 failed$/)

  const store = openStore(db)
  t.teardown(() => store.close())
  t.equal(store.sources.count(), 5)
  const txt = store.sources.get(1)!
  t.equal(txt.text, TXT, 'a .txt file is stored exactly as written')
  t.equal(txt.title, 'Bridge to reopen in May', 'its title is its first line')
  const fromLine = store.sources.get(2)!
  t.same([fromLine.url, fromLine.published_at], ['https://news.example/1', '2024-06-01T00:00:00.000Z'])
  t.equal(store.sources.get(3)!.title, 'Plan two')
  const page = store.sources.get(5)!
  t.same([page.title, page.publisher], ['Pier closes', 'Harbour Herald'])
  t.notMatch(page.text, /Home|var x|</)
  for (let id = 1; id <= 5; id++) {
    const source = store.sources.get(id)!
    const quotes = store.quotes.ofSource(id).items
    t.ok(quotes.length >= 1, `source ${id} has quotes`)
    for (const quote of quotes) t.equal(sliceQuote(source.text, quote), quote.text)
  }
})

t.test('again: everything is existing, --json gives the summary on stdout, exit 0 without bad lines', async (t) => {
  const dir = articlesDir(false)
  const db = join(dir, 'w.db')
  const first = await whosaid(['--db', db, '--json', dir])
  t.equal(first.status, 0, first.stderr)
  t.match(JSON.parse(first.stdout), { articles: 5, created: 5, existing: 0, updated: 0, failed: 0, failures: [] })

  const again = await whosaid(['--db', db, '--json', '--workers', '0', dir])
  t.equal(again.status, 0, again.stderr)
  const summary = JSON.parse(again.stdout)
  t.match(summary, { articles: 5, created: 0, existing: 5, updated: 0, failed: 0, workers: 0 })
  t.type(summary.seconds, 'number')
  t.type(summary.articles_per_second, 'number')

  // Changed text under a url already stored replaces it.
  const update = join(dir, 'update.jsonl')
  writeFileSync(update, line({ text: story(1) + ' Updated.', url: 'https://news.example/1' }) + '\n')
  const updated = await whosaid(['--db', db, '--json', update])
  t.equal(updated.status, 0, updated.stderr)
  t.match(JSON.parse(updated.stdout), { articles: 1, updated: 1 })
  const store = openStore(db)
  t.teardown(() => store.close())
  t.equal(store.sources.count(), 5)
})

t.test('--json lists the failures with their file and line', async (t) => {
  const dir = articlesDir(true)
  const result = await whosaid(['--db', join(dir, 'w.db'), '--json', '--workers', '1', join(dir, 'b', 'deeper', 'feed.ndjson')])
  t.equal(result.status, 1)
  const summary = JSON.parse(result.stdout)
  t.match(summary, { articles: 6, created: 3, failed: 3 })
  t.same(summary.failures.map((f: { file: string, line: number }) => [f.file, f.line]),
    [[join(dir, 'b', 'deeper', 'feed.ndjson'), 4], [join(dir, 'b', 'deeper', 'feed.ndjson'), 5], [join(dir, 'b', 'deeper', 'feed.ndjson'), 6]])
})

t.test('stdin: NDJSON, HTML or text by its first character', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'whosaid-ingest-'))
  const db = join(dir, 'w.db')
  const ndjson = await whosaid(['--db', db, '-'], `\n  ${line({ text: story(1) })}\n${line({ text: story(2) })}\n`)
  t.equal(ndjson.status, 0, ndjson.stderr)
  t.match(ndjson.stderr, /^-:2: created source 1 .*\n-:3: created source 2 /)

  const html = await whosaid(['--db', db, '-'], '\n' + HTML)
  t.equal(html.status, 0, html.stderr)
  const text = await whosaid(['--db', db, '-'], TXT)
  t.equal(text.status, 0, text.stderr)

  const store = openStore(db)
  t.teardown(() => store.close())
  t.equal(store.sources.count(), 4)
  t.equal(store.sources.get(3)!.title, 'Pier closes')
  t.equal(store.sources.get(4)!.text, TXT)
})

t.test('usage errors exit 2 with a message; unreadable files are failures of their own', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'whosaid-ingest-'))
  const cases: Array<[string[], RegExp]> = [
    [[], /give a FILE, a DIR, or - for stdin/],
    [[join(dir, 'missing.txt')], /cannot read .*missing\.txt: no such file or directory/],
    [[join(dir, 'notes.md')], /unknown kind of file/],
    [['--workers', 'many', dir], /--workers must be a whole number/],
    [['--bogus', dir], /Unknown option '--bogus'/],
  ]
  writeFileSync(join(dir, 'notes.md'), 'x')
  for (const [args, message] of cases) {
    const result = await whosaid(['--db', join(dir, 'w.db'), ...args])
    t.equal(result.status, 2, args.join(' '))
    t.match(result.stderr, message, args.join(' '))
    t.notMatch(result.stderr, /\n\s+at /, 'no stack trace')
  }
  const help = await whosaid(['--help'])
  t.equal(help.status, 0)
  t.match(help.stdout, /usage: whosaid ingest/)

  writeFileSync(join(dir, 'latin1.txt'), Buffer.from([0x63, 0x61, 0x66, 0xe9]))
  writeFileSync(join(dir, 'fine.txt'), TXT)
  const result = await whosaid(['--db', join(dir, 'w.db'), dir])
  t.equal(result.status, 1)
  t.match(result.stderr, /fine\.txt: created/)
  t.match(result.stderr, /latin1\.txt: error: cannot read: file is not valid UTF-8/)
})
