// The tests' TypeScript loader (package.json's tap.node-arg): every test process, and every worker thread it starts,
// registers the hooks in typescript-hooks.mjs before loading anything else.
import { register } from 'node:module'

register('./typescript-hooks.mjs', import.meta.url)
