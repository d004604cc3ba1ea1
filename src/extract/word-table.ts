// A fixed set of words, each with a number, looked up by its characters. The lexicon's derived indexes (word
// classes, the cue scan's word kinds) are asked once about each distinct word of an article, nearly always a string
// that no Map has hashed yet: a Map then hashes it in the runtime, which cost several times the look-up itself.
// Hashing the characters here (FNV-1a, as the tokenizer's table does) and probing an open-addressing table does not.
import { hashChars } from './token-table.js'

export class WordTable {
  private readonly words: string[]
  private readonly values: Int32Array
  /** Each slot's word index plus one (0: empty), and that word's hash. */
  private readonly cells: Int32Array
  private readonly mask: number

  /** At most a quarter full, so that a probe for an absent word meets an empty slot within a few steps. */
  constructor (entries: ReadonlyMap<string, number>) {
    let capacity = 16
    while (capacity < entries.size * 4) capacity *= 2
    this.mask = capacity - 1
    this.cells = new Int32Array(2 * capacity)
    this.words = [...entries.keys()]
    this.values = Int32Array.from(entries.values())
    this.words.forEach((w, index) => {
      const hash = hashChars(w, 0, w.length)
      let k = hash & this.mask
      while (this.cells[2 * k] !== 0) k = (k + 1) & this.mask
      this.cells[2 * k] = index + 1
      this.cells[2 * k + 1] = hash
    })
  }

  /** Each word of the lists with the bits of every list it is in (or-ed): one look-up answers all of them. */
  static ofLists (lists: ReadonlyArray<readonly [Iterable<string>, number]>): WordTable {
    const bits = new Map<string, number>()
    for (const [words, bit] of lists) for (const w of words) bits.set(w, (bits.get(w) ?? 0) | bit)
    return new WordTable(bits)
  }

  /** The number of `word`, or 0 when it is not in the table. */
  get (word: string): number {
    const { cells, mask } = this
    const hash = hashChars(word, 0, word.length)
    for (let k = hash & mask; ; k = (k + 1) & mask) {
      const slot = cells[2 * k]!
      if (slot === 0) return 0
      if (cells[2 * k + 1] === hash && this.words[slot - 1] === word) return this.values[slot - 1]!
    }
  }
}
