// Stage 4b (part): who is the subject of a cue, for the attribution patterns. The noun phrase before a verb of
// saying, through appositions and asides ("Steve Witkoff, the US special envoy, told …", "Leif, from the doorway,
// says …"), after it ("…," said Ann Cole), or shared with an earlier verb ("X did this and says …", "…, X said, adding
// that …").
import { TokenKind, type Doc, type Token } from './document.js'
import type { Cue } from './cues.js'
import { NAMING_VERB, NOUN_LIKE } from './cues.js'
import { TIME_WORDS, PERSONAL_PRONOUNS, CUE_VERB_FORMS, DETERMINERS, LY_NOUNS, NP_STOPPERS } from './lexicon.js'
import { isFirstNameToken } from './first-names.js'
import { hasWord } from './token-runs.js'
import { describedBefore, isAppositive, isNounish, phraseAfter, phraseBefore, type Range } from './phrases.js'
import { isA, WordClass } from './word-classes.js'

export const isClosingMark = (doc: Pick<Doc, 'tokens' | 'quoteOf' | 'quotes'>, i: number): boolean =>
  i >= 0 && i < doc.tokens.length && doc.quoteOf[i] !== -1 && doc.quotes[doc.quoteOf[i]!]!.close === i
export const isOpeningMark = (doc: Pick<Doc, 'tokens' | 'quoteOf' | 'quotes'>, i: number): boolean =>
  i >= 0 && i < doc.tokens.length && doc.quoteOf[i] !== -1 && doc.quotes[doc.quoteOf[i]!]!.open === i

export const SENTENCE_PUNCT = new Set(['.', '!', '?', '…', '...'])
export const LINKS = new Set([',', '—', '–', '--', '-'])
export const AUXILIARIES = new Set(['is', 'are', 'was', 'were', 'has', 'have', 'had', 'will', 'would', 'can', 'could', 'may', 'might', 'must', 'should', 'did', 'does', 'do', 'be'])

export interface Subject { speaker: Range, apposition: Range | null, start: number }

/** A cue that reads only as a verb ("said", "insisted"), not one that may be a noun ("state", "cry", "reports"). */
function plainCue (doc: Doc, cue: Cue): boolean {
  const w = doc.tokens[cue.start]!.lower
  // "say", "argue", "insist" are listed as noun-like for "have a say", "to argue"; after a noun phrase they are the
  // verb: "campaigners say …", "Trump fans insist …".
  return cue.end - cue.start === 1 && (!NOUN_LIKE.has(w) || BASE_VERBS.has(w)) && !AMBIGUOUS_CUES.has(w)
}

/** Base forms of verbs of saying that are not nouns: after a plural subject they are the verb. */
const BASE_VERBS = new Set(['say', 'tell', 'ask', 'deny', 'write', 'suggest', 'argue', 'insist', 'warn', 'confirm', 'announce', 'explain',
  'admit', 'declare', 'predict', 'urge', 'describe', 'accuse', 'criticize', 'acknowledge', 'indicate', 'reveal', 'respond'])

/**
 * A described subject ("the billionaire real estate magnate says …") for a finite cue only: not a participle that
 * modifies a noun ("a plan announced earlier", "rivals promising upheaval", "a fact later confirmed by …").
 */
function describedSubject (doc: Doc, cue: Cue, end: number, lo: number): Range | null {
  const { tokens } = doc
  const verb = tokens[cue.start]!.lower
  const next = tokens[cue.end]?.lower
  if (verb.endsWith('ing') || next === 'by' || next === 'to' || next === 'as') return null
  const r = describedBefore(doc, end, lo)
  if (!r) return null
  const first = tokens[r.start]!.lower
  // "a plan announced earlier" is a noun and its participle; "a Clinton ally suggested she would …" a subject and
  // its verb, told apart by the clause that follows.
  // "A young boy shouted, “…”": a quotation after the verb's comma or colon is what the subject said.
  const quotationNext = (next === ',' || next === ':') && isOpeningMark(doc, cue.end + 1)
  if ((first === 'a' || first === 'an') && verb.endsWith('ed') && end === cue.start && !quotationNext &&
    !(next === 'that' || (next !== undefined && CLAUSE_SUBJECTS.has(next)))) return null
  return r
}

const CLAUSE_SUBJECTS = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'there'])

const AMBIGUOUS_CUES = new Set(['called', 'calls', 'call', 'calling', 'cry', 'cries', 'boast', 'boasts', 'slams', 'blasts', 'pitch', 'pitches', 'welcome', 'welcomes', 'sing', 'sings', 'snap', 'chant', 'chants', 'thunder', 'muse', 'whisper', 'whispers', 'counter', 'counters', 'quip', 'quips', 'added'])

/** Skips adverbs and auxiliaries leftwards from the cue: "X also has said". */
function skipAdverbsLeft (tokens: Token[], i: number, lo: number): number {
  // "X is calling for", "X has been saying": a progressive cue takes a form of "be" as well.
  const progressive = i + 1 < tokens.length && tokens[i + 1]!.lower.endsWith('ing')
  while (i >= lo && (isA(tokens[i], WordClass.PreCueAdverb) || (progressive && PROGRESSIVE_AUX.has(tokens[i]!.lower)) || mannerAdverb(tokens[i]!) ||
    // "he’s predicted", "they’ve said", "I’d said": a contracted auxiliary after a pronoun.
    (CONTRACTED_AUX.has(tokens[i]!.lower) && i > lo && isA(tokens[i - 1], WordClass.PersonalPronoun)))) i--
  // "McAuliffe on Friday announced", "Wells Fargo just this month announced", "defenders today argue": a time phrase
  // between the subject and its verb (a few words, ending in a time word).
  if (i > lo && isA(tokens[i], WordClass.TimeWord)) {
    let j = i - 1
    while (j > lo && i - j < 4 && (isA(tokens[j], WordClass.TimeWord) || TIME_PHRASE_WORDS.has(tokens[j]!.lower))) j--
    // What is left before it must be able to end a subject: a word (a name, a noun) or a closing comma.
    if (j >= lo && (tokens[j]!.kind === TokenKind.Word || tokens[j]!.text === ',') && !TIME_PHRASE_WORDS.has(tokens[j]!.lower)) {
      i = j
      while (i >= lo && isA(tokens[i], WordClass.PreCueAdverb)) i--
    }
  }
  return i
}

const CONTRACTED_AUX = new Set(['’s', "'s", '’ve', "'ve", '’d', "'d", '’ll', "'ll", '’re', "'re", '’m', "'m"])

/** "Cruz strongly suggested", "she defiantly told": an adverb of manner between a subject and its verb. */
function mannerAdverb (t: Token): boolean {
  return t.kind === TokenKind.Word && !t.capitalized && t.lower.length >= 5 && t.lower.endsWith('ly') && !isA(t, WordClass.LyNoun)
}

