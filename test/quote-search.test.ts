// Full-text search at a size where the bounded plans matter: more matches than bm25 ranks, and more than
// newest-first reads and sorts, checked page by page against the whole match set.
import t, { type Test } from 'tap'
import type { Extraction, ExtractedQuote } from '../src/extract/types.js'
import { MIGRATIONS_DIR } from '../src/paths.js'
import { QuoteSearch, RANKED_MATCHES, bm25, type SearchHit } from '../src/store/quote-search.js'
import { Store, type Quote, type QuoteFilter, type QuoteSort } from '../src/store/index.js'

const ARTICLES = 120
const QUOTES_PER_ARTICLE = 20

/** Quote `i` of article `a`: every one mentions the harbour; some say it twice or are short; every third names the ferry. */
function quoteText (a: number, i: number): string {
  if (a === 0 && i === 0) return 'Harbour, harbour, harbour.'
  if (a === ARTICLES - 1 && i === 0) return 'The harbour, the harbour.'
  const ferry = (a * QUOTES_PER_ARTICLE + i) % 3 === 0 ? ' and the ferry' : ''
  return `Article ${a} line ${i}: the harbour plan${ferry} will be debated by the council next spring`
}

function buildStore (t: Test): Store {
  const store = Store.open({ path: ':memory:', migrationsDir: MIGRATIONS_DIR })
  t.teardown(() => store.close())
  addArticles(store, 0, ARTICLES)
  return store
}

function addArticles (store: Store, from: number, to: number): void {
  for (let a = from; a < to; a++) {
    const quotes: ExtractedQuote[] = []
    let text = ''
    for (let i = 0; i < QUOTES_PER_ARTICLE; i++) {
      const words = quoteText(a, i)
      const start = text.length + 1
      text += `"${words}" `
      quotes.push({
        text: words, start, end: start + words.length, fragments: null, type: i % 2 === 0 ? 'direct' : 'indirect',
        cue: 'said', speaker: null, confidence: 0.9, via: null, context: [start - 1, start + words.length + 1],
      })
    }
    const extraction: Extraction = { extractor_version: 'test-1', speakers: [], quotes }
    // Publication dates out of ingest order, so that newest-by-date and newest-stored differ.
    const day = String(1 + ((a * 7) % 28)).padStart(2, '0')
    store.ingest({ title: `Harbour ${a}`, text, published_at: `2024-03-${day}T00:00:00.000Z` }, extraction)
  }
}

function allPages (store: Store, limit: number, filter: QuoteFilter & { sort: QuoteSort }): Quote[] {
  const items: Quote[] = []
  let after
  for (let pages = 0; pages < 10_000; pages++) {
    const page = store.quotes.list({ limit, after }, filter)
    items.push(...page.items)
    if (page.next === null) return items
    after = page.next
  }
  throw new Error('pagination does not end')
}

t.test('relevance ranks the newest matches by bm25, then lists every older match newest stored first', async (t) => {
  const store = buildStore(t)
  const total = ARTICLES * QUOTES_PER_ARTICLE
  const all = store.db.prepare<[string], number>(
    'SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ? ORDER BY rowid DESC').pluck().all('harbour')
  t.equal(all.length, total)
  const ranked = new Set(all.slice(0, RANKED_MATCHES))
  const older = all.slice(RANKED_MATCHES)

  for (const limit of [1, 7, 100]) {
    const ids = allPages(store, limit, { match: 'harbour', sort: 'relevance' }).map((q) => q.id)
    t.equal(ids.length, total, `limit ${limit}: every match once`)
    t.equal(new Set(ids).size, total, `limit ${limit}: no match twice`)
    t.same(new Set(ids.slice(0, RANKED_MATCHES)), ranked, `limit ${limit}: the newest matches are ranked first`)
    t.same(ids.slice(RANKED_MATCHES), older, `limit ${limit}: then the older matches, newest stored first`)
  }
  const first = store.quotes.list({ limit: 1 }, { match: 'harbour' }).items[0]!
  t.equal(first.text, 'The harbour, the harbour.', 'the densest recent quote comes first')
  const listed = allPages(store, 100, { match: 'harbour', sort: 'relevance' })
  t.ok(listed.findIndex((q) => q.text === 'Harbour, harbour, harbour.') >= RANKED_MATCHES,
    'the densest quote of the oldest article is listed among the older matches, not ranked')
})

