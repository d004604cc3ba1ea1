// The quote lists and GET /quotes/:id send JSON that SQLite built (src/store/quote-json.ts) without serializing it.
// Their replies must be byte for byte those of the path they replaced, list()/get() serialized by the reply schema:
// two apps on one database file, one with the store's JSON methods hidden, answer the same requests.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import t from 'tap'
import type { App } from '../../src/app.js'
import type { ArticleInput } from '../../src/store/index.js'
import type { ExtractedQuote, ExtractedSpeaker, Extraction, QuoteSpeaker } from '../../src/extract/types.js'
import { sqliteTestApp, type SqliteApp } from '../helpers/app.js'
import { span } from '../helpers/article.js'

interface Said {
  words: string
  /** Index into the article's speakers, or null for a quote nobody is credited with. */
  by: number | null
  mention?: string
  cue?: string | null
  via?: string | null
  confidence: number
  type?: ExtractedQuote['type']
  /** The words split in two around the attribution. */
  split?: [string, string]
}

/** An article whose quotes, speakers and mentions are found in its text by their words. */
function article (input: ArticleInput, speakers: Array<Omit<ExtractedSpeaker, 'id'>>, said: Said[]): { article: ArticleInput, extraction: Extraction } {
  const text = input.text
  const quotes = said.map((s): ExtractedQuote => {
    const fragments = s.split ? s.split.map((part) => span(text, part)) as Array<[number, number]> : null
    const [start, end] = fragments ? [fragments[0]![0], fragments[1]![1]] : span(text, s.words)
    let speaker: QuoteSpeaker | null = null
    if (s.by !== null) {
      const who = speakers[s.by]!
      const mention = s.mention ?? who.name!
      const [ms, me] = span(text, mention)
      speaker = { id: s.by, name: who.name, mention, start: ms, end: me, kind: who.kind, resolved_by: s.mention ? 'pronoun' : 'name' }
    }
    return {
      text: s.split ? s.split.join(' … ') : s.words, start, end, fragments, type: s.type ?? 'direct', cue: s.cue === undefined ? 'said' : s.cue,
      speaker, confidence: s.confidence, via: s.via ?? null, context: [Math.max(0, start - 3), Math.min(text.length, end + 5)],
    }
  })
  return { article: input, extraction: { extractor_version: 'test-json', speakers: speakers.map((s, id) => ({ ...s, id })), quotes } }
}

const ZOE = { name: 'Zoë Ærø', kind: 'person' as const, title: 'Mayor of Köln', aliases: ['Zoë Ærø'] }
const ACME = { name: 'Acme & Sons <Ltd>', kind: 'organization' as const, title: null, aliases: ['Acme & Sons <Ltd>'] }
const SPOKESWOMAN = { name: null, kind: 'unnamed' as const, title: null, aliases: [] }

// Unicode outside the BMP before the quotes (UTF-16 offsets differ from code points), markup-like and JSON-special
// characters, line and paragraph separators, numbers that SQLite and JavaScript print differently.
const ARTICLES = [
  article(
    { title: 'Tax <b>"rise"</b> & fall 😀', url: 'https://example.test/a?x=1&y="2"', publisher: null, published_at: '2024-03-01T10:00:00.000Z',
      text: '😀 𝒳 Zoë Ærø said "Taxes <rise> & \\"fall\\" \\ back," in Köln.\tThe council\u2028agreed. ' +
        '"Never, ever," said a spokeswoman. "Again and again," Zoë Ærø said. She added: "Up\u2029down."' },
    [ZOE, SPOKESWOMAN],
    [
      { words: 'Taxes <rise> & \\"fall\\" \\ back,', by: 0, confidence: 1, via: 'Reuters <wire>' },
      { words: 'Never, ever,', by: 1, mention: 'a spokeswoman', cue: null, confidence: 0, type: 'mixed' },
      { words: 'Again and again,', by: 0, confidence: 1 / 3 },
      { words: 'Up\u2029down.', by: 0, mention: 'She', confidence: 0.1 + 0.2, type: 'indirect' },
    ]),
  article(
    { title: 'Second wire copy', url: null, publisher: 'Der Spiegel', published_at: null,
      text: 'Again, Zoë Ærø said "Again and again," to reporters. "Nobody said this," a sign read. ' +
        '"We build," said Acme & Sons <Ltd>, "and we stay." Ends.' },
    [ZOE, ACME],
    [
      { words: 'Again and again,', by: 0, confidence: 0.85 },
      { words: 'Nobody said this,', by: null, cue: null, confidence: 0.00005 },
      { words: 'We build, … and we stay.', by: 1, split: ['We build,', 'and we stay.'], confidence: 0.7, via: '"AP"' },
    ]),
  article(
    { title: 'Third', url: 'https://example.test/c', publisher: 'Gazette', published_at: '2024-03-01T10:00:00.000Z',
      text: 'Acme & Sons <Ltd> said "Prices fall" on Monday and Zoë Ærø said "Prices rise" on Tuesday. ' +
        '"Prices stay," said a spokeswoman.' },
    [ACME, ZOE, SPOKESWOMAN],
    [
      { words: 'Prices fall', by: 0, confidence: 0.95, type: 'indirect' },
      { words: 'Prices rise', by: 1, confidence: 0.6 },
      { words: 'Prices stay,', by: 2, mention: 'a spokeswoman', confidence: 0.5 },
    ]),
]

