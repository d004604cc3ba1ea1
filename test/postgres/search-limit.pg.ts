// A search's time limit on PostgreSQL (npm run test:postgres): each statement of a full-text search (quotes, and
// article titles) runs under
// SEARCH_TIME_LIMIT_MS (statement_timeout); past it the reply is a 503 naming the limit, the connection goes back to
// the pool in working order, and other requests are answered as before.
import pg from 'pg'
import t, { type Test } from 'tap'
import { buildApp, type App } from '../../src/app.js'
import { newPostgresDatabase } from '../helpers/stores.js'

/** An app on the database at `url` whose searches run within `searchTimeLimitMs`, closed when `t` ends. */
async function appWithLimit (t: Test, url: string, searchTimeLimitMs: number): Promise<App> {
  const app = await buildApp({ databasePath: url, seed: false, extractorWorkers: 0, searchTimeLimitMs, replyCacheBytes: 0 })
  t.teardown(() => app.close())
  return app
}

/** One source with `count` quotes whose words share prefixes by the hundred: a search that reads much of the index. */
async function fill (url: string, count: number): Promise<void> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const { rows } = await client.query<{ id: number }>(`INSERT INTO sources (title, text, content_hash, ingested_at, extractor_version)
      VALUES ('Many quotes', 'text', 'hash-many', '2024-01-01T00:00:00Z', 'test') RETURNING id`)
    await client.query(`INSERT INTO quotes (source_id, text, start_offset, end_offset, type, confidence, quoted_at)
      SELECT $1, 'word' || (i % 509) || ' start' || (i % 701) || ' talk' || (i % 307) || ' the plan for the harbour ' || i,
        0, 1, 'direct', 0.9, '2024-01-01T00:00:00Z'
      FROM generate_series(1, $2::int) AS i`, [rows[0]!.id, count])
  } finally {
    await client.end()
  }
}

/** `count` sources whose titles share words and prefixes by the hundred, each with no quotes. */
async function fillSources (url: string, count: number): Promise<void> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    await client.query(`INSERT INTO sources (title, text, content_hash, ingested_at, extractor_version)
      SELECT 'word' || (i % 509) || ' start' || (i % 701) || ' the harbour plan ' || i, 'text', 'hash-' || i,
        '2024-01-01T00:00:00Z', 'test'
      FROM generate_series(1, $1::int) AS i`, [count])
  } finally {
    await client.end()
  }
}

const SEARCH = '/quotes?q=' + encodeURIComponent('wor* OR sta* OR tal* OR plan OR harbour OR the')

t.test('a search past SEARCH_TIME_LIMIT_MS answers 503 naming the limit; the server goes on answering', async (t) => {
  const url = await newPostgresDatabase()
  await fill(url, 60_000)
  const strict = await appWithLimit(t, url, 1)
  const res = await strict.inject({ method: 'GET', url: SEARCH })
  t.equal(res.statusCode, 503, res.body.slice(0, 300))
  t.match(res.json(), { statusCode: 503, message: /longer than the limit of 1 ms \(SEARCH_TIME_LIMIT_MS\)/ })
  // The pool's connections still work: a list, a lookup and a search that needs no index pass are answered.
  for (let i = 0; i < 12; i++) t.equal((await strict.inject({ method: 'GET', url: '/quotes?limit=5' })).statusCode, 200)
  t.equal((await strict.inject({ method: 'GET', url: '/sources' })).statusCode, 200)

  const roomy = await appWithLimit(t, url, 60_000)
  const ok = await roomy.inject({ method: 'GET', url: SEARCH })
  t.equal(ok.statusCode, 200, 'the same search within a roomy limit')
  t.equal(ok.json().items.length, 20)
})

t.test('a title search past SEARCH_TIME_LIMIT_MS answers 503 too', async (t) => {
  const url = await newPostgresDatabase()
  await fillSources(url, 60_000)
  const titles = '/sources?q=' + encodeURIComponent('wor* OR sta* OR harbour OR plan OR the')
  const strict = await appWithLimit(t, url, 1)
  const res = await strict.inject({ method: 'GET', url: titles })
  t.equal(res.statusCode, 503, res.body.slice(0, 300))
  t.match(res.json(), { statusCode: 503, message: /longer than the limit of 1 ms \(SEARCH_TIME_LIMIT_MS\)/ })
  t.equal((await strict.inject({ method: 'GET', url: '/sources?limit=5' })).statusCode, 200, 'the list without q is not bounded')

  const roomy = await appWithLimit(t, url, 60_000)
  const ok = await roomy.inject({ method: 'GET', url: titles })
  t.equal(ok.statusCode, 200, 'the same search within a roomy limit')
  t.equal(ok.json().items.length, 20)
})

t.test('a lookup by a one-letter name word past SEARCH_TIME_LIMIT_MS answers 503; a longer word is no search', async (t) => {
  const url = await newPostgresDatabase()
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    await client.query(`INSERT INTO speakers (slug, name, kind, name_key, first_key, surname_key, quote_count, source_count)
      SELECT 'person-a' || i, 'Person A' || i, 'person', 'person a' || i, 'person', 'a' || i, 1, 1
      FROM generate_series(1, 60000) AS i`)
    await client.query(`INSERT INTO speaker_tokens (token, speaker_id) SELECT 'a' || substr(name, 9), id FROM speakers`)
  } finally {
    await client.end()
  }
  const strict = await appWithLimit(t, url, 1)
  for (const path of ['/speakers?name=a', '/quotes?speaker=a']) {
    const res = await strict.inject({ method: 'GET', url: path })
    t.equal(res.statusCode, 503, `${path}: ${res.body.slice(0, 200)}`)
    t.match(res.json(), { message: /SEARCH_TIME_LIMIT_MS/ })
  }
  const named = await strict.inject({ method: 'GET', url: '/speakers?name=a123&sort=name' })
  t.equal(named.statusCode, 200, 'a name word of three letters is looked up without the limit')
  t.equal(named.json().items[0].name, 'Person A123')

  const roomy = await appWithLimit(t, url, 60_000)
  const ok = await roomy.inject({ method: 'GET', url: '/speakers?name=a&limit=3' })
  t.equal(ok.statusCode, 200, 'the same lookup within a roomy limit')
  t.equal(ok.json().items.length, 3)
})