t.test('quotes stored while a client pages through a search do not hide or repeat the ones it was paging', async (t) => {
  const store = buildStore(t)
  // A few new matches, then more than the ranked set again (read by the rowid bound instead of the newest rows).
  for (const added of [5, 2 * RANKED_MATCHES / QUOTES_PER_ARTICLE + 1]) {
    const before = store.db.prepare<[], number>("SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH 'harbour'").pluck().all()
    const seen: number[] = []
    let page = store.quotes.list({ limit: 50 }, { match: 'harbour' })
    seen.push(...page.items.map((q) => q.id))
    const stored = store.sources.count()
    addArticles(store, stored, stored + added)
    while (page.next !== null) {
      page = store.quotes.list({ limit: 50, after: page.next }, { match: 'harbour' })
      seen.push(...page.items.map((q) => q.id))
    }
    t.equal(new Set(seen).size, seen.length, `${added} articles added: no quote twice`)
    t.same(seen.filter((id) => !before.includes(id)), [], `${added} articles added: the new ones wait for a new search`)
    t.same(before.filter((id) => !seen.includes(id)), [], `${added} articles added: every earlier match listed`)
  }
})

t.test('relevance with other filters ranks the newest matches that pass them', async (t) => {
  const store = buildStore(t)
  const expected = store.db.prepare<[string], number>(`SELECT q.id FROM quotes q WHERE q.type = 'direct'
    AND q.id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)`).pluck().all('harbour ferry')
  t.ok(expected.length > RANKED_MATCHES / 2, 'enough matches to need both parts')
  const found = allPages(store, 25, { match: 'harbour ferry', type: 'direct', sort: 'relevance' })
  t.ok(found.every((q) => q.type === 'direct' && /ferry/.test(q.text)))
  t.same(found.map((q) => q.id).sort((a, b) => a - b), expected.sort((a, b) => a - b))
})

t.test('newest with words gives every match by source date, with few matches and with many', async (t) => {
  const store = buildStore(t)
  const byDate = (query: string): number[] => store.db.prepare<[string], number>(`SELECT q.id FROM quotes q
    WHERE q.id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?) ORDER BY q.quoted_at DESC, q.id DESC`)
    .pluck().all(query)
  for (const query of ['harbour', 'ferry', 'line 7']) {
    const expected = byDate(query)
    t.ok(expected.length > 0)
    t.same(allPages(store, 9, { match: query, sort: 'newest' }).map((q) => q.id), expected, `"${query}": ${expected.length} matches`)
  }
  t.ok(byDate('harbour').length >= 2000, 'one query takes the date-index walk')
  t.ok(byDate('line 7').length < 2000, 'one query sorts its matches')
  const direct = allPages(store, 50, { match: 'harbour', type: 'direct', sort: 'newest' })
  t.equal(direct.length, ARTICLES * QUOTES_PER_ARTICLE / 2)
  t.ok(direct.every((q) => q.type === 'direct'))
})

t.test('a cursor of one search order is refused by the other', async (t) => {
  const store = buildStore(t)
  const relevance = store.quotes.list({ limit: 5 }, { match: 'harbour', sort: 'relevance' })
  const newest = store.quotes.list({ limit: 5 }, { match: 'harbour', sort: 'newest' })
  t.throws(() => store.quotes.list({ limit: 5, after: relevance.next! }, { match: 'harbour', sort: 'newest' }), { name: 'PageKeyError' })
  t.throws(() => store.quotes.list({ limit: 5, after: newest.next! }, { match: 'harbour', sort: 'relevance' }), { name: 'PageKeyError' })
  t.throws(() => store.quotes.list({ limit: 5, after: [1, 2, 3, 0, 3] }, { match: 'harbour', sort: 'relevance' }), { name: 'PageKeyError' })
})

/** Every hit of a relevance search made with a window of `recentQuotes` quotes, page by page. */
function allHits (search: QuoteSearch, match: string, limit: number): SearchHit[] {
  const hits: SearchHit[] = []
  let after
  for (let pages = 0; pages < 10_000; pages++) {
    const page = search.relevance({ limit, after }, match, { clauses: [], params: {} })
    hits.push(...page.items)
    if (page.next === null) return hits
    after = page.next
  }
  throw new Error('pagination does not end')
}

