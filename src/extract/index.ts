// The extraction pipeline: text → furniture → quotation marks → sentences → cues and attributions → speakers.
// Pure and deterministic: no I/O, the same input gives the same output.
import { TokenKind, type Doc } from './document.js'
import { splitParagraphs, tokenize } from './text.js'
import { markFurniture } from './furniture.js'
import { findQuotes } from './quotation-marks.js'
import { splitSentences } from './sentences.js'
import { attributeSentence, type Attribution } from './attribution.js'
import { quoteSpan } from './token-runs.js'
import { continuesAsFragment, isQuotationParagraph } from './continuation.js'
import { describeMention, type Mention } from './mentions.js'
import { EntityTable, type Entity } from './entities.js'
import { isFirstName } from './first-names.js'
import { PERSONAL_PRONOUNS } from './lexicon.js'
import { MAX_QUOTATIONS, TooManyQuotationsError } from './limits.js'
import { EXTRACTOR_VERSION } from './version.js'
import type { ExtractedQuote, ExtractedSpeaker, Extraction, ExtractOptions, QuoteType, ResolvedBy } from './types.js'
export type * from './types.js'
export { MAX_QUOTATIONS, TooManyQuotationsError } from './limits.js'
export { EXTRACTOR_VERSION }

export function buildDoc (text: string): Doc {
  const { tokens, starts, ends } = tokenize(text)
  const paragraphs = splitParagraphs(text, starts, ends)
  const doc: Doc = {
    text, tokens, starts, ends, paragraphs, sentences: [], quotes: [],
    quoteOf: new Int32Array(tokens.length).fill(-1), sentenceOf: new Int32Array(tokens.length),
  }
  markFurniture(doc)
  doc.quotes = findQuotes(doc)
  doc.quotes.forEach((q, id) => {
    const last = q.close >= 0 ? q.close : paragraphs[q.paragraph]!.endToken - 1
    for (let i = q.open; i <= last; i++) doc.quoteOf[i] = id
  })
  doc.sentences = splitSentences(doc)
  doc.sentences.forEach((s, id) => doc.sentenceOf.fill(id, s.firstToken, s.endToken))
  return doc
}

/** An attribution and its speaker; no entity for a question put by someone unnamed ("Asked whether …"). */
interface Found {
  attribution: Attribution
  entity: Entity | null
  mentionStart: number
  mentionEnd: number
  resolvedBy: ResolvedBy
  /** A quote paragraph with no attribution of its own, continuing the speaker before it: no cue, no mention. */
  continues?: boolean
}

/** Cues that put a question: what answers them is someone else's. */
const ASKING = new Set(['asked', 'asks', 'ask', 'asking', 'wondered', 'wonders'])

/**
 * "“…?” Espinoza asked him.", "asked the mayor": a question put to someone, whose answer is that person's. A question
 * asked of no one named ("“…?” she asks.") is often rhetorical, and the speaker goes on.
 */
function questionPutTo (doc: Doc, a: Attribution): boolean {
  if (a.shape === 'asked') return true
  if (!ASKING.has(doc.tokens[a.cue.start]!.lower)) return false
  const next = doc.tokens[a.cue.end]
  return next !== undefined && next.kind === TokenKind.Word && doc.quoteOf[a.cue.end] === -1 && (next.capitalized || OBJECT_PRONOUNS.has(next.lower) || next.lower === 'the')
}

const OBJECT_PRONOUNS = new Set(['him', 'her', 'them', 'me', 'us'])

/**
 * "“…?” Leif asks. He does not wait for an answer. “You don’t.”": a sentence between the speaker's and the quotation
 * that is about the speaker (its subject a personal pronoun) and quotes no one leaves the word with the speaker.
 */
function narratesSpeaker (doc: Doc, s: number): boolean {
  const { firstToken, endToken } = doc.sentences[s]!
  if (!/^(he|she)$/.test(doc.tokens[firstToken]!.lower)) return false
  for (let i = firstToken; i < endToken; i++) if (doc.quoteOf[i] !== -1) return false
  return true
}

/** Whether sentence `s` is the first of its paragraph. */
function startsParagraph (doc: Doc, s: number): boolean {
  return s === 0 || doc.sentences[s - 1]!.paragraph !== doc.sentences[s]!.paragraph
}

