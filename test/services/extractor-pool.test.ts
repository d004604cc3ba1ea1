// The extractor pool: the same results as extract() in the calling thread, each for its own text, bounded, closable.
// Worker threads under the tests' TypeScript loader take a second to start, so one pool of two serves most tests.
import { once } from 'node:events'
import { readdirSync } from 'node:fs'
import { Worker } from 'node:worker_threads'
import t, { type Test } from 'tap'
import { extract } from '../../src/extract/index.js'
import { ArticleError, prepareArticle } from '../../src/services/article.js'
import { isPacked, PACK_FROM_QUOTES, unpackExtraction } from '../../src/store/packed-extraction.js'
import {
  ExtractionAbortedError, ExtractionStarvedError, ExtractionTimeLimitError, ExtractorBusyError, ExtractorClosedError, ExtractorPool,
} from '../../src/services/extractor-pool.js'
import { standInWorker } from '../helpers/stand-in-worker.js'
import { THREAD_EXEC_ARGV, threadNices } from '../helpers/threads.js'

function article (n: number): string {
  return `Council member Dana Reyes${n} said the plan was "ready for a vote number ${n}."\n\n` +
    `"We have waited long enough," Reyes${n} told reporters on Tuesday. ` +
    'The mayor\'s office said in a statement that it would review the proposal.'
}

// A time limit far above anything here: worker threads under the tests' TypeScript loader start slowly on a busy machine.
const pool = new ExtractorPool(2, { maxQueue: 50, timeLimitMs: 120_000, execArgv: THREAD_EXEC_ARGV })
t.teardown(() => pool.close())

t.test('workers give the same extraction as extract(), each result for its own text', async (t) => {
  const texts = Array.from({ length: 12 }, (_, i) => article(i))
  const results = await Promise.all(texts.map((text) => pool.extract(text)))
  t.equal(pool.inline, false, `workers started (${pool.fallbackReason})`)
  results.forEach((result, i) => t.same(result, extract(texts[i]!), `article ${i}`))
  t.ok(results[3]!.quotes.some((q) => q.speaker?.name?.includes('Reyes3')), 'article 3 names its own speaker')
  t.equal(pool.pending, 0)
})

t.test('prepare() checks, converts and extracts on a worker; a bad article comes back as a 400 naming its field', async (t) => {
  const html = `<html><head><title>Plan | Gazette</title></head><body><article><p>${article(1)}</p></article></body></html>`
  const done = await pool.prepare({ json: JSON.stringify({ html, published_at: '2024-05-01' }) })
  const expected = prepareArticle({ html, published_at: '2024-05-01' }).article
  t.same(done.article, expected)
  t.notOk(isPacked(done.extraction), "a short article's extraction crosses as it is")
  t.same(done.extraction, extract(expected.text))
  // Hundreds of quotes: packed on the worker, so that the main thread does not clone them.
  const long = Array.from({ length: PACK_FROM_QUOTES + 10 }, (_, i) => `"Point ${i} stands," said Ana Reyes.`).join(' ')
  const packed = await pool.prepare({ value: { text: long } })
  t.ok(isPacked(packed.extraction), "a long article's extraction comes packed")
  t.same(unpackExtraction(packed.extraction), extract(long))

  const fromValue = await pool.prepare({ value: { text: article(2) } })
  t.equal(fromValue.article.text, article(2))

  const refused = await pool.prepare({ json: '{"text": "a", "url": "mailto:x@example.org"}' }).catch((err: unknown) => err)
  t.ok(refused instanceof ArticleError, 'an ArticleError again on this side')
  t.match(refused, { field: 'url', statusCode: 400, message: /^url must be an absolute http or https URL/ })
  await t.rejects(pool.prepare({ json: 'not json' }), { name: 'ArticleError', message: /^invalid JSON/ })
})

t.test('a full queue refuses with a 503 instead of growing without bound', async (t) => {
  // Two jobs go straight to the two idle workers; fifty wait; the next is refused.
  const accepted = Array.from({ length: 52 }, (_, i) => pool.extract(article(i)))
  const refused = pool.extract(article(99))
  await t.rejects(refused, ExtractorBusyError)
  await t.rejects(refused, { statusCode: 503 })
  t.equal((await Promise.all(accepted)).length, 52)
})

