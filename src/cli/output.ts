// What the database commands (speakers, quotes, reextract) share: opening an existing database,
// checking option values, and printing rows as an aligned table, tab-separated lines or JSON.
import { existsSync } from 'node:fs'
import { databasePathFrom } from '../config.js'
import { MIGRATIONS_DIR } from '../paths.js'
import { Store, isPostgresUrl, openStore, type DataStore } from '../store/index.js'
import type { OutputStream } from './command.js'

/** A bad option or argument: the command prints the message and its usage, and exits with 2. */
export class UsageError extends Error {
  override name = 'UsageError'
}

/** The usage lines at the top of a command's help, and where to read the rest, for error messages. */
export function usageLines (help: string): string {
  const usage = help.slice(0, help.indexOf('\n\n') + 1)
  const command = /whosaid (\S+)/.exec(usage)?.[1] ?? ''
  return `${usage}Run 'whosaid ${command} --help' for the options.\n`
}

/**
 * Opens the database at --db, $DATABASE_URL or $DATABASE_PATH (of `env`, the command's environment); refuses to create
 * a SQLite file, since a new file would only be empty.
 */
export async function openExistingStore (dbOption: string | undefined, env: NodeJS.ProcessEnv): Promise<DataStore> {
  const location = dbOption ?? databasePathFrom(env)
  if (isPostgresUrl(location)) return await openStore({ location, defaultMigrationsDir: MIGRATIONS_DIR })
  return openExistingSqliteStore(location, env)
}

/** The SQLite file at --db or $DATABASE_PATH (for commands that work on the file itself, like backup). */
export function openExistingSqliteStore (dbOption: string | undefined, env: NodeJS.ProcessEnv): Store {
  const path = dbOption ?? databasePathFrom(env)
  if (isPostgresUrl(path)) throw new Error('this command works on a SQLite file; for PostgreSQL use its own tools (pg_dump)')
  if (path !== ':memory:' && !existsSync(path)) {
    throw new Error(`no database at ${path} (set DATABASE_PATH or pass --db; 'whosaid seed' creates one)`)
  }
  return Store.open({ path, migrationsDir: MIGRATIONS_DIR })
}

/** A whole number from 1 to max, for options like --limit and --source. */
export function positiveInteger (option: string, value: string, max = Number.MAX_SAFE_INTEGER): number {
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? '1 or more' : `from 1 to ${max}`
    throw new UsageError(`${option} must be a whole number ${range}, got "${value}"`)
  }
  return Number(value)
}

/** One of a fixed set of words. */
export function oneOf<T extends string> (option: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) {
    throw new UsageError(`${option} must be one of ${allowed.join(', ')}, got "${value}"`)
  }
  return value as T
}

export type Format = 'table' | 'tsv' | 'json'
export const FORMATS: readonly Format[] = ['table', 'tsv', 'json']

/** --json wins; then --format; else a table when `stdout` is a terminal and tab-separated lines otherwise. */
export function outputFormat (json: boolean | undefined, format: string | undefined, stdout: OutputStream): Format {
  if (json) return 'json'
  if (format !== undefined) return oneOf('--format', format, FORMATS)
  return stdout.isTTY ? 'table' : 'tsv'
}

/** The width to fit a table in: the terminal's (`stdout`'s), else $COLUMNS (of `env`), else 100. */
export function terminalWidth (stdout: OutputStream, env: NodeJS.ProcessEnv): number {
  if (stdout.isTTY && stdout.columns !== undefined && stdout.columns > 0) return stdout.columns
  const columns = Number(env['COLUMNS'])
  return Number.isInteger(columns) && columns > 0 ? columns : 100
}

/** A value on one line: tabs, line breaks and runs of spaces become one space. */
export function oneLine (value: string | number | null | undefined): string {
  if (value === null || value === undefined) return ''
  return String(value).replace(/\s+/g, ' ').trim()
}

/** Characters as a reader counts them (code points, so that an emoji is one). */
function width (text: string): number {
  let n = 0
  for (const _ of text) n++
  return n
}

/** Cut to at most `max` characters, ending with … when something was cut. */
export function truncate (text: string, max: number): string {
  if (width(text) <= max) return text
  if (max <= 0) return ''
  return [...text].slice(0, max - 1).join('').trimEnd() + '…'
}

export interface Column {
  header: string
  /** Right-aligned (numbers). */
  right?: boolean
  /** Shrinks, with its cells truncated, so that the table fits the width; at most one column. */
  flex?: boolean
  /** Cells longer than this are truncated. */
  max?: number
}

const GAP = '  '
const MIN_FLEX = 10

/** An aligned table with a header, fitted to `maxWidth` by truncating the flexible column. */
export function table (columns: Column[], rows: string[][], maxWidth: number): string {
  const cells = rows.map((row) => row.map(oneLine))
  const widths = columns.map((column, i) => Math.min(column.max ?? Infinity,
    Math.max(width(column.header), ...cells.map((row) => width(row[i] ?? '')))))
  const flex = columns.findIndex((column) => column.flex)
  if (flex >= 0) {
    const others = widths.reduce((sum, w, i) => i === flex ? sum : sum + w, 0) + GAP.length * (columns.length - 1)
    widths[flex] = Math.max(Math.min(widths[flex]!, maxWidth - others), Math.min(MIN_FLEX, widths[flex]!))
  }
  const line = (values: string[]): string => values.map((value, i) => {
    const cell = truncate(value, widths[i]!)
    const pad = ' '.repeat(widths[i]! - width(cell))
    if (columns[i]!.right) return pad + cell
    return i === values.length - 1 ? cell : cell + pad
  }).join(GAP)
  return [line(columns.map((column) => column.header)), ...cells.map(line)].map((text) => text.trimEnd() + '\n').join('')
}

/** Tab-separated values, one line; tabs and line breaks inside a value become spaces. */
export function tsvLine (values: Array<string | number | null | undefined>): string {
  return values.map(oneLine).join('\t') + '\n'
}
