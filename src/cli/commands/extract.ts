// `whosaid extract`: the extraction of one text as JSON, or predictions for a JSON Lines stream of articles.
import { createReadStream } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { createInterface } from 'node:readline'
import { once } from 'node:events'
import { parseArgs } from 'node:util'
import type { Readable } from 'node:stream'
import type { ExtractOptions } from '../../extract/index.js'
import { toPredictionRecord } from '../../eval/predictions.js'
import type { Extraction } from '../../extract/types.js'
import { DEFAULT_TIME_LIMIT_MS, ExtractionTimeLimitError, ExtractorPool } from '../../services/extractor-pool.js'
import { ConfigError, parseMaxQuotations } from '../../config.js'
import { MAX_QUOTATIONS, TooManyQuotationsError } from '../../extract/limits.js'
import { processIO, type Command, type CommandIO, type OutputStream } from '../command.js'

const HELP = `usage: whosaid extract FILE|-            print the extraction of an article (- = stdin) as JSON
       whosaid extract --jsonl [FILE|-]  read {"id","text",...} records one a line (stdin by default),
                                         write {"id","quotes":[...]} prediction records one a line

An HTML page (a FILE ending in .html or .htm, or input whose first non-blank character is <) is read as
ingest reads it: the reply adds the page's text, which the offsets index into, its title, byline and publisher,
as POST /extract does. Anything else is plain text.

options:
  --jsonl               JSON Lines in, prediction records out (the format the reference scorer reads);
                        a bad line is reported on stderr with its number, the run goes on, and exits 1 at the end
  --min-confidence X    leave out quotes below confidence X (0..1)
  --html                the input is an HTML page, whatever its name or first character
  --text                the input is plain text, even if it starts with <
  --time-limit MS       give up a text whose extraction takes longer than MS milliseconds (default
                        $EXTRACT_TIME_LIMIT_MS or ${DEFAULT_TIME_LIMIT_MS}): exit 1, or for --jsonl report the line and go on
  --max-quotations N    refuse a text with more than N quotations (default $MAX_QUOTATIONS or ${MAX_QUOTATIONS}),
                        as the time limit does
  -h, --help            this help
`

