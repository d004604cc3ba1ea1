// `whosaid speakers`: the speakers in the database whose names match, like GET /speakers?name=.
import { parseArgs } from 'node:util'
import { processIO, type Command, type CommandIO } from '../command.js'
import type { SpeakerKind } from '../../extract/types.js'
import { nameTokens } from '../../identity/names.js'
import type { Speaker, SpeakerSort } from '../../store/index.js'
import { UsageError, usageLines, oneOf, openExistingStore, outputFormat, positiveInteger, table, terminalWidth, tsvLine } from '../output.js'

const HELP = `usage: whosaid speakers [NAME] [--kind K] [--sort quotes|name] [--limit N] [--json] [--db PATH]

Lists the speakers whose names start with the words of NAME (any case or accents:
"witk", "steve wit"), most quoted first, with their quote and source counts.

  --kind K        person, organization, group or unnamed (group and unnamed: speakers that belong to one article)
  --sort S        quotes (most quoted first, the default) or name
  --limit N       at most N speakers (default 20)
  --json          one JSON document: {"items": [...], "more": true|false}
  --format F      table, tsv or json (default: table on a terminal, else tsv)
  --db PATH       database file or postgres:// URL (default: $DATABASE_URL, $DATABASE_PATH or ./data/whosaid.db)

tsv columns: id, slug, name, kind, title, quote_count, source_count
`

const KINDS: readonly SpeakerKind[] = ['person', 'organization', 'group', 'unnamed']
const SORTS: readonly SpeakerSort[] = ['quotes', 'name']

function render (speakers: Speaker[], format: 'table' | 'tsv', io: CommandIO): string {
  if (format === 'tsv') {
    return speakers.map((s) => tsvLine([s.id, s.slug, s.name, s.kind, s.title, s.quote_count, s.source_count])).join('')
  }
  return table([
    { header: 'ID', right: true },
    { header: 'NAME', max: 40 },
    { header: 'KIND' },
    { header: 'QUOTES', right: true },
    { header: 'SOURCES', right: true },
    { header: 'SLUG' },
    { header: 'TITLE', flex: true },
  ], speakers.map((s) => [
    String(s.id), s.name ?? '(unnamed)', s.kind, String(s.quote_count), String(s.source_count), s.slug ?? '-', s.title ?? '',
  ]), terminalWidth(io.stdout, io.env))
}

const speakersCommand: Command = {
  summary: 'list the speakers in the database',
  async run (args, io = processIO()) {
    const { stdout, stderr, env } = io
    let values, positionals
    let options
    try {
      ({ values, positionals } = parseArgs({
        args,
        options: {
          kind: { type: 'string' },
          sort: { type: 'string' },
          limit: { type: 'string' },
          json: { type: 'boolean' },
          format: { type: 'string' },
          db: { type: 'string' },
          help: { type: 'boolean', short: 'h' },
        },
        strict: true,
        allowPositionals: true,
      }))
      if (values.help) {
        stdout.write(HELP)
        return 0
      }
      const name = positionals.join(' ')
      const tokens = positionals.length === 0 ? undefined : nameTokens(name)
      if (tokens !== undefined && tokens.length === 0) throw new UsageError(`NAME must contain a letter or digit, got "${name}"`)
      options = {
        tokens,
        kind: values.kind === undefined ? undefined : oneOf('--kind', values.kind, KINDS),
        sort: values.sort === undefined ? 'quotes' as const : oneOf('--sort', values.sort, SORTS),
        limit: values.limit === undefined ? 20 : positiveInteger('--limit', values.limit),
        format: outputFormat(values.json, values.format, stdout),
      }
    } catch (err) {
      stderr.write(`whosaid speakers: ${(err as Error).message}\n${usageLines(HELP)}`)
      return 2
    }
    const store = await openExistingStore(values.db, env)
    try {
      const page = await store.speakers.list({ limit: options.limit }, { nameTokens: options.tokens, kind: options.kind, sort: options.sort })
      if (options.format === 'json') {
        stdout.write(JSON.stringify({ items: page.items, more: page.next !== null }, null, 2) + '\n')
      } else if (page.items.length === 0 && options.format === 'table') {
        stderr.write('no speakers match\n')
      } else {
        stdout.write(render(page.items, options.format, io))
        if (page.next !== null && options.format === 'table') stderr.write(`(more than ${options.limit}; use --limit)\n`)
      }
    } finally {
      await store.close()
    }
    return 0
  },
}

export default speakersCommand
