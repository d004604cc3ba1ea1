// Whether this process is alone in its CPU cgroup. Linux schedules SCHED_IDLE and nice values against the other tasks
// of the same cgroup: a server alone in one (a container, a systemd service) can give its extraction workers
// SCHED_IDLE and they wait only for its own threads; a server in a shared one (a login session, a CI job) would see
// them wait for every busy process there — two busy loops kept a seed article from being extracted for 35 s.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parentPid } from './proc-stat.js'

/**
 * The directory of this process's CPU cgroup: the v1 hierarchy that has the cpu controller, else the v2 one. A
 * container that shares the host's cgroup namespace sees its own cgroup mounted at the root of the hierarchy, under
 * a path (/docker/…) that does not exist there: then the root is its cgroup. On a host the root is everyone's, and
 * the answer is "shared" as it should be.
 */
export function cpuCgroupDir (cgroupFile = '/proc/self/cgroup', sysRoot = '/sys/fs/cgroup'): string {
  const lines = readFileSync(cgroupFile, 'utf8').split('\n').filter((line) => line !== '')
  let root: string
  let path: string
  const v1 = lines.find((line) => line.split(':')[1]?.split(',').includes('cpu'))
  if (v1 !== undefined) {
    root = join(sysRoot, 'cpu')
    path = v1.slice(v1.indexOf(':', v1.indexOf(':') + 1) + 1)
  } else {
    const unified = lines.find((line) => line.startsWith('0::'))
    if (unified === undefined) throw new Error('/proc/self/cgroup names no CPU cgroup')
    root = existsSync(join(sysRoot, 'cgroup.controllers')) ? sysRoot : join(sysRoot, 'unified')
    path = unified.slice(3)
  }
  const dir = join(root, path)
  return existsSync(join(dir, 'cgroup.procs')) ? dir : root
}

/** This process and the ones that started it (npm, a shell, an init): they wait for it and take no CPU. */
function selfAndAncestors (): Set<number> {
  const pids = new Set<number>()
  for (let pid = process.pid; pid > 1 && !pids.has(pid);) {
    pids.add(pid)
    pid = parentPid(pid)
  }
  pids.add(1)
  return pids
}

/**
 * Null when no process but this one, its ancestors and its children shares its CPU cgroup; else why not. On cgroup v2
 * a cgroup is scheduled as a group only when its parent enables the cpu controller for it (Docker does; systemd
 * does for a service only when asked, e.g. CPUWeight=): without it the server is scheduled with its parent's tasks.
 */
export function cpuCgroupShared (cgroupFile = '/proc/self/cgroup', sysRoot = '/sys/fs/cgroup'): string | null {
  if (process.platform !== 'linux') return `CPU cgroups are Linux's, and this is ${process.platform}`
  try {
    const dir = cpuCgroupDir(cgroupFile, sysRoot)
    const controllers = join(dir, 'cgroup.controllers')
    if (existsSync(controllers) && !readFileSync(controllers, 'utf8').trim().split(/\s+/).includes('cpu')) {
      return `its cgroup (${dir}) has no cpu controller of its own: it is scheduled with its parent's processes`
    }
    const ours = selfAndAncestors()
    const others = readFileSync(join(dir, 'cgroup.procs'), 'utf8').split('\n').filter((line) => line !== '').map(Number).filter((pid) => {
      if (ours.has(pid)) return false
      try {
        return parentPid(pid) !== process.pid
      } catch { return false } // ended meanwhile
    })
    return others.length === 0 ? null : `the server shares its CPU cgroup (${dir}) with ${others.length} other process${others.length === 1 ? '' : 'es'}`
  } catch (err) {
    return `its CPU cgroup cannot be read (${err instanceof Error ? err.message : String(err)})`
  }
}
