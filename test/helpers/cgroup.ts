// CPU cgroups made for a test (Linux, where this process may make them: root), to run a server alone in one or beside
// another process (src/services/cpu-cgroup.ts).
import { mkdirSync, readFileSync, rmdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/** A fresh CPU cgroup this process can move processes into, or null where it cannot make one. */
export function makeCpuCgroup (name: string): string | null {
  if (process.platform !== 'linux') return null
  const v1 = readFileSync('/proc/self/cgroup', 'utf8').split('\n').some((line) => line.split(':')[1]?.split(',').includes('cpu'))
  for (const root of v1 ? ['/sys/fs/cgroup/cpu'] : ['/sys/fs/cgroup', '/sys/fs/cgroup/unified']) {
    const dir = join(root, `whosaid-test-${name}-${process.pid}`)
    try {
      mkdirSync(dir)
      return dir
    } catch { /* not allowed here */ }
  }
  return null
}

export function moveToCgroup (dir: string, pid: number): void {
  writeFileSync(join(dir, 'cgroup.procs'), String(pid))
}

/** Removes a cgroup once its processes have ended, waiting up to 5 s for them; one still in use is left. */
export async function removeCpuCgroup (dir: string): Promise<void> {
  for (const deadline = Date.now() + 5000; ;) {
    try {
      rmdirSync(dir)
      return
    } catch {
      if (Date.now() > deadline) return
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
  }
}
