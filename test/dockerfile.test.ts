// No Docker engine runs here, so the Dockerfile is linted and its promises checked as text.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import t from 'tap'
import { validate } from 'dockerfile-utils'
import { PROJECT_ROOT } from '../src/paths.js'

const dockerfile = readFileSync(join(PROJECT_ROOT, 'Dockerfile'), 'utf8')
const stages = dockerfile.split(/^FROM /m).slice(1)

t.test('dockerfile-utils finds no problem, not even a warning', async (t) => {
  const problems = validate(dockerfile).map((d) => `line ${d.range.start.line + 1}: ${d.message}`)
  t.same(problems, [])
})

t.test('the linter would catch a broken Dockerfile', async (t) => {
  t.ok(validate('FROM node:22-slim\nexpose abc\n').length > 0)
})

t.test('two stages on the same Node 22 slim base', async (t) => {
  t.equal(stages.length, 2)
  for (const stage of stages) t.match(stage, /^node:22-slim\b/)
})

t.test('the builder compiles and prunes; the runtime only copies', async (t) => {
  const [builder, runtime] = stages as [string, string]
  t.match(builder, /apt-get install[^\n]*python3 make g\+\+/)
  t.match(builder, /RUN npm ci/)
  t.match(builder, /npm run build && npm prune --omit=dev/)
  for (const path of ['node_modules', 'dist']) t.match(runtime, new RegExp(`COPY --from=builder /app/${path} `))
  for (const path of ['migrations', 'seeds']) t.match(runtime, new RegExp(`COPY ${path} `))
  t.notMatch(runtime, /apt-get|npm (ci|install|rebuild)|g\+\+|tsc/, 'no compiler and no second native build')
})

t.test('runtime: non-root, data volume, listens on all interfaces, health check without curl', async (t) => {
  const runtime = stages[1]!
  t.match(runtime, /^USER (?!root)\S+$/m)
  t.match(runtime, /^VOLUME \/data$/m)
  t.match(runtime, /DATABASE_PATH=\/data\//)
  t.match(runtime, /HOST=0\.0\.0\.0/)
  t.match(runtime, /^EXPOSE 3000$/m)
  t.match(runtime, /HEALTHCHECK [^\n]*\\\n\s+CMD \["node", "-e", "fetch\([^\n]*\/health/)
  t.notMatch(runtime, /curl|wget/)
})

t.test('the image seeds the demo article only when asked, and its build context leaves out databases and caches', async (t) => {
  t.match(stages[1]!, /SEED=false/, 'a production volume is not seeded unless SEED=true is given')
  t.notMatch(stages[1]!, /^\s*(ENV\s+)?(EXTRACT_ISOLATION|EXTRACT_WORKER_NICE)=/m, 'extraction as the machine allows (planExtraction), not pinned')
  t.match(stages[1]!, /^COPY public \.\/public$/m, 'the pages\' stylesheet ships')
  const ignored = readFileSync(join(PROJECT_ROOT, '.dockerignore'), 'utf8').split('\n').map((line) => line.trim())
  for (const pattern of ['bench/.cache', 'bench/results', '*.db', '*.db-wal', '*.db-shm', 'node_modules', 'dist']) {
    t.ok(ignored.includes(pattern), `.dockerignore leaves out ${pattern}`)
  }
})