t.test('size 0 extracts inline with the same result', async (t) => {
  const inline = new ExtractorPool(0)
  t.teardown(() => inline.close())
  t.equal(inline.inline, true)
  const text = article(7)
  t.same(await inline.extract(text), extract(text))
  await t.rejects(inline.prepare({ value: { text: ' ' } }), { name: 'ArticleError', field: 'text' })
})

t.test('a worker file that cannot load falls back to inline extraction', async (t) => {
  const broken = new ExtractorPool(1, { workerUrl: new URL('./no-such-worker.js', import.meta.url) })
  t.teardown(() => broken.close())
  const text = article(1)
  t.same(await broken.extract(text), extract(text))
  t.equal(broken.inline, true)
  t.match(broken.fallbackReason, /cannot start/)
})

t.test('a worker sent jobs ahead that dies fails only the job it was on; the others go to its replacement', async (t) => {
  // A stand-in worker: upper-cases each text after a moment's work, one at a time, and dies on "crash".
  const workerUrl = standInWorker(t, 'crashing-worker.mjs', `import { parentPort } from 'node:worker_threads'
    parentPort.on('message', ({ id, job }) => {
      for (const until = Date.now() + 5; Date.now() < until;) ;
      if (job.text === 'crash') throw new Error('out of its depth')
      parentPort.postMessage({ type: 'done', id, result: job.text.toUpperCase() })
    })
    parentPort.postMessage({ type: 'ready' })`)
  const crashing = new ExtractorPool(1, { workerUrl, prefetch: 4, execArgv: THREAD_EXEC_ARGV })
  t.teardown(() => crashing.close())
  const texts = ['a', 'b', 'crash', 'd', 'e', 'f', 'g']
  const outcomes = await Promise.allSettled(texts.map((text) => crashing.extract(text)))
  t.same(outcomes.map((o) => o.status === 'fulfilled' ? o.value : 'failed'), ['A', 'B', 'failed', 'D', 'E', 'F', 'G'])
  t.match(outcomes[2], { reason: { message: /the extractor worker failed on this article: out of its depth/ } })
  t.equal(crashing.inline, false)
  t.equal(crashing.pending, 0)
})

/** A stand-in worker: upper-cases each text, and spins without end on "hang" (as a pathological input would). */
function hangingWorker (t: Test): URL {
  return standInWorker(t, 'hanging-worker.mjs', `import { parentPort } from 'node:worker_threads'
    parentPort.on('message', ({ id, job }) => {
      if (job.text === 'hang') for (;;) ;
      parentPort.postMessage({ type: 'done', id, result: job.text.toUpperCase() })
    })
    parentPort.postMessage({ type: 'ready' })`)
}

t.test('a job past the time limit is given up with a 422 naming the limit; its worker is replaced', async (t) => {
  const timed = new ExtractorPool(1, { workerUrl: hangingWorker(t), prefetch: 4, timeLimitMs: 300, execArgv: THREAD_EXEC_ARGV })
  t.teardown(() => timed.close())
  const texts = ['a', 'hang', 'c', 'd']
  const outcomes = await Promise.allSettled(texts.map((text) => timed.extract(text)))
  t.same(outcomes.map((o) => o.status === 'fulfilled' ? o.value : 'failed'), ['A', 'failed', 'C', 'D'])
  const reason = (outcomes[1] as PromiseRejectedResult).reason as unknown
  t.ok(reason instanceof ExtractionTimeLimitError)
  t.match(reason, { statusCode: 422, timeLimitMs: 300, message: /longer than the limit of 300 ms \(EXTRACT_TIME_LIMIT_MS\)/ })
  t.equal(await timed.extract('after'), 'AFTER', 'the replacement worker serves the next job')
  t.equal(timed.pending, 0)
})

