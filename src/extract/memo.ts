// Answers of a pure function on strings, kept for one article: its names and titles come back with every mention,
// and cleaning or splitting them again each time was a large share of the identity stage's time.

/** Bounded: cleared when full, so that a hostile input of many distinct strings keeps memory and time flat. */
const LIMIT = 4096

export class Memo<V> {
  private readonly answers = new Map<string, V>()

  constructor (private readonly fn: (key: string) => V) {}

  get (key: string): V {
    let v = this.answers.get(key)
    if (v === undefined && !this.answers.has(key)) {
      v = this.fn(key)
      if (this.answers.size >= LIMIT) this.answers.clear()
      this.answers.set(key, v)
    }
    return v as V
  }
}
