// Stage 4b (part): where a reported clause starts and ends within its sentence. The start skips a dateline, a
// connective or an introductory phrase that is the writer's; the end stops before a trailing modifier, a link, a
// second predicate or a source that is the writer's too; and an attribution inserted into its own content ("The goal,
// he said, is …") has the words before it as a front part of that content.
import { TokenKind, type Doc, type Token } from './document.js'
import type { Cue } from './cues.js'
import { PERSONAL_PRONOUNS, CUE_VERB_FORMS, WRITERS_PARTICIPLES } from './lexicon.js'
import { SENTENCE_PUNCT, LINKS, isClosingMark, type Subject } from './subjects.js'
import { predicateWord } from './content-start.js'
import { isPossessiveToken, quotesIn } from './token-runs.js'
import { isA, WordClass } from './word-classes.js'

const MAX_CLAUSE = 300
const MAX_FRONT = 80

/** Where a clause that starts at `from` ends (exclusive token index): the sentence's end, or a break before it. */
export function clauseEnd (doc: Doc, from: number, hi: number, stopAt: number, nominal = true): number {
  const { tokens, quoteOf } = doc
  // A reported clause longer than this is not one clause; the bound also keeps long run-on input linear.
  let end = Math.min(hi, stopAt, from + MAX_CLAUSE)
  const asides = new Map<string, boolean>()
  for (let i = from + 1; i < end; i++) {
    if (quoteOf[i] !== -1) continue
    const t = tokens[i]!
    if (t.text === ';') { end = i; break }
    // "… make sand “glow in the dark,” for instance", "“a terrible mistake,” although he supports …", "“bully” -- all
    // without naming him": after a quotation that closes, a concession, an example or a dash is the writer's comment.
    if (isClosingMark(doc, i - 1) && writersTailAfterQuote(doc, from, i, end)) { end = i; break }
    // A link is the writer's pointer, not what was said: "… would pass https://…", "… at www.…".
    if (((t.lower === 'http' || t.lower === 'https') && tokens[i + 1]?.text === ':') || t.lower.startsWith('www.')) { end = i; break }
    if (t.text === ',' && (tokens[i + 1]?.lower === 'according')) { end = i; break }
    // A trailing modifier after a comma is the writer's, not the speaker's: ", which the court has put on hold",
    // ", echoing a memo from …", ", compared with 33 percent last month", ", a former nominee who …".
    if (t.text === ',' && trailingModifier(doc, i + 1, end)) { end = i; break }
    // "… not classified at the time - a point that officials have disputed": a dash before the writer's comment.
    if ((t.text === '—' || t.text === '–' || t.text === '--' || t.text === '-') && tokens[i + 1] && quoteOf[i + 1] === -1 &&
      (isA(tokens[i + 1], WordClass.Determiner) || /^(which|who)$/.test(tokens[i + 1]!.lower)) && !hasLater(doc, i + 1, end, t.text)) { end = i; break }
    // "They acquire a radar - some lobbyists said they know whom to avoid - and develop …": an attribution inside a
    // dash aside reports only up to the dash that closes the aside.
    if ((t.text === '—' || t.text === '–' || t.text === '--' || t.text === '-')) {
      // Counted once per clause and kind of dash (the scan back is bounded by MAX_CLAUSE).
      let inside = asides.get(t.text)
      if (inside === undefined) asides.set(t.text, inside = insideDashAside(doc, from, t.text))
      if (inside) { end = i; break }
    }
    // "… to attack the oil that funds the Islamic State and proposed a safe zone": a second predicate of the subject.
    if (nominal && t.lower === 'and' && tokens[i + 1]?.kind === TokenKind.Word && /ed$/.test(tokens[i + 1]!.lower) && !tokens[i + 1]!.capitalized &&
      PAST_TENSE_FOLLOWS.test(tokens[i + 2]?.lower ?? '')) { end = i; break }
    // "… that X, and has approved Y": a second predicate of the speaker, not more of what was said.
    if (t.text === ',' && tokens[i + 1]?.lower === 'and' && /^(has|have|had)$/.test(tokens[i + 2]?.lower ?? '') && quoteOf[i + 2] === -1 &&
      /^(also )?[a-z]+(ed|en)$/.test(tokens[i + 3]?.lower ?? '')) { end = i; break }
    // "X said A, and he railed against …", ", but he sounded a nostalgic note": a new clause whose pronoun subject acts
    // in the past tense is the writer's narration; "…, and he would …" may still be reported and stays.
    if (t.text === ',' && /^(and|but)$/.test(tokens[i + 1]?.lower ?? '') && /^(he|she|they)$/.test(tokens[i + 2]?.lower ?? '') && quoteOf[i + 2] === -1) {
      const v = tokens[i + 3]?.lower === 'also' ? i + 4 : i + 3
      if (/^[a-z]{3,}ed$/.test(tokens[v]?.lower ?? '') && quoteOf[v] === -1) { end = i; break }
    }
    // "Cook said Carter stopped the practice, but Cook did not say when": the writer on what the speaker left out.
    if (t.text === ',' && /^(but|and|though|although)$/.test(tokens[i + 1]?.lower ?? '') && quoteOf[i + 1] === -1 && declinedAfter(doc, i + 2)) { end = i; break }
    // "“…,” according to the Wall Street Journal": the source after a quote is not content.
    if (t.lower === 'according' && tokens[i + 1]?.lower === 'to' && (tokens[i - 1]!.text === ',' || quoteOf[i - 1] !== -1)) { end = i; break }
  }
  // Leave out closing punctuation outside quotes.
  while (end > from && quoteOf[end - 1] === -1 && (SENTENCE_PUNCT.has(tokens[end - 1]!.text) || LINKS.has(tokens[end - 1]!.text) || tokens[end - 1]!.text === ':')) end--
  return end
}

