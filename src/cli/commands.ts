// The `whosaid` commands by name, and the dispatch of a command line to one of them.
import { processIO, type Command, type CommandIO } from './command.js'

// Each entry loads its module lazily so that `whosaid extract` never opens a database.
const commands: Record<string, () => Promise<Command>> = {
  // name: async () => (await import('./commands/name.js')).default,
  seed: async () => (await import('./commands/seed.js')).default,
  extract: async () => (await import('./commands/extract.js')).default,
  eval: async () => (await import('./commands/eval.js')).default,
  ingest: async () => (await import('./commands/ingest.js')).default,
  speakers: async () => (await import('./commands/speakers.js')).default,
  quotes: async () => (await import('./commands/quotes.js')).default,
  reextract: async () => (await import('./commands/reextract.js')).default,
  backup: async () => (await import('./commands/backup.js')).default,
  'copy-store': async () => (await import('./commands/copy-store.js')).default,
}

/** The list of commands with the summary each module gives (help only: every module is loaded for it). */
async function usage (): Promise<string> {
  const names = Object.keys(commands).sort()
  const width = Math.max(...names.map((name) => name.length))
  const lines = await Promise.all(names.map(async (name) => `  ${name.padEnd(width)}  ${(await commands[name]!()).summary}`))
  return `usage: whosaid <command> [options]\n\ncommands:\n${lines.join('\n')}\n\nRun 'whosaid <command> --help' for a command's options.\n`
}

async function dispatch (argv: string[], io: CommandIO): Promise<number> {
  const [name, ...rest] = argv
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    // Asked for: the help is the output (stdout, exit 0); a bare `whosaid` is a usage error (stderr, exit 2).
    if (name) io.stdout.write(await usage())
    else io.stderr.write(await usage())
    return name ? 0 : 2
  }
  const load = commands[name]
  if (!load) {
    io.stderr.write(`whosaid: unknown command '${name}'\n\n${await usage()}`)
    return 2
  }
  const command = await load()
  return command.run(rest, io)
}

/**
 * Runs a `whosaid` command line (the arguments after `whosaid`) with `io`; resolves to the exit code. An error a
 * command throws is printed as `whosaid: message` (no stack trace) and exits 1.
 */
export async function runCli (argv: string[], io: CommandIO = processIO()): Promise<number> {
  try {
    return await dispatch(argv, io)
  } catch (err) {
    io.stderr.write(`whosaid: ${err instanceof Error ? err.message : String(err)}\n`)
    return 1
  }
}
