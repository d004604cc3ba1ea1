// Full-text search over quotes, planned so that a word found in a hundred thousand quotes costs about as much as a
// rare one: nothing is joined before the page is cut, and neither order reads every match when it need not.
//
// relevance: bm25 over the RANKED_MATCHES newest matches (those passing the other filters) among the RECENT_QUOTES
//   newest quotes, taken as the collection, so that term frequencies and lengths come from those rows alone; older
//   matches follow, newest stored first. The window keeps a search's cost independent of the archive's size: a rare
//   pair of words ("narrow amendment", 640 matches in 8M quotes) otherwise walked both words' whole lists to find 500
//   matches and fetched 500 quote rows scattered over the whole file (tens to hundreds of milliseconds).
//   SQLite's bm25() counts every match of every phrase before it scores one row, which costs time in proportion to
//   how common the words are (a word in 120,000 quotes: tens of milliseconds, a phrase of common words: hundreds);
//   and in a news archive the recent matches are the ones a reader wants first.
// newest: by source date, exactly. Few matches: read them all and sort. Many: walk the date index and keep the rows
//   in the match set, which finds a page after a few hundred rows instead of sorting every match.
import { fold } from '../identity/names.js'
import type { Database } from './database.js'
import { checkKey, PageKeyError, toPage, type PageKey, type PageRequest, type PageResult } from './page.js'
import { StatementCache } from './statements.js'

/** How many of the newest matches bm25 ranks; the rest follow in the order they were stored, newest first. */
export const RANKED_MATCHES = 500
/** The ranked matches are drawn from this many of the newest quotes (by id); older ones are listed after them. */
export const RECENT_QUOTES = 1_000_000
/** Below this many matches, newest-first reads them all and sorts them; from it on, it walks the date index. */
const FEW_MATCHES = 2000

/** The other filters of a search, as SQL over `q` (quotes) with named parameters. */
export interface SearchFilters {
  clauses: string[]
  params: Record<string, unknown>
}

/** A quote found by a search: its id and the sort key it has in the page. */
export interface SearchHit {
  id: number
  key: PageKey
}

const RANKED = 0
const OLDER = 1
// bm25's usual constants: how fast repeated words stop counting, and how much length is allowed for.
const K1 = 1.2
const B = 0.75
const MARKED = /\u0001([^\u0002]*)\u0002/g
/** Words as runs of non-space characters: bm25 needs lengths only relative to each other. */
function wordCount (text: string): number {
  let words = 0
  let inWord = false
  for (let i = 0; i < text.length; i++) {
    const space = text.charCodeAt(i) <= 32
    if (!space && !inWord) words++
    inWord = !space
  }
  return words
}

/** A match with its text, the matched words between \u0001 and \u0002 (FTS5's highlight()). */
interface Candidate {
  id: number
  marked: string
}

/** Okapi bm25 of each candidate, with the candidates as the collection; a matched word counts by its folded text. */
export function bm25 (candidates: Candidate[]): Array<{ id: number, score: number }> {
  const docs = candidates.map((c) => {
    const counts = new Map<string, number>()
    for (const m of c.marked.matchAll(MARKED)) {
      const term = fold(m[1]!)
      counts.set(term, (counts.get(term) ?? 0) + 1)
    }
    return { id: c.id, counts, length: wordCount(c.marked) }
  })
  const frequency = new Map<string, number>()
  for (const doc of docs) for (const term of doc.counts.keys()) frequency.set(term, (frequency.get(term) ?? 0) + 1)
  const n = docs.length
  const averageLength = docs.reduce((sum, d) => sum + d.length, 0) / Math.max(1, n) || 1
  return docs.map((doc) => {
    let score = 0
    // Summed in term order, so that the same rows always give the same score (the cursor compares it exactly).
    const terms = doc.counts.size > 1 ? [...doc.counts.keys()].sort() : doc.counts.keys()
    for (const term of terms) {
      const tf = doc.counts.get(term)!
      const df = frequency.get(term)!
      const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5))
      score += idf * (tf * (K1 + 1)) / (tf + K1 * (1 - B + B * doc.length / averageLength))
    }
    return { id: doc.id, score }
  })
}

