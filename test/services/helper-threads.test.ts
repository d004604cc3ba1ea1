// lowerHelperThreads (src/services/helper-threads.ts): every thread of the process but the caller goes to the given
// nice value. It changes the priorities of the process it runs in, so it runs in a process of its own here, which
// waits while this test reads its threads.
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import t from 'tap'
import { PROJECT_ROOT } from '../../src/paths.js'
import { threadNices } from '../helpers/threads.js'

const LINUX_ONLY = process.platform === 'linux' ? false : 'threads have their own nice value on Linux only'
const MODULE = pathToFileURL(join(PROJECT_ROOT, 'dist', 'services', 'helper-threads.js')).href

/** Runs lowerHelperThreads(nice) in a new Node process; its return value and every thread's nice value after it. */
async function lowerInChild (nice: number): Promise<{ lowered: number, main: number, others: number[] }> {
  const script = `const { lowerHelperThreads } = await import(${JSON.stringify(MODULE)})
    console.log(lowerHelperThreads(${nice}))
    process.stdin.resume()`
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['pipe', 'pipe', 'inherit'] })
  try {
    const [line] = await once(child.stdout!, 'data') as [Buffer]
    const nices = threadNices(child.pid!)
    const main = nices.get(child.pid!)!
    nices.delete(child.pid!)
    return { lowered: Number(line.toString()), main, others: [...nices.values()] }
  } finally {
    child.stdin!.end()
    if (child.exitCode === null) await once(child, 'exit')
  }
}

t.test('every thread but the caller goes to the nice value; the caller keeps its own', { skip: LINUX_ONLY }, async (t) => {
  const { lowered, main, others } = await lowerInChild(7)
  t.equal(main, 0, 'the main thread, which answers requests, is not lowered')
  t.ok(others.length >= 4, `V8's platform threads and Node's own are there to lower (${others.length})`)
  t.equal(lowered, others.length, 'it reports each thread it lowered')
  t.same(others.filter((nice) => nice !== 7), [], 'each of them is at nice 7')
})

t.test('a nice value of 0 leaves every thread as it was', { skip: LINUX_ONLY }, async (t) => {
  const { lowered, main, others } = await lowerInChild(0)
  t.equal(lowered, 0)
  t.same([main, ...others].filter((nice) => nice !== 0), [])
})
