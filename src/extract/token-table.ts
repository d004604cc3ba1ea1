// The distinct token texts of one text (tokenize, text.ts), found by their characters in place: a repeated word
// costs neither a slice nor a string hash.
import type { Token } from './document.js'

/** Longest probe sequence in a TokenTable; past it a token is kept in the table's map. */
const MAX_PROBES = 16

/**
 * The distinct token texts of one text, found by their characters in place so that a repeated word costs neither a
 * slice nor a string hash: open addressing (FNV-1a over the characters, linear probing, at most half full). A probe
 * sequence stops at MAX_PROBES slots, so that texts crafted for colliding hashes cannot make every lookup walk the
 * table (time stays linear); a token whose sequence is full is kept in a Map instead, and a miss asks that map too.
 */
export class TokenTable {
  /** The tokens in the order they were added. */
  private readonly list: Token[] = []
  /** Two cells a slot: the index of its token plus one (0: empty), and that token's hash. */
  private cells: Int32Array
  private mask: number
  private overflow: Map<string, Token> | null = null

  /** Sized for about one distinct token in four characters (a news article has fewer), so that it seldom grows. */
  constructor (textLength: number) {
    let capacity = 64
    while (capacity < 16384 && capacity * 4 < textLength) capacity *= 2
    this.cells = cellsFor(capacity)
    this.mask = capacity - 1
  }

  /** Done with: the cells may serve a later text. */
  release (): void {
    if (this.cells.length <= SPARE_CELLS_MAX) spareCells.set(this.cells.length, this.cells)
  }

  /** The token whose text is text[start, end), whose hash is `hash`, or undefined. */
  find (text: string, start: number, end: number, hash: number): Token | undefined {
    const { cells, mask } = this
    const length = end - start
    for (let probe = 0, k = hash & mask; probe < MAX_PROBES; probe++, k = (k + 1) & mask) {
      const slot = cells[2 * k]!
      if (slot === 0) return this.overflow?.get(text.slice(start, end))
      if (cells[2 * k + 1] === hash) {
        const token = this.list[slot - 1]!
        if (token.text.length === length && sameChars(token.text, text, start)) return token
      }
    }
    return this.overflow?.get(text.slice(start, end))
  }

  add (token: Token, hash: number): void {
    this.list.push(token)
    if (this.list.length * 2 > this.mask + 1) this.grow()
    if (!this.place(this.list.length, hash)) (this.overflow ??= new Map()).set(token.text, token)
  }

  /** Puts the token numbered `slot` (its index plus one) in the first free slot of its probe sequence, if any. */
  private place (slot: number, hash: number): boolean {
    const { cells, mask } = this
    for (let probe = 0, k = hash & mask; probe < MAX_PROBES; probe++, k = (k + 1) & mask) {
      if (cells[2 * k] === 0) {
        cells[2 * k] = slot
        cells[2 * k + 1] = hash
        return true
      }
    }
    return false
  }

  private grow (): void {
    const old = this.cells
    this.cells = new Int32Array(old.length * 2)
    this.mask = old.length - 1
    for (let k = 0; k < old.length; k += 2) {
      const slot = old[k]!
      // A token that no longer finds a free slot in its sequence goes to the map, where find() asks last.
      if (slot !== 0 && !this.place(slot, old[k + 1]!)) (this.overflow ??= new Map()).set(this.list[slot - 1]!.text, this.list[slot - 1]!)
    }
  }
}

/**
 * The cells of the last table of each size released, cleared and handed to the next text of that size: an article
 * allocates none (at most nine sizes up to SPARE_CELLS_MAX, 256 KB in all, are kept).
 */
const spareCells = new Map<number, Int32Array>()
const SPARE_CELLS_MAX = 2 * 16384

function cellsFor (capacity: number): Int32Array {
  const spare = spareCells.get(2 * capacity)
  if (spare === undefined) return new Int32Array(2 * capacity)
  spareCells.delete(2 * capacity)
  return spare.fill(0)
}

/** FNV-1a over text[start, end): the hash a TokenTable files a token under. */
export function hashChars (text: string, start: number, end: number): number {
  let h = 0x811c9dc5 | 0
  for (let k = start; k < end; k++) h = Math.imul(h ^ text.charCodeAt(k), 16777619)
  return h
}

/** Whether `word` is the characters of `text` from `start` (its length already checked). */
function sameChars (word: string, text: string, start: number): boolean {
  for (let k = 0; k < word.length; k++) if (word.charCodeAt(k) !== text.charCodeAt(start + k)) return false
  return true
}
