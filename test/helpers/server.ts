// Runs the built server (dist/server.js) as its own process, as `npm start` does.
import { spawn, type ChildProcess } from 'node:child_process'
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
    'BODY_LIMIT', 'BATCH_BODY_LIMIT', 'TRUST_PROXY', 'EXTRACT_TIME_LIMIT_MS']) delete env[key]
  return { ...env, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'info', ...extra }
}

export function exited (child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode)
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)))
}

/** Starts the server and resolves once it logs the address it listens on. */
export function startServer (env: Record<string, string>): Promise<RunningServer> {
  const child = spawn(process.execPath, [SERVER_JS], { env: serverEnv(env), stdio: ['ignore', 'pipe', 'pipe'] })
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
