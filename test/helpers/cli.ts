// Runs `whosaid` command lines in this process (runCli from src/cli/commands.ts) with in-memory streams: a fraction of
// the cost of starting the built CLI as a child process. What needs a real process (signals, a terminal, the exit of
// the process, the binary itself) spawns CLI_JS instead; see test/cli-process.test.ts.
import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { Readable, Writable } from 'node:stream'
import { pathToFileURL } from 'node:url'
import type { CommandIO } from '../../src/cli/command.js'
import { runCli } from '../../src/cli/commands.js'
import { PROJECT_ROOT } from '../../src/paths.js'

/** The built command line (npm run build). */
export const CLI_JS = join(PROJECT_ROOT, 'dist', 'cli', 'main.js')

const BUILT_WORKER = join(PROJECT_ROOT, 'dist', 'services', 'extractor-worker.js')

/** The newest modification time of the files under `dir`. */
function newest (dir: string): number {
  let latest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) latest = Math.max(latest, statSync(join(entry.parentPath, entry.name)).mtimeMs)
  }
  return latest
}

let extractorWorker: CommandIO['extractorWorker'] | null = null

/**
 * The extraction workers of extract and ingest: the built worker started without tap's loaders (TypeScript, mocks),
 * which a worker otherwise inherits and which make it cost about three times the CPU of the whole spawned command.
 * Only when the build is newer than every source file; else the worker from the sources, as the pool starts it
 * (correct, but each worker then takes a second or two more), and this says so once.
 */
function workerForTests (): CommandIO['extractorWorker'] {
  if (extractorWorker === null) {
    let built = 0
    try { built = statSync(BUILT_WORKER).mtimeMs } catch { /* not built */ }
    const fresh = built > 0 && built >= newest(join(PROJECT_ROOT, 'src'))
    extractorWorker = fresh ? { url: pathToFileURL(BUILT_WORKER), execArgv: [] } : undefined
    if (!fresh) {
      process.stderr.write('test/helpers/cli.ts: dist/ is missing or older than src/, so the extraction workers start from the ' +
        'sources under tap\'s loaders (slow); `npm run build` first for the fast path\n')
    }
  }
  return extractorWorker
}

export interface CliResult {
  /** The exit code. */
  code: number
  /** The same, under the name spawnSync gives it. */
  status: number
  stdout: string
  stderr: string
}

export interface CliOptions {
  /** What the command reads on stdin (default: nothing, an input already at its end). */
  input?: string
  /** The whole environment the command sees (default: a copy of this process's); process.env is never changed. */
  env?: NodeJS.ProcessEnv
}

/** A stream that keeps what is written to it; not a terminal. */
function collector (): { stream: Writable, text: () => string } {
  const chunks: Buffer[] = []
  const stream = new Writable({
    write (chunk: Buffer, _encoding, callback) {
      chunks.push(chunk)
      callback()
    },
  })
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') }
}

/** Runs `whosaid ...args` in this process; resolves when the command has finished, with its exit code and output. */
export async function whosaid (args: string[], options: CliOptions = {}): Promise<CliResult> {
  const stdout = collector()
  const stderr = collector()
  // A byte stream, as a pipe is: the input in one chunk, then its end.
  const stdin = Readable.from(options.input === undefined ? [] : [Buffer.from(options.input, 'utf8')], { objectMode: false })
  const code = await runCli(args, {
    stdout: stdout.stream,
    stderr: stderr.stream,
    stdin,
    env: options.env ?? { ...process.env },
    // Looked at when a command starts extraction workers.
    get extractorWorker () { return workerForTests() },
  })
  stdin.destroy()
  return { code, status: code, stdout: stdout.text(), stderr: stderr.text() }
}
