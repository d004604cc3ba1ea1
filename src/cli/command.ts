// What every `whosaid` command module exports as its default, and the I/O a command runs with.
import process from 'node:process'
import type { Readable, Writable } from 'node:stream'
import type { ThreadModule } from '../thread-module.js'

/** Where a command writes: the process's stdout or stderr, or (in tests) a stream collecting the text. */
export type OutputStream = Writable & {
  /** True on a terminal: tables are drawn for it, and ingest redraws its progress line. */
  isTTY?: boolean
  /** The terminal's width, when isTTY. */
  columns?: number
}

/**
 * The streams and environment a command uses instead of the process's own, so that it can run inside another
 * process (the tests run commands in-process with in-memory streams).
 */
export interface CommandIO {
  stdout: OutputStream
  stderr: OutputStream
  stdin: Readable
  env: NodeJS.ProcessEnv
  /**
   * The module and Node options the extraction worker threads (extract, ingest) start with; default: the extractor
   * pool's own worker, with this process's options. The tests run commands in-process under tap's preloads and a
   * TypeScript loader, which every worker would otherwise inherit, and start the built worker without them.
   */
  extractorWorker?: ThreadModule
  /** The same for the thread that writes a SQLite file (ingest). */
  writerThread?: ThreadModule
  /**
   * Whether a long command may take SIGINT and SIGTERM for itself while it runs, to stop cleanly (ingest, reextract,
   * backup: src/cli/signals.ts): true for the process's own streams, unset for a command run inside another program
   * or a test.
   */
  signals?: boolean
}

/** The process's own streams and environment: what `whosaid` runs with. */
export function processIO (): CommandIO {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env, signals: true }
}

export interface Command {
  summary: string
  /**
   * Runs the command with its arguments (after the command name), reading and writing `io` (default: the process's);
   * resolves to the exit code. It never exits the process, and leaves nothing running or listening when it resolves.
   */
  run: (args: string[], io?: CommandIO) => Promise<number>
}
