// Runs `whosaid` command lines in this process (runCli from src/cli/commands.ts) with in-memory streams: a fraction of
// the cost of starting the built CLI as a child process. What needs a real process (signals, a terminal, the exit of
// the process, the binary itself) spawns CLI_JS instead; see test/cli-process.test.ts.
import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { Readable, Writable } from 'node:stream'
import { pathToFileURL } from 'node:url'
import type { ThreadModule } from '../../src/thread-module.js'
import { runCli } from '../../src/cli/commands.js'
import { PROJECT_ROOT } from '../../src/paths.js'
import { THREAD_EXEC_ARGV } from './threads.js'

/** The built command line (npm run build). */
export const CLI_JS = join(PROJECT_ROOT, 'dist', 'cli', 'main.js')

/** The newest modification time of the files under `dir`. */
function newest (dir: string): number {
  let latest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) latest = Math.max(latest, statSync(join(entry.parentPath, entry.name)).mtimeMs)
  }
  return latest
}

let builtIsFresh: boolean | null = null

/** Whether dist/ was built after the last change to src/; says once on stderr when it was not. */
function builtFresh (): boolean {
  if (builtIsFresh === null) {
    let built = 0
    try { built = statSync(join(PROJECT_ROOT, 'dist', 'cli', 'main.js')).mtimeMs } catch { /* not built */ }
    builtIsFresh = built > 0 && built >= newest(join(PROJECT_ROOT, 'src'))
    if (!builtIsFresh) {
      process.stderr.write('test/helpers/cli.ts: dist/ is missing or older than src/, so the command\'s threads start from the ' +
        'sources under the TypeScript loader (slower); `npm run build` first for the fast path\n')
    }
  }
  return builtIsFresh
}

/**
 * The threads of extract and ingest (extraction workers, the SQLite writer): the built module started without the
 * test process's preloads (tap's mocks and process tracking, the TypeScript loader), which a thread otherwise
 * inherits. Only when the build is newer than every source file; else the module from the sources under the
 * TypeScript loader alone (THREAD_EXEC_ARGV: correct, a little slower).
 */
function threadForTests (builtPath: string): ThreadModule {
  return builtFresh() ? { workerUrl: pathToFileURL(join(PROJECT_ROOT, 'dist', builtPath)), execArgv: [] } : { execArgv: THREAD_EXEC_ARGV }
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
    // Looked at when a command starts its threads.
    get extractorWorker () { return threadForTests(join('services', 'extractor-worker.js')) },
    get writerThread () { return threadForTests(join('store', 'writer-worker.js')) },
  })
  stdin.destroy()
  return { code, status: code, stdout: stdout.text(), stderr: stderr.text() }
}
