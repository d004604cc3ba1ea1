// The built server's security settings from the environment: the open-writes warning, API_KEY, CORS_ORIGIN.
// (Its own file: test/server.test.ts already uses most of tap's 30 s per file on a busy machine.)
import { spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import t from 'tap'
import { SERVER_JS, exited, serverEnv, startServer } from './helpers/server.js'

t.setTimeout(120_000)

t.test('API_KEY: open writes are announced at start-up, a key closes them, a weak key stops start-up', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'whosaid-server-'))
  const open = await startServer({ DATABASE_PATH: join(dir, 'open.db'), SEED: 'false' })
  t.teardown(() => { open.child.kill('SIGKILL') })
  const warnings = open.logs.filter((entry) => entry['level'] === 40 && /API_KEY is not set: writes .* are open/.test(String(entry['msg'])))
  t.equal(warnings.length, 1, 'one warning that writes are open')
  t.equal(await open.stop(), 0)

  const key = 'server-test-key-0123456789'
  const closed = await startServer({ DATABASE_PATH: join(dir, 'closed.db'), SEED: 'false', API_KEY: key, CORS_ORIGIN: 'https://a.example' })
  t.teardown(() => { closed.child.kill('SIGKILL') })
  t.same(closed.logs.filter((entry) => entry['level'] === 40), [], 'no warning with a key')
  const refused = await fetch(`${closed.url}/quotes/1`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: '{"speaker_id":1}' })
  t.equal(refused.status, 401)
  t.equal(refused.headers.get('www-authenticate'), 'Bearer realm="whosaid"')
  const read = await fetch(`${closed.url}/sources`, { headers: { origin: 'https://a.example' } })
  t.equal(read.status, 200)
  t.equal(read.headers.get('access-control-allow-origin'), 'https://a.example', 'CORS_ORIGIN reaches the app')
  t.equal(await closed.stop(), 0)

  const child = spawn(process.execPath, [SERVER_JS], { env: serverEnv({ API_KEY: 'short' }), stdio: ['ignore', 'pipe', 'pipe'] })
  let stderr = ''
  child.stderr.on('data', (chunk) => { stderr += chunk })
  t.equal(await exited(child), 1)
  t.equal(stderr, 'whosaid: configuration error: API_KEY must be at least 16 characters long, got 5\n')
})
