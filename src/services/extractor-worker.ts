// A worker thread of the ExtractorPool: runs the jobs it is sent, one at a time, for as long as it lives.
import { parentPort } from 'node:worker_threads'
import { failureReply, runJob, type WorkerReply, type WorkerRequest } from './extractor-pool.js'

const port = parentPort
if (port === null) throw new Error('extractor-worker must run as a worker thread')

port.on('message', ({ id, job }: WorkerRequest) => {
  let reply: WorkerReply
  try {
    reply = { type: 'done', id, result: runJob(job) }
  } catch (err) {
    reply = failureReply(id, err)
  }
  port.postMessage(reply)
})

port.postMessage({ type: 'ready' } satisfies WorkerReply)
