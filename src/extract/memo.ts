// Answers of a pure function on strings: the names and titles of an article come back with every mention, and many
// come back in later articles ("the president", "Trump"), so cleaning or splitting them again each time was a large
// share of the identity stage's time.
import { hashChars } from './token-table.js'

/** Bounded: cleared when full, so that a hostile input of many distinct strings keeps memory and time flat. */
const LIMIT = 4096
/** The Bloom filter of SharedAnswers: 8 KB. */
const BLOOM_BITS = 1 << 16

/**
 * Answers kept for the whole process, for strings met in more than one article. A string met in one article only (in
 * the benchmark's generated news, most names) stays with that article's Memo and dies young with it: kept here, tens
 * of thousands of them outlived the young generation and left 15 MB of garbage in the old one every 10,000 articles
 * (peak RSS of an ingest +20-60 MB). Which strings were met before is a Bloom filter of their hashes (65,536 bits, two
 * probes), started again when a third of it is set; a false positive only keeps one more answer here.
 */
export class SharedAnswers<V> {
  readonly answers = new Map<string, V>()
  private readonly seen = new Int32Array(BLOOM_BITS / 32)
  private bitsSet = 0

  /** Whether `key` was met before (by an earlier article, as Memo asks); notes it as met. */
  metBefore (key: string): boolean {
    const h = hashChars(key, 0, key.length)
    const a = h & (BLOOM_BITS - 1)
    const b = (h >>> 16 ^ Math.imul(h, 0x9e3779b1)) & (BLOOM_BITS - 1)
    const both = this.bit(a) && this.bit(b)
    if (!both) {
      if (this.bitsSet > BLOOM_BITS / 3) {
        this.seen.fill(0)
        this.bitsSet = 0
      }
      this.set(a)
      this.set(b)
    }
    return both
  }

  keep (key: string, value: V): void {
    if (this.answers.size >= LIMIT) this.answers.clear()
    this.answers.set(key, value)
  }

  private bit (k: number): boolean { return (this.seen[k >>> 5]! & (1 << (k & 31))) !== 0 }
  private set (k: number): void {
    if (!this.bit(k)) {
      this.seen[k >>> 5]! |= 1 << (k & 31)
      this.bitsSet++
    }
  }
}

/**
 * A string sliced from an article (a name, a title) may be kept by the runtime as a view into the whole text: a copy
 * that holds only its own characters keeps no article alive from the process-wide answers. UTF-16 in and out, so that
 * every code unit, a lone surrogate too, comes back as it was.
 */
function ownCopy (s: string): string {
  return Buffer.from(s, 'utf16le').toString('utf16le')
}

/** One article's answers, in front of which stand the process's (`shared`). */
export class Memo<V> {
  private readonly answers = new Map<string, V>()

  constructor (private readonly fn: (key: string) => V, private readonly shared: SharedAnswers<V>) {}

  get (key: string): V {
    let v = this.shared.answers.get(key)
    if (v !== undefined || this.shared.answers.has(key)) return v as V
    v = this.answers.get(key)
    if (v !== undefined || this.answers.has(key)) return v as V
    if (this.shared.metBefore(key)) {
      // The answer is computed from the copy: it may be (a part of) the key itself.
      const own = ownCopy(key)
      v = this.fn(own)
      this.shared.keep(own, v)
    } else {
      v = this.fn(key)
      if (this.answers.size >= LIMIT) this.answers.clear()
      this.answers.set(key, v)
    }
    return v
  }
}
