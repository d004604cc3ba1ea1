// A test case for the extraction engine: an input and exactly the quotes it must yield, with their speakers.
import t from 'tap'
import { extract } from '../../src/extract/index.js'
import type { QuoteType } from '../../src/extract/types.js'
import { offsetProblems, quotesWith, summary } from './extract.js'

export interface Want {
  /** The exact content of the quote (its first fragment when it has several). */
  text: string
  /** The speaker's name; null for none or an unnamed speaker; not checked when absent. */
  name?: string | null
  type?: QuoteType
  mention?: string
}

/** The input yields exactly these quotes (by their first fragment), with these speakers. */
export function quotes (name: string, input: string, wants: Want[]): void {
  t.test(name, async (t) => {
    const ex = extract(input)
    t.same(offsetProblems(input, ex), [], 'offsets slice the input')
    t.equal(ex.quotes.length, wants.length, `${wants.length} quote(s)\n${summary(ex)}`)
    for (const w of wants) {
      const found = quotesWith(input, ex, w.text).filter((q) => input.slice(q.start, q.fragments ? q.fragments[0]![1] : q.end) === w.text)
      t.equal(found.length, 1, `one quote is exactly "${w.text}"\n${summary(ex)}`)
      const q = found[0]
      if (!q) continue
      if (w.name !== undefined) t.equal(q.speaker?.name ?? null, w.name, 'speaker name')
      if (w.type) t.equal(q.type, w.type, 'type')
      if (w.mention !== undefined) t.equal(q.speaker?.mention, w.mention, 'mention')
    }
  })
}
