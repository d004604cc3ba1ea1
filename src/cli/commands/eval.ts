// `whosaid eval`: runs the extractor over gold articles and prints the scores, the speed and, on request, the errors.
import { readFile } from 'node:fs/promises'
import { performance } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import { extract } from '../../extract/index.js'
import type { ExtractOptions } from '../../extract/index.js'
import { ERROR_KINDS, collectErrors, errorGroup } from '../../eval/error-analysis.js'
import type { ErrorKind, QuoteError } from '../../eval/error-analysis.js'
import { formatErrorSection } from '../../eval/error-report.js'
import { formatScores } from '../../eval/format-scores.js'
import type { Speed } from '../../eval/format-scores.js'
import { toPredictionRecord } from '../../eval/predictions.js'
import { RecordError, asGoldRecords, asPredictionRecords, asResolveRecords, parseRecords } from '../../eval/records.js'
import { score } from '../../eval/score.js'
import type { GoldRecord, PredictionRecord } from '../../eval/types.js'
import { processIO, type Command, type CommandIO } from '../command.js'

const HELP = `usage: whosaid eval GOLD.jsonl|GOLD.json [options]

Runs the extractor over each gold record's text and scores it as the reference scorer (score.mjs) does
(quote P/R/F1, exact bounds, speaker accuracy, end to end, pronoun resolution, recall by type),
with the extraction speed (extraction time only).

options:
  --resolve FILE        pronoun-resolution annotations (JSON Lines): adds pronoun_resolution
  --json                one JSON line (score.mjs's fields, plus extractor_version and speed) instead of the table;
                        any --show listing then goes to stderr
  --pred FILE           score this prediction file instead of running the extractor (no speed)
  --filter TEXT         only documents whose id contains TEXT (the scores are then for those documents)
  --min-confidence X    leave out predicted quotes below confidence X

error analysis:
  --show KINDS          comma-separated, any of: fn, fp, speaker, exact, pronoun (or all)
                          fn       gold quotes no prediction matched (with the nearest prediction, if any)
                          fp       predictions that match nothing (with the gold quote they overlap most)
                          speaker  matched quotes whose speaker is wrong
                          exact    matched quotes whose bounds differ (quote marks/punctuation aside)
                          pronoun  pronoun speakers not resolved to the annotated person (needs --resolve)
  --type TYPE           only errors on gold quotes of this type (direct, mixed, indirect; fp: the predicted type;
                        pronoun errors are not filtered)
  --limit N             errors shown per kind (default 10; 0 = all)
  --sample              spread the shown errors over all documents instead of taking the first ones
  --context N           characters of text shown either side of a quote (default 150)
  -h, --help            this help

In the listings ⟦ ⟧ marks the quote and ⟨ ⟩ the speaker mention; "gold›" lines show the annotation,
"pred›" lines the prediction, ¶ a line break.
example: whosaid eval ../shared/corpus/polnear-dev.jsonl --show fn --type direct --limit 20 --sample
`

const OPTIONS = {
  resolve: { type: 'string' },
  json: { type: 'boolean' },
  pred: { type: 'string' },
  filter: { type: 'string' },
  'min-confidence': { type: 'string' },
  show: { type: 'string' },
  type: { type: 'string' },
  limit: { type: 'string' },
  sample: { type: 'boolean' },
  context: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const

class UsageError extends Error {}

interface EvalSettings {
  goldPath: string
  resolvePath?: string
  predPath?: string
  json: boolean
  filter?: string
  extractOptions: ExtractOptions
  show: ErrorKind[]
  type?: string
  limit: number
  sample: boolean
  context: number
}

function nonNegativeInteger (name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback
  const n = Number(value)
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`--${name} must be a whole number >= 0, got '${value}'`)
  return n
}

function parseShow (value: string | undefined): ErrorKind[] {
  if (value === undefined) return []
  const kinds = value.split(',').map((k) => k.trim()).filter(Boolean)
  if (kinds.includes('all')) return [...ERROR_KINDS]
  for (const k of kinds) {
    if (!(ERROR_KINDS as readonly string[]).includes(k)) {
      throw new UsageError(`--show: unknown kind '${k}' (choose from ${ERROR_KINDS.join(', ')}, all)`)
    }
  }
  return kinds as ErrorKind[]
}

function parseSettings (args: string[]): EvalSettings | 'help' {
  let parsed
  try {
    parsed = parseArgs({ args, options: OPTIONS, allowPositionals: true })
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err))
  }
  const { values, positionals } = parsed
  if (values.help) return 'help'
  if (positionals.length !== 1) throw new UsageError('give one gold file (GOLD.jsonl or GOLD.json)')
  const minConfidence = values['min-confidence'] === undefined ? undefined : Number(values['min-confidence'])
  if (minConfidence !== undefined && !(minConfidence >= 0 && minConfidence <= 1)) {
    throw new UsageError(`--min-confidence must be a number in [0, 1], got '${values['min-confidence']}'`)
  }
  const show = parseShow(values.show)
  if (!values.resolve && /(^|,)\s*pronoun\s*(,|$)/.test(values.show ?? '')) {
    throw new UsageError('--show pronoun needs --resolve FILE')
  }
  return {
    goldPath: positionals[0]!,
    resolvePath: values.resolve,
    predPath: values.pred,
    json: values.json === true,
    filter: values.filter,
    extractOptions: minConfidence === undefined ? {} : { minConfidence },
    show: values.resolve ? show : show.filter((k) => k !== 'pronoun'),
    type: values.type,
    limit: nonNegativeInteger('limit', values.limit, 10),
    sample: values.sample === true,
    context: nonNegativeInteger('context', values.context, 150),
  }
}

