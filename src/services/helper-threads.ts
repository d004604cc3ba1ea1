// The process's helper threads below the thread that answers requests. The extraction workers and search readers
// lower their own priority (EXTRACT_WORKER_NICE, SEARCH_READER_NICE), but part of their work is done elsewhere: V8
// collects every thread's garbage on a pool of platform threads that all isolates share, and those ran at the
// process's priority. Under a loop of hostile 100 KB articles they used 5.3 s of CPU in 8 s, more than the main thread
// (4.7 s), and a reader's p99 went from 1 ms to 3-4 ms; with them lowered, 2 ms.
import { readdirSync } from 'node:fs'
import { setPriority } from 'node:os'
import { isMainThread } from 'node:worker_threads'

/**
 * Gives every thread of the process but the calling one the nice value `nice` (Linux: each thread has its own; pid
 * 0 would name the caller). Called from the main thread at start-up, before any worker exists, it reaches V8's
 * platform threads, Node's signal thread and libuv's thread pool (file and DNS work, which the server does little
 * of). Returns how many threads it lowered: 0 where threads cannot be listed or lowered, which leaves them as they were.
 */
export function lowerHelperThreads (nice: number): number {
  if (!isMainThread || nice <= 0) return 0
  let tids: string[]
  try {
    tids = readdirSync('/proc/self/task')
  } catch {
    return 0
  }
  let lowered = 0
  for (const tid of tids) {
    if (Number(tid) === process.pid) continue
    try {
      setPriority(Number(tid), nice)
      lowered++
    } catch { /* a thread that has ended, or a sandbox that refuses: left as it was */ }
  }
  return lowered
}
