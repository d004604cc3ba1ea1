#!/usr/bin/env node
// The `whosaid` command-line tool: one file per command under ./commands, dispatched by name.
import { argv, exit, stderr, stdout } from 'node:process'
import type { Command } from './command.js'

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

async function main (): Promise<number> {
  const [name, ...rest] = argv.slice(2)
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    // Asked for: the help is the output (stdout, exit 0); a bare `whosaid` is a usage error (stderr, exit 2).
    if (name) stdout.write(await usage())
    else stderr.write(await usage())
    return name ? 0 : 2
  }
  const load = commands[name]
  if (!load) {
    stderr.write(`whosaid: unknown command '${name}'\n\n${await usage()}`)
    return 2
  }
  const command = await load()
  return command.run(rest)
}

main().then((code) => exit(code), (err: unknown) => {
  stderr.write(`whosaid: ${err instanceof Error ? err.message : String(err)}\n`)
  exit(1)
})