t.test('an aborted job stops its worker at once, whether running, sent ahead or waiting', async (t) => {
  const pool = new ExtractorPool(1, { workerUrl: hangingWorker(t), prefetch: 2, timeLimitMs: 60_000, execArgv: THREAD_EXEC_ARGV })
  t.teardown(() => pool.close())
  t.equal(await pool.extract('warm'), 'WARM')
  const running = new AbortController()
  const ahead = new AbortController()
  const waiting = new AbortController()
  const started = Date.now()
  const hung = pool.extract('hang', running.signal)
  const sentAhead = pool.extract('hang', ahead.signal)
  const kept = pool.extract('kept')
  const third = pool.extract('hang', ahead.signal)
  const queued = pool.extract('x', waiting.signal)
  waiting.abort()
  await t.rejects(queued, ExtractionAbortedError)
  ahead.abort()
  await t.rejects(sentAhead, ExtractionAbortedError)
  await t.rejects(third, ExtractionAbortedError)
  setTimeout(() => running.abort(), 100)
  await t.rejects(hung, ExtractionAbortedError)
  t.equal(await kept, 'KEPT', 'a job sent ahead to the stopped worker goes to its replacement')
  t.ok(Date.now() - started < 30_000, 'nothing waited for the time limit')
  t.equal(pool.pending, 0)
  await t.rejects(pool.extract('y', AbortSignal.abort()), ExtractionAbortedError, 'an aborted signal never starts')
})


t.test('bulk jobs run on at most bulkWorkers workers and start no others; a single job does not wait behind them', async (t) => {
  // A stand-in worker: answers with its thread id and the text; a job that brings a gate waits until the gate opens.
  const workerUrl = standInWorker(t, 'thread-worker.mjs', `import { parentPort, threadId } from 'node:worker_threads'
    parentPort.on('message', ({ id, job }) => {
      const { text, gate } = job.kind === 'prepare' ? job.source.value : { text: job.text }
      if (gate) Atomics.wait(new Int32Array(gate), 0, 0)
      parentPort.postMessage({ type: 'done', id, result: threadId + ':' + text })
    })
    parentPort.postMessage({ type: 'ready' })`)
  const pool = new ExtractorPool(2, { workerUrl, bulkWorkers: 1, timeLimitMs: 30_000, execArgv: THREAD_EXEC_ARGV })
  t.teardown(() => pool.close())
  t.equal(pool.workers, 0, 'no worker before the first job')
  const bulk = (text: string, gate?: SharedArrayBuffer): Promise<string> =>
    pool.prepare({ value: { text, gate } }, undefined, { bulk: true }) as unknown as Promise<string>
  const threadOf = (result: string): string => result.split(':')[0]!
  const first = await Promise.all(Array.from({ length: 12 }, (_, i) => bulk(`b${i}`)))
  t.equal(new Set(first.map(threadOf)).size, 1, `twelve bulk jobs at once ran on one thread: ${first.join(' ')}`)
  t.equal(pool.workers, 1, 'bulk jobs started only the worker they may use')

  // Bulk jobs held at a gate keep their worker busy; a single job sent after them starts the other worker and is
  // answered by it while the gate is still shut.
  const gate = new SharedArrayBuffer(4)
  const held = Array.from({ length: 5 }, (_, i) => bulk(`held${i}`, gate))
  let heldDone = 0
  for (const job of held) void job.then(() => { heldDone++ })
  const single = await pool.extract('single') as unknown as string
  t.equal(pool.workers, 2, 'a single job started the rest')
  t.not(threadOf(single), threadOf(first[0]!), 'the single job ran on the other worker')
  t.equal(heldDone, 0, 'answered while the bulk jobs were still held')
  const array = new Int32Array(gate)
  Atomics.store(array, 0, 1)
  Atomics.notify(array, 0)
  t.same([...new Set((await Promise.all(held)).map(threadOf))], [threadOf(first[0]!)], 'bulk jobs stayed on their worker with the other one free')
  t.equal(pool.pending, 0)
  t.throws(() => new ExtractorPool(2, { bulkWorkers: 0 }), RangeError)
})

t.test('warm() starts the workers a kind of job would use, before the first', async (t) => {
  const warmed = new ExtractorPool(2, { bulkWorkers: 1, timeLimitMs: 120_000, execArgv: THREAD_EXEC_ARGV })
  t.teardown(() => warmed.close())
  warmed.warm({ bulk: true })
  t.equal(warmed.workers, 1, 'a batch would use one')
  warmed.warm()
  t.equal(warmed.workers, 2, 'single requests use them all')
  t.same(await warmed.extract(article(4)), extract(article(4)))
  const inline = new ExtractorPool(0)
  inline.warm()
  t.equal(inline.workers, 0, 'an inline pool starts none')
  await inline.close()
})