/**
 * "Cook did not say when", "he declined to elaborate", "she wouldn't say": a name or pronoun (one or two words) then a
 * refusal to say more, starting at token `i`.
 */
function declinedAfter (doc: Doc, i: number): boolean {
  const { tokens, quoteOf } = doc
  let j = i
  const first = tokens[j]
  if (!first || quoteOf[j] !== -1 || first.kind !== TokenKind.Word) return false
  // "…, but would not say when": the speaker's own subject, left out.
  if (!/^(did|would|could|does|will|declined)$/.test(first.lower)) {
    if (!(first.capitalized || /^(he|she|they|it)$/.test(first.lower))) return false
    j++
    if (first.capitalized && tokens[j]?.capitalized && tokens[j]!.kind === TokenKind.Word) j++
  }
  const a = tokens[j]?.lower ?? ''
  const b = tokens[j + 1]?.lower ?? ''
  const c = tokens[j + 2]?.lower ?? ''
  if (a === 'declined' && (b === 'to' || b === 'comment')) return true
  return /^(did|would|could|does|will)$/.test(a) && b === 'not' && /^(say|specify|elaborate|explain|give|disclose|comment|respond|answer)$/.test(c)
}

/** Whether an odd number of `dash` marks (outside quotations) stand between the sentence's start and token `from`. */
function insideDashAside (doc: Doc, from: number, dash: string): boolean {
  const first = doc.sentences[doc.sentenceOf[from]!]!.firstToken
  let open = false
  // Bounded like the clause: a dash far back opens no aside around this content.
  for (let j = Math.max(first, from - MAX_CLAUSE); j < from; j++) if (doc.tokens[j]!.text === dash && doc.quoteOf[j] === -1) open = !open
  return open
}

/** Whether the mark `text` occurs again between `from` and `end` (a dash pair encloses an aside; content goes on). */
function hasLater (doc: Doc, from: number, end: number, text: string): boolean {
  for (let j = from; j < end; j++) if (doc.tokens[j]!.text === text && doc.quoteOf[j] === -1) return true
  return false
}

const PAST_TENSE_FOLLOWS = /^(a|an|the|his|her|their|its|that|to|for|on|in|him|them|it|this|[a-z]+s)$/


/**
 * After a closing quotation mark at `i - 1`: "although …", "for instance", or a dash that opens an aside no dash closes
 * (not the second dash of a pair around the quotation, "- ''So terrible'' - with a link").
 */
