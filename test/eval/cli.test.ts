// `whosaid extract` and `whosaid eval`, run in this process (test/helpers/cli.ts); test/cli-process.test.ts runs the
// built command line itself.
import t from 'tap'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { whosaid as inProcess } from '../helpers/cli.js'

const whosaid = (args: string[], input?: string) => inProcess(args, { input })

// Forty-odd commands, a few of which extract a megabyte of text: more than tap's default 30 s when the machine is busy.
t.setTimeout(180_000)

const dir = mkdtempSync(join(tmpdir(), 'whosaid-eval-'))
t.teardown(() => rmSync(dir, { recursive: true, force: true }))
const file = (name: string, content: string): string => {
  const path = join(dir, name)
  writeFileSync(path, content)
  return path
}

const TEXT_A = 'The council met on Monday. “We will fix the roads,” said Mayor Ann Lee. Critics were unconvinced.'
const TEXT_B = 'Rain fell all week. “The river is rising,” said Tom Wu, a farmer.'
const span = (text: string, part: string) => { const s = text.indexOf(part); return [s, s + part.length] as const }
const roads = span(TEXT_A, 'We will fix the roads,')
const lee = span(TEXT_A, 'Ann Lee')
const critics = span(TEXT_A, 'Critics')
const river = span(TEXT_B, 'The river is rising,')
const gold = [
  { id: 'doc-a', text: TEXT_A, quotes: [{ content_start: roads[0], content_end: roads[1], speaker: 'Mayor Ann Lee', speaker_start: lee[0] - 6, speaker_end: lee[1], type: 'direct', optional: false }] },
  { id: 'doc-b', text: TEXT_B, quotes: [{ content_start: river[0], content_end: river[1], speaker: 'Tom Wu', type: 'direct', optional: false }] },
]
const goldPath = file('gold.jsonl', gold.map((g) => JSON.stringify(g)).join('\n') + '\n')
// predictions: doc-a right with the wrong speaker, doc-b missed, plus a false positive in doc-b
const predPath = file('pred.jsonl', [
  { id: 'doc-a', quotes: [{ start: roads[0] - 1, end: roads[1] + 1, type: 'direct', speaker: { name: 'Critics', mention: 'Critics', start: critics[0], end: critics[1] } }] },
  { id: 'doc-b', quotes: [{ start: 0, end: 18, type: 'indirect', speaker: { name: 'Rain' } }] },
].map((p) => JSON.stringify(p)).join('\n'))

t.test('extract FILE and extract - print the extraction as JSON', async (t) => {
  const path = file('a.txt', TEXT_A)
  const fromFile = await whosaid(['extract', path])
  t.equal(fromFile.code, 0, fromFile.stderr)
  const extraction = JSON.parse(fromFile.stdout)
  t.type(extraction.extractor_version, 'string')
  t.ok(Array.isArray(extraction.quotes) && Array.isArray(extraction.speakers))
  const fromStdin = await whosaid(['extract', '-'], TEXT_A)
  t.same(JSON.parse(fromStdin.stdout), extraction, 'stdin gives the same result')
  t.equal((await whosaid(['extract', join(dir, 'missing.txt')])).code, 2)
})

t.test('extract --jsonl writes one prediction record a line and reports bad lines', async (t) => {
  const input = [JSON.stringify({ id: 'a', text: TEXT_A, extra: 1 }), '{not json', JSON.stringify({ id: 'c' }), '', JSON.stringify({ id: 7, text: TEXT_B })].join('\n')
  const r = await whosaid(['extract', '--jsonl'], input)
  t.equal(r.code, 1, 'a failed line makes the run fail at the end')
  const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l))
  t.same(lines.map((l) => l.id), ['a', 7], 'the good lines are all written')
  t.same(Object.keys(lines[0]).sort(), ['id', 'quotes'])
  t.match(r.stderr, /line 2: invalid JSON/)
  t.match(r.stderr, /line 3: missing "text"/)
  const ok = await whosaid(['extract', '--jsonl', file('in.jsonl', JSON.stringify({ id: 'a', text: TEXT_A }) + '\n')])
  t.equal(ok.code, 0)
  t.equal(ok.stdout.trim().split('\n').length, 1)
})