/** Words that open or join a time phrase before a verb: "on Friday", "just this month", "late last week". */
const TIME_PHRASE_WORDS = new Set(['on', 'this', 'last', 'next', 'early', 'late', 'earlier', 'just', 'in', 'the', 'that', 'same'])

/**
 * "Voters are generally more likely to say …", "He is expected to tell …": the cue's subject stands before the
 * frame; the index where the frame starts, or `cueStart` when there is none.
 */
function infinitiveFrameStart (doc: Doc, cueStart: number, lo: number): number {
  const { tokens, quoteOf } = doc
  let i = cueStart - 1
  if (i - 1 < lo || tokens[i]!.lower !== 'to' || quoteOf[i] !== -1) return cueStart
  i--
  // "went on to say" is a cue of its own ("went on"), whose subject is found from there.
  if (tokens[i]!.lower === 'on' || !isA(tokens[i], WordClass.InfinitiveFrame) || quoteOf[i] !== -1) return cueStart
  // "more likely", "slightly more likely", "is expected", "were generally more likely".
  while (i - 1 >= lo && quoteOf[i - 1] === -1 && /^(more|less|most|least|much|far|slightly|generally|very|so|too|also|now|still|not|never|is|are|was|were|be|been|being|would|will|could|might|may|has|have|had|seem|seemed|seems|appear|appears)$/.test(tokens[i - 1]!.lower)) i--
  return i
}

const PROGRESSIVE_AUX = new Set(['is', 'are', 'was', 'were', 'been', 'be', '’s', "'s", '’re', "'re", 'am', '’m', "'m"])

