// Runs the built server (dist/server.js) as its own process, as `npm start` does.
import { spawn, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { PROJECT_ROOT } from '../../src/paths.js'

export const SERVER_JS = join(PROJECT_ROOT, 'dist', 'server.js')

export interface RunningServer {
  url: string
  child: ChildProcess
  /** Parsed pino log lines so far. */
  logs: Array<Record<string, unknown>>
  stop: (signal?: NodeJS.Signals) => Promise<number | null>
}

export function serverEnv (extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = { ...process.env }
  for (const key of ['PORT', 'HOST', 'DATABASE_PATH', 'DATABASE_URL', 'CURSOR_SECRET', 'LOG_LEVEL', 'SEED', 'API_KEY', 'RATE_LIMIT_PER_MINUTE', 'CORS_ORIGIN',
    'BODY_LIMIT', 'BATCH_BODY_LIMIT', 'TRUST_PROXY', 'EXTRACT_TIME_LIMIT_MS', 'EXTRACT_ISOLATION', 'EXTRACT_WORKER_NICE', 'SEARCH_READER_NICE']) delete env[key]
  return { ...env, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'info', ...extra }
}

export function exited (child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode)
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)))
}

/**
 * Starts the server and resolves once it logs the address it listens on. `cgroup`: a CPU cgroup (helpers/cgroup.ts)
 * the server starts in, moved there by the shell that then becomes it.
 */
export function startServer (env: Record<string, string>, options: { cgroup?: string } = {}): Promise<RunningServer> {
  const command = inCgroup([process.execPath, SERVER_JS], options.cgroup)
  const child = spawn(command[0]!, command.slice(1), { env: serverEnv(env), stdio: ['ignore', 'pipe', 'pipe'] })
  const logs: Array<Record<string, unknown>> = []
  let stderr = ''
  child.stderr!.on('data', (chunk) => { stderr += chunk })
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`server did not start: ${stderr}`)) }, 20_000)
    let buffered = ''
    child.stdout!.on('data', (chunk) => {
      buffered += chunk
      const lines = buffered.split('\n')
      buffered = lines.pop()!
      for (const line of lines) {
        const entry = JSON.parse(line) as Record<string, unknown>
        logs.push(entry)
        const match = /^Server listening at (http:\/\/127\.0\.0\.1:\d+)$/.exec(String(entry['msg']))
        if (match) {
          clearTimeout(timer)
          resolve({
            url: match[1]!,
            child,
            logs,
            stop: async (signal = 'SIGTERM') => { child.kill(signal); return exited(child) },
          })
        }
      }
    })
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`server exited with ${code}: ${stderr}`)) })
  })
}

async function freePort (): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise((resolve) => server.close(resolve))
  return port
}

/**
 * The server as in production (LOG_LEVEL=info, no seed, rate limit off unless `env` says otherwise), once it answers
 * /health. Its log is drained without parsing; lines at level error (50) or above, which a 5xx logs, and anything on
 * stderr are kept in `errors`.
 */
export async function startProductionServer (
  databasePath: string,
  env: Record<string, string> = {},
  options: { cgroup?: string } = {},
): Promise<{ child: ChildProcess, url: string, errors: string[], extraction: () => string | null }> {
  const port = await freePort()
  const command = inCgroup([process.execPath, SERVER_JS], options.cgroup)
  const child = spawn(command[0]!, command.slice(1), {
    env: serverEnv({ PORT: String(port), DATABASE_PATH: databasePath, SEED: 'false', RATE_LIMIT_PER_MINUTE: '0', ...env }),
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const errors: string[] = []
  let extraction: string | null = null
  let buffered = ''
  child.stdout!.on('data', (chunk: Buffer) => {
    buffered += chunk.toString('utf8')
    const lines = buffered.split('\n')
    buffered = lines.pop()!
    for (const line of lines) {
      if (/"level":(5\d|60)\b/.test(line)) errors.push(line.slice(0, 300))
      const said = /"msg":"(Extraction in [^"]*)"/.exec(line)
      if (said) extraction = said[1]!
    }
  })
  child.stderr!.on('data', (chunk: Buffer) => { errors.push(chunk.toString('utf8')) })
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 30_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited: ${errors.join('')}`)
    try {
      if ((await fetch(`${url}/health`)).status === 200) break
    } catch {}
    if (Date.now() > deadline) throw new Error('server did not answer /health within 30 s')
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  return { child, url, errors, extraction: () => extraction }
}

/** `command` started in the CPU cgroup `cgroup` (helpers/cgroup.ts) by a shell that moves itself there and becomes it. */
function inCgroup (command: string[], cgroup: string | undefined): string[] {
  if (cgroup === undefined) return command
  return ['/bin/sh', '-c', `echo $$ > ${join(cgroup, 'cgroup.procs')} && exec "$0" "$@"`, ...command]
}