const OPTIONS = {
  jsonl: { type: 'boolean' },
  'min-confidence': { type: 'string' },
  html: { type: 'boolean' },
  text: { type: 'boolean' },
  'time-limit': { type: 'string' },
  'max-quotations': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const

function fail (stderr: OutputStream, message: string): number {
  stderr.write(`whosaid extract: ${message}\n`)
  return 2
}

/** As `whosaid ingest` guesses: by the file's extension, else by a first non-blank character <. */
export function looksLikeHtml (source: string, text: string): boolean {
  if (/\.html?$/i.test(source)) return true
  return text.trimStart().startsWith('<')
}

async function readText (source: string, stdin: Readable): Promise<string> {
  if (source !== '-') return readFile(source, 'utf8')
  let text = ''
  stdin.setEncoding('utf8')
  for await (const chunk of stdin) text += chunk as string
  return text
}

/**
 * Writes a line, waiting for the stream to drain when its buffer is full so that memory stays flat; returns at once
 * when `closed` fires (the reader is gone: nothing will drain).
 */
async function writeLine (stdout: OutputStream, line: string, closed: AbortSignal): Promise<void> {
  if (stdout.write(line + '\n')) return
  try {
    await once(stdout, 'drain', { signal: closed })
  } catch (err) {
    if (!closed.aborted) throw err
  }
}

/** The prediction line for one input line; throws with the message to report. */
async function predictLine (line: string, options: ExtractOptions, pool: ExtractorPool): Promise<string> {
  let record: unknown
  try {
    record = JSON.parse(line)
  } catch (err) {
    throw new Error(`invalid JSON (${err instanceof Error ? err.message : String(err)})`)
  }
  if (typeof record !== 'object' || record === null) throw new Error('not a JSON object')
  const { id, text } = record as { id?: unknown, text?: unknown }
  if (typeof id !== 'string' && typeof id !== 'number') throw new Error('missing "id" (string or number)')
  if (typeof text !== 'string') throw new Error('missing "text" (string)')
  return JSON.stringify(toPredictionRecord(id, await pool.extract(text, undefined, options)))
}

/** Stops reading at the line when `closed` fires, and then says nothing more. */
async function extractJsonLines (input: Readable, options: ExtractOptions, pool: ExtractorPool, io: CommandIO,
  closed: AbortSignal): Promise<number> {
  const { stdout, stderr } = io
  let lineNumber = 0
  let failed = 0
  const lines = createInterface({ input, crlfDelay: Infinity })
  const stop = (): void => { lines.close() }
  closed.addEventListener('abort', stop, { once: true })
  try {
    for await (const line of lines) {
      if (closed.aborted) break
      lineNumber++
      if (line.trim() === '') continue
      let output: string
      try {
        output = await predictLine(line, options, pool)
      } catch (err) {
        if (closed.aborted) break
        failed++
        stderr.write(`whosaid extract: line ${lineNumber}: ${err instanceof Error ? cliMessage(err) : String(err)}\n`)
        continue
      }
      if (closed.aborted) break
      await writeLine(stdout, output, closed)
    }
  } finally {
    closed.removeEventListener('abort', stop)
    lines.close()
  }
  if (closed.aborted) return 0
  if (failed) stderr.write(`whosaid extract: ${failed} of ${lineNumber} lines failed\n`)
  return failed ? 1 : 0
}

/** An error's message as the CLI says it: the limits are its options here. */
function cliMessage (err: Error): string {
  if (err instanceof ExtractionTimeLimitError) return err.message.replace('(EXTRACT_TIME_LIMIT_MS)', '(--time-limit)')
  if (err instanceof TooManyQuotationsError) return err.message.replace('(MAX_QUOTATIONS)', '(--max-quotations)')
  return err.message
}

function parseQuotationLimit (value: string | undefined, env: NodeJS.ProcessEnv): number | Error {
  try {
    return parseMaxQuotations(value ?? env['MAX_QUOTATIONS'])
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err
    return new Error(value === undefined ? err.message : `--max-quotations must be a whole number >= 1, got '${value}'`)
  }
}

function parseTimeLimit (value: string | undefined, env: NodeJS.ProcessEnv): number | Error {
  const given = value ?? env['EXTRACT_TIME_LIMIT_MS']
  if (given === undefined || given === '') return DEFAULT_TIME_LIMIT_MS
  const ms = Number(given)
  return /^\d+$/.test(given) && ms >= 1 ? ms : new Error(`--time-limit must be a whole number of milliseconds >= 1, got '${given}'`)
}

function parseMinConfidence (value: string | undefined): number | undefined | Error {
  if (value === undefined) return undefined
  const x = Number(value)
  return Number.isFinite(x) && x >= 0 && x <= 1 ? x : new Error(`--min-confidence must be a number in [0, 1], got '${value}'`)
}

async function run (args: string[], io: CommandIO = processIO()): Promise<number> {
  const { stdout, stderr, env } = io
  let parsed
  try {
    parsed = parseArgs({ args, options: OPTIONS, allowPositionals: true })
  } catch (err) {
    return fail(stderr, `${err instanceof Error ? err.message : String(err)}\n\n${HELP}`)
  }
  const { values, positionals } = parsed
  if (values.help) { stdout.write(HELP); return 0 }
  if (values.html && values.jsonl) return fail(stderr, '--html reads one page; it does not go with --jsonl')
  if (values.html && values.text) return fail(stderr, 'give --html or --text, not both')
  const minConfidence = parseMinConfidence(values['min-confidence'])
  if (minConfidence instanceof Error) return fail(stderr, minConfidence.message)
  const options: ExtractOptions = minConfidence === undefined ? {} : { minConfidence }
  const timeLimitMs = parseTimeLimit(values['time-limit'], env)
  if (timeLimitMs instanceof Error) return fail(stderr, timeLimitMs.message)
  const maxQuotations = parseQuotationLimit(values['max-quotations'], env)
  if (maxQuotations instanceof Error) return fail(stderr, maxQuotations.message)
  if (positionals.length > 1) return fail(stderr, `one input at most, got ${positionals.length}\n\n${HELP}`)
  const source = positionals[0]
  // One worker thread, so that a text past the time limit can be stopped (a thread cannot stop its own work).
  const pool = new ExtractorPool(1, { timeLimitMs, maxQuotations, ...io.extractorWorker })
  // A closed reader (e.g. `| head`) is not an error: the run stops there, says nothing more and exits 0. The listener
  // stays until the workers are stopped, since the error comes a little after the write that met it.
  const closed = new AbortController()
  const onOutputError = (err: NodeJS.ErrnoException): void => {
    if (err.code !== 'EPIPE') throw err
    closed.abort()
  }
  stdout.on('error', onOutputError)
  let code: number
  try {
    code = await extractWith(pool, values, options, source, io, closed.signal)
  } catch (err) {
    // Whatever failed once nobody reads the output is not reported either.
    if (!closed.signal.aborted) throw err
    code = 0
  } finally {
    await pool.close()
    stdout.off('error', onOutputError)
  }
  return closed.signal.aborted ? 0 : code
}

async function extractWith (pool: ExtractorPool, values: { jsonl?: boolean, html?: boolean, text?: boolean }, options: ExtractOptions,
  source: string | undefined, io: CommandIO, closed: AbortSignal): Promise<number> {
  const { stdin, stdout, stderr } = io
  if (values.jsonl) {
    const input = source === undefined || source === '-' ? stdin : createReadStream(source)
    try {
      const opened = input === stdin ? null : await openError(input)
      if (opened) return fail(stderr, opened)
      return await extractJsonLines(input, options, pool, io, closed)
    } finally {
      // A file left unread when the output closed; stdin is the caller's.
      if (input !== stdin) input.destroy()
    }
  }
  if (source === undefined) return fail(stderr, `give a FILE, or - for stdin\n\n${HELP}`)
  let text: string
  try {
    text = await readText(source, stdin)
  } catch (err) {
    return fail(stderr, `cannot read ${source}: ${err instanceof Error ? err.message : String(err)}`)
  }
  const extractText = async (body: string): Promise<Extraction | null> => {
    try {
      return await pool.extract(body, undefined, options)
    } catch (err) {
      if (!(err instanceof ExtractionTimeLimitError) && !(err instanceof TooManyQuotationsError)) throw err
      stderr.write(`whosaid extract: ${source}: ${cliMessage(err)}\n`)
      return null
    }
  }
  if (!(values.html ?? (!values.text && looksLikeHtml(source, text)))) {
    const extraction = await extractText(text)
    if (extraction === null) return 1
    stdout.write(JSON.stringify(extraction, null, 2) + '\n')
    return 0
  }
  // Loaded here alone: the HTML and validation libraries would slow every plain-text run's start.
  const { ArticleError, prepareArticle } = await import('../../services/article.js')
  let page
  try {
    page = prepareArticle({ html: text }).page!
  } catch (err) {
    if (err instanceof ArticleError) return fail(stderr, `${source}: ${err.message}`)
    throw err
  }
  const extraction = await extractText(page.text)
  if (extraction === null) return 1
  stdout.write(JSON.stringify({
    ...extraction, text: page.text, title: page.title, byline: page.byline, publisher: page.publisher,
  }, null, 2) + '\n')
  return 0
}

/** Waits until a file stream is open; resolves to the error message if it cannot be. */
async function openError (stream: Readable): Promise<string | null> {
  try {
    await once(stream, 'ready')
    return null
  } catch (err) {
    return `cannot read ${(stream as { path?: string }).path ?? 'input'}: ${err instanceof Error ? err.message : String(err)}`
  }
}

const command: Command = { summary: 'print the quotes found in a text, or predictions for JSON Lines articles', run }
export default command
