// A thread of SearchReaders: its own read-only connection to the database, answering quote searches one at a time
// for as long as it lives. The pool terminates it when a search runs past the time limit.
import { setPriority } from 'node:os'
import { parentPort, workerData } from 'node:worker_threads'
import { openReader } from '../store/database.js'
import { QuoteStore } from '../store/quotes.js'
import { failedSearch, type ReaderReply, type ReaderRequest } from './search-readers.js'

const port = parentPort
if (port === null) throw new Error('search-reader must run as a worker thread')

const { path, nice } = workerData as { path: string, nice?: number }
// On Linux, pid 0 names the calling thread: a costly search yields the core to the thread that answers requests.
if (nice !== undefined && nice > 0) {
  try { setPriority(0, nice) } catch { /* runs unniced */ }
}
const quotes = new QuoteStore(openReader(path))

port.on('message', ({ id, page, filter }: ReaderRequest) => {
  let reply: ReaderReply
  try {
    reply = { type: 'done', id, result: quotes.listJson(page, filter) }
  } catch (err) {
    reply = failedSearch(id, err)
  }
  port.postMessage(reply)
})

port.postMessage({ type: 'ready' } satisfies ReaderReply)