/** Reads a record file; a missing file is a usage error (exit 2) with a clear message. */
async function readRecordFile (path: string, what: string): Promise<unknown[]> {
  let raw: string
  try {
    raw = await readFile(path, 'utf8')
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    throw new UsageError(code === 'ENOENT' ? `${what} file not found: ${path}` : `cannot read ${what} file ${path}: ${String(err)}`)
  }
  return parseRecords(raw, path)
}

interface ExtractionRun {
  predictions: PredictionRecord[]
  speed: Speed
  version: string
  failures: number
}

/** Extracts every gold text, timing the extraction alone; an article the extractor throws on predicts nothing. */
function runExtractor (gold: readonly GoldRecord[], options: ExtractOptions, stderr: CommandIO['stderr']): ExtractionRun {
  const predictions: PredictionRecord[] = []
  let seconds = 0
  let bytes = 0
  let failures = 0
  let version = ''
  for (const record of gold) {
    const text = record.text ?? ''
    bytes += Buffer.byteLength(text, 'utf8')
    const started = performance.now()
    try {
      const extraction = extract(text, options)
      seconds += (performance.now() - started) / 1000
      version = extraction.extractor_version
      predictions.push(toPredictionRecord(record.id, extraction))
    } catch (err) {
      seconds += (performance.now() - started) / 1000
      failures++
      const message = err instanceof Error ? (err.stack ?? err.message).split('\n').slice(0, 3).join(' | ') : String(err)
      stderr.write(`whosaid eval: extractor failed on ${record.id}: ${message}\n`)
      predictions.push({ id: record.id, quotes: [] })
    }
  }
  return { predictions, speed: { megabytes: bytes / 1e6, seconds, articles: gold.length }, version, failures }
}

function errorsOfType (errors: QuoteError[], type: string | undefined): QuoteError[] {
  if (type === undefined) return errors
  return errors.filter((e) => e.kind === 'pronoun' || errorGroup(e) === type)
}

async function evaluate (settings: EvalSettings, { stdout, stderr }: CommandIO): Promise<number> {
  const keep = (id: string | number): boolean => settings.filter === undefined || String(id).includes(settings.filter)
  const gold = asGoldRecords(await readRecordFile(settings.goldPath, 'gold'), settings.goldPath).filter((r) => keep(r.id))
  const resolve = settings.resolvePath
    ? asResolveRecords(await readRecordFile(settings.resolvePath, 'resolve'), settings.resolvePath).filter((r) => keep(r.id))
    : undefined
  if (gold.length === 0) throw new UsageError(settings.filter === undefined ? `no records in ${settings.goldPath}` : `no document id contains '${settings.filter}'`)

  let predictions: PredictionRecord[]
  let run: ExtractionRun | undefined
  if (settings.predPath) {
    predictions = asPredictionRecords(await readRecordFile(settings.predPath, 'prediction'), settings.predPath)
  } else {
    run = runExtractor(gold, settings.extractOptions, stderr)
    predictions = run.predictions
  }
  const result = score(gold, predictions, resolve)

  if (settings.json) {
    const speed = run ? { speed: speedJson(run.speed) } : {}
    const version = run ? { extractor_version: run.version } : {}
    stdout.write(JSON.stringify({ ...result.scores, ...version, ...speed }) + '\n')
  } else {
    const header = run ? `extractor ${run.version || '?'} on ${settings.goldPath}` : `${settings.predPath} against ${settings.goldPath}`
    stdout.write(`${header}${settings.filter !== undefined ? ` (ids containing '${settings.filter}')` : ''}\n`)
    stdout.write(formatScores(result.scores, run?.speed) + '\n')
  }

  const listing = settings.json ? stderr : stdout
  for (const kind of settings.show) {
    const errors = errorsOfType(collectErrors(result, gold, kind), settings.type)
    listing.write('\n' + formatErrorSection(kind, errors, settings).trimEnd() + '\n')
  }
  return run && run.failures > 0 ? 1 : 0
}

function speedJson (speed: Speed): Record<string, number> {
  const per = (x: number): number => (speed.seconds > 0 ? Math.round((x / speed.seconds) * 1000) / 1000 : 0)
  return {
    mb_per_s: per(speed.megabytes),
    articles_per_s: per(speed.articles),
    megabytes: Math.round(speed.megabytes * 1000) / 1000,
    seconds: Math.round(speed.seconds * 1000) / 1000,
  }
}

async function run (args: string[], io: CommandIO = processIO()): Promise<number> {
  const { stdout, stderr } = io
  try {
    const settings = parseSettings(args)
    if (settings === 'help') { stdout.write(HELP); return 0 }
    return await evaluate(settings, io)
  } catch (err) {
    if (err instanceof UsageError || err instanceof RecordError) {
      stderr.write(`whosaid eval: ${err.message}\n`)
      return 2
    }
    throw err
  }
}

const command: Command = { summary: 'score the extractor against gold quote annotations', run }
export default command
