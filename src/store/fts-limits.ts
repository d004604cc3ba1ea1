// Bounds on the shape of a full-text query (FTS5 syntax) from a client, checked before SQLite sees it: the query
// runs on the main thread, and better-sqlite3 can neither interrupt a statement nor install a progress handler,
// so the cost of a search is bounded by what it may ask for. FTS5 reads one list of matching rows per word and one
// per token a prefix expands to: `t*` reads every word beginning with t (nearly every quote), and 83 of them OR-ed
// held the server for seconds. The README states these limits.

/** Most words a query may search for (each word of a phrase counts; AND, OR, NOT, NEAR and column names do not). */
export const MAX_QUERY_WORDS = 12
/** Most prefix searches (`word*`) in one query. */
export const MAX_PREFIX_SEARCHES = 3
/** Fewest characters before a prefix search's `*`: "par*" is a search, "p*" is most of the index. */
export const MIN_PREFIX_LENGTH = 3

/** A full-text query larger than the limits above (HTTP 400). */
export class QueryLimitError extends Error {
  override name = 'QueryLimitError'
  readonly statusCode = 400
}

const OPERATORS = new Set(['AND', 'OR', 'NOT', 'NEAR'])
/** What the unicode61 tokenizer keeps as a word: runs of letters, digits and marks. */
const WORD = /[\p{L}\p{N}\p{M}]+/gu
/** A phrase (an unclosed one runs to the end), a bareword, or one character of syntax. */
const TOKEN = /"((?:[^"]|"")*)"?|([^\s"():*^+,{}]+)|([\s\S])/gu

/** Throws QueryLimitError, naming the limit, when a query asks for more words or prefix searches than allowed. */
export function checkQueryShape (match: string): void {
  let words = 0
  let prefixes = 0
  let previous: string[] = []
  for (const token of match.matchAll(TOKEN)) {
    const [, phrase, bareword, syntax] = token
    if (syntax === undefined) {
      const text = phrase ?? bareword!
      previous = phrase === undefined && OPERATORS.has(text) ? [] : text.match(WORD) ?? []
      words += previous.length
      continue
    }
    if (syntax === ':') {
      // `text: peace`: what came before the colon names a column.
      words -= previous.length
    } else if (syntax === '*' && previous.length > 0) {
      prefixes++
      const stem = previous[previous.length - 1]!
      if ([...stem].length < MIN_PREFIX_LENGTH) {
        throw new QueryLimitError(`q: the prefix search "${stem}*" is too short; give at least ${MIN_PREFIX_LENGTH} characters before *`)
      }
    }
    if (!/\s/.test(syntax)) previous = []
  }
  if (words > MAX_QUERY_WORDS) {
    throw new QueryLimitError(`q searches for ${words} words; at most ${MAX_QUERY_WORDS} are allowed`)
  }
  if (prefixes > MAX_PREFIX_SEARCHES) {
    throw new QueryLimitError(`q has ${prefixes} prefix searches (word*); at most ${MAX_PREFIX_SEARCHES} are allowed`)
  }
}