t.test('extract --time-limit: a text past it exits 1 naming the limit; a JSON Lines run reports the line and goes on', async (t) => {
  // About 1 MB of quotes: several hundred milliseconds of extraction, far past the limit set here.
  const long = file('long.txt', `${TEXT_A}\n\n`.repeat(10_000))
  const given = await whosaid(['extract', '--time-limit', '150', '--max-quotations', '100000', long])
  t.equal(given.code, 1)
  t.equal(given.stdout, '')
  t.match(given.stderr, /long\.txt: extracting this article took longer than the limit of 150 ms \(--time-limit\) and was given up/)
  const lines = [{ id: 'a', text: TEXT_A }, { id: 'long', text: `${TEXT_A}\n\n`.repeat(10_000) }, { id: 'b', text: TEXT_B }]
  const run = await whosaid(['extract', '--jsonl', '--time-limit', '150', '--max-quotations', '100000'], lines.map((l) => JSON.stringify(l)).join('\n') + '\n')
  t.equal(run.code, 1)
  t.same(run.stdout.trim().split('\n').map((l) => JSON.parse(l).id), ['a', 'b'], 'the lines around it are extracted')
  t.match(run.stderr, /line 2: extracting this article took longer than the limit of 150 ms/)
  const bad = await whosaid(['extract', '--time-limit', 'soon', long])
  t.equal(bad.code, 2)
  t.match(bad.stderr, /--time-limit must be a whole number of milliseconds >= 1, got 'soon'/)
})

t.test('extract --max-quotations: a text with more quotations exits 1 naming the limit; a JSON Lines run goes on', async (t) => {
  const three = file('three.txt', `${TEXT_A} ${TEXT_B} “Fine,” said Ann Lee.`)
  const refused = await whosaid(['extract', '--max-quotations', '2', three])
  t.equal(refused.code, 1)
  t.equal(refused.stdout, '')
  t.match(refused.stderr, /three\.txt: this article holds 3 quotations, more than the limit of 2 \(--max-quotations\); it was not extracted/)
  const atLimit = await whosaid(['extract', '--max-quotations', '3', three])
  t.equal(atLimit.code, 0, 'as many quotations as the limit is within it')
  t.equal(JSON.parse(atLimit.stdout).quotes.length, 3)
  const lines = [{ id: 'a', text: TEXT_A }, { id: 'many', text: `${TEXT_A} ${TEXT_A}` }, { id: 'b', text: TEXT_B }]
  const run = await whosaid(['extract', '--jsonl', '--max-quotations', '1'], lines.map((l) => JSON.stringify(l)).join('\n') + '\n')
  t.equal(run.code, 1)
  t.same(run.stdout.trim().split('\n').map((l) => JSON.parse(l).id), ['a', 'b'], 'the lines around it are extracted')
  t.match(run.stderr, /line 2: this article holds 2 quotations, more than the limit of 1/)
  const bad = await whosaid(['extract', '--max-quotations', 'lots', three])
  t.equal(bad.code, 2)
  t.match(bad.stderr, /--max-quotations must be a whole number >= 1, got 'lots'/)
})

t.test('extract --help and --html', async (t) => {
  const help = await whosaid(['extract', '--help'])
  t.equal(help.code, 0)
  t.match(help.stdout, /--jsonl/)
  t.match(help.stdout, /--html\s+the input is an HTML page/)

  const page = file('page.html', '<html><head><title>Roads | Valley Times</title>' +
    '<meta property="og:site_name" content="Valley Times"></head><body><nav>Home</nav><article>' +
    '<p>The council met on Monday.</p><p>&ldquo;We will fix the roads,&rdquo; said Mayor Ann Lee.</p>' +
    '<script>track()</script></article></body></html>')
  const html = await whosaid(['extract', '--html', page])
  t.equal(html.code, 0, html.stderr)
  const out = JSON.parse(html.stdout)
  t.equal(out.text, 'The council met on Monday.\n\n“We will fix the roads,” said Mayor Ann Lee.')
  t.match(out, { title: 'Roads', publisher: 'Valley Times' })
  t.equal(out.quotes.length, 1)
  t.equal(out.text.slice(out.quotes[0].start, out.quotes[0].end), 'We will fix the roads,')

  const empty = await whosaid(['extract', '--html', '-'], '<script>x()</script>')
  t.equal(empty.code, 2)
  t.match(empty.stderr, /html has no readable text/)
  t.equal((await whosaid(['extract', '--html', '--jsonl'])).code, 2)
  t.equal((await whosaid(['extract', '--html', join(dir, 'missing.html')])).code, 2)
})