/** The subject before a cue, through an apposition if there is one. */
export function subjectBefore (doc: Doc, cue: Cue, lo: number): Subject | null {
  const { tokens, quoteOf } = doc
  let end = skipAdverbsLeft(tokens, infinitiveFrameStart(doc, cue.start, lo) - 1, lo) + 1
  // "X (herself) was quoted as saying …": the subject stands before the passive frame.
  if (end - 2 > lo && tokens[end - 1]!.lower === 'as' && tokens[end - 2]!.lower === 'quoted' && tokens[cue.start]!.lower === 'saying') {
    end = skipAdverbsLeft(tokens, end - 3, lo) + 1
    while (end > lo && /^(was|were|is|are|been|has|have|had|be|himself|herself|themselves|itself)$/.test(tokens[end - 1]!.lower)) end--
    if (end <= lo) return null
  }
  if (end <= lo) return null
  // "at least one shouting match": a participle right after a bare quantifier modifies the noun after it.
  if (end === cue.start && tokens[cue.start]!.lower.endsWith('ing') && /^(one|another|some|many|several|both|others)$/.test(tokens[end - 1]!.lower)) return null
  // "…, according to the council, which said in a statement that …": "which" speaks for the noun phrase before it.
  if (end - 2 > lo && tokens[end - 1]!.lower === 'which' && tokens[end - 2]!.text === ',' && quoteOf[end - 2] === -1) {
    // Only a body: "the report, which said …" is a document, and a person takes "who".
    const body = phraseBefore(doc, end - 2, lo)
    const head = body ? tokens[body.end - 1]! : null
    // Not the sentence's own subject ("The report, which said …, was published"): the clause would end mid-sentence.
    if (body && head && body.start > lo && (isA(head, WordClass.OrgHead) || head.capitalized)) return { speaker: body, apposition: null, start: end - 1 }
  }
  // "…, with three in 10 saying a running mate would not matter": after "with", a participle has its own subject.
  // Not "with 94 percent of precincts reporting.": the participle must report something.
  if (end === cue.start && tokens[cue.start]!.lower.endsWith('ing') && tokens[cue.end] !== undefined && tokens[cue.end]!.kind !== TokenKind.Punct) {
    const r = describedBefore(doc, end, lo) ?? phraseBefore(doc, end, lo)
    if (r && r.start > lo && tokens[r.start - 1]!.lower === 'with' && quoteOf[r.start - 1] === -1) return { speaker: r, apposition: null, start: r.start }
  }
  const direct = phraseBefore(doc, end, lo) ?? (plainCue(doc, cue) ? describedSubject(doc, cue, end, lo) : null) ?? subjectAfterQuotation(doc, end, lo)
  // "X called Y Z" without a quotation: only a name or a pronoun names someone; "a company called Cambridge
  // Analytica", "one PAC called Stop Hillary" give a thing its name.
  if (direct && cue.verb === NAMING_VERB) {
    const first = tokens[direct.start]!
    const last = tokens[direct.end - 1]!
    if (isA(first, WordClass.Determiner) || !(isA(last, WordClass.PersonalPronoun) || (last.capitalized && !isA(last, WordClass.OrgHead)))) return null
  }
  if (direct) {
    // "Voters who have listened to his speeches said …": the phrase before the verb is inside a relative clause
    // without commas; the clause's noun is the subject.
    const outer = doc.tokens[direct.start]!.lower === 'who' ? null : restrictiveRelativeHead(doc, direct.start, lo)
    if (outer) return { speaker: outer.head, apposition: { start: outer.who, end: direct.end }, start: outer.head.start }
    return { speaker: direct, apposition: null, start: direct.start }
  }
  // "X -- who has been involved in a scuffle -- said": an apposition between dashes.
  const dash = tokens[end - 1]?.text
  if (dash === '--' || dash === '—' || dash === '–') {
    for (let c = end - 2; c > lo && end - c <= 40; c--) {
      if (tokens[c]!.text !== dash || quoteOf[c] !== -1) continue
      const head = phraseBefore(doc, c, lo)
      return head && c + 1 < end - 1 ? { speaker: head, apposition: { start: c + 1, end: end - 1 }, start: head.start } : null
    }
    return null
  }
  // "Steve Witkoff, the US special envoy to the Middle East, told …": find the comma that opens the apposition. It may
  // stand inside a closing quotation ("Ann Cole, the author of “Bridges,” said").
  const closingComma = isClosingMark(doc, end - 1) && tokens[end - 2]?.text === ','
  if (tokens[end - 1]?.text !== ',' && !closingComma) return null
  // "Sen. Jack Reed (D-R.I.), said": a comma after a name's party tag, before the verb, sets nothing off.
  if (tokens[end - 2]?.text === ')' && quoteOf[end - 2] === -1) {
    let open = end - 3
    while (open > lo && end - open <= 6 && tokens[open]!.text !== '(') open--
    const tag = tokens[open + 1]
    const tagged = tokens[open]?.text === '(' && tag && /^[RDI]-/.test(tag.text) ? phraseBefore(doc, end - 1, lo) : null
    // Not inside an apposition: "Jeff Bechdel, chairman of America Rising (a PAC), tweeted".
    if (tagged && tokens[tagged.end - 1]!.capitalized && (tagged.start === lo || (tokens[tagged.start - 1]!.kind === TokenKind.Punct && tokens[tagged.start - 1]!.text !== ','))) return { speaker: tagged, apposition: null, start: tagged.start }
  }
  // Appositions may stack: "Yin Myint May, 60, a doctor, said". A quotation inside one is part of it
  // ("Hemsley, the co-author of “Going Viral,” said"; "Mr. Manafort, citing “the unique magic of Trump,” said").
  let segmentEnd = end - 1
  let apposition: Range | null = null
  let placeComma = -1
  for (let c = end - 2; c > lo && end - c <= 45; c--) {
    if (quoteOf[c] !== -1) {
      if (closingComma && isOpeningMark(doc, c) && !(c > lo && doc.quoteOf[c - 1] === -1 && tokens[c - 1]!.kind === TokenKind.Word)) return null
      if (isOpeningMark(doc, c) && tokens[c - 1]?.text === ',') return null
      continue
    }
    if (tokens[c]!.text !== ',') continue
    // "a truck driver from Ava, Mo., said", "a woman in Worcester, Massachusetts, told": a state after its city is part
    // of the segment before it, not a segment of its own.
    if (isStateAfterCity(doc, c, segmentEnd)) { if (placeComma === -1) placeComma = c; continue }
    // "Leif, from the doorway, says …", "Okafor, at a briefing, said …": a short place or time aside is no title.
    if (segmentEnd - c - 1 <= 8 && ASIDE_PREPOSITIONS.has(tokens[c + 1]!.lower) && noVerbOrQuote(doc, c + 2, segmentEnd)) {
      const head = phraseBefore(doc, c, lo)
      // "Mira Okonjo, who lost her shop in Pell River, Nebraska, in the 2019 flood, said": an aside inside a relative
      // clause belongs to it; the speaker is before the clause.
      if (relativeClauseBefore(doc, c, Math.max(lo, end - 45)) !== -1) continue
      // "Voters who heard his speeches, on television or at events, said": the noun the clause describes speaks.
      const described = head ?? describedBefore(doc, c, lo)
      const outer = described ? restrictiveRelativeHead(doc, described.start, lo) : null
      if (outer) return { speaker: outer.head, apposition: { start: outer.who, end: end - 1 }, start: outer.head.start }
      // "The company, in a news release, said", "The mayor, at a briefing, said": a body or a person named by a noun
      // speaks too.
      if (described && (tokens[described.end - 1]!.capitalized || isNounish(tokens[described.end - 1]!))) return { speaker: described, apposition, start: described.start }
      return null
    }
    // "Even the field's biggest hawks, like Cole and Ruiz, say …", "Voters, including Ms. Lee, said …": examples set
    // off by commas belong to the noun before them, which speaks.
    if (segmentEnd - c - 1 <= 12 && /^(like|including|especially|notably)$/.test(tokens[c + 1]!.lower) && noVerbOrQuote(doc, c + 2, segmentEnd)) {
      const head = phraseBefore(doc, c, lo) ?? describedBefore(doc, c, lo)
      // "veterans interviewed at rallies, including Mr. Jebens, said": the noun a participle describes speaks.
      const outer = participleHead(doc, head ? head.start : c, lo)
      if (outer) return { speaker: outer, apposition: { start: outer.end, end: end - 1 }, start: outer.start }
      if (head && !insideRelative(doc, head.start, lo)) return { speaker: head, apposition: { start: c + 1, end: end - 1 }, start: head.start }
    }
    if (!isAppositive(tokens, c + 1, segmentEnd)) {
      // "Sandy Phillips, who lost her daughter in Aurora, Colorado, in 2012, said": commas inside a relative clause
      // do not end it; the clause runs from ", who" to the comma before the verb.
      const relative = relativeClauseBefore(doc, c, Math.max(lo, end - 45))
      if (relative !== -1) {
        const head = phraseBefore(doc, relative, lo) ?? describedBefore(doc, relative, lo)
        if (head) return { speaker: head, apposition: { start: relative + 1, end: end - 1 }, start: head.start }
      }
      // "The state’s campaign chairman, Phil Lovas, said": a role, then the name in apposition; the name speaks.
      const name = apposition === null ? phraseAfter(doc, c + 1, segmentEnd) : null
      if (!name || name.start !== c + 1 || name.end !== segmentEnd || !tokens[name.end - 1]!.capitalized) return null
      let role = phraseBefore(doc, c, lo) ?? describedBefore(doc, c, lo)
      if (!role) return null
      // "The governor of Ohio, John Kasich, said": the role's head comes before its "of".
      let head = role.end - 1
      // "One of the family's attorneys, Justin Bamberg, said": after a quantifier the role's head follows its "of".
      const quantified = role.start + 1 < role.end && tokens[role.start + 1]!.lower === 'of' && /^(one|two|three|some|many|several|another|each|both|most|none)$/.test(tokens[role.start]!.lower)
      if (!quantified) for (let k = role.start + 1; k < role.end; k++) if (tokens[k]!.lower === 'of') { head = k - 1; break }
      // "Another delegate on the Cruz slate, Jim Poolman, said": the role's head comes before its prepositional phrase.
      const prep = tokens[role.start - 1]
      if (prep && role.start - 1 > lo && /^(on|at|for|from|in|with)$/.test(prep.lower) && quoteOf[role.start - 1] === -1) {
        const before = describedBefore(doc, role.start - 1, lo) ?? phraseBefore(doc, role.start - 1, lo)
        if (before) { role = { start: before.start, end: role.end }; head = before.end - 1 }
      }
      // A described role ("another delegate") needs no role word; a bare one ("campaign chairman") does.
      // A capitalised head is a name ("Clinton, Sanders, said"), unless it is a title ("The group's CEO, Kim Fritts").
      if ((tokens[head]!.capitalized && !isA(tokens[head], WordClass.Title)) || (!isNounish(tokens[head]!) && !isA(tokens[role.start], WordClass.Determiner))) return null
      return { speaker: name, apposition: role, start: role.start }
    }
    apposition ??= { start: c + 1, end: end - 1 }
    // A relative clause may follow a described speaker too: "Several curators, who asked not to be named, said".
    const relative = tokens[c + 1]!.lower === 'who' || tokens[c + 1]!.lower === 'whose'
    const head = phraseBefore(doc, c, lo) ?? (relative || appositionHasRelative(doc, c + 1, end - 1) ? describedBefore(doc, c, lo) : null)
    if (head && !insideRelative(doc, head.start, lo)) return { speaker: head, apposition: { start: c + 1, end: apposition.end }, start: head.start }
    segmentEnd = c
  }
  // "Paul Porter of Ava, Mo., said", "A woman in Worcester, Massachusetts, told": the speaker with where they are from.
  if (placeComma !== -1 && apposition === null) {
    const place = phraseBefore(doc, placeComma, lo)
    if (!place) return null
    const prep = tokens[place.start - 1]
    if (prep && place.start - 1 > lo && /^(in|from|at|near)$/.test(prep.lower)) {
      const head = describedBefore(doc, place.start - 1, lo) ?? phraseBefore(doc, place.start - 1, lo)
      return head ? { speaker: head, apposition: { start: place.start - 1, end: end - 1 }, start: head.start } : null
    }
    // The phrase itself names the person with their town ("Paul Porter of Ava").
    if (tokens[place.start]!.capitalized && hasWord(doc, place.start, place.end, 'of')) {
      return { speaker: place, apposition: { start: placeComma + 1, end: end - 1 }, start: place.start }
    }
  }
  return null
}

