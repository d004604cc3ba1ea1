// A thread of SearchReaders: its own read-only connection to the database, answering quote searches one at a time
// for as long as it lives. The pool terminates it when a search runs past the time limit.
import { parentPort, workerData } from 'node:worker_threads'
import { openReader } from '../store/database.js'
import { QuoteStore } from '../store/quotes.js'
import { failedSearch, type ReaderReply, type ReaderRequest } from './search-readers.js'

const port = parentPort
if (port === null) throw new Error('search-reader must run as a worker thread')

const quotes = new QuoteStore(openReader((workerData as { path: string }).path))

port.on('message', ({ id, page, filter }: ReaderRequest) => {
  let reply: ReaderReply
  try {
    reply = { type: 'done', id, result: quotes.list(page, filter) }
  } catch (err) {
    reply = failedSearch(id, err)
  }
  port.postMessage(reply)
})

port.postMessage({ type: 'ready' } satisfies ReaderReply)
