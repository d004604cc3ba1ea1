// The extractor's public result. Offsets are UTF-16 code unit indices into the input string.

export type QuoteType = 'direct' | 'mixed' | 'indirect'
/**
 * person and organization are named; group is plural people ("residents", "analysts"); unnamed is one unnamed
 * individual ("a spokeswoman"). Groups and unnamed speakers belong to their article.
 */
export type SpeakerKind = 'person' | 'organization' | 'group' | 'unnamed'

/**
 * How a quote's speaker was found: `name` the mention holds (part of) the name ("Cllr Hale", "Hale"); `role` a role
 * noun or title that resolved to a named speaker ("the councillor", "its director"); `description` a description that
 * did ("the 24-year-old"); `pronoun`; `continuation` no mention, the quote continues the speaker before it;
 * `unresolved` the mention itself is all that is known ("a spokeswoman", "residents", a role nothing fits).
 */
export type ResolvedBy = 'name' | 'role' | 'description' | 'pronoun' | 'continuation' | 'unresolved'

/** One entity that speaks in the article: all its mentions folded together. */
export interface ExtractedSpeaker {
  /** Index of this speaker in `Extraction.speakers`. */
  id: number
  /** Canonical name: the fullest name the article gives; null for an unnamed speaker ("officials"). */
  name: string | null
  kind: SpeakerKind
  /** Title or role as the story writes it ("US special envoy to the Middle East"), if any. */
  title: string | null
  /** Distinct names the article uses for it (never pronouns), canonical name first. */
  aliases: string[]
}

/** Who a quote is attributed to, and the words in the article that name them there. */
export interface QuoteSpeaker {
  /** Index into `Extraction.speakers`. */
  id: number
  name: string | null
  /** The words of this attribution that name the speaker, e.g. "he" or "the president". */
  mention: string
  start: number
  end: number
  kind: SpeakerKind
  resolved_by: ResolvedBy
}

export interface ExtractedQuote {
  /** Content without the outer quotation marks; fragments joined with " … ". */
  text: string
  start: number
  end: number
  /** Set when the quote is interrupted by its attribution: [[start, end], …]. */
  fragments: Array<[number, number]> | null
  type: QuoteType
  /** The verb or phrase of saying as written ("said", "according to"), null when none was found. */
  cue: string | null
  speaker: QuoteSpeaker | null
  /** In [0, 1]. */
  confidence: number
  /** A second-hand attribution ("the Wall Street Journal" in "… according to the Wall Street Journal"). */
  via: string | null
  /**
   * The sentence(s) holding the quote and its attribution: from the start of the first sentence that the quote or
   * its speaker mention touches to the end of the last one.
   */
  context: [number, number]
}

export interface Extraction {
  extractor_version: string
  quotes: ExtractedQuote[]
  speakers: ExtractedSpeaker[]
}

export interface ExtractOptions {
  /** Keep quotes below this confidence out of the result (default 0). */
  minConfidence?: number
  /** Refuse an article with more quotations than this with TooManyQuotationsError (default MAX_QUOTATIONS). */
  maxQuotations?: number
}
