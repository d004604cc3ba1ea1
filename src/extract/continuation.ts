// Stage 5b: quotation paragraphs without an attribution of their own. In news prose a paragraph that is nothing but a
// quotation continues the speaker of the paragraph before it ("Abernathy said he had asked a lawyer …¶“I don’t want
// to sue a museum.”"); it is that speaker's next quote, not a fragment of the last one, unless the last one was left
// open at its paragraph's end (a quote running over paragraphs).
import { TokenKind, type Doc } from './document.js'

/** Whether paragraph `p` holds nothing but quotations and punctuation. */
export function isQuotationParagraph (doc: Doc, p: number): boolean {
  const { firstToken, endToken } = doc.paragraphs[p]!
  if (doc.quoteOf[firstToken] === -1) return false
  for (let i = firstToken; i < endToken; i++) {
    if (doc.quoteOf[i] === -1 && doc.tokens[i]!.kind !== TokenKind.Punct) return false
  }
  return true
}

/**
 * Whether quote-only sentence `s` continues the quote of sentence `openSentence` as a further fragment: in the same
 * paragraph, or in the next one when the quote there was left open and this paragraph reopens it.
 */
export function continuesAsFragment (doc: Doc, openSentence: number, s: number, quotes: number[]): boolean {
  if (doc.sentences[openSentence]!.paragraph === doc.sentences[s]!.paragraph) return true
  return doc.quotes[quotes[0]!]!.continues !== -1
}
