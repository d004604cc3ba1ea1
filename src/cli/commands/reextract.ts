// `whosaid reextract`: extract stored articles again with the current extractor, like
// POST /sources/:id/reextract; corrections made by hand (merges, splits, quote speakers) are kept.
import { parseArgs } from 'node:util'
import { processIO, type Command } from '../command.js'
import { EXTRACTOR_VERSION } from '../../extract/index.js'
import { reextractSource } from '../../services/ingest.js'
import type { DataStore, PageKey } from '../../store/index.js'
import { UsageError, usageLines, openExistingStore, positiveInteger } from '../output.js'
import { signalExit, takeSignals, turnOfTheLoop } from '../signals.js'

const HELP = `usage: whosaid reextract ID... [--force] [--json] [--db PATH]
       whosaid reextract --all [--force] [--json] [--db PATH]

Extracts stored articles again with the current extractor (${EXTRACTOR_VERSION}) and replaces their
quotes. An article already extracted by this version is left alone unless --force is given.
Merges, splits and quote corrections made by hand are kept.

  ID...       source ids
  --all       every source extracted by another extractor version (with --force: every source)
  --force     also extract again the sources that are up to date
  --json      one JSON document with a result per source and the totals, instead of lines
  --db PATH   database file or postgres:// URL (default: $DATABASE_URL, $DATABASE_PATH or ./data/whosaid.db)

Prints one line per source and a summary; exits with 1 when a source is missing or fails.
Ctrl-C (SIGINT) or SIGTERM stops after the source being extracted (each is replaced whole
or not at all), prints the summary and exits 130 (143); --all again goes on from there.
`

type Status = 'reextracted' | 'up-to-date' | 'not-found' | 'failed'

interface Outcome {
  source_id: number
  status: Status
  quote_count: number | null
  previous_quote_count: number | null
  error?: string
}

const SOURCE_PAGE = 1000

async function everySourceId (store: DataStore): Promise<number[]> {
  const ids: number[] = []
  let after: PageKey | undefined
  do {
    const page = await store.sources.list({ limit: SOURCE_PAGE, after })
    for (const source of page.items) ids.push(source.id)
    after = page.next ?? undefined
  } while (after !== undefined)
  return ids
}

async function reextractOne (store: DataStore, id: number, force: boolean): Promise<Outcome> {
  const previous = (await store.sources.get(id))?.quote_count ?? null
  try {
    const result = await reextractSource(store, id, force)
    if (!result) return { source_id: id, status: 'not-found', quote_count: null, previous_quote_count: null }
    return { source_id: id, status: result.reextracted ? 'reextracted' : 'up-to-date', quote_count: result.quote_count, previous_quote_count: previous }
  } catch (err) {
    return { source_id: id, status: 'failed', quote_count: null, previous_quote_count: previous, error: err instanceof Error ? err.message : String(err) }
  }
}

function describe (outcome: Outcome): string {
  const { source_id: id, quote_count: count, previous_quote_count: before } = outcome
  switch (outcome.status) {
    case 'reextracted': return `source ${id}: re-extracted with ${EXTRACTOR_VERSION}, ${count} quotes (was ${before})`
    case 'up-to-date': return `source ${id}: up to date (${EXTRACTOR_VERSION}), ${count} quotes; --force extracts it again`
    case 'not-found': return `source ${id}: not found`
    case 'failed': return `source ${id}: failed: ${outcome.error}`
  }
}

const reextractCommand: Command = {
  summary: 'extract stored articles again with the current extractor',
  async run (args, io = processIO()) {
    const { stdout, stderr, env } = io
    let values
    let ids: number[] = []
    try {
      let positionals
      ({ values, positionals } = parseArgs({
        args,
        options: {
          all: { type: 'boolean' },
          force: { type: 'boolean' },
          json: { type: 'boolean' },
          db: { type: 'string' },
          help: { type: 'boolean', short: 'h' },
        },
        strict: true,
        allowPositionals: true,
      }))
      if (!values.help) {
        ids = positionals.map((id) => positiveInteger('source ID', id))
        if (values.all && ids.length > 0) throw new UsageError('give source ids or --all, not both')
        if (!values.all && ids.length === 0) throw new UsageError('give source ids or --all')
      }
    } catch (err) {
      stderr.write(`whosaid reextract: ${(err as Error).message}\n${usageLines(HELP)}`)
      return 2
    }
    if (values.help) {
      stdout.write(HELP)
      return 0
    }
    const force = values.force ?? false
    const store = await openExistingStore(values.db, env)
    const outcomes: Outcome[] = []
    let signalled: NodeJS.Signals | null = null
    const releaseSignals = takeSignals(io, (signal) => { signalled ??= signal })
    let unique = [...new Set(ids)]
    try {
      if (values.all) unique = [...new Set(force ? await everySourceId(store) : await store.sources.staleIds(EXTRACTOR_VERSION))]
      for (const id of unique) {
        const outcome = await reextractOne(store, id, force)
        outcomes.push(outcome)
        if (!values.json) stdout.write(describe(outcome) + '\n')
        await turnOfTheLoop()
        if (signalled !== null) break
      }
    } finally {
      releaseSignals()
      await store.close()
    }
    const count = (status: Status): number => outcomes.filter((outcome) => outcome.status === status).length
    const totals = { reextracted: count('reextracted'), up_to_date: count('up-to-date'), not_found: count('not-found'), failed: count('failed') }
    if (values.json) {
      stdout.write(JSON.stringify({ extractor_version: EXTRACTOR_VERSION, items: outcomes, ...totals }, null, 2) + '\n')
    } else {
      const others = [
        totals.up_to_date > 0 ? `${totals.up_to_date} up to date` : '',
        totals.not_found > 0 ? `${totals.not_found} not found` : '',
        totals.failed > 0 ? `${totals.failed} failed` : '',
      ].filter(Boolean)
      const what = values.all && outcomes.length === 0
        ? `no source to re-extract: every source is extracted by ${EXTRACTOR_VERSION}`
        : `re-extracted ${totals.reextracted} of ${outcomes.length} source${outcomes.length === 1 ? '' : 's'} with ${EXTRACTOR_VERSION}`
      stdout.write(`${what}${others.length > 0 ? `; ${others.join(', ')}` : ''}\n`)
    }
    if (signalled !== null && outcomes.length < unique.length) {
      stderr.write(`whosaid reextract: stopped by ${signalled} after ${outcomes.length} of ${unique.length} sources\n`)
      return signalExit(signalled)
    }
    return totals.not_found + totals.failed > 0 ? 1 : 0
  },
}

export default reextractCommand