/** Whether a sentence is nothing but quotation (and punctuation), so that it can continue the quote before it. */
function quoteOnly (doc: Doc, s: number): number[] | null {
  const { firstToken, endToken } = doc.sentences[s]!
  const ids: number[] = []
  for (let i = firstToken; i < endToken; i++) {
    const q = doc.quoteOf[i]!
    if (q === -1) { if (doc.tokens[i]!.kind !== TokenKind.Punct) return null; continue }
    if (ids[ids.length - 1] !== q) ids.push(q)
  }
  return ids.length ? ids : null
}

const NO_ATTRIBUTIONS: Attribution[] = []

export function extract (text: string, options: ExtractOptions = {}): Extraction {
  const doc = buildDoc(text)
  const maxQuotations = options.maxQuotations ?? MAX_QUOTATIONS
  if (doc.quotes.length > maxQuotations) throw new TooManyQuotationsError(doc.quotes.length, maxQuotations)
  const table = new EntityTable(doc)
  const found: Found[] = []
  const used = new Set<number>()
  let open: Found | null = null // the latest direct or mixed quote, which a quote-only sentence may continue
  let openSentence = -1
  let spoken: Found | null = null // the latest attribution with a speaker, whom a quote-only paragraph may continue
  let spokenSentence = -1

  // Attribution reads only the document, so every sentence's is found first, in one pass: the identity stage below
  // must go sentence by sentence, and running both in turn for each sentence was slower than two passes.
  const attributionsOf = doc.sentences.map((sentence, s) =>
    doc.paragraphs[sentence.paragraph]!.furniture || sentence.dateline ? NO_ATTRIBUTIONS : attributeSentence(doc, s))

  doc.sentences.forEach((sentence, s) => {
    if (doc.paragraphs[sentence.paragraph]!.furniture) { table.collectCaptionTitles(s); return }
    if (sentence.dateline) return
    const attributions = attributionsOf[s]!
    table.collectAntecedents(s)
    const continuation = quoteOnly(doc, s)
    if (continuation && open && openSentence === s - 1 && attributions.length === 0 && !continuation.some((q) => used.has(q)) &&
      (open.attribution.spans.length === 0 || continuesAsFragment(doc, openSentence, s, continuation))) {
      // The quote an attribution ending in a colon introduced ("Raman recounted the timeline:¶"…"), or more of the
      // quote just before it. A question in that quote does not hand the word to anyone: "“…?” she asked the
      // audience. “We found the problem …”" goes on in her voice.
      for (const q of continuation) { open.attribution.spans.push(quoteSpan(doc, q)); open.attribution.quotes.push(q); used.add(q) }
      if (spoken === open) spokenSentence = s
      openSentence = s
      return
    }
    // "Ms. Feldstein said the ban would force the museum to cancel two shows. “That hurts.”": quotation alone right
    // after an attributed speaker's sentence in the same paragraph is more of that speaker.
    if (continuation && attributions.length === 0 && spoken && !continuation.some((q) => used.has(q)) &&
      ((!startsParagraph(doc, s) && doc.sentences[spokenSentence]!.paragraph === sentence.paragraph &&
        (spokenSentence === s - 1 || (spokenSentence === s - 2 && narratesSpeaker(doc, s - 1)))) ||
        (startsParagraph(doc, s) && doc.sentences[spokenSentence]!.paragraph === sentence.paragraph - 1 && isQuotationParagraph(doc, sentence.paragraph)))) {
      // A paragraph of quotation alone after a paragraph with an attributed speaker: the same speaker goes on
      // ("… but Chapman says that's not what the union is seeing.¶"Commonly, response times …""), with a quote of
      // their own, unless that attribution was a question put to someone (the answer is another speaker's).
      const a: Attribution = {
        ...spoken.attribution, sentence: s, spans: continuation.map((q) => quoteSpan(doc, q)), quotes: continuation, direct: true, via: null,
        confidence: spoken.attribution.confidence * 0.9,
      }
      for (const q of continuation) used.add(q)
      const at = a.spans[0]![0]
      const f: Found = { attribution: a, entity: spoken.entity, mentionStart: at, mentionEnd: at, resolvedBy: 'continuation', continues: true }
      found.push(f)
      spoken = f
      spokenSentence = s
      open = f
      openSentence = s
      return
    }
    for (const a of attributions) {
      if (a.quotes.some((q) => used.has(q)) && a.direct) continue
      if (a.direct && a.shape === 'quote-before') withEarlierParagraphs(doc, a, used)
      if (!a.speaker) {
        // A question put by no one named is on the record when someone answers it ("Asked whether …, Cole said …");
        // "Asked what she would miss most, she did not hesitate" is the writer's narration.
        // One inside another speaker's reported clause ("… said the videos show him leaving his car when asked to do so
        // by police") is part of what that speaker said.
        const [qs, qe] = a.spans[0] ?? [0, 0]
        const answered = a.shape === 'asked' && attributions.some((other) => other !== a && other.speaker !== null) &&
          !attributions.some((other) => other !== a && other.spans.some(([s, e]) => s <= qs && qe <= e))
        if (answered || a.shape === 'transcript') found.push({ attribution: a, entity: null, mentionStart: -1, mentionEnd: -1, resolvedBy: 'unresolved' })
        continue
      }
      const mention = bodySpeaking(doc, a, describeMention(doc, a.speaker))
      const apposition = a.apposition ? doc.text.slice(doc.starts[a.apposition.start]!, doc.ends[a.apposition.end - 1]!) : null
      const entity = (mention.kind === 'person' || mention.kind === 'organization' || mention.kind === 'group')
        ? table.addNamed(mention, s, mention.kind === 'person' ? apposition : null)!
        : table.resolve(mention, s, mention.kind === 'role' ? apposition : null, true)
      table.noteSpeaker(entity, mention, s)
      const f: Found = { attribution: a, entity, mentionStart: mention.start, mentionEnd: mention.end, resolvedBy: resolvedBy(doc, mention, entity) }
      // "X said:" with the quote in the next sentence.
      if (a.spans.length === 0) {
        open = f; openSentence = s; found.push(f)
        if (entity) { spoken = f; spokenSentence = s }
        continue
      }
      for (const q of a.quotes) used.add(q)
      found.push(f)
      if (a.quotes.length) { open = f; openSentence = s } else open = null
      if (entity && !questionPutTo(doc, a)) { spoken = f; spokenSentence = s } else spoken = null
    }
  })

  table.settleRoles()
  for (const f of found) {
    if (!f.entity) continue
    const settled = table.final(f.entity)
    // A pronoun or continuation for a role the article later names keeps saying how it was found; a role says role.
    if (settled !== f.entity) { f.entity = settled; if (f.resolvedBy === 'unresolved' || f.resolvedBy === 'role') f.resolvedBy = PERSONAL_PRONOUNS.has(doc.text.slice(f.mentionStart, f.mentionEnd).toLowerCase()) ? 'pronoun' : 'role' }
  }
  return assemble(doc, found.filter((f) => f.attribution.spans.length > 0), options)
}