/** Tokens c+1 to `end` are a state or country after a city at c-1: "Ava, Mo.", "Worcester, Massachusetts", "Paris, France". */
function isStateAfterCity (doc: Doc, c: number, end: number): boolean {
  const { tokens, quoteOf } = doc
  const city = tokens[c - 1]
  if (!city || city.kind !== TokenKind.Word || !city.capitalized || quoteOf[c - 1] !== -1 || end - c - 1 < 1 || end - c - 1 > 4) return false
  let words = 0
  for (let i = c + 1; i < end; i++) {
    const t = tokens[i]!
    if (t.text === '.') continue
    // "Lindsey Graham, R-S.C., said": a party tag, not a place.
    if (t.kind !== TokenKind.Word || !t.capitalized || isA(t, WordClass.Title) || /^[RDI]-/.test(t.text)) return false
    // "the governor of Ohio, John Kasich, said": a first name and a surname are a person, not a state.
    if (words === 0 && isFirstNameToken(t) && tokens[i + 1]?.kind === TokenKind.Word) return false
    words++
  }
  return words >= 1 && words <= 2
}

/**
 * The comma that opens a relative clause (", who …", ", whose …") at or before `from`, back to `lo`, with no
 * quotation or clause-ending punctuation in between; -1 when there is none.
 */
function relativeClauseBefore (doc: Doc, from: number, lo: number): number {
  const { tokens, quoteOf } = doc
  for (let c = from; c > lo; c--) {
    const t = tokens[c]!
    if (quoteOf[c] !== -1 || t.text === ';' || t.text === ':' || SENTENCE_PUNCT.has(t.text)) return -1
    if (t.text === ',' && (tokens[c + 1]?.lower === 'who' || tokens[c + 1]?.lower === 'whose')) return c
  }
  return -1
}

/** Participles that describe the people who speak: "veterans interviewed at rallies", "voters polled in May". */
const DESCRIBING_PARTICIPLES = new Set(['interviewed', 'polled', 'surveyed', 'questioned', 'contacted', 'reached', 'gathered', 'quoted', 'consulted', 'attending'])

/** The plural noun that a participle phrase holding the phrase at `at` describes ("[veterans] interviewed at [rallies]"), or null. */
function participleHead (doc: Doc, at: number, lo: number): Range | null {
  const { tokens, quoteOf } = doc
  for (let w = at - 1; w > lo && at - w <= 12; w--) {
    const t = tokens[w]!
    if (quoteOf[w] !== -1 || t.kind === TokenKind.Punct) return null
    if (!DESCRIBING_PARTICIPLES.has(t.lower)) continue
    const head = describedBefore(doc, w, lo) ?? phraseBefore(doc, w, lo)
    return head && head.end === w && tokens[w - 1]!.lower.endsWith('s') ? head : null
  }
  return null
}

/**
 * The noun a restrictive relative clause describes when the phrase starting at `at` lies inside that clause: "voters
 * who have listened to [his speeches] said", "Democrats who backed [Trump] say". The clause opens with "who" right
 * after its noun, with no comma, quotation or clause punctuation up to `at`.
 */
function restrictiveRelativeHead (doc: Doc, at: number, lo: number): { head: Range, who: number } | null {
  const { tokens, quoteOf } = doc
  for (let w = at - 1; w > lo && at - w <= 16; w--) {
    const t = tokens[w]!
    if (quoteOf[w] !== -1 || t.kind === TokenKind.Punct) return null
    if (t.lower !== 'who') continue
    // "hackers who U.S. officials say …", "the field, who he accused of …": right after "who" stands the clause's own
    // subject, which is the speaker.
    const first = tokens[at]!
    if (w + 1 === at && (first.capitalized || isA(first, WordClass.Determiner | WordClass.PersonalPronoun))) return null
    const before = tokens[w - 1]!
    if (before.kind !== TokenKind.Word || isA(before, WordClass.CueVerbForm) || /ed$/.test(before.lower)) return null
    // "Voters who …" opening the sentence: a capitalised common noun that phraseBefore does not take for a name.
    const head = describedBefore(doc, w, lo) ?? phraseBefore(doc, w, lo) ?? (w - 1 === lo && before.capitalized ? { start: lo, end: w } : null)
    return head && head.end === w ? { head, who: w } : null
  }
  return null
}

/**
 * "“…,” the statement added", "“…!” the note says", "“…,” one Clinton ad declared": between a quotation's closing mark
 * (and its comma) and the verb, a short noun phrase opened by a determiner or a number is the subject, whatever its
 * noun ("filing", "note" and "ad" are no role words, and "added" is no plain verb of saying elsewhere).
 */
function subjectAfterQuotation (doc: Doc, end: number, lo: number): Range | null {
  const { tokens, quoteOf } = doc
  let start = end - 1
  while (start > lo && end - start < 5 && tokens[start - 1]!.kind === TokenKind.Word && quoteOf[start - 1] === -1) start--
  if (start === end || !isA(tokens[start], WordClass.Determiner) || tokens[end - 1]!.kind !== TokenKind.Word || tokens[end - 1]!.capitalized) return null
  let mark = start - 1
  if (mark >= lo && tokens[mark]!.text === ',' && quoteOf[mark] === -1) mark--
  return mark >= lo && isClosingMark(doc, mark) && endsLikeSpeech(doc, mark) ? { start, end } : null
}

const SPEECH_END = new Set([',', '!', '?', '.', '…', '...', '—', '–', '--', '-'])

/**
 * A quotation that a following "X said" reports ends as speech does: with a comma, stop, "!", "?" or dash before its
 * closing mark (or a comma just after it), unless it is long. "The “temporary” claims office", "his “47 percent” comment
 * was …" are a scare quote and a title; in the corpus 852 of 859 quotations reported this way end so.
 */
