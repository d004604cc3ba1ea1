// `whosaid ingest FILE|DIR|- ...`: articles from files, directories or stdin into the database, extracted on worker
// threads (one per core by default) and stored on the main thread, the articles extracted so far in one transaction
// with a savepoint each.
import { createReadStream } from 'node:fs'
import { readdir, readFile, stat } from 'node:fs/promises'
import { availableParallelism } from 'node:os'
import { extname, join, relative } from 'node:path'
import type { Readable } from 'node:stream'
import { parseArgs } from 'node:util'
import { processIO, type Command, type CommandIO, type OutputStream } from '../command.js'
import { ConfigError, DEFAULT_BODY_LIMIT, databasePathFrom, parseMaxQuotations } from '../../config.js'
import { MAX_HTML_LENGTH } from '../../limits.js'
import { MIGRATIONS_DIR } from '../../paths.js'
import { emptyCounts, ingestBatch, type BatchCounts, type BatchJob, type BatchOutcome } from '../../services/batch.js'
import { besideTheWriter, ExtractorPool } from '../../services/extractor-pool.js'
import { readNdjsonLines } from '../../services/ndjson.js'
import { openStore, Store, type DataStore } from '../../store/index.js'
import { ThreadedStore } from '../../store/writer-thread.js'
import { signalExit, takeSignals } from '../signals.js'

const HELP = `usage: whosaid ingest [--db PATH] [--workers N] [--json] FILE|DIR|- ...

Extracts and stores articles, each whole or not at all; one that fails is
reported and the rest go on. What a file holds depends on its extension:

  .txt            one article as plain text, stored exactly as written;
                  its title is the first line
  .html, .htm     one article as an HTML page (text, title and publisher
                  are taken from the page)
  .ndjson, .jsonl one article a line, as for POST /sources/batch:
                  {"text"|"html", "url", "title", "publisher", "published_at"}

A directory is read recursively, in sorted order, for files with those
extensions. - reads stdin: NDJSON if it starts with {, HTML if it starts with <,
plain text otherwise.

  --db PATH     database file (created if missing) or postgres:// URL
                (default: $DATABASE_URL, $DATABASE_PATH or ./data/whosaid.db)
  --workers N   extraction threads (default: one per core but the one that
                stores, at least one: here ${defaultIngestWorkers()}; 0 = main thread)
  --json        print the summary as JSON on stdout
  -h, --help    this help

Progress and per-article lines go to stderr. Exit status: 0 when every article
was stored (or already was), 1 when some failed, 2 for a usage error.

Ctrl-C (SIGINT) or SIGTERM stops reading: the articles already read are
extracted and stored, the summary is printed, and the exit status is 130 or
143. Run the same command again to go on: articles stored are found and
skipped. A second Ctrl-C stops at once; what was stored stays stored.
`

const KINDS: Record<string, 'text' | 'html' | 'ndjson'> = {
  '.txt': 'text', '.html': 'html', '.htm': 'html', '.ndjson': 'ndjson', '.jsonl': 'ndjson',
}

/** Files larger than this are refused unread: no article in them could be accepted. */
const MAX_FILE_BYTES = MAX_HTML_LENGTH * 4

class UsageError extends Error {}

/** MAX_QUOTATIONS from the environment, as the server reads it; a bad value is a usage error. */
function maxQuotationsOption (value: string | undefined): number {
  try {
    return parseMaxQuotations(value)
  } catch (err) {
    throw err instanceof ConfigError ? new UsageError(err.message) : err
  }
}

/** Where an article came from: a file (or '-'), and its line for NDJSON. */
interface Origin {
  file: string
  line?: number
}

interface Input {
  path: string
  /** As shown in messages. */
  name: string
  kind: 'text' | 'html' | 'ndjson' | 'stdin'
}

const utf8 = new TextDecoder('utf-8', { fatal: true })

function label (origin: Origin): string {
  return origin.line === undefined ? origin.file : `${origin.file}:${origin.line}`
}

async function listDirectory (dir: string, root: string, into: Input[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true })
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  for (const entry of entries) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) await listDirectory(path, root, into)
    else if (entry.isFile() && KINDS[extname(entry.name).toLowerCase()]) {
      into.push({ path, name: relative(root, path) || entry.name, kind: KINDS[extname(entry.name).toLowerCase()]! })
    }
  }
}

