// Process workers (ExtractorPool isolation 'process'): the same results as in the calling thread, the time limit in
// CPU time, a crash costing only its job, and the priority given to every thread of the process (Linux).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import t, { type Test } from 'tap'
import { extract } from '../../src/extract/index.js'
import { ExtractionStarvedError, ExtractionTimeLimitError, ExtractorPool } from '../../src/services/extractor-pool.js'
import { findCommand, idleScheduling, processCpuMs } from '../../src/services/extractor-process.js'
import { standInWorker } from '../helpers/stand-in-worker.js'
import { childPids, THREAD_EXEC_ARGV, threadNices } from '../helpers/threads.js'

const linux = process.platform === 'linux'

const text = 'Council member Dana Reyes said the plan was "ready for a vote."\n\n' +
  '"We have waited long enough," Reyes told reporters on Tuesday.'

/**
 * A stand-in process worker: answers each job after a moment, with the text upper-cased; on "spin" it computes
 * without end, on "sleep" it waits 900 ms using no CPU, on "crash" it exits, on "policy" it answers with its
 * scheduling policy (field 41 of /proc/self/stat; 5 is SCHED_IDLE).
 */
function standIn (t: Test): URL {
  return standInWorker(t, 'stand-in-worker.mjs', `import { readFileSync } from 'node:fs'
    process.on('message', ({ id, job }) => {
      const done = (result) => process.send({ type: 'done', id, result })
      if (job.text === 'spin') for (;;) ;
      if (job.text === 'crash') process.exit(3)
      if (job.text === 'sleep') return setTimeout(() => done('SLEPT'), 900)
      if (job.text === 'policy') {
        const stat = readFileSync('/proc/self/stat', 'utf8')
        return done(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[38])
      }
      done(job.text.toUpperCase())
    })
    process.send({ type: 'ready' })`)
}

t.test('the real worker module as a process gives what extract() gives here, and lowers every thread it has', async (t) => {
  const pool = new ExtractorPool(1, { isolation: 'process', nice: 7, timeLimitMs: 120_000, execArgv: THREAD_EXEC_ARGV })
  t.teardown(() => pool.close())
  t.equal(pool.isolation, 'process')
  t.same(await pool.extract(text), extract(text))
  const prepared = await pool.prepare({ value: { text, title: 'T' } })
  t.same(prepared.extraction, extract(text), 'an article prepared in the process carries the same extraction')
  await t.rejects(pool.prepare({ value: { text: ' ' } }), { name: 'ArticleError', field: 'text' }, 'a bad article keeps its field across the channel')
  if (!linux) return
  const [pid] = childPids(process.pid)
  t.ok(pid, 'the worker is a child process of this one')
  const nices = [...threadNices(pid!).values()]
  t.ok(nices.length > 1, `the process has ${nices.length} threads`)
  t.same([...new Set(nices)], [7], "every thread of the process, V8's helpers among them, at the pool's nice value")
})

t.test('a process past the time limit in CPU time is given up with a 422 and replaced', async (t) => {
  const pool = new ExtractorPool(1, { isolation: 'process', workerUrl: standIn(t), prefetch: 4, timeLimitMs: 300 })
  t.teardown(() => pool.close())
  const outcomes = await Promise.allSettled(['a', 'spin', 'c'].map((s) => pool.extract(s)))
  t.same(outcomes.map((o) => o.status === 'fulfilled' ? o.value : 'failed'), ['A', 'failed', 'C'])
  t.ok((outcomes[1] as PromiseRejectedResult).reason instanceof ExtractionTimeLimitError)
  t.equal(await pool.extract('after'), 'AFTER', 'the replacement serves the next job')
})

t.test('a process that waits without computing is not given up at the time limit', { skip: !linux && 'CPU time is read from /proc' }, async (t) => {
  // 900 ms of waiting against a 300 ms limit: what counts is CPU, so an article that waits for a busy core is not lost.
  const pool = new ExtractorPool(1, { isolation: 'process', workerUrl: standIn(t), timeLimitMs: 300 })
  t.teardown(() => pool.close())
  t.equal(await pool.extract('sleep'), 'SLEPT')
})

