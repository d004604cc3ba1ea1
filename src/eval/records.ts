// Parsing of the corpus's record files: one JSON document, or JSON Lines (as the reference scorer reads them).
import type { GoldRecord, PredictionRecord, ResolveRecord } from './types.js'

export class RecordError extends Error {
  override name = 'RecordError'
}

/** A file holding a single JSON object (possibly pretty-printed) or one JSON object a line. */
export function parseRecords (raw: string, source: string): unknown[] {
  const trimmed = raw.trim()
  if (trimmed === '') return []
  if (trimmed.startsWith('{') && !trimmed.includes('\n{')) return [parseJson(trimmed, source)]
  const records: unknown[] = []
  trimmed.split('\n').forEach((line, i) => {
    if (line.trim() !== '') records.push(parseJson(line, `${source}:${i + 1}`))
  })
  return records
}

function parseJson (text: string, where: string): unknown {
  try {
    return JSON.parse(text)
  } catch (err) {
    throw new RecordError(`${where}: invalid JSON (${err instanceof Error ? err.message : String(err)})`)
  }
}

function isObject (value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function hasId (value: Record<string, unknown>): boolean {
  return typeof value.id === 'string' || typeof value.id === 'number'
}

export function asGoldRecords (records: unknown[], source: string): GoldRecord[] {
  return records.map((r, i) => {
    if (!isObject(r) || !hasId(r) || !Array.isArray(r.quotes)) {
      throw new RecordError(`${source}: record ${i + 1} is not a gold record ({id, text, quotes: [...]})`)
    }
    return r as unknown as GoldRecord
  })
}

/** A record without a quotes array counts as predicting nothing. */
export function asPredictionRecords (records: unknown[], source: string): PredictionRecord[] {
  return records.map((r, i) => {
    if (!isObject(r) || !hasId(r)) throw new RecordError(`${source}: record ${i + 1} is not a prediction record ({id, quotes})`)
    return { ...r, quotes: Array.isArray(r.quotes) ? r.quotes : [] } as unknown as PredictionRecord
  })
}

export function asResolveRecords (records: unknown[], source: string): ResolveRecord[] {
  return records.map((r, i) => {
    if (!isObject(r) || !hasId(r) || !Number.isInteger(r.content_start) || !Number.isInteger(r.content_end)) {
      throw new RecordError(`${source}: record ${i + 1} is not a resolve record ({id, content_start, content_end, referent})`)
    }
    return r as unknown as ResolveRecord
  })
}
