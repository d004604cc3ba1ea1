// The built command line (dist/cli/main.js) as a process of its own, end to end: what the tests that run commands in
// this process (test/helpers/cli.ts) cannot show: the binary starts, reads the process's stdin and environment, and
// exits with the command's code, also when the reader of its output goes away. `npx tsc -p .` first; the test builds
// when dist is missing.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import t from 'tap'
import { PROJECT_ROOT } from '../src/paths.js'
import { CLI_JS } from './helpers/cli.js'
import { generatedArticles } from './helpers/generated-articles.js'
import { ndjsonLines } from './helpers/robustness.js'

if (!existsSync(CLI_JS)) spawnSync('npx', ['tsc', '-p', '.'], { cwd: PROJECT_ROOT, stdio: 'ignore' })

// A few starts of Node with the extractor: more than tap's default 30 s when the machine is busy.
t.setTimeout(120_000)

function env (): NodeJS.ProcessEnv {
  const copy = { ...process.env }
  delete copy['DATABASE_PATH']
  delete copy['DATABASE_URL']
  return copy
}

function whosaid (args: string[], options: { input?: string, env?: NodeJS.ProcessEnv } = {}) {
  return spawnSync(process.execPath, [CLI_JS, ...args], { encoding: 'utf8', input: options.input, env: options.env ?? env() })
}

/** The exit code and signal of `child`, killed if it has not exited within `ms`. */
async function exitOf (child: ChildProcess, ms: number): Promise<[number | null, NodeJS.Signals | null]> {
  const timer = setTimeout(() => child.kill('SIGKILL'), ms)
  try {
    return await new Promise((resolve) => child.on('exit', (code, signal) => resolve([code, signal])))
  } finally {
    clearTimeout(timer)
  }
}

const dir = mkdtempSync(join(tmpdir(), 'whosaid-cli-process-'))
t.teardown(() => rmSync(dir, { recursive: true, force: true }))

const TEXT = 'The council met on Monday. “We will fix the roads,” said Mayor Ann Lee. Critics were unconvinced.'

t.test('whosaid --help lists the commands and exits 0; an unknown command exits 2', async (t) => {
  const help = whosaid(['--help'])
  t.equal(help.status, 0, help.stderr)
  t.match(help.stdout, /^usage: whosaid <command> \[options\]\n/)
  t.match(help.stdout, /^ {2}extract +print the quotes found in a text/m)
  t.equal(help.stderr, '')

  const unknown = whosaid(['frobnicate'])
  t.equal(unknown.status, 2)
  t.equal(unknown.stdout, '')
  t.match(unknown.stderr, /^whosaid: unknown command 'frobnicate'\n\nusage: whosaid <command>/)
})

t.test('whosaid extract FILE prints the extraction as JSON, made on a worker thread', async (t) => {
  const path = join(dir, 'a.txt')
  writeFileSync(path, TEXT)
  const result = whosaid(['extract', path])
  t.equal(result.status, 0, result.stderr)
  const extraction = JSON.parse(result.stdout)
  t.type(extraction.extractor_version, 'string')
  t.same(extraction.quotes.map((q: { text: string }) => q.text), ['We will fix the roads,'])
  t.equal(result.stderr, '')
})

t.test('an error exits 1 with a message, the database named by the environment', async (t) => {
  const missing = join(dir, 'missing.db')
  const result = whosaid(['speakers'], { env: { ...env(), DATABASE_PATH: missing } })
  t.equal(result.status, 1)
  t.match(result.stderr, /^whosaid: no database at .*missing\.db/)
  t.notMatch(result.stderr, /\n\s+at /, 'no stack trace')
})

t.test('extract --jsonl stops and exits 0 when the reader of its output goes away, its stdin still open', async (t) => {
  const child = spawn(process.execPath, [CLI_JS, 'extract', '--jsonl'], { env: env(), stdio: ['pipe', 'pipe', 'pipe'] })
  let stderr = ''
  child.stderr.on('data', (chunk) => { stderr += chunk })
  child.stdin.on('error', () => {}) // the child may be gone before all of it is written
  // More lines than it writes before it notices; stdin is never ended, so only the closed output can stop it.
  for (let i = 0; i < 200; i++) child.stdin.write(JSON.stringify({ id: i, text: TEXT }) + '\n')
  let lines = 0
  child.stdout.once('data', (chunk: Buffer) => {
    lines = chunk.toString().split('\n').length - 1
    child.stdout.destroy()
  })
  const [code, signal] = await exitOf(child, 60_000)
  t.ok(lines >= 1, 'it wrote predictions first')
  t.same([code, signal], [0, null], 'exit 0, not killed')
  t.equal(stderr, '', 'nothing said about it')
})