export function endsLikeSpeech (doc: Doc, closing: number): boolean {
  const { tokens } = doc
  if (tokens[closing + 1]?.text === ',') return true
  // A quotation dash's quote closes on its comma or question mark: it is speech ("– We are ready, said Hale.").
  if (tokens[closing]!.kind !== TokenKind.QuoteMark) return true
  // A long quotation is speech however it ends ("“… anonymity” said Nick Merrill", a tweet signed "-H"); a scare quote
  // or a title is a few words.
  const q = doc.quotes[doc.quoteOf[closing]!]!
  if (closing - q.open > 6) return true
  for (let i = closing - 1; i >= 0 && closing - i <= 3; i--) {
    const t = tokens[i]!
    if (SPEECH_END.has(t.text)) return true
    if (t.kind !== TokenKind.QuoteMark) return false
  }
  return false
}

const ASIDE_PREPOSITIONS = new Set(['from', 'at', 'in', 'on', 'during', 'outside', 'inside', 'after', 'before'])

/** Words with no verb and no quotation: a prepositional aside, not a clause. */
function noVerbOrQuote (doc: Doc, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const t = doc.tokens[i]!
    if (doc.quoteOf[i] !== -1 || (isA(t, WordClass.CueVerbForm) && !nounOrPassive(doc, i)) || AUXILIARIES.has(t.lower) || t.text === ',') return false
  }
  return true
}

/**
 * "in a news release", "in a statement read by her lawyer": a verb form after a determiner or a noun's modifier is a
 * noun, and one before "by" a passive participle; neither is the aside's own verb.
 */
function nounOrPassive (doc: Doc, i: number): boolean {
  const before = doc.tokens[i - 1]
  return doc.tokens[i + 1]?.lower === 'by' || (before !== undefined && (isA(before, WordClass.Determiner) || before.lower === 'news' || before.lower === 'press'))
}

/**
 * Whether token `at` lies inside a relative clause set off by a comma ("Mayor Cole, who may address the council, …"):
 * a noun there is the clause's object, not the sentence's subject.
 */
function insideRelative (doc: Doc, at: number, lo: number): boolean {
  for (let i = at - 1; i >= lo && at - i <= 20; i--) {
    const t = doc.tokens[i]!
    if (t.text === ',' || doc.quoteOf[i] !== -1) return false
    if (/^(who|whose|whom|which)$/.test(t.lower) && doc.tokens[i - 1]?.text === ',') return true
  }
  return false
}

/** "nurses who ride the 9 bus": an apposition whose noun has a relative clause describes people. */
function appositionHasRelative (doc: Doc, from: number, to: number): boolean {
  for (let i = from; i < to && i - from <= 4; i++) if (doc.tokens[i]!.lower === 'who') return i > from
  return false
}

/**
 * "X did this and says …", "X did this, saying …": a coordinated or participial cue shares the sentence's subject.
 */
export function sharedSubject (doc: Doc, cue: Cue, lo: number, hi: number): Subject | null {
  const { tokens, quoteOf } = doc
  const prev = skipAdverbsLeft(tokens, cue.start - 1, lo)
  if (prev < lo) return null
  // "… the “Golden Week,” saying …": a comma inside the closing quotation mark links the participle as one outside does.
  // Not for the writer's participles: "… described as “positive,” suggesting phase two could come" is an inference.
  const link = isClosingMark(doc, prev) && tokens[prev - 1]?.text === ',' && !isA(tokens[cue.start], WordClass.WritersParticiple) ? ',' : tokens[prev]!.lower
  const participle = tokens[cue.start]!.lower.endsWith('ing')
  // "…, before adding that …", "after saying …", "while noting …"
  // "… by saying …": "Bolton distanced himself from the movement by saying he would help".
  const participleLink = link === ',' || link === '—' || link === '–' || link === '-' || link === 'before' || link === 'after' || link === 'while' || link === 'by'
  if (!(link === 'and' || link === 'but' || (participleLink && participle))) return null
  // The subject opens the sentence, or follows an introductory phrase ended by a comma, or a conjunction.
  let relative = false // inside "…, who does not vote but may address the council," whose words are no subject
  for (let start = lo; start < prev && start - lo <= 40; start++) {
    if (quoteOf[start] !== -1) continue
    const t = tokens[start]!
    if (start > lo && tokens[start - 1]!.text === ',') relative = /^(who|whose|which|whom)$/.test(t.lower)
    if (relative) continue
    if (start > lo && !(LINKS.has(tokens[start - 1]!.text) || SUBJECT_OPENERS.has(tokens[start - 1]!.lower) || isClosingMark(doc, start - 1))) continue
    if (t.kind === TokenKind.Punct) continue
    // "When Hale arrived and said …": a subordinate clause's subject shares its own verbs only; once a comma closes the
    // clause ("After Clinton fell ill, Axelrod emailed her, telling her …"), the main clause's subject is the one.
    if (start > lo && SUBORDINATORS.has(tokens[start - 1]!.lower) && (prev - start > MAX_SUBORDINATE || hasWord(doc, start, prev, ','))) continue
    const subject = clauseSubject(doc, start, prev)
    if (subject) return { ...subject, start: cue.start }
  }
  void hi
  return null
}

/**
 * "The judge had ruled correctly, Mr. Abernathy said on Friday, adding that …": a participle after a cue shares that
 * cue's speaker, not the subject that opens the sentence.
 */
export function participleOfCue (doc: Doc, cues: Cue[], k: number): Subject | null {
  const cue = cues[k]!
  const before = cues[k - 1]
  const { tokens } = doc
  if (!before || before.according || !tokens[cue.start]!.lower.endsWith('ing')) return null
  const prev = skipAdverbsLeft(tokens, cue.start - 1, before.end)
  if (prev < before.end || (tokens[prev]!.text !== ',' && tokens[prev]!.text !== '—' && tokens[prev]!.text !== '–')) return null
  const left = subjectBefore(doc, before, doc.sentences[doc.sentenceOf[cue.start]!]!.firstToken)
  if (left) return { ...left, start: cue.start }
  // "…,” said Mr. Abernathy, adding that …": only the inverted form, after a quotation or a comma, names its speaker
  // after the verb ("may address the council, saying" has an object there).
  const mark = before.start - 1
  if (mark < 0 || !(isClosingMark(doc, mark) || tokens[mark]!.text === ',')) return null
  const after = subjectAfter(doc, before.end, prev)
  return after ? { speaker: after.speaker, apposition: after.apposition, start: cue.start } : null
}

const NUMBER_WORDS = /^(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|a|an|several|few)$/
const TIME_UNITS = /^(seconds?|minutes?|hours?|days?|nights?|weeks?|months?|years?|decades?)$/

/** Tokens from a subordinator's subject to a cue that shares it: also the bound that keeps the comma scan linear. */
const MAX_SUBORDINATE = 60

const SUBORDINATORS = new Set(['when', 'after', 'before', 'because', 'although', 'though', 'since', 'once', 'until'])

const SUBJECT_OPENERS = new Set(['while', 'whereas', 'but', 'as', 'and', 'then', 'so', 'when', 'after', 'before', 'because', 'although', 'though', 'since', 'once', 'until'])

