// `whosaid quotes`: the quotes in the database that match, like GET /quotes, newest first or by relevance.
import { parseArgs } from 'node:util'
import { processIO, type Command, type CommandIO } from '../command.js'
import type { QuoteType } from '../../extract/types.js'
import { nameTokens } from '../../identity/names.js'
import { DateBounds, DateError, dateBounds } from '../../routes/query.js'
import { QuerySyntaxError, type Quote, type QuoteFilter, type DataStore } from '../../store/index.js'
import { UsageError, usageLines, oneOf, openExistingStore, outputFormat, positiveInteger, table, terminalWidth, tsvLine } from '../output.js'

const HELP = `usage: whosaid quotes [--speaker NAME] [--speaker-id ID|SLUG] [--source ID] [--type T]
                     [--q QUERY] [--since D] [--until D] [--limit N] [--json] [--db PATH]

Lists the quotes that match every option given, newest first (best match first with --q).

  --speaker NAME        speakers whose names start with these words, like 'whosaid speakers NAME'
  --speaker-id ID|SLUG  one speaker by id or slug (a merged speaker stands for its survivor)
  --source ID           one article
  --type T              direct, mixed or indirect
  --q QUERY             full-text query over the quote text: words (all must match), "a phrase", OR, NOT, prefix*
  --since D, --until D  ISO 8601 dates or date-times (the article's date, else when it was ingested);
                        since is inclusive, until exclusive, a bare until date includes that day
  --limit N             at most N quotes (default 20)
  --json                one JSON document: {"items": [...], "more": true|false}
  --format F            table, tsv or json (default: table on a terminal, else tsv)
  --db PATH             database file or postgres:// URL (default: $DATABASE_URL, $DATABASE_PATH or ./data/whosaid.db)

tsv columns: id, quoted_at, source_id, speaker_id, speaker name (or its mention), type, text
`

const TYPES: readonly QuoteType[] = ['direct', 'mixed', 'indirect']
const SPEAKERS_PER_NAME = 50
const DATE = new RegExp(DateBounds.properties.since.pattern!)

function dateOption (option: 'since' | 'until', value: string): string {
  if (!DATE.test(value)) throw new UsageError(`--${option} must be an ISO 8601 date or date-time (2024-05-01, 2024-05-01T08:00Z), got "${value}"`)
  try {
    return dateBounds({ [option]: value })[option]!
  } catch (err) {
    if (err instanceof DateError) throw new UsageError(`--${option} is not a real date: "${value}"`)
    throw err
  }
}

/** The speaker named by an id or a slug, followed to its survivor when it was merged. */
async function speakerRef (store: DataStore, ref: string): Promise<number> {
  const speaker = await store.speakers.find(/^\d+$/.test(ref) ? Number(ref) : ref)
  if (!speaker) throw new Error(`speaker ${ref} not found`)
  return speaker.merged_into ?? speaker.id
}

function speakerLabel (quote: Quote): string {
  if (!quote.speaker) return ''
  return quote.speaker.name ?? quote.speaker.mention ?? '(unnamed)'
}

function render (quotes: Quote[], format: 'table' | 'tsv', io: CommandIO): string {
  if (format === 'tsv') {
    return quotes.map((q) => tsvLine([q.id, q.quoted_at, q.source_id, q.speaker?.id, speakerLabel(q), q.type, q.text])).join('')
  }
  return table([
    { header: 'ID', right: true },
    { header: 'DATE' },
    { header: 'SPEAKER', max: 24 },
    { header: 'TYPE' },
    { header: 'QUOTE', flex: true },
  ], quotes.map((q) => [String(q.id), q.quoted_at.slice(0, 10), speakerLabel(q) || '-', q.type, q.text]), terminalWidth(io.stdout, io.env))
}

const quotesCommand: Command = {
  summary: 'list the quotes in the database',
  async run (args, io = processIO()) {
    const { stdout, stderr, env } = io
    let values
    let filter: QuoteFilter
    let limit: number
    let format
    try {
      ({ values } = parseArgs({
        args,
        options: {
          speaker: { type: 'string' },
          'speaker-id': { type: 'string' },
          source: { type: 'string' },
          type: { type: 'string' },
          q: { type: 'string' },
          since: { type: 'string' },
          until: { type: 'string' },
          limit: { type: 'string' },
          json: { type: 'boolean' },
          format: { type: 'string' },
          db: { type: 'string' },
          help: { type: 'boolean', short: 'h' },
        },
        strict: true,
        allowPositionals: false,
      }))
      if (values.help) {
        stdout.write(HELP)
        return 0
      }
      if (values.speaker !== undefined && nameTokens(values.speaker).length === 0) {
        throw new UsageError(`--speaker must contain a letter or digit, got "${values.speaker}"`)
      }
      if (values['speaker-id'] !== undefined && !/^[\p{L}\p{N}-]+$/u.test(values['speaker-id'])) {
        throw new UsageError(`--speaker-id must be a numeric id or a slug (steve-witkoff), got "${values['speaker-id']}"`)
      }
      if (values.q !== undefined && values.q.trim() === '') throw new UsageError('--q must not be empty')
      filter = {
        source_id: values.source === undefined ? undefined : positiveInteger('--source', values.source),
        type: values.type === undefined ? undefined : oneOf('--type', values.type, TYPES),
        match: values.q,
        since: values.since === undefined ? undefined : dateOption('since', values.since),
        until: values.until === undefined ? undefined : dateOption('until', values.until),
      }
      limit = values.limit === undefined ? 20 : positiveInteger('--limit', values.limit)
      format = outputFormat(values.json, values.format, stdout)
    } catch (err) {
      stderr.write(`whosaid quotes: ${(err as Error).message}\n${usageLines(HELP)}`)
      return 2
    }
    const store = await openExistingStore(values.db, env)
    try {
      if (values.speaker !== undefined) filter.speaker_ids = await store.speakers.idsMatching(nameTokens(values.speaker), SPEAKERS_PER_NAME)
      if (values['speaker-id'] !== undefined) filter.speaker_id = await speakerRef(store, values['speaker-id'])
      let page
      try {
        page = await store.quotes.list({ limit }, filter)
      } catch (err) {
        if (!(err instanceof QuerySyntaxError)) throw err
        stderr.write(`whosaid quotes: ${err.message.replace(/^q /, '--q ')}\n${usageLines(HELP)}`)
        return 2
      }
      if (format === 'json') {
        stdout.write(JSON.stringify({ items: page.items, more: page.next !== null }, null, 2) + '\n')
      } else if (page.items.length === 0 && format === 'table') {
        stderr.write('no quotes match\n')
      } else {
        stdout.write(render(page.items, format, io))
        if (page.next !== null && format === 'table') stderr.write(`(more than ${limit}; use --limit)\n`)
      }
    } finally {
      await store.close()
    }
    return 0
  },
}

export default quotesCommand