async function listInputs (paths: string[]): Promise<Input[]> {
  const inputs: Input[] = []
  for (const path of paths) {
    if (path === '-') {
      inputs.push({ path, name: '-', kind: 'stdin' })
      continue
    }
    let info
    try {
      info = await stat(path)
    } catch (err) {
      throw new UsageError(`cannot read ${path}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or directory' : (err as Error).message}`)
    }
    if (info.isDirectory()) {
      await listDirectory(path, path, inputs)
    } else {
      const kind = KINDS[extname(path).toLowerCase()]
      if (!kind) throw new UsageError(`${path}: unknown kind of file (use .txt, .html, .htm, .ndjson or .jsonl)`)
      inputs.push({ path, name: path, kind })
    }
  }
  if (inputs.filter((input) => input.kind === 'stdin').length > 1) throw new UsageError('- may be given once')
  return inputs
}

/**
 * Non-blank lines of an NDJSON file, counted by bytes without decoding, for the progress total. Newlines are found
 * with indexOf, and a line's bytes are looked at only until its first that is not blank (a byte-by-byte loop took
 * 90 ms over 17 MB, before the first article could start).
 */
export async function countLines (path: string): Promise<number> {
  let count = 0
  // Whether the line read so far (it may have begun in an earlier chunk) holds only blanks.
  let blank = true
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    let start = 0
    for (;;) {
      const newline = chunk.indexOf(0x0a, start)
      const end = newline === -1 ? chunk.length : newline
      for (let i = start; blank && i < end; i++) {
        const byte = chunk[i]!
        if (byte !== 0x20 && byte !== 0x09 && byte !== 0x0d) blank = false
      }
      if (newline === -1) break
      if (!blank) count++
      blank = true
      start = newline + 1
    }
  }
  return blank ? count : count + 1
}

/** A whole file as text; a file that is not UTF-8 or is far too large is an error for that file. */
async function readText (path: string): Promise<string> {
  const info = await stat(path)
  if (info.size > MAX_FILE_BYTES) throw new Error(`file is larger than ${MAX_FILE_BYTES} bytes`)
  try {
    return utf8.decode(await readFile(path)).replace(/^\uFEFF/, '')
  } catch (err) {
    if (err instanceof TypeError) throw new Error('file is not valid UTF-8')
    throw err
  }
}

async function * ndjsonJobs (stream: AsyncIterable<Buffer | string>, file: string): AsyncGenerator<BatchJob<Origin>> {
  for await (const line of readNdjsonLines(stream, { lineLimit: DEFAULT_BODY_LIMIT })) {
    const key = { file, line: line.line }
    yield 'error' in line ? { key, error: line.error } : { key, source: { json: line.text } }
  }
}

/** stdin: NDJSON when its first non-blank character is {, HTML when it is <, else one text article. */
async function * stdinJobs (stdin: Readable): AsyncGenerator<BatchJob<Origin>> {
  const chunks: Buffer[] = []
  const iterator = (stdin as AsyncIterable<Buffer>)[Symbol.asyncIterator]()
  let first: number | undefined
  while (first === undefined) {
    const next = await iterator.next()
    if (next.done) break
    const chunk = Buffer.isBuffer(next.value) ? next.value : Buffer.from(next.value as string)
    chunks.push(chunk)
    const text = chunk.toString('latin1').replace(/^\uFEFF|^\xEF\xBB\xBF/, '')
    const match = /\S/.exec(text)
    if (match) first = text.charCodeAt(match.index)
  }
  if (first === 0x7b) {
    const rest = async function * (): AsyncGenerator<Buffer> {
      yield * chunks
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value
    }
    yield * ndjsonJobs(rest(), '-')
    return
  }
  for (let next = await iterator.next(); !next.done; next = await iterator.next()) chunks.push(next.value)
  let text: string
  try {
    text = utf8.decode(Buffer.concat(chunks)).replace(/^\uFEFF/, '')
  } catch {
    yield { key: { file: '-' }, error: 'stdin is not valid UTF-8' }
    return
  }
  yield { key: { file: '-' }, source: { value: first === 0x3c ? { html: text } : { text } } }
}

/**
 * The jobs until `stop` is aborted: then no more are read, even while a read is waiting (stdin with no input yet);
 * that read is left behind, and `onCut` is called if any input was left unread.
 */
async function * untilStopped<T> (jobs: AsyncIterable<T>, stop: AbortSignal, onCut: () => void): AsyncGenerator<T> {
  const iterator = jobs[Symbol.asyncIterator]()
  const stopped = new Promise<'stopped'>((resolve) => {
    if (stop.aborted) resolve('stopped')
    else stop.addEventListener('abort', () => resolve('stopped'), { once: true })
  })
  let finished = false
  try {
    for (;;) {
      const next = await Promise.race([iterator.next(), stopped])
      if (next === 'stopped') {
        onCut()
        return
      }
      if (next.done === true) {
        finished = true
        return
      }
      yield next.value
    }
  } finally {
    // A file's stream is closed; a read of stdin still waiting is not waited for (return() would queue behind it).
    if (!finished) void iterator.return?.(undefined)
  }
}