t.test('extract guesses HTML from a .html/.htm name or a leading <, as ingest does; --text and --html decide', async (t) => {
  const markup = '<html><body><article><p>The council met on Monday.</p>' +
    '<p>&ldquo;We will fix the roads,&rdquo; said Mayor Ann Lee.</p></article></body></html>'
  for (const [args, input] of [[[file('guess.HTM', markup)], undefined], [['-'], `\n  ${markup}`]] as const) {
    const r = await whosaid(['extract', ...args], input)
    t.equal(r.code, 0, r.stderr)
    const out = JSON.parse(r.stdout)
    t.equal(out.text, 'The council met on Monday.\n\n“We will fix the roads,” said Mayor Ann Lee.', `${args[0]}: read as a page`)
    t.same(out.quotes.map((q: { text: string }) => q.text), ['We will fix the roads,'])
  }
  const plain = await whosaid(['extract', file('plain.txt', TEXT_A)])
  t.equal(JSON.parse(plain.stdout).text, undefined, 'plain text has no text field added')
  const forced = await whosaid(['extract', '--text', file('forced.html', markup)])
  t.equal(forced.code, 0)
  t.equal(JSON.parse(forced.stdout).text, undefined, '--text reads even a .html file as text')
  t.equal((await whosaid(['extract', '--text', '--html', '-'], 'x')).code, 2)
})

t.test('eval --pred --json gives the reference scorer’s fields', async (t) => {
  const r = await whosaid(['eval', goldPath, '--pred', predPath, '--json'])
  t.equal(r.code, 0, r.stderr)
  const scores = JSON.parse(r.stdout)
  t.same(scores.quote, { tp: 1, fp: 1, fn: 1, precision: 0.5, recall: 0.5, f1: 0.5 })
  t.equal(scores.quote_exact.tp, 1, 'the prediction includes the quotation marks: still exact')
  t.equal(scores.speaker_accuracy, 0)
  t.same(scores.recall_by_type, { direct: '1/2' })
  t.notOk('speed' in scores, 'no speed without extraction')
})

t.test('eval runs the extractor and reports the speed', async (t) => {
  const r = await whosaid(['eval', goldPath, '--json'])
  t.equal(r.code, 0, r.stderr)
  const scores = JSON.parse(r.stdout)
  t.equal(scores.documents, 2)
  t.type(scores.speed.mb_per_s, 'number')
  t.type(scores.extractor_version, 'string')
  const table = await whosaid(['eval', goldPath])
  t.match(table.stdout, /quote\s+\d+\s+\d+\s+\d+/)
  t.match(table.stdout, /MB\/s/)
})

t.test('eval --show lists errors with marked context', async (t) => {
  const r = await whosaid(['eval', goldPath, '--pred', predPath, '--show', 'fn,fp,speaker,exact'])
  t.equal(r.code, 0, r.stderr)
  t.match(r.stdout, /== fn: 1 missed/)
  t.match(r.stdout, /\[fn\] doc-b gold #0/)
  t.match(r.stdout, /⟦The river is rising,⟧/)
  t.match(r.stdout, /== fp: 1 false positives/)
  t.match(r.stdout, /\[speaker\] doc-a/)
  t.match(r.stdout, /⟨Mayor Ann Lee⟩/, 'the gold mention is marked')
  t.match(r.stdout, /⟨Critics⟩/, 'the predicted mention is marked')
  t.match(r.stdout, /== exact: 0/)
  const filtered = await whosaid(['eval', goldPath, '--pred', predPath, '--filter', 'doc-b', '--json', '--show', 'fn'])
  t.equal(JSON.parse(filtered.stdout).documents, 1)
  t.match(filtered.stderr, /\[fn\] doc-b/, 'with --json the listing goes to stderr')
  const limited = await whosaid(['eval', goldPath, '--pred', predPath, '--show', 'fn', '--type', 'mixed'])
  t.match(limited.stdout, /== fn: 0/)
})

t.test('eval with a resolve file scores pronoun resolution', async (t) => {
  const resolvePath = file('resolve.jsonl', JSON.stringify({ id: 'doc-a', content_start: roads[0], content_end: roads[1], referent: 'Ann Lee', named: true }) + '\n')
  const r = await whosaid(['eval', goldPath, '--pred', predPath, '--resolve', resolvePath, '--json', '--show', 'pronoun'])
  t.same(JSON.parse(r.stdout).pronoun_resolution, { items: 1, quotes_found: 1, accuracy_on_found: 0, accuracy: 0 })
  t.match(r.stderr, /\[pronoun\] doc-a/)
})

t.test('eval usage errors exit 2 with a clear message', async (t) => {
  const missing = await whosaid(['eval', join(dir, 'no-such.jsonl')])
  t.equal(missing.code, 2)
  t.match(missing.stderr, /gold file not found/)
  t.equal((await whosaid(['eval', goldPath, '--show', 'typo'])).code, 2)
  t.equal((await whosaid(['eval', goldPath, '--show', 'pronoun'])).code, 2, 'pronoun needs --resolve')
  t.equal((await whosaid(['eval', goldPath, '--filter', 'nothing-matches'])).code, 2)
  t.equal((await whosaid(['eval', goldPath, '--limit', '-1'])).code, 2)
  t.equal((await whosaid(['eval', '--help'])).code, 0)
})