function writersTailAfterQuote (doc: Doc, from: number, i: number, end: number): boolean {
  const { tokens, quoteOf } = doc
  let j = i
  if (tokens[j]?.text === ',' && quoteOf[j] === -1) j++
  const t = tokens[j]
  if (!t || quoteOf[j] !== -1) return false
  if (/^(although|though|whereas)$/.test(t.lower) || (t.lower === 'for' && /^(instance|example)$/.test(tokens[j + 1]?.lower ?? ''))) return true
  const isDash = t.text === '—' || t.text === '–' || t.text === '--' || t.text === '-'
  return isDash && j === i && tokens[j + 1]?.kind === TokenKind.Word && quoteOf[j + 1] === -1 && !predicateWord(tokens[j + 1]) &&
    !hasLater(doc, j + 1, end, t.text) && !hasLater(doc, from, j, t.text)
}

/**
 * A finite verb right after a short noun phrase starting at `from` ("boss invited her", "spokesman was"): an
 * auxiliary, or a past tense with its object. A relative clause ("a job that had …", "a force the agency has …") is
 * the noun's, not a verb of its own.
 */
function hasFiniteVerb (doc: Doc, from: number, end: number): boolean {
  const { tokens, quoteOf } = doc
  for (let j = from + 1; j < Math.min(end, from + 4); j++) {
    if (quoteOf[j] !== -1) return false
    const t = tokens[j]!
    if (t.kind !== TokenKind.Word || /^(that|who|whom|which|whose)$/.test(t.lower) || isA(t, WordClass.Determiner | WordClass.PersonalPronoun)) return false
    if (isA(t, WordClass.FiniteAuxiliary)) return true
    const next = tokens[j + 1]
    if (/^[a-z]{3,}ed$/.test(t.text) && next && (isA(next, WordClass.Determiner) || /^(him|her|them|us|me|it)$/.test(next.lower))) return true
  }
  return false
}

/** Whether the words from `from` to the clause's end `end` are a trailing modifier (and no more commas follow). */
function trailingModifier (doc: Doc, from: number, end: number): boolean {
  const { tokens, quoteOf } = doc
  const t = tokens[from]
  if (!t || t.kind !== TokenKind.Word || quoteOf[from] !== -1) return false
  const w = t.lower
  const modifier = /^(which|who|whom|whose|compared|something)$/.test(w) || (w.endsWith('ing') && w.length > 5 && !t.capitalized && (CUE_VERB_FORMS.has(w) || WRITERS_PARTICIPLES.has(w))) ||
    ((w === 'a' || w === 'an') && end - from <= 15) ||
    // ", the latter a reference to clubs that …", ", also known as ISIL", ", double the number who …": the writer's gloss.
    (w === 'the' && /^(latter|former)$/.test(tokens[from + 1]?.lower ?? '')) ||
    (w === 'also' && tokens[from + 1]?.lower === 'known' && tokens[from + 2]?.lower === 'as') ||
    (/^(double|triple|twice|half)$/.test(w) && tokens[from + 1]?.lower === 'the')
  if (!modifier) return false
  // "…, a boss invited her to lunch": an article opening a clause with its own verb is no gloss.
  if ((w === 'a' || w === 'an') && hasFiniteVerb(doc, from + 1, end)) return false
  // "…, which calls on Israel to withdraw": a present-tense verb right after "which" describes a thing the speaker
  // named, and stays in what was said; "…, which the court has put on hold" is the writer's comment.
  if (w === 'which' && /^[a-z]+[^s]s$/.test(tokens[from + 1]?.lower ?? '') && !/^(this|its|his|has|was|is)$/.test(tokens[from + 1]!.lower)) return false
  for (let j = from + 1; j < end; j++) if (quoteOf[j] === -1 && (tokens[j]!.text === ',' || tokens[j]!.text === ';')) return false
  return true
}

/**
 * The token range before an attribution inserted into its own content ("The goal, he said, is …"), or the relative
 * pronoun that opens it ("…, which critics said was …"); null when neither.
 */