t.test('a process that waits ten times its limit without the CPU to use it is given up as busy (503), not as the article\'s fault', { skip: !linux && 'CPU time is read from /proc' }, async (t) => {
  // 900 ms of waiting against a 50 ms limit: past 500 ms the machine is taken to be too busy for it.
  const pool = new ExtractorPool(1, { isolation: 'process', workerUrl: standIn(t), timeLimitMs: 50 })
  t.teardown(() => pool.close())
  const err = await pool.extract('sleep').catch((error: unknown) => error)
  t.ok(err instanceof ExtractionStarvedError, String(err))
  t.match(err, { statusCode: 503, expose: true, message: /^extracting this article waited \d+ s for a free core and had \d+ ms of CPU: the server is too busy to extract it now; try again later$/ })
  t.equal(await pool.extract('after'), 'AFTER', 'its replacement takes the next article')
})

t.test('a process that dies fails only the job it was on', async (t) => {
  const pool = new ExtractorPool(1, { isolation: 'process', workerUrl: standIn(t), prefetch: 4, timeLimitMs: 60_000 })
  t.teardown(() => pool.close())
  const outcomes = await Promise.allSettled(['a', 'crash', 'c', 'd'].map((s) => pool.extract(s)))
  t.same(outcomes.map((o) => o.status === 'fulfilled' ? o.value : 'failed'), ['A', 'failed', 'C', 'D'])
  t.match(outcomes[1], { reason: { message: /the extractor worker failed on this article: extractor worker exited with code 3/ } })
  t.equal(pool.inline, false)
})

t.test("nice 'idle' starts each process under SCHED_IDLE", { skip: (!linux || findCommand('chrt') === null) && 'needs Linux and chrt' }, async (t) => {
  const pool = new ExtractorPool(1, { isolation: 'process', nice: 'idle', workerUrl: standIn(t), timeLimitMs: 60_000 })
  t.teardown(() => pool.close())
  t.equal(await pool.extract('policy'), '5', 'policy 5: SCHED_IDLE')
})

t.test("nice 'idle' needs process workers; isolation takes two values", async (t) => {
  t.throws(() => new ExtractorPool(1, { nice: 'idle' }), { name: 'RangeError', message: /needs process workers/ })
  t.throws(() => new ExtractorPool(1, { isolation: 'fork' as never }), { name: 'RangeError', message: /isolation must be 'thread' or 'process'/ })
  t.throws(() => new ExtractorPool(1, { isolation: 'process', nice: 20 }), { name: 'RangeError', message: /0 to 19 or 'idle'/ })
})

t.test('idleScheduling: chrt where it can start a process under SCHED_IDLE, and why not elsewhere', async (t) => {
  const path = process.env['PATH']
  t.teardown(() => { process.env['PATH'] = path })
  if (linux && findCommand('chrt') !== null) t.match(idleScheduling(), { command: [/\/chrt$/, '--idle', '0'] })
  if (!linux) t.match(idleScheduling(), { reason: /Linux's/ })

  const empty = mkdtempSync(join(tmpdir(), 'whosaid-path-'))
  t.teardown(() => rmSync(empty, { recursive: true, force: true }))
  process.env['PATH'] = empty
  if (linux) t.same(idleScheduling(), { reason: 'the chrt command (util-linux) is not on PATH' })
  t.throws(() => new ExtractorPool(1, { isolation: 'process', nice: 'idle' }), { name: 'RangeError', message: /nice 'idle' needs Linux's SCHED_IDLE: / })

  // A chrt that fails, as one does where a seccomp profile forbids sched_setscheduler.
  writeFileSync(join(empty, 'chrt'), '#!/bin/sh\necho "chrt: failed to set pid 0\'s policy: Operation not permitted" >&2\nexit 1\n', { mode: 0o755 })
  if (linux) t.same(idleScheduling(), { reason: 'chrt could not start a process under SCHED_IDLE (exit status 1)' })
})

t.test('processCpuMs reads a process CPU time, and null for one that does not exist', { skip: !linux && 'reads /proc' }, async (t) => {
  const before = processCpuMs(process.pid)!
  // Computing until Node's own count says 150 ms more, however long a busy machine makes that take.
  const start = process.cpuUsage()
  for (let used = 0; used < 150_000; used = process.cpuUsage(start).user + process.cpuUsage(start).system) ;
  t.ok(processCpuMs(process.pid)! - before >= 100, 'the CPU time computed counts (ticks of 10 ms)')
  t.equal(processCpuMs(2 ** 22 + 1), null)
})
