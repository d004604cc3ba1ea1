// Module hooks that let Node run the TypeScript sources as the tests import them: a relative `./x.js` that does not
// exist is `./x.ts` (the sources import what the build will emit), and a `.ts` file is stripped of its types by swc,
// with an inline source map so that stack traces point into the sources. No type checking (tsc does that in the
// build).
// In place of tap's TypeScript plugin, which loads ts-node and with it the TypeScript compiler in every test process
// and every worker thread: about 0.7 s of CPU each, which over a hundred processes and fifty threads a CI run was a
// tenth of its time.
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'

const swc = createRequire(import.meta.url)('@swc/core')

/** As tsconfig.json's compilerOptions: ES2022 modules, ES2022 output. */
const SWC_OPTIONS = {
  sourceMaps: 'inline',
  module: { type: 'es6' },
  jsc: { target: 'es2022', parser: { syntax: 'typescript' } },
}

export async function resolve (specifier, context, nextResolve) {
  try {
    return await nextResolve(specifier, context)
  } catch (err) {
    if (err?.code === 'ERR_MODULE_NOT_FOUND' && /^\.{1,2}\//.test(specifier) && specifier.endsWith('.js')) {
      return await nextResolve(`${specifier.slice(0, -'.js'.length)}.ts`, context)
    }
    throw err
  }
}

export async function load (url, context, nextLoad) {
  if (!url.startsWith('file:') || !url.endsWith('.ts')) return await nextLoad(url, context)
  const filename = fileURLToPath(url)
  const { code } = await swc.transform(await readFile(filename, 'utf8'), { ...SWC_OPTIONS, filename })
  return { format: 'module', source: code, shortCircuit: true }
}