/**
 * A noun phrase at `start` followed by a verb (perhaps after an apposition): the subject of a clause. The phrase is
 * cut at its first verb-like word ("Graham called both …" → "Graham").
 */
function clauseSubject (doc: Doc, start: number, limit: number): { speaker: Range, apposition: Range | null } | null {
  const { tokens, quoteOf } = doc
  // "The railroad's chief executive, Marcus Lindqvist, visited …": a role, then the name in apposition, then the verb.
  if (isA(tokens[start], WordClass.Determiner)) {
    let c = start + 1
    while (c < limit && c - start <= 8 && quoteOf[c] === -1 && tokens[c]!.text !== ',') c++
    const name = c < limit && tokens[c]!.text === ',' && isNounish(tokens[c - 1]!) ? phraseAfter(doc, c + 1, limit) : null
    if (name && name.start === c + 1 && tokens[name.end - 1]!.capitalized && tokens[name.end]?.text === ',' && looseVerb(tokens[name.end + 1])) {
      return { speaker: name, apposition: { start, end: c } }
    }
  }
  // "The tenants had sued …": a determiner before a common noun opens a described subject, not a name.
  const next = tokens[start + 1]
  if (isA(tokens[start], WordClass.Determiner) && next !== undefined && next.kind === TokenKind.Word && !next.capitalized) {
    const described = describedClauseSubject(doc, start, limit)
    if (described) return described
  }
  const p = phraseAfter(doc, start, limit)
  if (!p) return describedClauseSubject(doc, start, limit)
  const first = tokens[p.start]!
  // "Eleven hours and six minutes later, Aoife Brennan …": a stretch of time opens the sentence, not its subject.
  if ((first.kind === TokenKind.Number || NUMBER_WORDS.test(first.lower)) && TIME_UNITS.test(tokens[p.start + 1]?.lower ?? '')) return null
  if (p.end - p.start === 1 && isA(first, WordClass.PersonalPronoun)) {
    return looseVerb(tokens[p.end]) ? { speaker: p, apposition: null } : null
  }
  for (let e = p.start + 1; e <= p.end; e++) {
    const prev = tokens[e - 1]!
    const t = tokens[e]
    if (!t || t.capitalized || !(prev.capitalized || isNounish(prev))) continue
    if (followedByVerbish(tokens, e)) return { speaker: { start: p.start, end: e }, apposition: null }
  }
  // "Mrs. Clinton shook her head and said …": after a name, a lower-case word that is no preposition is its verb;
  // so it is after a short time or place ("Trump on Tuesday dismissed …", "Republicans on Capitol Hill seized …"),
  // or after a party and state in brackets ("Rep. Hakeem Jeffries (D-N.Y.) reacted …").
  if (tokens[p.end - 1]!.capitalized || isNounish(tokens[p.end - 1]!)) {
    let v = p.end
    if (tokens[v]?.text === '(') {
      let close = v + 1
      while (close < limit && close - v <= 6 && tokens[close]!.text !== ')' && quoteOf[close] === -1) close++
      if (close < limit && tokens[close]!.text === ')') v = close + 1
    }
    if (/^(on|in|at|last|this|earlier|later)$/.test(tokens[v]?.lower ?? '')) {
      let w = v + 1
      while (w < limit && w - v <= 4 && tokens[w]!.kind === TokenKind.Word && (tokens[w]!.capitalized || isA(tokens[w], WordClass.TimeWord | WordClass.Determiner)) && quoteOf[w] === -1) w++
      if (w > v + 1) v = w
    }
    if (looseVerb(tokens[v]) && !isNounish(tokens[v]!) && !isA(tokens[v], WordClass.Determiner)) return { speaker: p, apposition: null }
  }
  // "Gary Emineth, a former state party chairman, became …"
  if (tokens[p.end]?.text === ',') {
    let c = p.end + 1
    while (c < limit && c - p.end <= 20 && tokens[c]!.text !== ',' && quoteOf[c] === -1) c++
    if (c < limit && tokens[c]!.text === ',' && c > p.end + 1 && isAppositive(tokens, p.end + 1, c) && looseVerb(tokens[c + 1])) {
      return { speaker: p, apposition: { start: p.end + 1, end: c } }
    }
  }
  return null
}

const FINITE_VERB_WORDS = new Set(['had', 'has', 'have', 'was', 'were', 'is', 'are', 'would', 'will', 'could', 'did', 'declined', 'refused'])

/**
 * "One employee at a software firm declined to …, saying …", "The tenants had sued …, saying …": a described subject
 * (a determiner or number, then lower-case words, a prepositional phrase allowed) up to its finite verb, an auxiliary
 * or a past tense in -ed, within a few words and no punctuation.
 */
function describedClauseSubject (doc: Doc, start: number, limit: number): { speaker: Range, apposition: Range | null } | null {
  const { tokens, quoteOf } = doc
  const first = tokens[start]
  if (!first || first.kind !== TokenKind.Word || !(isA(first, WordClass.Determiner) || NUMBER_WORDS.test(first.lower) || first.lower === 'one')) return null
  for (let v = start + 2; v < limit && v - start <= 9; v++) {
    const t = tokens[v]!
    if (quoteOf[v] !== -1 || t.kind !== TokenKind.Word) return null
    const prev = tokens[v - 1]!
    // A relative clause or a time phrase is no part of a subject this short: "the operative who …", "A few minutes later".
    if (/^(who|whom|whose|which|that|later|ago|when|where)$/.test(t.lower) || isA(t, WordClass.TimeWord)) return null
    // The verb follows the noun: not "a proposed plan" (a participle after a determiner) nor "an agreed-upon …".
    const verb = FINITE_VERB_WORDS.has(t.lower) || /^(said|says|told|wrote)$/.test(t.lower) ||
      (/[a-z]{3,}ed$/.test(t.lower) && !isA(prev, WordClass.Determiner) && !/^(of|in|at|for|with|from|by|on)$/.test(prev.lower))
    if (!verb) continue
    if (prev.capitalized || isA(prev, WordClass.Determiner) || /ly$/.test(prev.lower) || /^(of|in|at|for|with|from|by|on|to|and|or)$/.test(prev.lower)) return null
    return { speaker: { start, end: v }, apposition: null }
  }
  return null
}

/** After a pronoun or an apposition, any lower-case word but a preposition or conjunction is taken for the verb. */
function looseVerb (t: Token | undefined): boolean {
  return t !== undefined && t.kind === TokenKind.Word && !t.capitalized && !NP_STOPPERS_FOR_VERB.has(t.lower)
}

const NP_STOPPERS_FOR_VERB = new Set(['and', 'or', 'of', 'in', 'on', 'at', 'to', 'for', 'with', 'from', 'by', 'that', 'who', 'which'])