async function * jobsOf (inputs: Input[], stdin: Readable): AsyncGenerator<BatchJob<Origin>> {
  for (const input of inputs) {
    if (input.kind === 'stdin') {
      yield * stdinJobs(stdin)
    } else if (input.kind === 'ndjson') {
      const stream = createReadStream(input.path)
      try {
        yield * ndjsonJobs(stream, input.name)
      } catch (err) {
        yield { key: { file: input.name }, error: `cannot read: ${(err as Error).message}` }
      } finally {
        stream.destroy()
      }
    } else {
      let content: string
      try {
        content = await readText(input.path)
      } catch (err) {
        yield { key: { file: input.name }, error: `cannot read: ${(err as Error).message}` }
        continue
      }
      yield { key: { file: input.name }, source: { value: input.kind === 'html' ? { html: content } : { text: content } } }
    }
  }
}

/** What the user sees while it runs: a line redrawn in place on a terminal, or one line per article. */
class Reporter {
  private done = 0
  private lastDraw = 0
  private readonly started = performance.now()
  readonly failures: Array<Origin & { error: string }> = []

  /** On a terminal the progress line is redrawn in place. */
  private readonly tty: boolean

  constructor (private readonly total: number | null, private readonly counts: BatchCounts, private readonly stderr: OutputStream) {
    this.tty = stderr.isTTY === true
  }

  get seconds (): number {
    return (performance.now() - this.started) / 1000
  }

  outcome (origin: Origin, outcome: BatchOutcome): void {
    this.done++
    if (outcome.status === 'error') this.failures.push({ ...origin, error: outcome.error ?? 'failed' })
    if (this.tty) {
      if (outcome.status === 'error') this.print(`${label(origin)}: error: ${outcome.error}`)
      const now = performance.now()
      if (now - this.lastDraw > 100) this.draw(now)
    } else {
      this.stderr.write(outcome.status === 'error'
        ? `${label(origin)}: error: ${outcome.error}\n`
        : `${label(origin)}: ${outcome.status} source ${outcome.source_id} (${outcome.quote_count} quotes)\n`)
    }
  }

  /** A line above the progress line. */
  print (line: string): void {
    this.stderr.write(this.tty ? `\r\x1b[2K${line}\n` : `${line}\n`)
    if (this.tty) this.draw(performance.now())
  }

  private draw (now: number): void {
    this.lastDraw = now
    const c = this.counts
    const rate = this.done / Math.max(this.seconds, 0.001)
    const of = this.total === null ? `${this.done}` : `${this.done}/${this.total}`
    this.stderr.write(`\r\x1b[2Kingest: ${of} · ${rate.toFixed(1)} articles/s · ` +
      `created ${c.created} · existing ${c.existing} · updated ${c.updated} · failed ${c.failed}`)
  }

  finish (): void {
    if (this.tty) {
      this.draw(performance.now())
      this.stderr.write('\n')
    }
  }
}

/**
 * Articles read ahead of the store: twice a batch's default (ingestBatch's window), so that the writer stores groups
 * of about 100-200 articles instead of 50-100, each article's share of a commit smaller (storing alone: 0.54-0.56 ms
 * of CPU an article in groups of 200 against 0.58-0.62 in groups of 96). The server keeps the default, which holds
 * its peak RSS under 250 MB; a command that runs alone may take the 20-40 MB more.
 */
const INGEST_WINDOW = 192

/** A worker per core but the one that stores (the writer thread, or this one): besideTheWriter(). */
export function defaultIngestWorkers (): number {
  return besideTheWriter(availableParallelism())
}