export function interruptedFront (doc: Doc, cue: Cue, left: Subject, b: number, lo: number, from: number): [number, number] | null {
  const { tokens, quoteOf } = doc
  const before = tokens[left.start - 1]
  if (left.start - 1 >= lo && before && quoteOf[left.start - 1] === -1 && (before.lower === 'which' || before.lower === 'what' || before.lower === 'that')) {
    // Only where the pronoun is the subject of what was said: "which critics said was …", "a strike that executives said
    // could …", not "to which X replied, “…”".
    const prep = tokens[left.start - 2]
    const first = tokens[from]
    if (prep && isA(prep, WordClass.NpStopper) && prep.lower !== 'and' && prep.lower !== 'but') return null
    if (!first || first.kind !== TokenKind.Word || first.capitalized || isA(first, WordClass.Determiner | WordClass.PersonalPronoun) || first.lower === 'that') return null
    return [left.start - 1, left.start]
  }
  // The front may be a single word opening the sentence: "Trump, Sexton said, has …", "Instead, he told CNN, …".
  if (!((b > lo || (b === lo && tokens[b]!.kind === TokenKind.Word)) && tokens[b + 1]?.text === ',' && quoteOf[b] === -1)) return null
  // "… every morning because, she says, CLAUSE": a front that ends in a conjunction is the writer's; the content
  // starts after the attribution.
  // "Beyond that, he said, …", "After that": "that" after a preposition is a pronoun, not a conjunction.
  const pronounThat = tokens[b]!.lower === 'that' && /^(beyond|after|before|besides|despite|like|than|with|without|for|of|at|by|from|on|in)$/.test(tokens[b - 1]?.lower ?? '')
  if (!pronounThat && /^(because|since|that|if|when|and|but|so|although|though|while|as|until|unless)$/.test(tokens[b]!.lower)) return null
  // The cue must be set off by a comma after it as well: "…, he said, …" (time words may come between).
  let comma = false
  // "Fraudsters, he said in the video, don't last long": a short aside of circumstance before the closing comma.
  const aside = from - cue.end <= 10 && tokens[from - 1]?.text === ',' && predicateWord(tokens[from])
  for (let i = cue.end; i < from; i++) {
    const t = tokens[i]!
    if (t.text === ',') comma = true
    // A verb of saying here starts an attribution of its own; a capitalised one is a name ("told the Echo").
    else if (quoteOf[i] !== -1 || (isA(t, WordClass.CueVerbForm) && !t.capitalized) || t.lower === 'that') return null
    // "Instead, Trump told CNN, …", "…, she told reporters, …": the addressee of a verb that takes one.
    else if (cue.verb.object && i - cue.end < 4 && (t.capitalized || isPossessiveToken(t) || /^(the|reporters|journalists|him|her|them|me|us)$/.test(t.lower))) continue
    else if (!(aside || isA(t, WordClass.TimeWord | WordClass.PreCueAdverb) || t.lower === 'on' || t.kind === TokenKind.Number)) return null
  }
  if (!comma) return null
  let start = clauseStartAt(doc, lo, b)
  // A front is a phrase or a short clause; a longer run is no front (and the scans below stay bounded).
  if (b - start > MAX_FRONT) return null
  // "And the first step, allies say, will be …": a leading conjunction is the writer's.
  if (start < b && /^(and|but|so|or)$/.test(tokens[start]!.lower)) start++
  // "… de Blasio intervened: If Sanders would debate, de Blasio tweeted, “…”": the writer's lead-in ends at a colon.
  for (let i = b - 1; i > start; i--) if (tokens[i]!.text === ':' && quoteOf[i] === -1) { start = i + 1; break }
  // A verb of saying in the front is an attribution of its own; after a determiner it is a noun ("In his state").
  for (let i = start; i <= b; i++) if (isA(tokens[i], WordClass.CueVerbForm) && quoteOf[i] === -1 && !(i > start && isA(tokens[i - 1], WordClass.Determiner))) return null
  // "Sanders compared himself to Clinton, saying, “…”": a front that holds the speaker is the writer's clause.
  if (start <= left.start && left.start <= b) return null
  // "In a brief interview on Wednesday, Mr. Sloan said, “…”", "Taking it in, Trump said, “…”": when a quotation opens
  // the content, an unquoted front that says where, when or how it was said is the writer's introduction. A front that
  // is a clause or a connective ("If Clinton is elected, he said, “…”", "In other words, he said, “…”") is the speaker's.
  if (quoteOf[from] !== -1 && quotesIn(doc, start, b + 1).length === 0 &&
    (writersIntroduction(doc, start, b + 1) || tokens[cue.start]!.lower.endsWith('ing'))) return null
  // "In the early 1990s, Hale said, a boss …": a date set before an inserted attribution is the writer's too.
  if (quotesIn(doc, start, b + 1).length === 0 && datePhrase(doc, start, b + 1)) return null
  return start <= b ? [start, b + 1] : null
}

