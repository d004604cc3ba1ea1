// A thread of SearchReaders: its own read-only connection to the database, answering searches one at a time
// for as long as it lives. The pool terminates it when a search runs past the time limit.
import { setPriority } from 'node:os'
import { parentPort, workerData } from 'node:worker_threads'
import { openReader } from '../store/database.js'
import { QuoteStore } from '../store/quotes.js'
import { SourceStore } from '../store/sources.js'
import { SpeakerStore } from '../store/speakers.js'
import { failedSearch, type ReaderReply, type ReaderRequest, type ReaderResult } from './search-readers.js'

const port = parentPort
if (port === null) throw new Error('search-reader must run as a worker thread')

const { path, nice } = workerData as { path: string, nice?: number }
// On Linux, pid 0 names the calling thread: a costly search yields the core to the thread that answers requests.
if (nice !== undefined && nice > 0) {
  try { setPriority(0, nice) } catch { /* runs unniced */ }
}
const db = openReader(path)
const quotes = new QuoteStore(db)
const sources = new SourceStore(db)
const speakers = new SpeakerStore(db)

function run (request: ReaderRequest): ReaderResult {
  switch (request.kind) {
    case 'quotes': return quotes.listJson(request.page, request.filter)
    case 'sources': return sources.list(request.page, request.filter)
    case 'speakers': return speakers.list(request.page, request.filter)
  }
}

port.on('message', (request: ReaderRequest) => {
  const id = request.id
  let reply: ReaderReply
  try {
    reply = { type: 'done', id, result: run(request) }
  } catch (err) {
    reply = failedSearch(id, err)
  }
  port.postMessage(reply)
})

port.postMessage({ type: 'ready' } satisfies ReaderReply)
