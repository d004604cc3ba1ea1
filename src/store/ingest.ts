// Writes one article and what was extracted from it (source, speakers, aliases, quotes) in a
// single transaction. The store never reads the text itself: it only checks that offsets fit it.
import { createHash } from 'node:crypto'
import type { Extraction, ExtractedSpeaker } from '../extract/types.js'
import type { Database } from './database.js'

export interface ArticleInput {
  title: string
  text: string
  url?: string | null
  publisher?: string | null
  /** ISO 8601. */
  published_at?: string | null
}

/**
 * created: a new source; existing: the same text was already stored, nothing was written;
 * updated: a source with the same url had different text, which this text replaced.
 */
export type IngestStatus = 'created' | 'existing' | 'updated'

export interface IngestResult {
  source_id: number
  status: IngestStatus
  quote_count: number
}

/** Another source already has this url but different text. */
export class SourceConflictError extends Error {
  override name = 'SourceConflictError'
}

/** The extraction does not fit the article (offset outside the text, unknown speaker index). */
export class InvalidExtractionError extends Error {
  override name = 'InvalidExtractionError'
}

export function contentHash (text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex')
}

export function slugify (name: string): string {
  const slug = name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()
    .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '')
  return slug || 'speaker'
}

export function createIngest (db: Database): (article: ArticleInput, extraction: Extraction) => IngestResult {
  const findSourceByHash = db.prepare<[string], { id: number }>('SELECT id FROM sources WHERE content_hash = ?')
  const findSourceByUrl = db.prepare<[string], { id: number }>('SELECT id FROM sources WHERE url = ?')
  const countQuotes = db.prepare<[number], number>('SELECT count(*) FROM quotes WHERE source_id = ?').pluck()
  const insertSource = db.prepare(`INSERT INTO sources
    (url, title, publisher, published_at, text, content_hash, ingested_at, extractor_version)
    VALUES (@url, @title, @publisher, @published_at, @text, @content_hash, @ingested_at, @extractor_version)`)
  const findSpeaker = db.prepare<[string, string], { id: number, title: string | null }>(
    'SELECT id, title FROM speakers WHERE name = ? AND kind = ? ORDER BY id LIMIT 1')
  const slugTaken = db.prepare<[string], number>('SELECT 1 FROM speakers WHERE slug = ?').pluck()
  const insertSpeaker = db.prepare('INSERT INTO speakers (slug, name, kind, title) VALUES (?, ?, ?, ?)')
  const setSpeakerTitle = db.prepare('UPDATE speakers SET title = ? WHERE id = ? AND title IS NULL')
  const insertAlias = db.prepare('INSERT OR IGNORE INTO speaker_aliases (speaker_id, alias, source_id) VALUES (?, ?, ?)')
  const insertQuote = db.prepare(`INSERT INTO quotes
    (source_id, speaker_id, speaker_mention, speaker_start, speaker_end, text, start_offset, end_offset,
     fragments, type, cue, confidence, via)
    VALUES (@source_id, @speaker_id, @speaker_mention, @speaker_start, @speaker_end, @text, @start_offset,
     @end_offset, @fragments, @type, @cue, @confidence, @via)`)

  function uniqueSlug (name: string): string {
    const base = slugify(name)
    let slug = base
    for (let n = 2; slugTaken.get(slug) !== undefined; n++) slug = `${base}-${n}`
    return slug
  }

  // Named people and organizations are shared across articles by identical name and kind;
  // a speaker without a name is always a new row.
  function speakerRow (speaker: ExtractedSpeaker): number {
    const mergeable = speaker.name !== null && speaker.kind !== 'unnamed'
    if (mergeable) {
      const existing = findSpeaker.get(speaker.name!, speaker.kind)
      if (existing) {
        if (speaker.title !== null) setSpeakerTitle.run(speaker.title, existing.id)
        return existing.id
      }
    }
    const slug = mergeable ? uniqueSlug(speaker.name!) : null
    return Number(insertSpeaker.run(slug, speaker.name, speaker.kind, speaker.title).lastInsertRowid)
  }

  function checkSpan (what: string, start: number, end: number, length: number): void {
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > length) {
      throw new InvalidExtractionError(`${what} [${start}, ${end}] is outside the text (length ${length})`)
    }
  }

  function validate (text: string, extraction: Extraction): void {
    extraction.speakers.forEach((speaker, index) => {
      if (speaker.id !== index) throw new InvalidExtractionError(`speaker at index ${index} has id ${speaker.id}`)
    })
    extraction.quotes.forEach((quote, index) => {
      checkSpan(`quote ${index}`, quote.start, quote.end, text.length)
      for (const [start, end] of quote.fragments ?? []) checkSpan(`quote ${index} fragment`, start, end, text.length)
      if (quote.speaker) {
        if (!extraction.speakers[quote.speaker.id]) {
          throw new InvalidExtractionError(`quote ${index} names speaker ${quote.speaker.id}, which is not in the extraction`)
        }
        checkSpan(`quote ${index} speaker mention`, quote.speaker.start, quote.speaker.end, text.length)
      }
    })
  }

  return db.transaction((article: ArticleInput, extraction: Extraction): IngestResult => {
    const hash = contentHash(article.text)
    const existing = findSourceByHash.get(hash)
    if (existing) {
      return { source_id: existing.id, status: 'existing', quote_count: countQuotes.get(existing.id) as number }
    }
    const url = article.url ?? null
    if (url !== null && findSourceByUrl.get(url)) {
      throw new SourceConflictError(`a different article with url ${url} is already stored`)
    }
    validate(article.text, extraction)

    const sourceId = Number(insertSource.run({
      url,
      title: article.title,
      publisher: article.publisher ?? null,
      published_at: article.published_at ?? null,
      text: article.text,
      content_hash: hash,
      ingested_at: new Date().toISOString(),
      extractor_version: extraction.extractor_version,
    }).lastInsertRowid)

    const speakerIds = extraction.speakers.map((speaker) => {
      const id = speakerRow(speaker)
      for (const alias of speaker.aliases) insertAlias.run(id, alias, sourceId)
      if (speaker.name !== null) insertAlias.run(id, speaker.name, sourceId)
      return id
    })

    for (const quote of extraction.quotes) {
      insertQuote.run({
        source_id: sourceId,
        speaker_id: quote.speaker ? speakerIds[quote.speaker.id] : null,
        speaker_mention: quote.speaker?.mention ?? null,
        speaker_start: quote.speaker?.start ?? null,
        speaker_end: quote.speaker?.end ?? null,
        text: quote.text,
        start_offset: quote.start,
        end_offset: quote.end,
        fragments: quote.fragments ? JSON.stringify(quote.fragments) : null,
        type: quote.type,
        cue: quote.cue,
        confidence: quote.confidence,
        via: quote.via,
      })
    }
    return { source_id: sourceId, status: 'created', quote_count: extraction.quotes.length }
  })
}
