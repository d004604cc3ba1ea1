// The figures kept on each speaker row (quote and source counts, first and last quoted dates,
// name words for lookups), so that lists sort and filter on columns instead of counting.
import type { Database } from './database.js'

export class SpeakerRollups {
  readonly #add
  readonly #recount
  readonly #clearTokens
  readonly #rebuildTokens

  constructor (db: Database) {
    this.#add = db.prepare(`UPDATE speakers SET quote_count = quote_count + @quotes, source_count = source_count + 1,
      first_quoted_at = min(coalesce(first_quoted_at, @at), @at), last_quoted_at = max(coalesce(last_quoted_at, @at), @at)
      WHERE id = @id`)
    this.#recount = db.prepare(`UPDATE speakers SET
      quote_count = (SELECT count(*) FROM quotes q WHERE q.speaker_id = speakers.id),
      source_count = (SELECT count(DISTINCT q.source_id) FROM quotes q WHERE q.speaker_id = speakers.id),
      first_quoted_at = (SELECT min(q.quoted_at) FROM quotes q WHERE q.speaker_id = speakers.id),
      last_quoted_at = (SELECT max(q.quoted_at) FROM quotes q WHERE q.speaker_id = speakers.id)
      WHERE id = ?`)
    const clear = (table: string) => db.prepare(`DELETE FROM ${table} WHERE speaker_id = ?`)
    // A speaker's words go to the table its kind of speaker is looked up in (speakers.ts).
    const rebuild = (table: string, local: boolean) => db.prepare(`INSERT OR IGNORE INTO ${table} (token, speaker_id)
      SELECT t.value, a.speaker_id FROM speaker_aliases a, json_each(whosaid_name_tokens(a.alias)) t
      WHERE a.speaker_id = @id AND (SELECT home_source_id IS NOT NULL FROM speakers WHERE id = @id) = ${local ? 1 : 0}`)
    this.#clearTokens = [clear('speaker_tokens'), clear('local_speaker_tokens')]
    this.#rebuildTokens = [rebuild('speaker_tokens', false), rebuild('local_speaker_tokens', true)]
  }

  /** After a new article: `quotes` more quotes from one more source, dated `at`. */
  addSource (speakerId: number, quotes: number, at: string): void {
    this.#add.run({ id: speakerId, quotes, at })
  }

  /** After quotes moved or went away: counts, dates and name words from scratch. */
  recount (speakerIds: Iterable<number>): void {
    for (const id of new Set(speakerIds)) {
      this.#recount.run(id)
      for (const statement of this.#clearTokens) statement.run(id)
      for (const statement of this.#rebuildTokens) statement.run({ id })
    }
  }
}
