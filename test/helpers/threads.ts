// The nice value of each thread of this process (Linux): field 19 of /proc/self/task/<tid>/stat, after the command
// name in parentheses. Tests of thread pools that lower their own priority read it.
import { readdirSync, readFileSync } from 'node:fs'

export function threadNices (): Map<number, number> {
  const nices = new Map<number, number>()
  for (const tid of readdirSync('/proc/self/task')) {
    const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8')
    nices.set(Number(tid), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]))
  }
  return nices
}
