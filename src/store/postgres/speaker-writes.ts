// The speaker rows' figures (../speaker-rollups.ts), unique slugs (../slugs.ts) and corrections by hand
// (../corrections.ts) on PostgreSQL, each called inside a write transaction (connection.ts: writeTransaction).
import { nameEnding, nameKey, nameTokens, personName, slugify } from '../../identity/names.js'
import { bareName } from '../../identity/titles.js'
import type { SpeakerRow } from '../corrections.js'
import { ConflictError, NotFoundError } from '../errors.js'
import type { Sql } from './connection.js'

/** After a new article: each speaker has its quotes more, from one more source, dated `at` (one statement for all). */
export async function addSource (sql: Sql, quotesBySpeaker: Map<number, number>, at: string): Promise<void> {
  if (quotesBySpeaker.size === 0) return
  await sql.query(`UPDATE speakers s SET quote_count = s.quote_count + v.quotes, source_count = s.source_count + 1,
    first_quoted_at = least(coalesce(s.first_quoted_at, $3), $3), last_quoted_at = greatest(coalesce(s.last_quoted_at, $3), $3)
    FROM unnest($1::bigint[], $2::integer[]) AS v(id, quotes) WHERE s.id = v.id`, [[...quotesBySpeaker.keys()], [...quotesBySpeaker.values()], at])
}

/** After quotes moved or went away: counts, dates and name words from scratch. */
export async function recount (sql: Sql, speakerIds: Iterable<number>): Promise<void> {
  for (const id of new Set(speakerIds)) {
    await sql.query(`UPDATE speakers SET
      quote_count = (SELECT count(*) FROM quotes q WHERE q.speaker_id = speakers.id),
      source_count = (SELECT count(DISTINCT q.source_id) FROM quotes q WHERE q.speaker_id = speakers.id),
      first_quoted_at = (SELECT min(q.quoted_at) FROM quotes q WHERE q.speaker_id = speakers.id),
      last_quoted_at = (SELECT max(q.quoted_at) FROM quotes q WHERE q.speaker_id = speakers.id)
      WHERE id = $1`, [id])
    await sql.query('DELETE FROM speaker_tokens WHERE speaker_id = $1', [id])
    await sql.query('DELETE FROM local_speaker_tokens WHERE speaker_id = $1', [id])
    const { rows } = await sql.query<{ alias: string, local: boolean }>(`SELECT a.alias, s.home_source_id IS NOT NULL AS local
      FROM speaker_aliases a JOIN speakers s ON s.id = a.speaker_id WHERE a.speaker_id = $1`, [id])
    const tokens = [...new Set(rows.flatMap((row) => nameTokens(row.alias)))]
    if (tokens.length > 0) await insertTokens(sql, rows[0]!.local, id, tokens)
  }
}

/** Name words of a speaker, in the table its kind of speaker is looked up in (../speakers.ts). */
export async function insertTokens (sql: Sql, local: boolean, speakerId: number, tokens: string[]): Promise<void> {
  await sql.query(`INSERT INTO ${local ? 'local_speaker_tokens' : 'speaker_tokens'} (token, speaker_id)
    SELECT DISTINCT unnest($2::text[]), $1::bigint ON CONFLICT DO NOTHING`, [speakerId, tokens])
}

