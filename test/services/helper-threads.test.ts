// lowerHelperThreads (src/services/helper-threads.ts): every thread of the process but the caller goes to the given
// nice value. It changes the priorities of the process it runs in, so it runs in a process of its own here.
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import t from 'tap'
import { PROJECT_ROOT } from '../../src/paths.js'

const LINUX_ONLY = process.platform === 'linux' ? false : 'threads have their own nice value on Linux only'
const MODULE = pathToFileURL(join(PROJECT_ROOT, 'dist', 'services', 'helper-threads.js')).href

/** Runs lowerHelperThreads(nice) in a new Node process; its return value and every thread's nice value after it. */
function lowerInChild (nice: number): { lowered: number, main: number, others: number[] } {
  const script = `
    import { readdirSync, readFileSync } from 'node:fs'
    const { lowerHelperThreads } = await import(${JSON.stringify(MODULE)})
    const lowered = lowerHelperThreads(${nice})
    const nices = new Map(readdirSync('/proc/self/task').map((tid) => {
      const stat = readFileSync('/proc/self/task/' + tid + '/stat', 'utf8')
      return [Number(tid), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16])]
    }))
    const main = nices.get(process.pid)
    nices.delete(process.pid)
    console.log(JSON.stringify({ lowered, main, others: [...nices.values()] }))`
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' })
  if (child.status !== 0) throw new Error(child.stderr)
  return JSON.parse(child.stdout)
}

t.test('every thread but the caller goes to the nice value; the caller keeps its own', { skip: LINUX_ONLY }, async (t) => {
  const { lowered, main, others } = lowerInChild(7)
  t.equal(main, 0, 'the main thread, which answers requests, is not lowered')
  t.ok(others.length >= 4, `V8's platform threads and Node's own are there to lower (${others.length})`)
  t.equal(lowered, others.length, 'it reports each thread it lowered')
  t.same(others.filter((nice) => nice !== 7), [], 'each of them is at nice 7')
})

t.test('a nice value of 0 leaves every thread as it was', { skip: LINUX_ONLY }, async (t) => {
  const { lowered, main, others } = lowerInChild(0)
  t.equal(lowered, 0)
  t.same([main, ...others].filter((nice) => nice !== 0), [])
})
