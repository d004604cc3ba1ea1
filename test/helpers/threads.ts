// Threads in tests. THREAD_EXEC_ARGV: the Node options a test's worker threads start with. A thread inherits its
// process's, and under tap those preload tap's mocks and process tracking as well as the TypeScript loader
// (test/loader): with ts-node as the loader, 1.6 s of CPU a thread against 0.8 s without tap's two, over some fifty
// threads a run. Threads load the sources through the loader and never use the mocks, which serve the test's own
// thread.
// threadNices: the nice value of each thread of a process, this one by default (Linux): field 19 of
// /proc/<pid>/task/<tid>/stat, after the command name in parentheses. Tests of threads that lower their priority read it.
// childPids and schedulingPolicy: the same for process workers.
import { readdirSync } from 'node:fs'
import { procStatFields } from '../../src/services/proc-stat.js'

const TAP_BOOKKEEPING = ['@tapjs/mock', '@tapjs/processinfo']

export const THREAD_EXEC_ARGV: string[] = process.execArgv.filter((arg) => !TAP_BOOKKEEPING.some((name) => arg.includes(name)))

export function threadNices (pid: number | 'self' = 'self'): Map<number, number> {
  const nices = new Map<number, number>()
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    let fields: string[]
    try {
      fields = procStatFields(`${pid}/task/${tid}`)
    } catch {
      continue // the thread ended after the listing
    }
    nices.set(Number(tid), Number(fields[16]))
  }
  return nices
}

/** Fields of /proc/<path>/stat after the command name (which is in parentheses and may hold spaces): 3 is index 0. */

/** The processes whose parent is `pid` (Linux). */
export function childPids (pid: number): number[] {
  const children: number[] = []
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      if (Number(procStatFields(entry)[1]) === pid) children.push(Number(entry))
    } catch { /* ended after the listing */ }
  }
  return children
}

/** A process's scheduling policy (Linux: field 41; 0 normal, 5 SCHED_IDLE). */
export function schedulingPolicy (pid: number): number {
  return Number(procStatFields(String(pid))[38])
}