// More quotes than a source's detail lists (500): its reply carries a cursor to the rest.
const LONG_ARTICLE = article(
  { title: 'Roll call', url: null, publisher: null, published_at: '2024-02-01',
    text: Array.from({ length: 503 }, (_, i) => `"Item ${1000 + i} is done," said Zoë Ærø.`).join(' ') },
  [ZOE],
  Array.from({ length: 503 }, (_, i) => ({ words: `Item ${1000 + i} is done,`, by: 0, confidence: 0.9 })))

function databaseFile (t: { teardown: (fn: () => unknown) => void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'whosaid-json-replies-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  return join(dir, 'whosaid.db')
}

/** Status, body and the headers a client sees. */
async function seen (app: App, url: string, headers: Record<string, string> = {}) {
  const res = await app.inject({ method: 'GET', url, headers })
  return { status: res.statusCode, body: res.body, type: res.headers['content-type'], etag: res.headers.etag, length: res.headers['content-length'] }
}

t.test('quote replies built by SQLite are byte for byte those of list() and get() serialized', async (t) => {
  const path = databaseFile(t)
  const options = { databasePath: path, replyCacheBytes: 0, searchReaders: 0 }
  const app: SqliteApp = await sqliteTestApp(options)
  t.teardown(() => app.close())
  t.type(app.reads.quotes.listJson, 'function', 'the SQLite store builds JSON')
  for (const { article: input, extraction } of ARTICLES) await app.db.ingest(input, extraction)
  // A quote corrected by hand, and one stored before resolved_by was recorded.
  const acme = app.db.db.prepare<[], number>("SELECT id FROM speakers WHERE name LIKE 'Acme%'").pluck().get()!
  await app.inject({ method: 'PATCH', url: '/quotes/2', payload: { speaker_id: acme } })
  app.db.db.prepare('UPDATE quotes SET resolved_by = NULL WHERE id = 3').run()

  const old = await sqliteTestApp(options)
  t.teardown(() => old.close())
  // The reference: every reply through the reply schema's serializer, POST /sources's read after the write too.
  Object.assign(old.reads.quotes, { listJson: undefined, getJson: undefined, ofSourceJson: undefined })
  Object.assign(old.db, { ingestDetailed: undefined })

  const quoteIds = app.db.db.prepare<[], number>('SELECT id FROM quotes ORDER BY id').pluck().all()
  const speakers = app.db.db.prepare<[], { id: number, slug: string | null }>('SELECT id, slug FROM speakers').all()
  t.ok(quoteIds.length >= 10 && speakers.length >= 4)
  const lists = [
    '/quotes', '/quotes?limit=1', '/quotes?limit=2&distinct=true', '/quotes?distinct=true', '/quotes?type=direct',
    '/quotes?min_confidence=0.5', '/quotes?since=2024-01-01&until=2024-03-01', '/quotes?until=2024-03-02', '/quotes?source_id=2',
    `/quotes?speaker_id=${acme}`, '/quotes?speaker=zoe', '/quotes?speaker=acme&distinct=true', '/quotes?q=again',
    '/quotes?q=again&sort=newest', '/quotes?q=again&distinct=true&limit=1', '/quotes?q=prices&limit=1', '/quotes?q=prices&sort=newest&limit=2',
    '/quotes?q=nothingmatches', '/quotes?source_id=999',
    ...speakers.flatMap((s) => [`/speakers/${s.id}/quotes`, `/speakers/${s.id}/quotes?limit=1`, `/speakers/${s.id}/quotes?q=prices`]),
    ...speakers.filter((s) => s.slug !== null).map((s) => `/speakers/${s.slug}/quotes?type=direct&limit=1`),
  ]
  let pages = 0
  for (const first of lists) {
    // Every page of the list, following the cursors.
    let url: string | null = first
    while (url !== null) {
      const expected = await seen(old, url)
      t.equal(expected.status, 200, url)
      t.same(await seen(app, url), expected, url)
      pages++
      const next = JSON.parse(expected.body).next_cursor as string | null
      url = next === null ? null : `${first}${first.includes('?') ? '&' : '?'}cursor=${encodeURIComponent(next)}`
    }
  }
  t.ok(pages > lists.length, 'lists of several pages were followed')
  for (const id of [...quoteIds, 999]) {
    const url = `/quotes/${id}`
    const expected = await seen(old, url)
    t.equal(expected.status, id === 999 ? 404 : 200, url)
    t.same(await seen(app, url), expected, url)
  }
  t.match(JSON.parse((await seen(app, '/quotes/2')).body), { corrected: true, speaker: { resolved_by: 'manual' } })
  t.match(JSON.parse((await seen(app, '/quotes/3')).body), { speaker: { resolved_by: null } })
  const confidences = JSON.parse((await seen(app, '/quotes?limit=100')).body).items.map((q: { confidence: number }) => q.confidence)
  t.same(new Set(confidences), new Set([1, 0, 1 / 3, 0.1 + 0.2, 0.85, 0.00005, 0.7, 0.95, 0.6, 0.5]), 'every number survives')

  // Each article's detail, and POST /sources's reply for a text already stored (the detail with its outcome).
  await app.db.ingest(LONG_ARTICLE.article, LONG_ARTICLE.extraction)
  const sourceIds = app.db.db.prepare<[], number>('SELECT id FROM sources ORDER BY id').pluck().all()
  for (const id of [...sourceIds, 999]) {
    const url = `/sources/${id}`
    const expected = await seen(old, url)
    t.equal(expected.status, id === 999 ? 404 : 200, url)
    t.same(await seen(app, url), expected, url)
  }
  const cursors = await Promise.all(sourceIds.map(async (id) => JSON.parse((await seen(app, `/sources/${id}`)).body).quotes_next_cursor))
  t.equal(cursors.filter((c) => c !== null).length, 1, "the long article's detail has a cursor to its other quotes")
  for (const { article: input } of [...ARTICLES, LONG_ARTICLE]) {
    const post = async (which: App) => {
      const res = await which.inject({ method: 'POST', url: '/sources', payload: input })
      return { status: res.statusCode, body: res.body, type: res.headers['content-type'], length: res.headers['content-length'] }
    }
    const expected = await post(old)
    t.equal(expected.status, 200, 'stored already')
    t.match(JSON.parse(expected.body), { status: 'existing', updated: false })
    t.same(await post(app), expected, `POST /sources: ${input.title}`)
  }
})

t.test('replies built by SQLite carry an ETag and honour If-None-Match', async (t) => {
  const app = await sqliteTestApp({ databasePath: databaseFile(t), replyCacheBytes: 0 })
  t.teardown(() => app.close())
  for (const { article: input, extraction } of ARTICLES) await app.db.ingest(input, extraction)
  for (const url of ['/quotes?limit=2', '/quotes/1', '/speakers/1/quotes']) {
    const first = await seen(app, url)
    t.equal(first.type, 'application/json; charset=utf-8', url)
    t.match(first.etag, /^"[\w-]+"$/, url)
    const again = await app.inject({ method: 'GET', url, headers: { 'if-none-match': first.etag! } })
    t.equal(again.statusCode, 304, url)
    t.equal(again.body, '')
  }
  // A write changes the tags of the replies whose content it changes.
  const before = (await seen(app, '/quotes/1')).etag
  const acme = app.db.db.prepare<[], number>("SELECT id FROM speakers WHERE name LIKE 'Acme%'").pluck().get()!
  await app.inject({ method: 'PATCH', url: '/quotes/1', payload: { speaker_id: acme } })
  t.not((await seen(app, '/quotes/1')).etag, before, 'the corrected quote has a new tag')
})
