// The writer thread of ThreadedStore (writer-thread.ts): its own connection to the database file, carrying out the
// writes it is sent one at a time, in order, each in its transaction as the Store makes it.
import { parentPort, workerData } from 'node:worker_threads'
import { Store } from './index.js'
import { attemptsForTransfer, errorShape, type WriteCalls, type WriteName, type WriteRequest, type WriterData, type WriterReply } from './writer-thread.js'

const port = parentPort
if (port === null) throw new Error('writer-worker must run as a worker thread')
const { path, migrationsDir } = workerData as WriterData

let store: Store
try {
  // The main thread has migrated the file: this finds every migration applied and changes nothing.
  store = Store.open({ path, migrationsDir })
} catch (err) {
  port.postMessage({ type: 'opened', error: errorShape(err) } satisfies WriterReply)
  process.exit(1)
}

const writes: { [N in WriteName]: (...args: WriteCalls[N][0]) => WriteCalls[N][1] } = {
  ingest: (article, extraction) => store.ingest(article, extraction),
  ingestDetailed: (article, extraction) => store.ingestDetailed(article, extraction),
  ingestMany: (items) => attemptsForTransfer(store.ingestMany(items)),
  reextract: (sourceId, extraction) => store.articles.reextract(sourceId, extraction),
  delete: (sourceId) => store.articles.delete(sourceId),
  merge: (id, into) => store.corrections.merge(id, into),
  split: (id, alias) => store.corrections.split(id, alias),
  correctQuote: (quoteId, speakerId) => store.corrections.correctQuote(quoteId, speakerId),
}

port.on('message', (message: WriteRequest | 'close') => {
  if (message === 'close') {
    store.close()
    port.close()
    return
  }
  let reply: WriterReply
  try {
    const write = writes[message.name] as (...args: unknown[]) => unknown
    reply = { type: 'done', id: message.id, result: write(...message.args) }
  } catch (err) {
    reply = { type: 'failed', id: message.id, error: errorShape(err) }
  }
  port.postMessage(reply)
})

port.postMessage({ type: 'ready' } satisfies WriterReply)
