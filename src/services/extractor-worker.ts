// A worker of the ExtractorPool, as a worker thread or as a child process (extractor-process.ts): runs the jobs it is
// sent, one at a time, for as long as it lives.
import { setPriority } from 'node:os'
import { parentPort, workerData as threadData } from 'node:worker_threads'
import { runJob } from './extractor-job.js'
import { WORKER_DATA_ENV } from './extractor-process.js'
import { failureReply, forTransfer, transferablesOf, type WorkerData, type WorkerReply, type WorkerRequest } from './extractor-pool.js'
import { lowerHelperThreads } from './helper-threads.js'
import { kernelThreadId } from './proc-stat.js'

interface Port {
  on: (event: 'message', listener: (request: WorkerRequest) => void) => void
  postMessage: (reply: WorkerReply, transfer: ArrayBuffer[]) => void
}

/** The IPC channel of a child process, as a port (a Buffer crosses it copied: nothing is transferred). */
function processPort (): Port | null {
  const send = process.send?.bind(process)
  if (send === undefined) return null
  // The server has gone (killed, crashed): so does this process.
  process.once('disconnect', () => process.exit(0))
  return { on: (event, listener) => { process.on(event, listener) }, postMessage: (reply) => { send(reply) } }
}

const port: Port | null = parentPort ?? processPort()
if (port === null) throw new Error('extractor-worker must run as a worker thread or as a child process with an IPC channel')
const inProcess = parentPort === null
const workerData = (inProcess ? JSON.parse(process.env[WORKER_DATA_ENV] ?? 'null') : threadData) as Partial<WorkerData> | null

// On Linux, pid 0 names the calling thread, so this lowers a worker thread alone. A process lowers every thread it has
// (V8's helpers, which collect its garbage, among them); threads started later take the value from the one that
// starts them. Where it cannot (another system, a sandbox), the worker runs at the server's priority, as before.
const { nice, maxQuotations } = workerData ?? { nice: 0 }
if (nice !== undefined && nice > 0) {
  try { setPriority(0, nice) } catch { /* runs unniced */ }
  if (inProcess) lowerHelperThreads(nice)
}

port.on('message', ({ id, job }: WorkerRequest) => {
  let reply: WorkerReply
  try {
    reply = { type: 'done', id, result: forTransfer(runJob(job, maxQuotations)) }
  } catch (err) {
    reply = failureReply(id, err)
  }
  port.postMessage(reply, transferablesOf(reply))
})

// A thread says its kernel id, so that the pool counts its time limit in this thread's CPU time.
port.postMessage({ type: 'ready', ...(inProcess ? {} : { tid: kernelThreadId() }) } satisfies WorkerReply, [])
