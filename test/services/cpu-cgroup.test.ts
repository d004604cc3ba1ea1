// cpuCgroupShared: whether a server shares its CPU cgroup, which decides whether EXTRACT_ISOLATION=auto may put its
// extraction under SCHED_IDLE. Run in a cgroup made for the test where this process may make one (root, cgroup v1's
// cpu hierarchy or v2): alone there, then with one more process beside it.
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { join } from 'node:path'
import t from 'tap'
import { cpuCgroupShared } from '../../src/services/cpu-cgroup.js'
import { makeCpuCgroup, moveToCgroup, removeCpuCgroup } from '../helpers/cgroup.js'
import { THREAD_EXEC_ARGV } from '../helpers/threads.js'

const MODULE = new URL('../../src/services/cpu-cgroup.ts', import.meta.url).href

/** Runs cpuCgroupShared() in a child process that first moves itself into `dir`. */
async function askFrom (dir: string): Promise<string | null> {
  const script = `import { writeFileSync } from 'node:fs'
writeFileSync(${JSON.stringify(join(dir, 'cgroup.procs'))}, String(process.pid))
const { cpuCgroupShared } = await import(${JSON.stringify(MODULE)})
process.stdout.write(JSON.stringify(cpuCgroupShared()))`
  const child = spawn(process.execPath, [...THREAD_EXEC_ARGV, '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] })
  let out = ''
  child.stdout.on('data', (chunk) => { out += chunk })
  await once(child, 'exit')
  return JSON.parse(out) as string | null
}

t.test('answers with a reason or null, never throws', async (t) => {
  const answer = cpuCgroupShared()
  t.ok(answer === null || /CPU cgroup/.test(answer), String(answer))
})

const dir = makeCpuCgroup('probe')
t.test('alone in a cgroup of its own; shared once another process joins it', { skip: dir === null && 'cannot make a cgroup here (needs root)' }, async (t) => {
  t.teardown(() => removeCpuCgroup(dir!))
  t.equal(await askFrom(dir!), null, 'nothing but the process and its ancestors')
  const other = spawn('sleep', ['30'], { stdio: 'ignore' })
  t.teardown(() => { other.kill('SIGKILL') })
  moveToCgroup(dir!, other.pid!)
  t.match(await askFrom(dir!), /^the server shares its CPU cgroup \(.*whosaid-test-probe-\d+\) with 1 other process$/, 'a busy neighbour would starve SCHED_IDLE')
  other.kill('SIGKILL')
  await once(other, 'exit')
})
