// A piece of article text around a quote, with the quote and the speaker mention marked, on one line.
import type { Span } from './types.js'

export interface Mark {
  span: Span
  open: string
  close: string
}

export const QUOTE_MARK = { open: '⟦', close: '⟧' }
export const MENTION_MARK = { open: '⟨', close: '⟩' }

/**
 * The text from `context` characters before the first focus span to `context` after the last, with marks inserted.
 * Marks outside the window are left out; line breaks become ¶ so that each error stays on one line.
 */
export function markedSnippet (text: string, focus: readonly Span[], marks: readonly Mark[], context: number): string {
  const from = Math.max(0, Math.min(...focus.map((s) => s[0])) - context)
  const to = Math.min(text.length, Math.max(...focus.map((s) => s[1])) + context)
  const inserts: Array<{ at: number, str: string, order: number }> = []
  for (const m of marks) {
    const [s, e] = m.span
    if (!(s >= from && e <= to && e >= s)) continue
    // at one position, closing marks go before opening ones so that adjacent spans do not nest
    inserts.push({ at: s, str: m.open, order: 1 }, { at: e, str: m.close, order: 0 })
  }
  inserts.sort((a, b) => a.at - b.at || a.order - b.order)
  let out = ''
  let pos = from
  for (const ins of inserts) {
    out += text.slice(pos, ins.at) + ins.str
    pos = ins.at
  }
  out += text.slice(pos, to)
  const body = out.replace(/\r?\n/g, '¶')
  return `${from > 0 ? '…' : ''}${body}${to < text.length ? '…' : ''}`
}
