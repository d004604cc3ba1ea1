// No Docker engine runs here, so compose.yaml is parsed strictly and its promises checked: PostgreSQL with a health
// check, two whosaid instances on it that share the cursor secret, and a balancer in front of both.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import t from 'tap'
import { parseDocument } from 'yaml'
import { PROJECT_ROOT } from '../src/paths.js'

const text = readFileSync(join(PROJECT_ROOT, 'compose.yaml'), 'utf8')

interface Service {
  image?: string
  build?: string
  command?: string
  environment?: Record<string, string>
  depends_on?: Record<string, { condition: string }> | string[]
  healthcheck?: { test: string[] }
  ports?: string[]
}

const document = parseDocument(text, { uniqueKeys: true, prettyErrors: true })
const compose = document.toJS({ maxAliasCount: 10 }) as { services: Record<string, Service>, volumes: Record<string, unknown> }

t.test('compose.yaml is valid YAML without warnings, and the check would catch a broken file', async (t) => {
  t.same(document.errors.map((e) => e.message), [])
  t.same(document.warnings.map((w) => w.message), [])
  t.ok(parseDocument('services:\n  a: 1\n  a: 2\n', { uniqueKeys: true }).errors.length > 0)
})

t.test('PostgreSQL, two whosaid instances on it and a balancer to both', async (t) => {
  const { services } = compose
  t.match(services['postgres']?.image, /^postgres:\d+/)
  t.match(services['postgres']?.healthcheck?.test.join(' '), /pg_isready/)
  const instances = Object.entries(services).filter(([, service]) => service.build === '.')
  t.equal(instances.length, 2, 'two instances built from the Dockerfile')
  for (const [name, service] of instances) {
    t.match(service.environment?.['DATABASE_URL'], /^postgres:\/\/whosaid:\$\{POSTGRES_PASSWORD[^}]*\}@postgres:5432\/whosaid$/, `${name} uses the postgres service`)
    t.match(service.environment?.['CURSOR_SECRET'], /^\$\{CURSOR_SECRET:\?/, `${name} takes the shared cursor secret`)
    t.match(service.environment?.['API_KEY'], /^\$\{API_KEY:\?/, `${name} closes writes`)
    t.same(service.depends_on, { postgres: { condition: 'service_healthy' } }, `${name} waits for PostgreSQL`)
  }
  const balancer = services['balancer']!
  for (const [name] of instances) t.match(balancer.command, new RegExp(`--to ${name}:3000`), `the balancer sends to ${name}`)
  t.same(balancer.ports, ['8080:80'])
  t.ok('postgres-data' in compose.volumes, 'the data outlives the container')
})
