// cpuCgroupShared: whether a server shares its CPU cgroup, which decides whether EXTRACT_ISOLATION=auto may put its
// extraction under SCHED_IDLE. Run in a cgroup made for the test where this process may make one (root, cgroup v1's
// cpu hierarchy or v2): alone there, then with one more process beside it.
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import t from 'tap'
import { cpuCgroupDir, cpuCgroupShared } from '../../src/services/cpu-cgroup.js'
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
  t.teardown(async () => await removeCpuCgroup(dir!))
  t.equal(await askFrom(dir!), null, 'nothing but the process and its ancestors')
  const other = spawn('sleep', ['30'], { stdio: 'ignore' })
  t.teardown(() => { other.kill('SIGKILL') })
  moveToCgroup(dir!, other.pid!)
  t.match(await askFrom(dir!), /^the server shares its CPU cgroup \(.*whosaid-test-probe-\d+\) with 1 other process$/, 'a busy neighbour would starve SCHED_IDLE')
  other.kill('SIGKILL')
  await once(other, 'exit')
})

t.test('cpuCgroupDir: v1 and v2 hierarchies, and a container that sees its own cgroup at the root', async (t) => {
  const fake = (cgroup: string, dirs: string[]): [string, string] => {
    const root = mkdtempSync(join(tmpdir(), 'whosaid-cgroup-'))
    t.teardown(() => rmSync(root, { recursive: true, force: true }))
    writeFileSync(join(root, 'cgroup'), cgroup)
    for (const dir of dirs) {
      mkdirSync(join(root, 'sys', dir), { recursive: true })
      writeFileSync(join(root, 'sys', dir, dir.endsWith('unified') || dir === '' ? 'cgroup.controllers' : 'cgroup.procs'), '')
      writeFileSync(join(root, 'sys', dir, 'cgroup.procs'), '')
    }
    return [join(root, 'cgroup'), join(root, 'sys')]
  }
  const v1 = fake('12:memory:/x\n3:cpu,cpuacct:/system.slice/whosaid.service\n0::/\n', ['cpu', 'cpu/system.slice/whosaid.service'])
  t.equal(cpuCgroupDir(...v1), join(v1[1], 'cpu/system.slice/whosaid.service'), 'v1: the hierarchy with the cpu controller')
  const v2 = fake('0::/system.slice/whosaid.service\n', ['', 'system.slice/whosaid.service'])
  t.equal(cpuCgroupDir(...v2), join(v2[1], 'system.slice/whosaid.service'), 'v2 alone')
  const hybrid = fake('1:name=systemd:/\n0::/user.slice\n', ['unified', 'unified/user.slice'])
  t.equal(cpuCgroupDir(...hybrid), join(hybrid[1], 'unified/user.slice'), 'hybrid without a v1 cpu controller: the unified hierarchy')
  const container = fake('3:cpu,cpuacct:/docker/0123abcd\n', ['cpu'])
  t.equal(cpuCgroupDir(...container), join(container[1], 'cpu'), 'a container sharing the host\'s namespace: its cgroup is the mount\'s root')
})

t.test('on cgroup v2, a cgroup without the cpu controller is scheduled with its parent\'s: shared', { skip: process.platform !== 'linux' && 'reads /proc' }, async (t) => {
  const root = mkdtempSync(join(tmpdir(), 'whosaid-cgroup-'))
  t.teardown(() => rmSync(root, { recursive: true, force: true }))
  const service = join(root, 'sys', 'system.slice', 'whosaid.service')
  mkdirSync(service, { recursive: true })
  writeFileSync(join(root, 'sys', 'cgroup.controllers'), 'cpuset cpu io memory pids\n')
  writeFileSync(join(root, 'cgroup'), '0::/system.slice/whosaid.service\n')
  writeFileSync(join(service, 'cgroup.procs'), `${process.pid}\n`)
  writeFileSync(join(service, 'cgroup.controllers'), 'memory pids\n')
  t.equal(cpuCgroupShared(join(root, 'cgroup'), join(root, 'sys')),
    `its cgroup (${service}) has no cpu controller of its own: it is scheduled with its parent's processes`, 'systemd without CPUWeight=')
  writeFileSync(join(service, 'cgroup.controllers'), 'cpu memory pids\n')
  t.equal(cpuCgroupShared(join(root, 'cgroup'), join(root, 'sys')), null, 'with the cpu controller, and nothing but this process in it')
})