/** The word after a subject looks like a verb or an auxiliary, not more of a noun phrase. */
export function followedByVerbish (tokens: Token[], i: number): boolean {
  const t = tokens[i]
  if (!t || t.kind !== TokenKind.Word) return false
  return isA(t, WordClass.PreCueAdverb) || /(ed|s)$/.test(t.lower) || isA(t, WordClass.CueVerbForm) || /^(is|are|was|were|will|would|can|could|may|might|must|should|spoke|took|made|went|came|gave|met|ran|won|lost|began|sought|said|told|wrote|held|left|kept|got|put|set|saw|stood|sent)$/.test(t.lower)
}

/** The speaker after an inverted cue: `"…," said X, the Y.` */
export function subjectAfter (doc: Doc, from: number, hi: number): Subject | null {
  // "“…,” said Ann Cole", and described: "said the 46-year-old", "said one of those advisers".
  const speaker = phraseAfter(doc, from, hi) ?? describedAfter(doc, from, hi)
  if (!speaker) return null
  const t = doc.tokens[speaker.start]!
  if (t.kind === TokenKind.Word && isA(t, WordClass.PersonalPronoun) && t.lower !== 'he' && t.lower !== 'she' && t.lower !== 'they') return null
  let apposition: Range | null = null
  // "said Lee Epstein, who teaches law in St. Louis": a relative clause is no apposition (onlyAside reads it whole).
  if (doc.tokens[speaker.end]?.text === ',' && speaker.end + 1 < hi && !/^(who|whose|whom)$/.test(doc.tokens[speaker.end + 1]!.lower)) {
    let e = speaker.end + 1
    while (e < hi && doc.tokens[e]!.text !== ',' && !SENTENCE_PUNCT.has(doc.tokens[e]!.text) && doc.quoteOf[e] === -1) e++
    if (e > speaker.end + 1 && isAppositive(doc.tokens, speaker.end + 1, e)) apposition = { start: speaker.end + 1, end: e }
  }
  return { speaker, apposition, start: speaker.start }
}


/** A described noun phrase starting at `start` ("a reporter", "the 46-year-old", "one of those advisers"). */
export function describedAfter (doc: Doc, start: number, hi: number): Range | null {
  const { tokens } = doc
  if (!tokens[start] || start >= hi || !isA(tokens[start], WordClass.Determiner) || doc.quoteOf[start] !== -1) return null
  let end = start + 1
  // "one of those advisers", "one of the organizers": a determiner after "of" belongs to the phrase.
  if (tokens[start]!.lower === 'one' && tokens[end]?.lower === 'of') { end++; if (isA(tokens[end], WordClass.Determiner) || /^(those|these|his|her|their|its|our)$/.test(tokens[end]?.lower ?? '')) end++ }
  while (end < hi && end - start < 6 && (tokens[end]!.kind === TokenKind.Word || tokens[end]!.kind === TokenKind.Number) &&
    !isA(tokens[end], WordClass.NpStopper | WordClass.CueVerbForm) && doc.quoteOf[end] === -1) end++
  return end > start + 1 && tokens[end - 1]!.lower !== 'of' ? { start, end } : null
}

/** Words a subject noun phrase may hold although they stop a name: prepositions, "and", quantities, possessives. */
const PHRASE_LINKS = new Set(['of', 'in', 'at', 'with', 'from', 'for', 'on', 'among', 'to', 'by', 'near', 'like', 'about', 'across',
  'over', 'under', 'and', 'than', 'out', 'its', 'this', 'these', 'those', 'inside', 'outside', 'within', 'behind', 'around'])
const OPENING_CONJUNCTIONS = new Set(['and', 'but', 'so', 'yet', 'or', 'still', 'now', 'even', 'indeed', 'meanwhile', 'instead'])
const OBJECT_DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'its', 'our', 'my', 'your'])
const MAX_SUBJECT_PHRASE = 14

/**
 * "Experts in employment law say …", "A person familiar with the talks says …", "Nearly nine out of 10 said …", "The
 * companies, which gave short answers, said …": a subject that is a whole noun phrase of common nouns, from the start
 * of its clause (the sentence's start, a comma, a quotation) to a finite verb of saying. Tried when no name, title or
 * description ends right before the verb; the words in between must hold no verb, pronoun or clause of their own.
 */
