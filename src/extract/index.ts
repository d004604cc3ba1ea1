// Placeholder extractor: quoted text with the nearest "X said" speaker. Replaced by the real pipeline.
import type { Extraction, ExtractOptions, ExtractedQuote, ExtractedSpeaker } from './types.js'
export type * from './types.js'

export const EXTRACTOR_VERSION = '0.0.1'

export function extract(text: string, _options: ExtractOptions = {}): Extraction {
  const quotes: ExtractedQuote[] = []
  const speakers: ExtractedSpeaker[] = []
  const byName = new Map<string, number>()
  const re = /[“"]([^”"\n]{2,}?)[”"],?\s+(?:([A-Z][\w’'-]*(?: [A-Z][\w’'-]*)*) (?:said|added|says)|(?:said|added|says) ([A-Z][\w’'-]*(?: [A-Z][\w’'-]*)*))/g
  for (const m of text.matchAll(re)) {
    const name = m[2] ?? m[3]
    if (!name || m.index === undefined) continue
    const start = m.index + 1
    const end = start + m[1]!.length
    const nameStart = text.indexOf(name, end)
    let id = byName.get(name)
    if (id === undefined) {
      id = speakers.length
      byName.set(name, id)
      speakers.push({ id, name, kind: 'person', title: null, aliases: [name] })
    }
    quotes.push({
      text: m[1]!, start, end, fragments: null, type: 'direct', cue: 'said',
      speaker: { id, name, mention: name, start: nameStart, end: nameStart + name.length, kind: 'person' },
      confidence: 0.5, via: null,
    })
  }
  return { extractor_version: EXTRACTOR_VERSION, quotes, speakers }
}
