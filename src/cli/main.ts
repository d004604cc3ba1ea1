#!/usr/bin/env node
// The `whosaid` command-line tool: one file per command under ./commands, dispatched by name.
import { argv, exit, stderr } from 'node:process'
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
}

function usage (): string {
  const lines = Object.keys(commands).sort().map((name) => `  ${name}`)
  return `usage: whosaid <command> [options]\n\ncommands:\n${lines.join('\n')}\n\nRun 'whosaid <command> --help' for a command's options.\n`
}

async function main (): Promise<number> {
  const [name, ...rest] = argv.slice(2)
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    stderr.write(usage())
    return name ? 0 : 2
  }
  const load = commands[name]
  if (!load) {
    stderr.write(`whosaid: unknown command '${name}'\n\n${usage()}`)
    return 2
  }
  const command = await load()
  return command.run(rest)
}

main().then((code) => exit(code), (err: unknown) => {
  stderr.write(`whosaid: ${err instanceof Error ? err.message : String(err)}\n`)
  exit(1)
})