export interface QuoteSearchOptions {
  /** How many of the newest quotes the ranked matches are drawn from (default RECENT_QUOTES); tests make it small. */
  recentQuotes?: number
}

export class QuoteSearch {
  readonly #statements: StatementCache
  readonly #recentQuotes: number
  readonly #newestId

  constructor (db: Database, options: QuoteSearchOptions = {}) {
    this.#statements = new StatementCache(db)
    this.#recentQuotes = options.recentQuotes ?? RECENT_QUOTES
    this.#newestId = db.prepare<[], number | null>('SELECT max(id) FROM quotes').pluck()
  }

  /**
   * Best matches first among the newest RANKED_MATCHES of the recent window, then the older ones. The key is [floor,
   * ceiling, phase, score, id]: the ranked set is the matches from floor to ceiling (floor 0: every match), fixed by
   * the first page so that later pages rank the same set.
   */
  relevance (page: PageRequest, match: string, filters: SearchFilters): PageResult<SearchHit> {
    const from = this.#from(filters)
    const params = { ...filters.params, match }
    const wanted = page.limit + 1
    const hits: SearchHit[] = []
    let floor: number
    let ceiling: number
    let after: { phase: number, score: number, id: number } | undefined
    let candidates: Candidate[] | undefined
    if (page.after) {
      const [f, c, phase, score, id] = checkKey(page.after, ['number', 'number', 'number', 'number', 'number']) as number[]
      if (phase !== RANKED && phase !== OLDER) throw new PageKeyError('cursor is not valid: it does not belong to this list')
      floor = f!
      ceiling = c!
      after = { phase, score: score!, id: id! }
      if (phase === RANKED) candidates = this.#rankedSet(from, params, floor, ceiling)
    } else {
      const windowFloor = Math.max(1, (this.#newestId.get() ?? 0) - this.#recentQuotes + 1)
      const read = this.#newest(from, params, windowFloor, Number.MAX_SAFE_INTEGER, RANKED_MATCHES)
      candidates = read.candidates
      // Full: older matches may follow the oldest ranked one. Short but with matches below the window: the ranked set
      // is the window's matches. Short otherwise: every match is ranked, none is older.
      if (candidates.length === RANKED_MATCHES) floor = candidates[candidates.length - 1]!.id
      else floor = read.older ? windowFloor : 0
      ceiling = candidates[0]?.id ?? floor
    }

    if (candidates) {
      const scored = bm25(candidates).sort((a, b) => b.score - a.score || a.id - b.id)
      const start = after ? scored.findIndex((c) => c.score < after.score || (c.score === after.score && c.id > after.id)) : 0
      if (start >= 0) {
        for (const c of scored.slice(start, start + wanted)) hits.push({ id: c.id, key: [floor, ceiling, RANKED, c.score, c.id] })
      }
    }
    if (hits.length < wanted && floor > 0) {
      const below = after?.phase === OLDER ? Math.min(floor, after.id) : floor
      const ids = this.#statements.get(`SELECT quotes_fts.rowid ${from} AND quotes_fts.rowid < @below
        ORDER BY quotes_fts.rowid DESC LIMIT @limit`).pluck().all({ ...params, below, limit: wanted - hits.length }) as number[]
      for (const id of ids) hits.push({ id, key: [floor, ceiling, OLDER, 0, id] })
    }
    return toPage(hits, page.limit, (hit) => hit.key, (hit) => hit)
  }

  /** Newest first by source date, the id breaking ties; the key is [quoted_at, id] as in the unsearched list. */
  newest (page: PageRequest, match: string, filters: SearchFilters): PageResult<SearchHit> {
    const clauses = [...filters.clauses]
    const params: Record<string, unknown> = { ...filters.params, match, limit: page.limit + 1 }
    if (page.after) {
      const [at, id] = checkKey(page.after, ['string', 'number'])
      clauses.push('(q.quoted_at < @at OR (q.quoted_at = @at AND q.id < @id))')
      Object.assign(params, { at, id })
    }
    const few = (this.#statements.get(`SELECT count(*) FROM (SELECT 1 FROM quotes_fts WHERE quotes_fts MATCH @match
      LIMIT ${FEW_MATCHES})`).pluck().get({ match }) as number) < FEW_MATCHES
    // `+q.id` keeps SQLite from driving the query with the match set, so that it walks an index in date order.
    clauses.push(`${few ? '' : '+'}q.id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH @match)`)
    const rows = this.#statements.get(`SELECT q.id, q.quoted_at FROM quotes q WHERE ${clauses.join(' AND ')}
      ORDER BY q.quoted_at DESC, q.id DESC LIMIT @limit`).all(params) as Array<{ id: number, quoted_at: string }>
    return toPage(rows, page.limit, (row) => [row.quoted_at, row.id], (row) => ({ id: row.id, key: [row.quoted_at, row.id] }))
  }

  /**
   * The matches from `floor` to `ceiling`, newest first, with the matched words marked, reading at most `limit` rows
   * (those above `ceiling` count too); `complete` when the read reached `floor` or ran out of matches, `older` when it
   * found a match below `floor`. The rows are stepped through and the read stops at the first one below `floor`:
   * FTS5 does not use a rowid bound to stop early (it finds the next match first, which for two words that rarely
   * meet walks both lists to their ends), nor with `rowid >= ?` to seek, so a bound in the SQL cost more than none.
   */
  #newest (from: string, params: Record<string, unknown>, floor: number, ceiling: number, limit: number):
  { candidates: Candidate[], complete: boolean, older: boolean } {
    const rows = this.#statements.get(`SELECT quotes_fts.rowid AS id, CASE WHEN quotes_fts.rowid BETWEEN @floor AND @ceiling
      THEN highlight(quotes_fts, 0, char(1), char(2)) END AS marked ${from} ORDER BY quotes_fts.rowid DESC`)
      .iterate({ ...params, floor, ceiling }) as IterableIterator<{ id: number, marked: string | null }>
    const candidates: Candidate[] = []
    let read = 0
    for (const row of rows) {
      if (row.id < floor) return { candidates, complete: true, older: true }
      if (row.marked !== null) candidates.push(row as Candidate)
      // Leaving the loop early closes the statement (the iterator's return()).
      if (++read === limit) return { candidates, complete: false, older: false }
    }
    return { candidates, complete: true, older: false }
  }

  /**
   * The set a first page ranked, for the pages after it: the same rows, so that they score the same (matches stored
   * since would change the collection's statistics, and with them every score).
   */
  #rankedSet (from: string, params: Record<string, unknown>, floor: number, ceiling: number): Candidate[] {
    const { candidates, complete } = this.#newest(from, params, floor, ceiling, 2 * RANKED_MATCHES)
    if (complete) return candidates
    // Many matches were stored since the first page: the set is further down than a short read reaches.
    return this.#statements.get(`SELECT quotes_fts.rowid AS id, highlight(quotes_fts, 0, char(1), char(2)) AS marked
      ${from} AND quotes_fts.rowid BETWEEN @floor AND @ceiling`).all({ ...params, floor, ceiling }) as Candidate[]
  }

  // The matches that pass the other filters; the quotes row is joined only when a filter needs it.
  #from (filters: SearchFilters): string {
    const join = filters.clauses.length > 0 ? 'JOIN quotes q ON q.id = quotes_fts.rowid' : ''
    return `FROM quotes_fts ${join} WHERE quotes_fts MATCH @match ${filters.clauses.map((c) => `AND ${c}`).join(' ')}`
  }
}
