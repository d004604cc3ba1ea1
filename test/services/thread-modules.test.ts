// The threads that answer requests, store and search load no extraction stage: the extractor's lexicons and name
// lists cost a thread tens of megabytes and most of a second to load, and only the extractor workers (and inline
// extraction, loaded when used) need them. Checked on the static imports of the sources, type-only ones left out.
import { readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import t from 'tap'
import ts from 'typescript'

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../../src')

/** What these threads may take from src/extract: constants and types, nothing that loads a stage. */
const ALLOWED = new Set(['extract/limits.ts', 'extract/version.ts', 'extract/types.ts'])

/** Files reached from `entry` through imports and re-exports that load a module at run time. */
function staticGraph (entry: string): Map<string, string | null> {
  const reached = new Map<string, string | null>([[entry, null]])
  const queue = [entry]
  while (queue.length > 0) {
    const file = queue.shift()!
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest)
    for (const statement of source.statements) {
      let specifier: ts.Expression | undefined
      if (ts.isImportDeclaration(statement) && statement.importClause?.isTypeOnly !== true) specifier = statement.moduleSpecifier
      if (ts.isExportDeclaration(statement) && !statement.isTypeOnly) specifier = statement.moduleSpecifier
      if (specifier === undefined || !ts.isStringLiteral(specifier) || !specifier.text.startsWith('.')) continue
      const target = resolve(dirname(file), specifier.text.replace(/\.js$/, '.ts'))
      if (!reached.has(target)) {
        reached.set(target, file)
        queue.push(target)
      }
    }
  }
  return reached
}

function pathTo (graph: Map<string, string | null>, file: string): string {
  const chain: string[] = []
  for (let at: string | null | undefined = file; at; at = graph.get(at)) chain.unshift(relative(SRC, at))
  return chain.join(' -> ')
}

for (const entry of ['app.ts', 'store/writer-worker.ts', 'services/search-reader.ts']) {
  t.test(`${entry} loads no extraction stage`, async (t) => {
    const graph = staticGraph(join(SRC, entry))
    t.ok(graph.size > 3, `${graph.size} modules reached`)
    const stages = [...graph.keys()].filter((file) => relative(SRC, file).startsWith('extract/') && !ALLOWED.has(relative(SRC, file)))
    t.same(stages.map((file) => pathTo(graph, file)), [])
  })
}

t.test('the extractor worker does load the extractor (the check sees through the pool to it)', async (t) => {
  const graph = staticGraph(join(SRC, 'services/extractor-worker.ts'))
  t.ok(graph.has(join(SRC, 'extract/index.ts')))
  t.ok(graph.has(join(SRC, 'extract/first-names.ts')))
})
