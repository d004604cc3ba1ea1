// The one shared view of an article that every stage reads and annotates. All offsets index the original string.

export const enum TokenKind { Word, Number, Punct, QuoteMark }

/**
 * What a token is, not where: one object per distinct token text in a document, shared by all its occurrences (so a
 * long text allocates few long-lived objects). Where each occurrence lies is in `Doc.starts` and `Doc.ends`.
 */
export interface Token {
  text: string
  lower: string
  kind: TokenKind
  /** First character is an upper-case letter. */
  capitalized: boolean
  /** The word's lexicon classes (word-classes.ts), -1 until first asked; looked up once for all its occurrences. */
  classes: number
  /** The gender the word usually carries as a first name (first-names.ts), undefined until first asked. */
  firstName: 'male' | 'female' | null | undefined
}

export interface Paragraph {
  start: number
  end: number
  /** Token index range [firstToken, endToken). */
  firstToken: number
  endToken: number
  /** Caption, credit line or page furniture: never mined for quotes nor used as an antecedent. */
  furniture: boolean
}

export interface Sentence {
  paragraph: number
  firstToken: number
  endToken: number
  /** A dateline opening the paragraph ("OTTAWA (CP) —"): furniture, no speaker or antecedent in it. */
  dateline?: true
}

/** A top-level quotation: marks paired within a paragraph (nested marks are part of its content). */
export interface QuoteSpan {
  paragraph: number
  /** Token index of the opening mark. */
  open: number
  /** Token index of the closing mark, or -1 where the paragraph ends first. */
  close: number
  /** Content offsets, without the marks. */
  contentStart: number
  contentEnd: number
  /** The next paragraph's quote that continues this one (news convention: no closing mark, an opening one next). */
  continuedBy: number
  continues: number
}

export interface Doc {
  text: string
  tokens: Token[]
  /** Character offsets of each token occurrence: [starts[i], ends[i]). */
  starts: Int32Array
  ends: Int32Array
  paragraphs: Paragraph[]
  sentences: Sentence[]
  quotes: QuoteSpan[]
  /** For each token, the index of the top-level quote it lies in (marks included), or -1. */
  quoteOf: Int32Array
  /** For each token, the index of its sentence. */
  sentenceOf: Int32Array
}
