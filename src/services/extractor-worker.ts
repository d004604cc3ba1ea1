// A worker thread of the ExtractorPool: runs the jobs it is sent, one at a time, for as long as it lives.
import { setPriority } from 'node:os'
import { parentPort, workerData } from 'node:worker_threads'
import { runJob } from './extractor-job.js'
import { failureReply, forTransfer, transferablesOf, type WorkerData, type WorkerReply, type WorkerRequest } from './extractor-pool.js'

const port = parentPort
if (port === null) throw new Error('extractor-worker must run as a worker thread')

// On Linux, pid 0 names the calling thread, so this lowers this worker alone. Where it cannot (another system, a
// sandbox), the worker runs at the process's priority, as before.
const { nice, maxQuotations } = (workerData ?? { nice: 0 }) as Partial<WorkerData>
if (nice !== undefined && nice > 0) {
  try { setPriority(0, nice) } catch { /* runs unniced */ }
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

port.postMessage({ type: 'ready' } satisfies WorkerReply)
