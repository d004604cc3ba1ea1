// A quote's JSON built by SQLite in the SELECT that reads it (json_object), byte for byte what the reply schema's
// serializer (fast-json-stringify over fromRow) makes of the same row: the same keys in the schema's order, null for
// missing values, true/false for `corrected`, numbers as JavaScript prints them. A page then crosses from SQLite
// into JavaScript as one string per quote, and the route sends it without serializing again.
import type { Database } from './database.js'

/** The SQL function that prints a number as JavaScript does, for the values SQLite's own formatting gets wrong. */
const JS_NUMBER = 'whosaid_js_number'

/** Makes JS_NUMBER known to a connection; every connection that runs quoteJson's SQL needs it. */
export function registerJsonNumber (db: Database): void {
  db.function(JS_NUMBER, { deterministic: true }, (value: unknown) => String(value))
}

/**
 * A REAL column as a JSON number printed like JavaScript's String(x). SQLite prints 1.0 as "1.0", 1e-7 as "1.0e-07"
 * and some values with 17 digits where JavaScript needs fewer; "%.15g" is JavaScript's output whenever it reads back
 * as the same double and no exponent is involved (1e-4 ≤ |x| < 1e15). Anything else goes to JavaScript itself.
 * Every confidence the extractor makes is hundredths (k / 100, k > 0): such a value goes to json_object as it is,
 * which prints it as JavaScript does, without the general case's two printf() calls and JSON parse. It is told
 * exactly (k / 100 computed as a double is the value itself), and below 1e9 only: at 15 significant digits SQLite may
 * not read its own print back, and prints 17 digits (9999999999999.99 came out as 9999999999999.9902).
 */
export function jsNumber (column: string): string {
  return `CASE WHEN ${column} = CAST(${column} AS INTEGER) AND abs(${column}) < 1e15 THEN CAST(${column} AS INTEGER)
    WHEN ${column} > 0 AND ${column} < 1e9 AND CAST(${column} * 100 + 0.5 AS INTEGER) / 100.0 = ${column} THEN ${column}
    WHEN abs(${column}) >= 1e-4 AND abs(${column}) < 1e15 AND CAST(printf('%.15g', ${column}) AS REAL) = ${column}
      THEN json(printf('%.15g', ${column}))
    ELSE json(${JS_NUMBER}(${column})) END`
}

/** QuoteSourceRef of quote `q` whose source is `src`. */
function sourceJson (q: string, src: string): string {
  return `json_object('id', ${q}.source_id, 'title', ${src}.title, 'url', ${src}.url, 'publisher', ${src}.publisher,
    'published_at', ${src}.published_at)`
}

/** `copies` of a distinct list (QuoteStore's #copiesOf): the newest COPIES_SHOWN copies, or the quote itself. */
function copiesJson (copiesShown: number): string {
  return `CASE WHEN q.speaker_id IS NULL OR q.text_key IS NULL
      THEN json_array(json_object('quote_id', q.id, 'source', ${sourceJson('q', 'src')}))
    ELSE (SELECT json_group_array(json_object('quote_id', c.id, 'source', ${sourceJson('c', 'cs')})
        ORDER BY c.quoted_at DESC, c.id DESC)
      FROM (SELECT c2.id, c2.source_id, c2.quoted_at FROM quotes c2
        WHERE c2.speaker_id = q.speaker_id AND c2.text_key = q.text_key ORDER BY c2.quoted_at DESC, c2.id DESC
        LIMIT ${copiesShown}) c
      JOIN sources cs ON cs.id = c.source_id)
    END`
}

/**
 * The SQL expression of one Quote's JSON over `quotes q LEFT JOIN speakers sp … JOIN sources src` (quotes.ts JOINS).
 * With `copiesShown`, the `copies` a distinct list adds (at most that many).
 */
export function quoteJson (copiesShown?: number): string {
  return `json_object(
    'id', q.id,
    'source_id', q.source_id,
    'source', ${sourceJson('q', 'src')},
    'speaker', CASE WHEN q.speaker_id IS NULL THEN NULL ELSE json_object('id', q.speaker_id, 'slug', sp.slug,
      'name', sp.name, 'kind', sp.kind, 'mention', q.speaker_mention, 'start', q.speaker_start, 'end', q.speaker_end,
      'resolved_by', q.resolved_by) END,
    'text', q.text,
    'start', q.start_offset,
    'end', q.end_offset,
    'fragments', CASE WHEN q.fragments IS NULL THEN NULL ELSE json(q.fragments) END,
    'type', q.type,
    'cue', q.cue,
    'confidence', ${jsNumber('q.confidence')},
    'via', q.via,
    'quoted_at', q.quoted_at,
    'corrected', json(CASE WHEN q.corrected = 1 THEN 'true' ELSE 'false' END)${copiesShown === undefined ? '' : `,
    'copies', ${copiesJson(copiesShown)}`}
  )`
}
