// The tests' TypeScript loader (package.json's tap.node-arg): every test process, and every worker thread it starts,
// registers the hooks in typescript-hooks.mjs before loading anything else.
import { createRequire, register } from 'node:module'

register('./typescript-hooks.mjs', import.meta.url)

// tap's @tapjs/processinfo adds itself to NODE_OPTIONS in every process a test starts (the server, the CLI, the
// attackers): module hooks that record each file loaded, for coverage. With coverage off they record for nobody, and
// they doubled the start of a seeded server (1.6 s to 3.3 s). process-on-spawn runs its listeners in order, so this
// one, added after processinfo's, takes the hooks back out of a child's NODE_OPTIONS.
if (process.env.TAP_DISABLE_COVERAGE === '1') {
  const processinfo = createRequire(import.meta.url).resolve('@tapjs/processinfo')
  createRequire(processinfo)('process-on-spawn').addListener((spawned) => {
    const options = spawned.env?.NODE_OPTIONS
    if (options === undefined) return
    const kept = options.replace(/"?--(?:import|loader)=[^"\s]*@tapjs[/\\]processinfo[^"\s]*"?/g, '').trim()
    if (kept === '') delete spawned.env.NODE_OPTIONS
    else spawned.env.NODE_OPTIONS = kept
  })
}