function parse (args: string[]): { paths: string[], db?: string, workers: number, json: boolean } | 'help' {
  let parsed
  try {
    parsed = parseArgs({
      args,
      options: {
        db: { type: 'string' },
        workers: { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: true,
      strict: true,
    })
  } catch (err) {
    throw new UsageError((err as Error).message)
  }
  const { values, positionals } = parsed
  if (values.help) return 'help'
  if (positionals.length === 0) throw new UsageError('give a FILE, a DIR, or - for stdin')
  let workers = defaultIngestWorkers()
  if (values.workers !== undefined) {
    if (!/^\d+$/.test(values.workers) || Number(values.workers) > 256) {
      throw new UsageError(`--workers must be a whole number from 0 to 256, got "${values.workers}"`)
    }
    workers = Number(values.workers)
  }
  return { paths: positionals, db: values.db, workers, json: values.json === true }
}

async function run (args: string[], io: CommandIO = processIO()): Promise<number> {
  const { stdin, stdout, stderr, env } = io
  let settings
  let inputs: Input[]
  let maxQuotations: number
  try {
    settings = parse(args)
    if (settings === 'help') {
      stdout.write(HELP)
      return 0
    }
    inputs = await listInputs(settings.paths)
    maxQuotations = maxQuotationsOption(env['MAX_QUOTATIONS'])
  } catch (err) {
    if (!(err instanceof UsageError)) throw err
    stderr.write(`whosaid ingest: ${err.message}\n\n${HELP.slice(0, HELP.indexOf('\n\n') + 1)}Run 'whosaid ingest --help' for the options.\n`)
    return 2
  }

  const hasStdin = inputs.some((input) => input.kind === 'stdin')
  let total: number | null = null
  if (!hasStdin) {
    total = 0
    for (const input of inputs) total += input.kind === 'ndjson' ? await countLines(input.path).catch(() => 1) : 1
  }

  // No more workers than articles: each takes a moment to start; one article is extracted in this thread.
  const workers = total === null ? settings.workers : Math.min(settings.workers, total > 1 ? total : 0)
  const pool = new ExtractorPool(workers, { maxQuotations, ...io.extractorWorker })
  // The workers load the extractor while the store opens and its writer thread starts, rather than after.
  pool.warm({ bulk: true })
  let store: DataStore
  try {
    store = await openStore({ location: settings.db ?? databasePathFrom(env), defaultMigrationsDir: MIGRATIONS_DIR })
  } catch (err) {
    await pool.close()
    throw err
  }
  // With workers, a SQLite file is written on a thread of its own, as the server writes it: this thread reads the
  // input and hands articles on while the writer stores the previous group.
  if (workers > 0 && store instanceof Store && !['', ':memory:'].includes(store.db.name)) {
    const plain = store
    store = await ThreadedStore.open(plain, MIGRATIONS_DIR, io.writerThread).catch(() => plain)
  }
  // Kept up to date as outcomes arrive, for the progress line; the same as ingestBatch's counts at the end.
  const counts = emptyCounts()
  const reporter = new Reporter(total, counts, stderr)
  // The first SIGINT or SIGTERM stops reading; what was read is still stored. A second one ends the process as the
  // signal would have: SQLite keeps every committed group, and the group being written is rolled back whole.
  const stop = new AbortController()
  let cut = false
  const releaseSignals = takeSignals(io, (signal) => {
    if (stop.signal.aborted) {
      releaseSignals()
      process.kill(process.pid, signal)
      return
    }
    stop.abort(signal)
    reporter.print(`whosaid ingest: ${signal}: no more articles are read; storing those already read (${signal} again stops at once)`)
  })
  try {
    await ingestBatch(store, pool, untilStopped(jobsOf(inputs, stdin), stop.signal, () => { cut = true }), {
      window: INGEST_WINDOW,
      onOutcome: (origin, outcome) => {
        if (outcome.status === 'error') counts.failed++
        else counts[outcome.status]++
        reporter.outcome(origin, outcome)
      },
      onInternalError: (origin, err) => {
        reporter.print(`${label(origin)}: internal error: ${err instanceof Error ? err.stack ?? err.message : String(err)}`)
      },
    })
  } finally {
    releaseSignals()
    reporter.finish()
    await pool.close()
    await store.close()
  }

  const processed = counts.created + counts.existing + counts.updated + counts.failed
  const seconds = reporter.seconds
  const rate = processed / Math.max(seconds, 0.001)
  if (pool.fallbackReason) stderr.write(`whosaid ingest: ${pool.fallbackReason}\n`)
  stderr.write(`ingested ${processed} articles in ${seconds.toFixed(1)} s (${rate.toFixed(1)} articles/s): ` +
    `${counts.created} created, ${counts.existing} existing, ${counts.updated} updated, ${counts.failed} failed\n`)
  if (settings.json) {
    stdout.write(JSON.stringify({
      articles: processed,
      ...counts,
      seconds: Math.round(seconds * 1000) / 1000,
      articles_per_second: Math.round(rate * 10) / 10,
      workers: pool.inline ? 0 : pool.size,
      failures: reporter.failures,
    }) + '\n')
  }
  if (stop.signal.aborted) {
    const signal = stop.signal.reason as NodeJS.Signals
    if (cut) stderr.write(`whosaid ingest: stopped by ${signal} before the end of the input; the same command again goes on from there\n`)
    return signalExit(signal)
  }
  return counts.failed > 0 ? 1 : 0
}

const command: Command = { summary: 'extract and store articles from .txt, .html and .ndjson files, directories or stdin', run }
export default command