export function nounPhraseSubject (doc: Doc, cue: Cue, lo: number): Subject | null {
  const { tokens, quoteOf } = doc
  const verb = tokens[cue.start]!.lower
  const next = tokens[cue.end]?.lower
  if (!plainCue(doc, cue) || verb.endsWith('ing') || AMBIGUOUS_CUES.has(verb) || next === 'by' || next === 'to' || next === 'as') return null
  // "more pledged delegates", "committing repeated gaffes": a participle before its noun modifies it.
  const after = tokens[cue.end]
  if (verb.endsWith('ed') && !cue.verb.object && !cue.verb.nominal && after && after.kind === TokenKind.Word && !after.capitalized && quoteOf[cue.end] === -1 && !clauseOpener(after)) return null
  let end = skipAdverbsLeft(tokens, cue.start - 1, lo) + 1
  if (end <= lo || /^(and|or|but|to|be|been|being)$/.test(tokens[end - 1]!.lower)) return null
  // "The companies, which in several cases gave short answers, said": a relative clause set off by commas.
  let apposition: Range | null = null
  if (tokens[end - 1]!.text === ',' && quoteOf[end - 1] === -1) {
    // "About two-thirds, 67 percent, say": a share restated as a figure.
    const c = relativeOpening(doc, end - 2, Math.max(lo, end - 40))
    const share = c === -1 ? shareOpening(doc, end - 2, lo) : -1
    if (c === -1 && share === -1) return null
    const open = c === -1 ? share : c
    apposition = { start: open + 1, end: end - 1 }
    end = open
  }
  let start = end
  let depth = 0
  while (start > lo && end - start < MAX_SUBJECT_PHRASE) {
    const i = start - 1
    const t = tokens[i]!
    if (quoteOf[i] !== -1) break
    if (t.kind === TokenKind.Punct) {
      if (t.text === ')') { depth++; start--; continue }
      if (t.text === '(') { if (depth === 0) return null; depth--; start--; continue }
      if (t.text === "’s" || t.text === "'s" || t.text === '’' || t.text === "'" || t.text === '-' || t.text === '.' || t.text === '&' || t.text === '%') { start--; continue }
      if (depth > 0) { start--; continue }
      break
    }
    // "While old Iowa political hands say …": a subordinator opening the sentence opens the clause the subject is in.
    if (t.kind === TokenKind.Word && start < end && CLAUSE_SUBORDINATORS.has(t.lower) && (i === lo || LINKS.has(tokens[i - 1]!.text))) break
    if (t.kind === TokenKind.Word && !wordOfSubject(tokens, i, start === end)) return null
    start--
  }
  if (depth !== 0 || (start > lo && end - start >= MAX_SUBJECT_PHRASE)) return null
  // What opens the clause: the sentence's start, a comma or dash, or a quotation; not the comma inside "75,000".
  if (start > lo && !(LINKS.has(tokens[start - 1]!.text) || quoteOf[start - 1] !== -1 || tokens[start - 1]!.text === ':' || tokens[start - 1]!.text === ';' ||
    CLAUSE_SUBORDINATORS.has(tokens[start - 1]!.lower))) return null
  if (start > lo && doc.ends[start - 1] === doc.starts[start] && quoteOf[start - 1] === -1) return null
  while (start < end && (OPENING_CONJUNCTIONS.has(tokens[start]!.lower) || isA(tokens[start], WordClass.TimeWord) || tokens[start]!.kind === TokenKind.Punct)) start++
  if (start >= end) return null
  const first = tokens[start]!
  // "In Iowa voters say": an opening preposition is an introduction run on without a comma, not the subject; "About
  // two-thirds say" opens with a share.
  const share = /^(about|nearly|almost|roughly|around|over|some|just)$/.test(first.lower) && tokens[start + 1] !== undefined &&
    (tokens[start + 1]!.kind === TokenKind.Number || NUMBER_WORDS.test(tokens[start + 1]!.lower) || /^(half|a|one|two|three)(-|$)/.test(tokens[start + 1]!.lower))
  if (first.kind === TokenKind.Word && PHRASE_LINKS.has(first.lower) && !share && !/^(its|this|these|those)$/.test(first.lower)) return null
  const last = tokens[end - 1]!
  if (last.kind !== TokenKind.Word && last.kind !== TokenKind.Number && last.text !== ')' && last.text !== '%') return null
  // "A plan announced earlier was dropped": a participle after an indefinite noun modifies it, unless a clause follows.
  if (verb.endsWith('ed') && end === cue.start && /^(a|an)$/.test(first.lower) && !(next === 'that' || (next !== undefined && CLAUSE_SUBJECTS.has(next)))) return null
  // "committing repeated gaffes" ends in a verb; "familiar with the planning" in a noun after its determiner.
  // "for Thursday's meeting": after a possessive or a name, an -ing word is a noun too.
  const beforeLast = tokens[end - 2]
  const nounAfter = beforeLast !== undefined && (isA(beforeLast, WordClass.Determiner) || beforeLast.text === '’s' || beforeLast.text === "'s" || (beforeLast.capitalized && end - 2 > start))
  if (last.kind === TokenKind.Word && (PHRASE_LINKS.has(last.lower) || (/[a-z]ing$/.test(last.lower) && !nounAfter))) return null
  // One word alone speaks only as a name, a plural, or a share: "Most said", "Analysts say"; not "please ask".
  if (end - start === 1 && last.kind === TokenKind.Word && !last.capitalized && !last.lower.endsWith('s') && !isNounish(last) &&
    !/^(most|many|some|others|both|all|half|few|several|majority)$/.test(last.lower)) return null
  return { speaker: { start, end }, apposition, start }
}

/** Words that open a subordinate clause at a sentence's start: "While officials say …, …". */
const CLAUSE_SUBORDINATORS = new Set(['while', 'when', 'although', 'though', 'as', 'if', 'because', 'since', 'whereas', 'unless', 'once'])

/** Whether word `i` may stand in a subject noun phrase: no verb, auxiliary, pronoun or subordinator. */
function wordOfSubject (tokens: Token[], i: number, isHead: boolean): boolean {
  const t = tokens[i]!
  const w = t.lower
  // "all five states", "the report": after a number or determiner a verb's form is the noun that heads the subject.
  const nounSlot = isHead && i > 0 && (isA(tokens[i - 1], WordClass.Determiner) || tokens[i - 1]!.kind === TokenKind.Number || NUMBER_WORDS.test(tokens[i - 1]!.lower))
  if (PERSONAL_PRONOUNS.has(w) || AUXILIARIES.has(w) || (CUE_VERB_FORMS.has(w) && !nounSlot)) return false
  if (NP_STOPPERS.has(w) && !PHRASE_LINKS.has(w)) return false
  if (isHead && (t.capitalized || DETERMINERS.has(w))) return isHead && !/^(the|a|an|his|her|their|its|our|my|your)$/.test(w)
  if (t.capitalized) return true
  // "passed the Senate", "wants a vote": a past or present verb with its object.
  const after = tokens[i + 1]
  if (after && (OBJECT_DETERMINERS.has(after.lower) || (after.capitalized && after.kind === TokenKind.Word)) && /[a-z]{3,}(ed|s)$/.test(w) && !/(ss|us|is)$/.test(w)) return false
  if (/^(spoke|took|made|went|came|gave|met|ran|won|lost|began|sought|held|left|kept|got|put|set|saw|stood|sent|became|told|knew|thought|felt|found)$/.test(w)) return false
  if (w.endsWith('ly') && !LY_NOUNS.has(w) && !/^(nearly|roughly|only|early)$/.test(w)) return false
  return true
}

/** The comma opening ", 67 percent," (a figure restating a share) that ends at `from`, or -1. */
function shareOpening (doc: Doc, from: number, lo: number): number {
  const { tokens, quoteOf } = doc
  let c = from
  if (tokens[c]?.lower === 'percent' || tokens[c]?.text === '%') c--
  if (c <= lo || tokens[c]!.kind !== TokenKind.Number || quoteOf[c] !== -1) return -1
  return tokens[c - 1]?.text === ',' && quoteOf[c - 1] === -1 && c - 1 > lo ? c - 1 : -1
}

/** The comma opening ", which …" or ", who …" at or before `from`, back to `lo`, with no other comma or quotation; or -1. */
function relativeOpening (doc: Doc, from: number, lo: number): number {
  for (let c = from; c > lo; c--) {
    const t = doc.tokens[c]!
    if (doc.quoteOf[c] !== -1 || SENTENCE_PUNCT.has(t.text) || t.text === ';' || t.text === ':') return -1
    if (t.text === ',') return /^(which|who|whose)$/.test(doc.tokens[c + 1]?.lower ?? '') ? c : -1
  }
  return -1
}

/** A word that may open the clause after a verb of saying: "that", a subject pronoun, a determiner, "there", an adverb. */
function clauseOpener (t: Token): boolean {
  const w = t.lower
  return w === 'that' || w === 'there' || w === 'if' || w === 'whether' || CLAUSE_SUBJECTS.has(w) || PERSONAL_PRONOUNS.has(w) || DETERMINERS.has(w) ||
    TIME_WORDS.has(w) || w.endsWith('ly') || /^(this|these|those|no|nothing|on|in|at|to|during|after|before|last|earlier|again|also|then|not|all)$/.test(w)
}