const INTRODUCING_PREPOSITIONS = new Set(['in', 'on', 'at', 'during', 'after', 'before', 'from', 'with', 'via', 'over', 'through', 'to', 'upon', 'outside', 'inside'])
/** Set phrases that join a sentence to the one before it: the speaker's words, not the writer's setting. */
const LINKING_PHRASES = /^(in (other words|short|fact|particular|addition|any case|the end|turn|contrast)|on the other hand|at the same time|of course)$/

/**
 * Whether a front ("On ABC's “Good Morning America” Tuesday", "In a written statement", "Taking it in") is the
 * writer's setting of a quotation: a prepositional phrase or a participle phrase, not a set linking phrase.
 */
function writersIntroduction (doc: Doc, start: number, end: number): boolean {
  const first = doc.tokens[start]!
  if (first.kind !== TokenKind.Word) return false
  const words: string[] = []
  for (let i = start; i < end && words.length < 5; i++) if (doc.tokens[i]!.kind === TokenKind.Word) words.push(doc.tokens[i]!.lower)
  if (LINKING_PHRASES.test(words.join(' '))) return false
  // "As boos erupt from the crowd, the executive says, “…”": a clause of what happened meanwhile; not "As for …".
  if (first.lower === 'as' && words[1] !== 'for' && words[1] !== 'to') return true
  return INTRODUCING_PREPOSITIONS.has(first.lower) || isA(first, WordClass.TimeWord) || (first.lower.endsWith('ing') && first.lower.length > 5)
}

/** "In the early 1990s", "In 2012", "On Tuesday", "Last year": a preposition or "last" and a time, and nothing more. */
function datePhrase (doc: Doc, start: number, end: number): boolean {
  const { tokens } = doc
  if (end - start > 5 || !/^(in|on|at|during|last|this|early|late)$/.test(tokens[start]!.lower)) return false
  let time = false
  for (let i = start + 1; i < end; i++) {
    const t = tokens[i]!
    if (t.kind === TokenKind.Number || isA(t, WordClass.TimeWord) || /^\d{4}s$/.test(t.lower)) time = true
    else if (!/^(the|early|late|mid|that|this|last|next)$/.test(t.lower)) return false
  }
  return time
}

/**
 * Where the content of a sentence-initial clause starts: after leading punctuation and a dateline
 * ("WASHINGTON (AP) — ", "LOS ANGELES, Feb. 2 (UPI) — ").
 */
export function clauseStartAt (doc: Doc, lo: number, limit: number): number {
  const { tokens, quoteOf } = doc
  let start = lo
  while (start < limit && tokens[start]!.kind === TokenKind.Punct && quoteOf[start] === -1) start++
  for (let i = start + 1; i < limit && i - start <= 14; i++) {
    const t = tokens[i]!
    if (quoteOf[i] !== -1) break
    if (t.text === '—' || t.text === '--' || t.text === '–') {
      const prev = tokens[i - 1]!
      const dateline = prev.text === ')' || (prev.kind === TokenKind.Word && prev.text.length >= 2 && prev.text === prev.text.toUpperCase() && /\p{Lu}/u.test(prev.text))
      if (dateline && tokens[start]!.text === tokens[start]!.text.toUpperCase()) return i + 1 < limit ? i + 1 : start
      break
    }
  }
  // "Still, Cruz will be …, a source said", "However, the vote …": a connective set off by a comma is the writer's.
  if (start + 2 < limit && quoteOf[start] === -1 && CONNECTIVES.has(tokens[start]!.lower) && tokens[start + 1]!.text === ',' && quoteOf[start + 1] === -1) return start + 2
  return start
}