/** The name's slug, with -2, -3 … when another speaker has it or had it. */
export async function uniqueSlug (sql: Sql, name: string): Promise<string> {
  const base = slugify(name)
  const { rows } = await sql.query<{ slug: string }>(`SELECT slug FROM speakers WHERE slug = $1 OR slug LIKE $2
    UNION ALL SELECT slug FROM speaker_old_slugs WHERE slug = $1 OR slug LIKE $2`, [base, `${base.replace(/[\\%_]/g, '\\$&')}-%`])
  const taken = new Set(rows.map((row) => row.slug))
  let slug = base
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`
  return slug
}

export async function keepOldSlug (sql: Sql, slug: string, speakerId: number): Promise<void> {
  await sql.query('INSERT INTO speaker_old_slugs (slug, speaker_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [slug, speakerId])
}

/** A speaker that is stored and not merged away. */
async function live (sql: Sql, id: number, what: string): Promise<SpeakerRow> {
  const speaker = Number.isSafeInteger(id)
    ? (await sql.query<SpeakerRow>('SELECT id, name, kind, merged_into, home_source_id FROM speakers WHERE id = $1', [id])).rows[0]
    : undefined
  if (!speaker) throw new NotFoundError(`${what} ${id} not found`)
  if (speaker.merged_into !== null) throw new ConflictError(`${what} ${id} was merged into speaker ${speaker.merged_into}; use that one`)
  return speaker
}

export async function mergeSpeakers (sql: Sql, id: number, into: number): Promise<number> {
  if (id === into) throw new ConflictError('a speaker cannot be merged into itself')
  await live(sql, id, 'speaker')
  const target = await live(sql, into, 'speaker')
  if (target.home_source_id !== null) {
    throw new ConflictError(`speaker ${into} belongs to one article (source ${target.home_source_id}); merge it into a named speaker instead`)
  }
  await sql.query('UPDATE quotes SET speaker_id = $1 WHERE speaker_id = $2', [into, id])
  await sql.query(`INSERT INTO speaker_aliases (speaker_id, alias, source_id)
    SELECT $1::bigint, alias, source_id FROM speaker_aliases WHERE speaker_id = $2 ON CONFLICT DO NOTHING`, [into, id])
  await sql.query('DELETE FROM speaker_aliases WHERE speaker_id = $1', [id])
  await sql.query(`INSERT INTO speaker_titles (speaker_id, title, source_id)
    SELECT $1::bigint, title, source_id FROM speaker_titles WHERE speaker_id = $2 ON CONFLICT DO NOTHING`, [into, id])
  await sql.query('DELETE FROM speaker_titles WHERE speaker_id = $1', [id])
  await sql.query('UPDATE quote_corrections SET speaker_id = $1 WHERE speaker_id = $2', [into, id])
  await sql.query('UPDATE speaker_splits SET into_id = $1 WHERE into_id = $2', [into, id])
  await sql.query(`INSERT INTO speaker_splits (speaker_id, alias_key, into_id)
    SELECT $1::bigint, alias_key, into_id FROM speaker_splits WHERE speaker_id = $2 ON CONFLICT DO NOTHING`, [into, id])
  await sql.query('UPDATE speakers SET merged_into = $1 WHERE merged_into = $2', [into, id])
  await sql.query('UPDATE speakers SET merged_into = $1 WHERE id = $2', [into, id])
  await recount(sql, [id, into])
  return into
}

export async function splitSpeaker (sql: Sql, id: number, alias: string): Promise<number> {
  const speaker = await live(sql, id, 'speaker')
  const key = nameKey(alias)
  const rows = (await sql.query<{ alias: string, source_id: number }>(
    'SELECT alias, source_id FROM speaker_aliases WHERE speaker_id = $1', [id])).rows.filter((row) => nameKey(row.alias) === key)
  if (key === '' || rows.length === 0) throw new ConflictError(`speaker ${id} has no alias "${alias}"`)
  const name = speaker.kind === 'person' ? bareName(rows[0]!.alias) : rows[0]!.alias
  const person = speaker.kind === 'person' ? personName(name) : null
  const newId = (await sql.query<{ id: number }>(`INSERT INTO speakers
    (slug, name, kind, name_key, ending_key, first_key, surname_key, home_source_id)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`, [
    speaker.home_source_id === null ? await uniqueSlug(sql, name) : null, name, speaker.kind, nameKey(name),
    nameEnding(nameKey(name)), person?.first ?? null, person?.surname ?? null, speaker.home_source_id,
  ])).rows[0]!.id
  for (const sourceId of new Set(rows.map((row) => row.source_id))) {
    await sql.query('UPDATE quotes SET speaker_id = $1 WHERE speaker_id = $2 AND source_id = $3', [newId, id, sourceId])
    // SQLite's UPDATE OR IGNORE: a row the new speaker has already is left behind (and goes with the old speaker).
    await sql.query(`UPDATE speaker_aliases a SET speaker_id = $1 WHERE a.speaker_id = $2 AND a.source_id = $3 AND NOT EXISTS
      (SELECT 1 FROM speaker_aliases b WHERE b.speaker_id = $1 AND b.alias = a.alias AND b.source_id = a.source_id)`, [newId, id, sourceId])
    await sql.query(`UPDATE speaker_titles a SET speaker_id = $1 WHERE a.speaker_id = $2 AND a.source_id = $3 AND NOT EXISTS
      (SELECT 1 FROM speaker_titles b WHERE b.speaker_id = $1 AND b.title = a.title AND b.source_id = a.source_id)`, [newId, id, sourceId])
  }
  await sql.query(`INSERT INTO speaker_splits (speaker_id, alias_key, into_id) VALUES ($1, $2, $3)
    ON CONFLICT (speaker_id, alias_key) DO UPDATE SET into_id = excluded.into_id`, [id, key, newId])
  await recount(sql, [id, newId])
  return newId
}

export async function correctQuote (sql: Sql, quoteId: number, speakerId: number): Promise<void> {
  const quote = Number.isSafeInteger(quoteId)
    ? (await sql.query<{ id: number, source_id: number, speaker_id: number | null, text: string }>(
        'SELECT id, source_id, speaker_id, text FROM quotes WHERE id = $1', [quoteId])).rows[0]
    : undefined
  if (!quote) throw new NotFoundError(`quote ${quoteId} not found`)
  await live(sql, speakerId, 'speaker')
  await sql.query("UPDATE quotes SET speaker_id = $1, corrected = 1, resolved_by = 'manual' WHERE id = $2", [speakerId, quoteId])
  await sql.query(`INSERT INTO quote_corrections (source_id, text, speaker_id, corrected_at) VALUES ($1, $2, $3, $4)
    ON CONFLICT (source_id, text) DO UPDATE SET speaker_id = excluded.speaker_id, corrected_at = excluded.corrected_at`,
  [quote.source_id, quote.text, speakerId, new Date().toISOString()])
  await recount(sql, quote.speaker_id === null ? [speakerId] : [quote.speaker_id, speakerId])
}
