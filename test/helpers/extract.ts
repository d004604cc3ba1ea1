// Helpers for the extraction engine's tests: find a quote by its words, and check that every offset slices the input.
import type { ExtractedQuote, Extraction } from '../../src/extract/types.js'

/** The quotes whose content contains `needle` (fragments are searched one by one as well as joined). */
export function quotesWith (input: string, ex: Extraction, needle: string): ExtractedQuote[] {
  return ex.quotes.filter((q) => q.text.includes(needle) ||
    (q.fragments ?? []).some(([s, e]) => input.slice(s, e).includes(needle)))
}

/** The one quote whose content contains `needle`, or undefined when none or several do. */
export function quoteWith (input: string, ex: Extraction, needle: string): ExtractedQuote | undefined {
  const found = quotesWith(input, ex, needle)
  return found.length === 1 ? found[0] : undefined
}

/** A short listing of what was extracted, for assertion messages. */
export function summary (ex: Extraction): string {
  return ex.quotes.map((q) => `[${q.type}] ${JSON.stringify(q.text)} ← ${q.speaker ? `${q.speaker.name ?? '(unnamed)'} via "${q.speaker.mention}"` : 'nobody'} (cue ${q.cue})`).join('\n') || '(no quotes)'
}

/** Every problem with the offsets and ids of an extraction; empty when it is consistent with its input. */
export function offsetProblems (input: string, ex: Extraction): string[] {
  const problems: string[] = []
  const inRange = (s: number, e: number): boolean => Number.isInteger(s) && Number.isInteger(e) && s >= 0 && s <= e && e <= input.length
  ex.quotes.forEach((q, i) => {
    const where = `quote ${i} ${JSON.stringify(q.text.slice(0, 40))}`
    if (!inRange(q.start, q.end)) problems.push(`${where}: [${q.start}, ${q.end}) outside the input`)
    if (q.fragments === null) {
      if (q.text !== input.slice(q.start, q.end)) problems.push(`${where}: text is not input.slice(start, end)`)
    } else {
      if (q.fragments.length < 2) problems.push(`${where}: fragments set with fewer than two spans`)
      let last = q.start
      for (const [s, e] of q.fragments) {
        if (!inRange(s, e) || s < q.start || e > q.end) problems.push(`${where}: fragment [${s}, ${e}) outside [${q.start}, ${q.end})`)
        if (s < last) problems.push(`${where}: fragments out of order or overlapping`)
        last = e
      }
      if (q.text !== q.fragments.map(([s, e]) => input.slice(s, e)).join(' … ')) problems.push(`${where}: text is not the fragments joined`)
    }
    if (!(q.confidence >= 0 && q.confidence <= 1)) problems.push(`${where}: confidence ${q.confidence} outside [0, 1]`)
    if (q.speaker) {
      const sp = ex.speakers[q.speaker.id]
      if (!sp || sp.id !== q.speaker.id) problems.push(`${where}: speaker id ${q.speaker.id} does not index speakers`)
      else if (sp.name !== q.speaker.name || sp.kind !== q.speaker.kind) problems.push(`${where}: speaker name/kind differ from speakers[${q.speaker.id}]`)
      if (!inRange(q.speaker.start, q.speaker.end)) problems.push(`${where}: mention [${q.speaker.start}, ${q.speaker.end}) outside the input`)
      else if (input.slice(q.speaker.start, q.speaker.end) !== q.speaker.mention) problems.push(`${where}: mention does not slice the input`)
    }
  })
  ex.speakers.forEach((s, i) => { if (s.id !== i) problems.push(`speaker ${i} has id ${s.id}`) })
  return problems
}
