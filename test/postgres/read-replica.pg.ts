// DATABASE_READ_URL (npm run test:postgres): GET routes read from the replica, writes and the reads that answer a
// write from the primary. No replication runs here, so the "replica" is another database whose rows differ: which one
// answered shows in the reply.
import t from 'tap'
import { buildApp } from '../../src/app.js'
import { openStore } from '../../src/store/index.js'
import { MIGRATIONS_DIR } from '../../src/paths.js'
import { budgetArticle } from '../helpers/article.js'
import { newPostgresDatabase } from '../helpers/stores.js'

t.test('GET routes read from the replica; writes, and what a write answers, use the primary', async (t) => {
  const [primary, replica] = [await newPostgresDatabase(), await newPostgresDatabase()]
  const app = await buildApp({ databasePath: primary, readDatabaseUrl: replica, seed: false, extractorWorkers: 0 })
  t.teardown(() => app.close())
  t.equal(app.replyCache, null, 'no reply cache over a replica that may lag')

  const created = await app.inject({ method: 'POST', url: '/sources', payload: { title: 'Ferry', text: '“The ferry runs again on Monday,” said Ines Varga, the harbour master.' } })
  t.equal(created.statusCode, 201, 'the write answers from the primary')
  t.match(created.json(), { title: 'Ferry', quotes: [{ speaker: { name: 'Ines Varga' } }] })
  t.same((await app.inject({ method: 'GET', url: '/sources' })).json().items, [], 'the replica has not got it')
  t.equal((await app.inject({ method: 'GET', url: '/sources/1' })).statusCode, 404)

  // What the replica holds is what the GET routes show.
  const store = await openStore({ location: replica, defaultMigrationsDir: MIGRATIONS_DIR })
  const { article, extraction } = budgetArticle()
  await store.ingest(article, extraction)
  await store.close()
  t.same((await app.inject({ method: 'GET', url: '/sources' })).json().items.map((s: { title: string }) => s.title), ['City budget'])
  t.equal((await app.inject({ method: 'GET', url: '/speakers/jane-doe' })).statusCode, 200)
  t.equal((await app.inject({ method: 'GET', url: '/health' })).statusCode, 200)
})

t.test('an unreachable replica stops start-up with a message naming it', async (t) => {
  const primary = await newPostgresDatabase()
  const unreachable = new URL(primary)
  unreachable.pathname = '/whosaid_no_such_database'
  await t.rejects(buildApp({ databasePath: primary, readDatabaseUrl: unreachable.toString(), seed: false, extractorWorkers: 0 }),
    { message: /cannot reach the read replica \(DATABASE_READ_URL\)/ })
})