t.test('ingest stopped by SIGINT stores what it read, says so and exits 130; run again, it goes on', async (t) => {
  const file = join(dir, 'many.jsonl')
  const articles = generatedArticles(4000)
  writeFileSync(file, ndjsonLines(articles).join('\n') + '\n')
  const db = join(dir, 'interrupted.db')
  const child = spawn(process.execPath, [CLI_JS, 'ingest', file, '--db', db], { env: env(), stdio: ['ignore', 'ignore', 'pipe'] })
  let stderr = ''
  let signalled = false
  child.stderr.on('data', (chunk) => {
    stderr += chunk
    // Once some articles are stored, well before the end of the file.
    if (!signalled && (stderr.match(/created source/g) ?? []).length >= 50) {
      signalled = true
      child.kill('SIGINT')
    }
  })
  const [code, signal] = await exitOf(child, 60_000)
  t.ok(signalled, 'interrupted while it ran')
  t.same([code, signal], [130, null], 'exit status 130, after its own summary, not killed by the signal')
  t.match(stderr, /SIGINT: no more articles are read; storing those already read/)
  t.match(stderr, /stopped by SIGINT before the end of the input; the same command again goes on from there\n$/)
  const summary = /ingested (\d+) articles in [\d.]+ s \([\d.]+ articles\/s\): (\d+) created, 0 existing, 0 updated, 0 failed/.exec(stderr)
  t.ok(summary, 'the summary is printed')
  const stored = Number(summary![2])
  t.ok(stored >= 50 && stored < articles.length, `${stored} of ${articles.length} stored`)
  t.equal((stderr.match(/created source/g) ?? []).length, stored, 'a line for each article stored')
  t.notOk(existsSync(`${db}-wal`), 'the database was closed cleanly')

  const again = whosaid(['ingest', file, '--db', db])
  t.equal(again.status, 0, again.stderr)
  t.match(again.stderr, new RegExp(`ingested ${articles.length} articles in .*: ${articles.length - stored} created, ${stored} existing, 0 updated, 0 failed`),
    'the second run stores the rest and finds the first run\'s articles stored')
})

t.test('reextract --all stopped by SIGTERM finishes the source it is on, prints its summary and exits 143', async (t) => {
  // The 4,000 articles the test above stored.
  const db = join(dir, 'interrupted.db')
  const child = spawn(process.execPath, [CLI_JS, 'reextract', '--all', '--force', '--db', db], { env: env(), stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  let signalled = false
  child.stdout.on('data', (chunk) => {
    stdout += chunk
    if (!signalled && (stdout.match(/re-extracted with/g) ?? []).length >= 20) {
      signalled = true
      child.kill('SIGTERM')
    }
  })
  child.stderr.on('data', (chunk) => { stderr += chunk })
  const [code, signal] = await exitOf(child, 60_000)
  t.ok(signalled, 'interrupted while it ran')
  t.same([code, signal], [143, null], 'exit status 143, not killed by the signal')
  const done = (stdout.match(/re-extracted with/g) ?? []).length
  t.ok(done >= 20 && done < 4000, `${done} sources re-extracted`)
  t.match(stdout, new RegExp(`\\nre-extracted ${done} of ${done} sources with `), 'the summary counts the sources done')
  t.match(stderr, new RegExp(`^whosaid reextract: stopped by SIGTERM after ${done} of 4000 sources\\n$`))
})

t.test('ingest from stdin stopped by SIGTERM while it waits for input exits 143 at once', async (t) => {
  const child = spawn(process.execPath, [CLI_JS, 'ingest', '-', '--db', join(dir, 'waiting.db')], { env: env(), stdio: ['pipe', 'ignore', 'pipe'] })
  let stderr = ''
  child.stderr.on('data', (chunk) => { stderr += chunk })
  // One article, and stdin left open: the command waits for more.
  child.stdin.write(JSON.stringify({ title: 'Roads', text: TEXT }) + '\n')
  const deadline = Date.now() + 30_000
  while (!/created source/.test(stderr) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50))
  child.kill('SIGTERM')
  const [code, signal] = await exitOf(child, 30_000)
  child.stdin.destroy()
  t.same([code, signal], [143, null], 'exit status 143 without waiting for the end of stdin')
  t.match(stderr, /ingested 1 articles in [\d.]+ s .*: 1 created, 0 existing, 0 updated, 0 failed/)
})
