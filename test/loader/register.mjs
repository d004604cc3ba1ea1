// The tests' TypeScript loader (package.json's tap.node-arg): every test process, and every worker thread it starts,
// registers the hooks in typescript-hooks.mjs before loading anything else.
import { createRequire, register } from 'node:module'

register('./typescript-hooks.mjs', import.meta.url)

// tap puts @tapjs/processinfo in NODE_OPTIONS: module hooks that record each file loaded, for coverage. A worker thread
// started with its own execArgv takes its preloads from NODE_OPTIONS, and process-on-spawn puts them back in the
// environment of every process a test starts (the server, the CLI, the attackers). With coverage off they record for
// nobody, and they more than doubled the start of a thread (0.4 to 0.9-1.2 s) and of a seeded server (1.6 to 3.3 s).
// So this process's NODE_OPTIONS goes without them, and a process-on-spawn listener, added after processinfo's (they
// run in order), takes them back out of a child's.
/** Takes processinfo's hooks out of `env`'s NODE_OPTIONS, and NODE_OPTIONS itself when nothing else is left. */
function dropProcessinfo (env) {
  if (env?.NODE_OPTIONS === undefined) return
  const kept = env.NODE_OPTIONS.replace(/"?--(?:import|loader)=[^"\s]*@tapjs[/\\]processinfo[^"\s]*"?/g, '').trim()
  if (kept === '') delete env.NODE_OPTIONS
  else env.NODE_OPTIONS = kept
}

if (process.env.TAP_DISABLE_COVERAGE === '1') {
  dropProcessinfo(process.env)
  const processinfo = createRequire(import.meta.url).resolve('@tapjs/processinfo')
  createRequire(processinfo)('process-on-spawn').addListener((spawned) => { dropProcessinfo(spawned.env) })
}