t.test('relevance ranks only the matches among the newest quotes, then lists every older match', async (t) => {
  const store = buildStore(t)
  const matches = (query: string): number[] => store.db.prepare<[string], number>(
    'SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ? ORDER BY rowid DESC').pluck().all(query)
  const newestId = store.db.prepare<[], number>('SELECT max(id) FROM quotes').pluck().get()!
  const recentQuotes = 300
  const search = new QuoteSearch(store.db, { recentQuotes })
  const inWindow = (id: number): boolean => id > newestId - recentQuotes

  // "harbour": every quote; the window holds fewer than RANKED_MATCHES of them.
  for (const query of ['harbour', 'ferry']) {
    const all = matches(query)
    const recent = all.filter(inWindow)
    t.ok(recent.length > 0 && recent.length < RANKED_MATCHES && recent.length < all.length, `"${query}": some matches in the window, more below`)
    for (const limit of [1, 13, 100]) {
      const hits = allHits(search, query, limit)
      const ids = hits.map((hit) => hit.id)
      t.equal(new Set(ids).size, all.length, `"${query}", limit ${limit}: every match once`)
      t.same(new Set(ids.slice(0, recent.length)), new Set(recent), `"${query}", limit ${limit}: the window's matches ranked first`)
      t.same(ids.slice(recent.length), all.filter((id) => !inWindow(id)), `"${query}", limit ${limit}: then the older ones, newest first`)
    }
  }
  // The densest quote of the newest article is in the window: ranked first, though older quotes say "harbour" as often.
  const first = search.relevance({ limit: 1 }, 'harbour', { clauses: [], params: {} }).items[0]!
  t.equal(store.db.prepare('SELECT text FROM quotes WHERE id = ?').pluck().get(first.id), 'The harbour, the harbour.')

  // A word only the oldest article says: nothing to rank, every match listed newest first.
  const oldest = matches('"article 0 line"')
  t.ok(oldest.length > 0 && !oldest.some(inWindow))
  t.same(allHits(search, '"article 0 line"', 4).map((hit) => hit.id), oldest, 'a match only below the window is still found')
  t.same(allHits(search, 'nowhere', 4), [], 'no match, no page')

  // Quotes stored while a client pages: the window the first page drew stays that of the later pages.
  const before = matches('harbour')
  const page = search.relevance({ limit: 50 }, 'harbour', { clauses: [], params: {} })
  addArticles(store, ARTICLES, ARTICLES + 40)
  const seen = [...page.items]
  let after = page.next
  while (after !== null) {
    const next = search.relevance({ limit: 50, after }, 'harbour', { clauses: [], params: {} })
    seen.push(...next.items)
    after = next.next
  }
  t.same(seen.map((hit) => hit.id).sort((a, b) => a - b), [...before].sort((a, b) => a - b), 'the same matches, none of the new ones')
})

t.test('bm25 over the candidates: more of the words, shorter text and rarer words score higher', async (t) => {
  const mark = (text: string, words: string[]): string =>
    text.replace(new RegExp(`\\b(${words.join('|')})\\b`, 'gi'), '\u0001$1\u0002')
  const texts = [
    'the harbour will open in spring',
    'the harbour and the harbour again will open in spring',
    'the harbour will open in spring after a long and careful review by the whole council',
    'the ferry will open in spring',
    'the harbour will open',
  ]
  const score = (words: string[]): number[] =>
    bm25(texts.map((text, id) => ({ id, marked: mark(text, words) }))).map((s) => s.score)
  const harbour = score(['harbour'])
  t.ok(harbour[1]! > harbour[0]!, 'a word twice beats once in a text of similar length')
  t.ok(harbour[0]! > harbour[2]!, 'the same word in a longer text counts less')
  t.ok(harbour[4]! > harbour[0]!, 'shorter still counts more')
  t.equal(harbour[3], 0, 'a text without the word scores nothing')
  const either = score(['harbour', 'ferry'])
  t.ok(either[3]! > either[0]!, 'the rarer of two words counts more')
  t.same(score(['Harbour']), harbour, 'case does not matter')
  t.same(bm25([{ id: 9, marked: 'caf\u0001É\u0002 and \u0001e\u0002' }]).length, 1)
  t.same(score(['harbour']), harbour, 'the same rows give the same scores')
})