function assemble (doc: Doc, found: Found[], options: ExtractOptions): Extraction {
  const speakerIds = new Map<number, number>()
  const speakers: ExtractedSpeaker[] = []
  const quotes: ExtractedQuote[] = []
  const minConfidence = options.minConfidence ?? 0
  for (const f of found) {
    const a = f.attribution
    const spans = a.spans.slice().sort((x, y) => x[0] - y[0])
    const start = spans[0]![0]
    const end = spans[spans.length - 1]![1]
    const type: QuoteType = a.direct ? 'direct' : a.quotes.length ? 'mixed' : 'indirect'
    const e = f.entity
    const confidence = Math.round(a.confidence * (e?.name ? 1 : 0.8) * 100) / 100
    if (confidence < minConfidence) continue
    let speaker: ExtractedQuote['speaker'] = null
    if (e) {
      let id = speakerIds.get(e.id)
      if (id === undefined) {
        id = speakers.length
        speakerIds.set(e.id, id)
        speakers.push({ id, name: e.name, kind: e.kind, title: e.titles[e.titles.length - 1] ?? null, aliases: aliasesOf(e) })
      }
      speaker = {
        id, name: e.name, mention: doc.text.slice(f.mentionStart, f.mentionEnd), start: f.mentionStart, end: f.mentionEnd,
        kind: e.kind, resolved_by: f.resolvedBy,
      }
    }
    const mentionStart = e ? f.mentionStart : start
    const mentionEnd = e ? f.mentionEnd : end
    quotes.push({
      text: spans.map(([s, t]) => doc.text.slice(s, t)).join(' … '),
      start,
      end,
      fragments: spans.length > 1 ? spans : null,
      type,
      cue: f.continues ? null : doc.text.slice(doc.starts[a.cue.start]!, doc.ends[a.cue.end - 1]!),
      speaker,
      confidence,
      via: a.via ? doc.text.slice(doc.starts[a.via.start]!, doc.ends[a.via.end - 1]!) : null,
      context: contextOf(doc, start, end, mentionStart, mentionEnd),
    })
  }
  return { extractor_version: EXTRACTOR_VERSION, quotes, speakers }
}

