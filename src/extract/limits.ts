// The one bound extraction puts on an article's content rather than its time: how many quotations it may hold.
// Extraction costs about the same per quotation whatever the article (finding the speaker, adding the person, the
// output row), so an article that is nothing but quotations a few dozen characters apart costs about 2 ms per KB,
// twenty times ordinary news, and a 1 MB one about 2 s. A deterministic count refuses such an input in the time it
// takes to find its quotation marks, the same answer on every machine and under any load, where the time limit
// (EXTRACT_TIME_LIMIT_MS) depends on both.

/**
 * Most quotations (top-level pairs of quotation marks) one article may hold. The densest real coverage, a long
 * interview or a transcript with every answer in marks, holds a few hundred per 100 KB; 10,000 is past any article,
 * not past a hostile one.
 */
export const MAX_QUOTATIONS = 10_000

/** An article with more quotations than the limit: refused whole (HTTP 422 where the service answers). */
export class TooManyQuotationsError extends Error {
  override name = 'TooManyQuotationsError'
  readonly statusCode = 422

  constructor (readonly found: number, readonly limit: number) {
    super(`this article holds ${found} quotations, more than the limit of ${limit} (MAX_QUOTATIONS); it was not extracted`)
  }
}