t.test('a niced pool lowers its worker threads alone, not the thread that made it',
  { skip: process.platform === 'linux' ? false : 'threads have their own nice value on Linux only' }, async (t) => {
    const before = threadNices()
    const niced = new ExtractorPool(1, { nice: 7, timeLimitMs: 120_000, execArgv: THREAD_EXEC_ARGV })
    t.teardown(() => niced.close())
    t.same(await niced.extract(article(1)), extract(article(1)), 'a niced worker extracts the same')
    const after = threadNices()
    const fresh = [...after].filter(([tid]) => !before.has(tid))
    t.ok(fresh.some(([, nice]) => nice === 7), `a new thread runs at nice 7 (${JSON.stringify(fresh)})`)
    t.equal(after.get(process.pid), before.get(process.pid), 'the main thread keeps its nice value')
    t.throws(() => new ExtractorPool(1, { nice: 20 }), RangeError)
  })

t.test('close() rejects what is still waiting, and everything after', async (t) => {
  const jobs = Array.from({ length: 20 }, (_, i) => pool.extract(article(i).repeat(50)))
  const settled = Promise.allSettled(jobs)
  await pool.close()
  const outcomes = await settled
  t.ok(outcomes.some((o) => o.status === 'rejected' && o.reason instanceof ExtractorClosedError), 'waiting jobs rejected')
  await t.rejects(pool.extract('"Hi," she said.'), ExtractorClosedError)
  await pool.close()
})

t.test('a worker thread\'s time limit counts its CPU time: one that waits is not given up, one starved ten times as long is busy (503)', { skip: process.platform !== 'linux' && 'CPU time is read from /proc' }, async (t) => {
  // A stand-in worker that says its kernel thread id, as the extractor's does, and sleeps on "sleep" without computing.
  const workerUrl = standInWorker(t, 'sleeping-worker.mjs', `import { readlinkSync } from 'node:fs'
    import { parentPort } from 'node:worker_threads'
    parentPort.on('message', ({ id, job }) => {
      if (job.text === 'sleep') Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 900)
      parentPort.postMessage({ type: 'done', id, result: job.text === 'sleep' ? 'SLEPT' : job.text.toUpperCase() })
    })
    parentPort.postMessage({ type: 'ready', tid: Number(readlinkSync('/proc/thread-self').split('/').pop()) })`)
  // 900 ms of waiting against a 300 ms limit: an article whose thread waits for a busy core is not lost.
  const patient = new ExtractorPool(1, { workerUrl, timeLimitMs: 300, execArgv: THREAD_EXEC_ARGV })
  t.teardown(() => patient.close())
  t.equal(await patient.extract('sleep'), 'SLEPT')
  // Against a 50 ms limit: past 500 ms of waiting the machine is taken to be too busy for it.
  const starved = new ExtractorPool(1, { workerUrl, timeLimitMs: 50, execArgv: THREAD_EXEC_ARGV })
  t.teardown(() => starved.close())
  const err = await starved.extract('sleep').catch((error: unknown) => error)
  t.ok(err instanceof ExtractionStarvedError, String(err))
  t.match(err, { statusCode: 503, message: /waited \d+ s for a free core/ })
  t.equal(await starved.extract('after'), 'AFTER', 'its replacement takes the next article')
})

t.test('the extractor\'s own worker thread says its kernel thread id when ready', { skip: process.platform !== 'linux' && 'Linux only' }, async (t) => {
  const worker = new Worker(new URL('../../src/services/extractor-worker.ts', import.meta.url), {
    execArgv: THREAD_EXEC_ARGV,
    workerData: { nice: 0, maxQuotations: 100 },
  })
  t.teardown(() => worker.terminate())
  const [ready] = await once(worker, 'message') as [{ type: string, tid?: number }]
  t.equal(ready.type, 'ready')
  t.ok(readdirSync('/proc/self/task').includes(String(ready.tid)), `thread ${ready.tid} is one of this process's`)
  t.not(ready.tid, process.pid, 'and not the main thread')
})
