// /proc/<pid>/stat (or <pid>/task/<tid>/stat) as fields, read past the command name, which is in parentheses and may
// hold spaces: [0] is field 3 of proc(5) (the state), [1] the parent's pid, [11] and [12] user and system CPU ticks,
// [16] the nice value, [38] the scheduling policy. Throws where /proc has no such entry.
import { readFileSync, readlinkSync } from 'node:fs'

export function procStatFields (path: number | string): string[] {
  const stat = readFileSync(`/proc/${path}/stat`, 'latin1')
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')
}

export function parentPid (pid: number | string): number {
  return Number(procStatFields(pid)[1])
}

/** The calling thread's id in the kernel (/proc/thread-self links to <pid>/task/<tid>), or undefined without /proc. */
export function kernelThreadId (): number | undefined {
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop())
    return Number.isInteger(tid) && tid > 0 ? tid : undefined
  } catch {
    return undefined
  }
}
