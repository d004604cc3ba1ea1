// An extraction worker in a child process of its own, with the face of a worker thread (postMessage, terminate,
// ref/unref; 'message', 'error' and 'exit'), so that ExtractorPool runs its jobs on either.
//
// Why a process: V8 collects the garbage of every isolate in a process on one pool of helper threads. Extraction
// makes much garbage, so worker threads' collections ran on the threads that also do the main thread's, and no
// priority given to the workers could keep that work from the thread that answers requests. A child process has
// helpers of its own, and all its threads can be given the low priority (bench/RESULTS.md, "Twelfth stop").
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { EventEmitter } from 'node:events'
import { accessSync, constants } from 'node:fs'
import { delimiter, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { procStatFields } from './proc-stat.js'

/** The environment variable a process worker reads its workerData from (a worker thread gets it from Node). */
export const WORKER_DATA_ENV = 'WHOSAID_EXTRACTOR_WORKER_DATA'

/** Linux counts a process's CPU time in these ticks (USER_HZ, 100 on every Linux Node runs on). */
const TICKS_PER_SECOND = 100

export interface ProcessWorkerOptions {
  workerData: unknown
  /** Node options the process starts with (default: this process's). */
  execArgv?: string[] | undefined
  /** A command the node command runs under, e.g. [chrt, '--idle', '0']; none by default. */
  wrapper?: string[]
}

/** The path of `command` on PATH, or null. */
export function findCommand (command: string): string | null {
  for (const dir of (process.env['PATH'] ?? '').split(delimiter)) {
    if (dir === '') continue
    const path = join(dir, command)
    try {
      accessSync(path, constants.X_OK)
      return path
    } catch { /* not here */ }
  }
  return null
}

/**
 * The command that starts a process under Linux's SCHED_IDLE ([chrt, '--idle', '0']), or why there is none: not
 * Linux, no chrt (util-linux) on PATH, or chrt refused (a seccomp profile that forbids sched_setscheduler). Tried
 * once on a process that only prints Node's version, so that a server does not find out at its first article.
 */
export function idleScheduling (): { command: string[] } | { reason: string } {
  if (process.platform !== 'linux') return { reason: `SCHED_IDLE is Linux's, and this is ${process.platform}` }
  const chrt = findCommand('chrt')
  if (chrt === null) return { reason: 'the chrt command (util-linux) is not on PATH' }
  const command = [chrt, '--idle', '0']
  const probe = spawnSync(command[0]!, [...command.slice(1), process.execPath, '--version'], { stdio: 'ignore', timeout: 10_000 })
  if (probe.error !== undefined || probe.status !== 0) {
    return { reason: `chrt could not start a process under SCHED_IDLE (${probe.error?.message ?? `exit status ${probe.status ?? probe.signal}`})` }
  }
  return { command }
}

/** CPU time (user and system, ms) the process `pid` has used, or null where /proc cannot tell. */
export function processCpuMs (pid: number): number | null {
  return cpuMsAt(pid)
}

/** CPU time (ms) a thread of this process has used (its kernel id: kernelThreadId()), or null where /proc cannot tell. */
export function threadCpuMs (tid: number): number | null {
  return cpuMsAt(`self/task/${tid}`)
}

function cpuMsAt (path: number | string): number | null {
  try {
    const fields = procStatFields(path)
    return (Number(fields[11]) + Number(fields[12])) * 1000 / TICKS_PER_SECOND
  } catch {
    return null
  }
}

export class ProcessWorker extends EventEmitter {
  private readonly child: ChildProcess
  private readonly exited: Promise<number>

  constructor (moduleUrl: URL, options: ProcessWorkerOptions) {
    super()
    const command = [...(options.wrapper ?? []), process.execPath, ...(options.execArgv ?? process.execArgv), fileURLToPath(moduleUrl)]
    this.child = spawn(command[0]!, command.slice(1), {
      // Its output and errors go where the server's go; jobs and replies cross the IPC channel, Buffers included.
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      serialization: 'advanced',
      env: { ...process.env, [WORKER_DATA_ENV]: JSON.stringify(options.workerData) },
    })
    this.exited = new Promise((resolve) => {
      this.child.once('exit', (code) => {
        const status = code ?? 1
        this.emit('exit', status)
        resolve(status)
      })
    })
    this.child.on('message', (message) => this.emit('message', message))
    this.child.on('error', (err) => this.emit('error', err))
  }

  /** CPU time the process has used so far (ms), or null where it cannot be read. */
  cpuMs (): number | null {
    return this.child.pid === undefined ? null : processCpuMs(this.child.pid)
  }

  postMessage (message: unknown): void {
    if (this.child.connected) this.child.send(message as never)
  }

  /** Kills the process; resolves with its exit status. */
  terminate (): Promise<number> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      // Held until it has exited: a caller awaiting this must not see its process end first.
      this.child.ref()
      this.child.kill('SIGKILL')
    }
    return this.exited
  }

  ref (): void {
    this.child.ref()
    this.child.channel?.ref()
  }

  unref (): void {
    this.child.unref()
    this.child.channel?.unref()
  }
}