/**
 * "Though he has no path to the nomination, KASICH APPEARS …, according to …": an introductory subordinate or
 * participial phrase ended by a comma is the writer's framing, not the source's content.
 */
export function afterIntroduction (doc: Doc, from: number, to: number): number {
  const { tokens, quoteOf } = doc
  const first = tokens[from]
  if (!first || first.kind !== TokenKind.Word) return from
  const w = first.lower
  if (!(/^(though|although|despite|even|while|whereas|unlike|boasting|given|because|since|after|before|amid)$/.test(w) ||
    (w.endsWith('ing') && w.length > 5))) return from
  for (let i = from + 1; i < to - 3 && i - from <= 30; i++) {
    if (quoteOf[i] === -1 && tokens[i]!.text === ',') return i + 1
  }
  return from
}

/** Trims a connective left before the next attribution's subject ("… solution as the officials revealed"). */
export function trimConnective (tokens: Token[], from: number, end: number): number {
  // "…, and then pointed out", "…, while also suggesting": adverbs that join the next verb go with the connective.
  while (end > from && /^(as|and|while|but|,|—|–|-|when|after|because|since|so|though|although|even|then|also|later|again|instead)$/.test(tokens[end - 1]!.lower)) end--
  return end
}

const CONNECTIVES = new Set(['but', 'and', 'yet', 'so', 'still', 'however', 'now', 'also', 'meanwhile', 'instead', 'moreover', 'indeed', 'then'])

/** Only punctuation and sentence connectives ("But,", "And yet") between `from` and `to`. */
export function onlyConnectives (doc: Doc, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const t = doc.tokens[i]!
    if (doc.quoteOf[i] !== -1) return false
    if (t.kind === TokenKind.Word ? !CONNECTIVES.has(t.lower) : t.kind !== TokenKind.Punct) return false
  }
  return true
}

/** Prepositions whose phrase can follow a verb of saying without being what was said. */
// Not "for", "against", "about", "with", "of": "asked for a photo", "argued against intervention", "agreed with Matthews"
// report a request, a stance or an accord.
const PHRASE_PREPOSITIONS = new Set(['to', 'in', 'on', 'at', 'over', 'from', 'into', 'out', 'during', 'after', 'across', 'through', 'by', 'before'])
/** Words after "to" that make it a preposition ("wrote to investors", "added to her lead"), not an infinitive. */
const OBJECT_OPENERS = new Set(['him', 'her', 'them', 'us', 'me', 'it', 'this', 'that', 'these', 'those'])

/**
 * "Ackman wrote to investors", "his aides argued in interviews this week", "it only added to the picture of a campaign
 * in chaos": content that is one prepositional phrase, with no clause, quotation or infinitive in it, says where,
 * when or to whom, not what. An infinitive ("pledged to ban …") and a clause ("said in a statement that …") stay.
 */
export function prepositionalPhraseOnly (doc: Doc, from: number, end: number): boolean {
  const { tokens, quoteOf } = doc
  // "asked reporters rhetorically during a news conference": an adverb of manner may open the phrase.
  while (from < end - 1 && quoteOf[from] === -1 && /^[a-z]{4,}ly$/.test(tokens[from]!.text) && !isA(tokens[from], WordClass.LyNoun)) from++
  const first = tokens[from]!
  if (!PHRASE_PREPOSITIONS.has(first.lower) || end - from > 20) return false
  if (first.lower === 'to') {
    const next = tokens[from + 1]
    if (!next || !(isA(next, WordClass.Determiner) || OBJECT_OPENERS.has(next.lower) || next.capitalized || next.kind === TokenKind.Number)) return false
  }
  for (let i = from; i < end; i++) {
    if (quoteOf[i] !== -1) return false
    const w = tokens[i]!.lower
    if (w === 'that' || w === 'whether' || w === 'how' || w === 'what' || w === 'why' || CUE_VERB_FORMS.has(w) || (PERSONAL_PRONOUNS.has(w) && i > from)) return false
  }
  return true
}