/**
 * A quote that runs over paragraphs and is attributed only in its last ("…¶"… ," he said.): its earlier paragraphs,
 * unless already taken, are fragments of it.
 */
function withEarlierParagraphs (doc: Doc, a: Attribution, used: Set<number>): void {
  const first = a.quotes[0]!
  let q = doc.quotes[first]!.continues
  for (let guard = 0; q !== -1 && !used.has(q) && guard < 20; guard++) {
    a.quotes.unshift(q)
    a.spans.unshift(quoteSpan(doc, q))
    q = doc.quotes[q]!.continues
  }
}

/** The index of the token that holds character `offset`, or the last one before it. */
function tokenAt (doc: Doc, offset: number): number {
  const { starts } = doc
  let lo = 0
  let hi = starts.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (starts[mid]! <= offset) lo = mid
    else hi = mid - 1
  }
  return lo
}

/** From the start of the first sentence the quote or its mention touches to the end of the last one. */
function contextOf (doc: Doc, start: number, end: number, mentionStart: number, mentionEnd: number): [number, number] {
  const first = doc.sentenceOf[tokenAt(doc, Math.min(start, mentionStart))]!
  const last = doc.sentenceOf[tokenAt(doc, Math.max(end, mentionEnd) - 1)]!
  const a = doc.sentences[first]!
  const b = doc.sentences[last]!
  return [doc.starts[a.firstToken]!, doc.ends[b.endToken - 1]!]
}

/**
 * "Prairie Central said it would pay …": a capitalised name without a known first name or a title, whose reported
 * clause goes on with "it", speaks as a body: an organisation, not a person ("he"/"she" would follow a person).
 */
function bodySpeaking (doc: Doc, a: Attribution, mention: Mention): Mention {
  if (mention.kind !== 'person' || mention.title || !mention.firstName || isFirstName(mention.firstName) || a.direct || !a.spans.length) return mention
  let k = tokenAt(doc, a.spans[0]![0])
  if (doc.tokens[k]?.lower === 'that') k++
  const w = doc.tokens[k]?.lower
  if (w !== 'it' && w !== 'its') return mention
  // Not the "it" of "it was too early", "it would be wrong": that one stands for no one.
  const next = doc.tokens[k + 1]?.lower ?? ''
  if (w === 'it' && (BE_FORMS.has(next) || (MODALS.has(next) && BE_FORMS.has(doc.tokens[k + 2]?.lower ?? '')))) return mention
  return { ...mention, kind: 'organization', surname: null, firstName: null, gender: null }
}

const BE_FORMS = new Set(['is', 'was', 'be', 's', '’s', "'s", 'seems', 'seemed', 'appears', 'appeared', 'remains', 'remained', 'takes', 'took'])
const MODALS = new Set(['would', 'will', 'could', 'might', 'may', 'should', 'must'])

/** How the entity behind a mention was found (see ResolvedBy). */
function resolvedBy (doc: Doc, mention: Mention, entity: Entity): ResolvedBy {
  if (!entity.name) return 'unresolved'
  if (mention.kind === 'pronoun' || mention.kind === 'relative') return 'pronoun'
  if (mention.kind === 'person') return 'name'
  // "The Calder Avenue Merchants Association" names it; "the museum", "its director" give a role.
  const words = doc.text.slice(doc.ends[mention.tokens.start]!, mention.end)
  if ((mention.kind === 'organization' || mention.kind === 'group') && (/\p{Lu}/u.test(words) || /^\p{Lu}/u.test(doc.tokens[mention.tokens.start]!.text) && !/^(the|its|their|a|an)$/i.test(doc.tokens[mention.tokens.start]!.text))) return 'name'
  if (mention.head && /^\d+-year-old$/.test(mention.head)) return 'description'
  return 'role'
}

function aliasesOf (e: Entity): string[] {
  const names = e.name ? [e.name, ...e.aliases.filter((a) => a !== e.name)] : e.aliases
  return [...new Set(names)]
}
