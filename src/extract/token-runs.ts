// Stage 4b (part): small questions about a run of tokens in one sentence, for the attribution patterns: the character
// span it covers, the quotations in it, whether it is only punctuation or holds a given word outside quotations.
import { TokenKind, type Doc, type Token } from './document.js'

/** A possessive token: "’s", "'s", or a bare apostrophe ("’", "'"). */
export const isPossessiveToken = (t: Token): boolean => t.text === '’s' || t.text === "'s" || t.text === '’' || t.text === "'"

/** The character span of tokens `from` to `to` (exclusive). */
export function spanOf (doc: Doc, from: number, to: number): [number, number] {
  return [doc.starts[from]!, doc.ends[to - 1]!]
}

/** The quotations (indices into doc.quotes) that tokens `from` to `to` touch, in order. */
export function quotesIn (doc: Doc, from: number, to: number): number[] {
  const ids: number[] = []
  for (let i = from; i < to; i++) {
    const q = doc.quoteOf[i]!
    if (q !== -1 && ids[ids.length - 1] !== q) ids.push(q)
  }
  return ids
}

/** A quote's content span, without its marks. */
export function quoteSpan (doc: Doc, q: number): [number, number] {
  const span = doc.quotes[q]!
  return [span.contentStart, span.contentEnd]
}

/** Whether `word` stands outside quotations between `from` and `to`. */
export function hasWord (doc: Doc, from: number, to: number, word: string): boolean {
  for (let i = from; i < to; i++) if (doc.tokens[i]!.lower === word && doc.quoteOf[i] === -1) return true
  return false
}

/** Whether tokens `from` to `to` hold no word or number. */
export function onlyPunctuation (doc: Doc, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const kind = doc.tokens[i]!.kind
    if (kind === TokenKind.Word || kind === TokenKind.Number) return false
  }
  return true
}
