// Stage 4b (part): where what was said begins after a verb of saying. Skips what stands between the cue and its
// content: time words and manner adverbs ("said flatly"), prepositional asides ("in a statement", "to reporters"),
// the verb's object ("told the Echo"), up to a "that", a colon before a quotation, or the reported clause's subject;
// and tells when what follows an attribution is only such an aside.
import { TokenKind, type Doc, type Token } from './document.js'
import type { Cue } from './cues.js'
import { PEOPLE_PLURAL_ENDINGS } from './lexicon.js'
import { phraseAfter } from './phrases.js'
import { isOpeningMark, AUXILIARIES } from './subjects.js'
import { isPossessiveToken, onlyPunctuation } from './token-runs.js'
import { isA, WordClass } from './word-classes.js'

const MAX_ASIDE = 40

const STATEMENT_NOUNS = new Set([
  'statement', 'interview', 'letter', 'email', 'e-mail', 'speech', 'post', 'tweet', 'release', 'video', 'op-ed', 'memo',
  'rally', 'conference', 'event', 'debate', 'hearing', 'briefing', 'appearance', 'address', 'town', 'meeting', 'call', 'message',
  'report', 'filing', 'column', 'blog', 'book', 'podcast', 'show', 'broadcast', 'radio', 'television', 'remarks', 'note',
])

/** Skips what stands between a cue and its content: time words, "in a statement", "to reporters", objects, "that" is kept. */
const SENTENCE_END = new Set(['.', '!', '?', ';', ':'])

export function contentStart (doc: Doc, cue: Cue, hi: number): number {
  const { tokens, quoteOf } = doc
  let i = cue.end
  // "told the Echo: ‘…’", "told councillors: “…”": whatever stands before a colon and a quotation is no content.
  const colon = colonBeforeQuote(doc, i, hi)
  if (colon >= 0) return colon + 1
  let skippedObject = !cue.verb.object
  for (let guard = 0; guard < 6 && i < hi; guard++) {
    const t = tokens[i]!
    if (quoteOf[i] !== -1) break
    if (t.text === ',' || t.text === ':' || t.text === '—') { i++; continue }
    // "said Monday that …"; not "said Monday's decision will …", where the day's possessive opens the clause.
    // "this", "next" and "last" are time words only before one ("this week"): "told reporters this was …" opens a clause.
    if (isA(t, WordClass.TimeWord) && !isPossessiveToken(tokens[i + 1] ?? t) &&
      !(/^(this|next|last)$/.test(t.lower) && !isA(tokens[i + 1], WordClass.TimeWord))) { i++; continue }
    const next = tokens[i + 1]
    // "added warily: …", "said flatly that …"
    if (t.lower.endsWith('ly') && t.lower.length > 4 && next && (next.text === ',' || next.text === ':' || next.lower === 'that' || isOpeningMark(doc, i + 1))) { i++; continue }
    // "on Thursday", "last week", "early Monday"
    if ((t.lower === 'on' || t.lower === 'last' || t.lower === 'this' || t.lower === 'early' || t.lower === 'late' || t.lower === 'earlier' || t.lower === 'later') &&
      next && (isA(next, WordClass.TimeWord) || /^(january|february|march|april|may|june|july|august|september|october|november|december)$/.test(next.lower))) {
      i += 2
      while (i < hi && (tokens[i]!.kind === TokenKind.Number || isA(tokens[i], WordClass.TimeWord))) i++
      continue
    }
    // "has said for weeks he is …", "said for the first time that …": a duration is the writer's.
    if (t.lower === 'for') {
      const span = durationAfter(doc, i + 1, hi)
      if (span > i + 1) { i = span; continue }
    }
    // "adding of Mr. Trump, “He cares …”", "said of the plan, “…”": whom or what the words are about, before the quotation.
    if ((t.lower === 'of' || t.lower === 'about') && i === cue.end) {
      let c = i + 1
      while (c < hi && c - i <= 8 && quoteOf[c] === -1 && tokens[c]!.text !== ',' && tokens[c]!.lower !== 'that' && !SENTENCE_END.has(tokens[c]!.text)) c++
      if (c > i + 1 && tokens[c]?.text === ',' && isOpeningMark(doc, c + 1)) { i = c + 1; break }
    }
    // "said in an emailed statement that …", "wrote in a letter to the board that …": the aside runs to the "that".
    if (/^(in|at|during|on|via|through|to|with|from|before|after|over|of|about|for)$/.test(t.lower)) {
      const that = thatAfterAside(doc, i, hi)
      if (that > i) { i = that; if (tokens[i]!.lower === 'that') break; continue }
    }
    // "in a statement", "at a rally", "during an interview with CNN", "on Twitter", "to reporters"
    if (/^(in|at|during|on|via|through|to|with|from|before|after|over)$/.test(t.lower) && prepositionalAside(doc, i, hi) > i) {
      i = prepositionalAside(doc, i, hi)
      continue
    }
    // "adding of Mr. Trump, “…”", "said of the plan: …"
    if ((t.lower === 'of' || t.lower === 'about') && i === cue.end) {
      const j = prepositionalAside(doc, i, hi)
      if (j > i && (tokens[j]?.text === ',' || tokens[j]?.text === ':' || isOpeningMark(doc, j))) { i = j; continue }
    }
    // "complained about his mic", "wrote about the use of forgeries", "calls for a single payer": the preposition
    // goes with the verb; what was said is its object.
    if (i === cue.end && (t.lower === 'about' || verbTakesPreposition(tokens[cue.start]!.lower, t.lower)) &&
      next && quoteOf[i + 1] === -1 && next.kind === TokenKind.Word && !isA(next, WordClass.TimeWord) && !/^(years?|months?|weeks?|days?|hours?|decades?|now|it|that)$/.test(next.lower)) { i++; break }
    // "answers herself: “…”"
    if (/^(himself|herself|themselves|itself)$/.test(t.lower) && i === cue.end) { i++; continue }
    if (!skippedObject) {
      skippedObject = true
      // "warned followers on social media and in interviews that …": the object runs up to "that".
      const that = thatAhead(doc, i, hi)
      if (that > i) { i = that; break }
      if (t.lower === 'that' || t.lower === 'if' || t.lower === 'whether') break
      // "told investigators", "told residents": a plural noun for people is the addressee too.
      if (/^(him|her|them|me|us|himself|herself|themselves|itself|reporters|journalists|supporters|voters|listeners|viewers|members|lawmakers|the|a|an|his|her|their|an)$/.test(t.lower) ||
        t.capitalized || (t.lower.length > 6 && PEOPLE_PLURAL_ENDINGS.test(t.lower))) {
        // "told her staff the pool would …": "her" may be the possessive of a longer object.
        if (t.lower === 'her' && tokens[i + 1]?.kind === TokenKind.Word && !CLAUSE_OPENERS.has(tokens[i + 1]!.lower)) {
          const clause = clauseAfterObject(doc, i + 1, hi)
          if (clause >= i + 2) { i = clause; continue }
        }
        if (/^(him|her|them|me|us|himself|herself|themselves|itself)$/.test(t.lower)) { i++; continue }
        // "told a news conference they are …", "told reporters the store …": the object runs to the clause's subject.
        const clause = clauseAfterObject(doc, i, hi)
        if (clause > i) { i = clause; continue }
        const obj = phraseAfter(doc, i, hi)
        const end = obj ? obj.end : (!isA(t, WordClass.Determiner) ? i + 1 : i)
        if (end > i) { i = end; continue }
      }
    }
    break
  }
  return i
}

const DURATION_UNITS = /^(years|months|weeks|days|hours|decades|minutes|ages)$/

/** After "for": the end of a duration ("weeks", "several months", "the first time", "a long time"), or `from`. */
function durationAfter (doc: Doc, from: number, hi: number): number {
  const { tokens, quoteOf } = doc
  for (let j = from; j < Math.min(hi, from + 4); j++) {
    const t = tokens[j]!
    if (quoteOf[j] !== -1) return from
    if (DURATION_UNITS.test(t.lower) || (t.lower === 'time' && j > from)) return j + 1
    if (!(isA(t, WordClass.Determiner) || t.kind === TokenKind.Number || /^(several|many|some|few|first|last|long|more|nearly|almost|over|two|three|four|five|six|ten)$/.test(t.lower))) return from
  }
  return from
}

/**
 * Verbs of saying whose content is the object of a preposition: "calls for a single payer", "warned of a recession",
 * "argued against the merger", "remarked upon the cost".
 */
const PREPOSITION_VERBS: ReadonlyMap<string, RegExp> = new Map([
  ['for', /^(call|calls|called|calling|cry|cries|cried|argue|argues|argued|arguing|plead|pleads|pleaded|ask|asks|asked|asking)$/],
  ['of', /^(warn|warns|warned|warning|boast|boasts|boasted|boasting|brag|brags|bragged|complain|complains|complained|complaining)$/],
  ['against', /^(warn|warns|warned|warning|argue|argues|argued|arguing|caution|cautions|cautioned)$/],
  ['upon', /^(remark|remarks|remarked|comment|comments|commented)$/],
])

function verbTakesPreposition (verb: string, preposition: string): boolean {
  return PREPOSITION_VERBS.get(preposition)?.test(verb) ?? false
}

export const CLAUSE_OPENERS = new Set(['he', 'she', 'they', 'we', 'i', 'it', 'the', 'this', 'these', 'those', 'their', 'its', 'our', 'there'])

/** After an object that starts at `from`: the first word that opens the reported clause (a subject), or -1. */
function clauseAfterObject (doc: Doc, from: number, hi: number): number {
  const { tokens, quoteOf } = doc
  for (let j = from + 1; j < Math.min(hi, from + 10); j++) {
    const t = tokens[j]!
    if (quoteOf[j] !== -1) return -1
    if (t.kind === TokenKind.Punct) {
      if (isPossessiveToken(t) || t.text === '.' || t.text === '-') continue
      return -1
    }
    // "told the AP her group never worked …": "his"/"her" after the object opens the clause's subject when a verb follows
    // that subject's noun ("told her staff" and "told the AP her views" do not go on).
    if ((t.lower === 'his' || t.lower === 'her') && possessiveSubject(doc, j + 1, hi)) return j
    if (isA(t, WordClass.NpStopper) && !CLAUSE_OPENERS.has(t.lower)) return -1
    if (CLAUSE_OPENERS.has(t.lower)) return j
  }
  return -1
}

/** A noun (one or two words) at `i` and then a finite verb: the subject of a clause after "his"/"her". */
function possessiveSubject (doc: Doc, i: number, hi: number): boolean {
  const { tokens, quoteOf } = doc
  for (let j = i + 1; j < Math.min(hi, i + 3); j++) {
    const t = tokens[j]!
    if (quoteOf[j] !== -1 || t.kind !== TokenKind.Word) return false
    if (isA(t, WordClass.FiniteAuxiliary) || /^(never|not|also|had|has)$/.test(t.lower) || (/^[a-z]{3,}ed$/.test(t.text) && j > i)) return true
  }
  return false
}

/** The index of a "that" soon after an object, with no punctuation or quotation in between; or -1. */
function thatAhead (doc: Doc, from: number, hi: number): number {
  for (let j = from; j < Math.min(hi, from + 12); j++) {
    const t = doc.tokens[j]!
    if (doc.quoteOf[j] !== -1 || (t.kind === TokenKind.Punct && t.text !== '.' && t.text !== '-' && !isPossessiveToken(t))) return -1
    if (t.lower === 'that') return j
  }
  return -1
}

/** Whether the content after a cue opens with "that" (after its asides). */
export function thatClauseFollows (doc: Doc, cue: Cue, hi: number): boolean {
  const from = contentStart(doc, cue, hi)
  if (!(from + 1 < hi && doc.tokens[from]!.lower === 'that' && doc.quoteOf[from] === -1)) return false
  // "said that night", "said that's …"
  const next = doc.tokens[from + 1]!
  return !isPossessiveToken(next) && !isA(next, WordClass.TimeWord) && !/^(night|day|week|morning|evening|afternoon|time|year|month|weekend)$/.test(next.lower)
}

/** A colon followed by an opening mark, within a few words (no verb of saying, no other punctuation) of `from`; or -1. */
function colonBeforeQuote (doc: Doc, from: number, hi: number): number {
  const { tokens, quoteOf } = doc
  for (let j = from; j < Math.min(hi - 1, from + 8); j++) {
    const t = tokens[j]!
    if (quoteOf[j] !== -1) return -1
    if (t.text === ':') return isOpeningMark(doc, j + 1) ? j : -1
    if (t.kind === TokenKind.Punct ? !(t.text === '.' || t.text === '-' || isPossessiveToken(t)) : isA(t, WordClass.CueVerbForm) && !t.capitalized) return -1
  }
  return -1
}

/**
 * The "that" which a prepositional aside after a cue leads to ("in a long interview in her office on Monday that",
 * "to scattered applause, that"), or the colon before a quotation; -1 if none: only words, possessives and commas
 * between, no verb of saying.
 */
function thatAfterAside (doc: Doc, from: number, hi: number): number {
  const { tokens, quoteOf } = doc
  for (let j = from + 1; j < Math.min(hi, from + 14); j++) {
    const t = tokens[j]!
    if (quoteOf[j] !== -1) return -1
    // Not "in a statement that was published in …": a relative clause on the statement.
    if (t.lower === 'that') return isPossessiveToken(tokens[j + 1] ?? t) || (STATEMENT_NOUNS.has(tokens[j - 1]!.lower) &&
      /^(was|were)$/.test(tokens[j + 1]?.lower ?? '') && /^[a-z]{3,}(ed|en)$/.test(tokens[j + 2]?.text ?? '')) ? -1 : j
    // "posted on its Facebook page: “…”"
    if (t.text === ':' && isOpeningMark(doc, j + 1)) return j
    if (t.kind === TokenKind.Punct ? !(t.text === ',' || t.text === '.' || t.text === '-' || isPossessiveToken(t)) : isA(t, WordClass.CueVerbForm) && !asideNoun(doc, from, j)) return -1
  }
  return -1
}

/**
 * "in a Facebook post", "in a news release", "via a tweet": a noun of a thing said that is also a verb of saying
 * ("post", "release", "tweet") is the noun inside a prepositional aside once a word stands between it and the preposition.
 */
function asideNoun (doc: Doc, preposition: number, j: number): boolean {
  return j > preposition + 1 && STATEMENT_NOUNS.has(doc.tokens[j]!.lower)
}

/** "in a statement", "at a rally in Iowa", "to reporters", "on CNN": the end of such an aside, or `i` if none. */
export function prepositionalAside (doc: Doc, i: number, hi: number): number {
  const { tokens, quoteOf } = doc
  const prep = tokens[i]!.lower
  let j = i + 1
  let sawNoun = false
  for (; j < hi && j - i <= 8; j++) {
    const t = tokens[j]!
    if (quoteOf[j] !== -1) break
    if (t.kind !== TokenKind.Word && !(t.text === '.' && tokens[j - 1]?.capitalized) && !(t.lower === '’s' || t.lower === "'s")) break
    if (t.lower === 'that' || (isA(t, WordClass.CueVerbForm) && !asideNoun(doc, i, j))) break
    // "said in a news release the pool would …": a determiner after the aside's noun opens the clause.
    if (sawNoun && isA(t, WordClass.Determiner) && !/^(with|of)$/.test(tokens[j - 1]!.lower)) break
    if (STATEMENT_NOUNS.has(t.lower) || t.capitalized || t.lower === 'reporters' || t.lower === 'journalists') sawNoun = true
    // "to Mrs. Clinton": the stop of an abbreviated title is part of the name.
    else if (t.text === '.') continue
    else if (!(isA(t, WordClass.Determiner) || t.lower === 'with' || t.lower === 'of' || t.lower === 'press' || t.lower === 'news' || t.lower === 'phone' || t.lower === 'written' || t.lower === 'social' || t.lower === 'media' || t.lower === 'campaign' || t.lower === 'radio' || t.lower === 'televised')) break
  }
  if (!sawNoun) return i
  // "in a statement provided to Politico", "in a statement that was published in the Herald": what the writer says of
  // the statement goes with the aside.
  if (STATEMENT_NOUNS.has(tokens[j - 1]?.lower ?? '')) j = afterStatementModifier(doc, j, hi)
  return j
}

/** After a statement noun at `j - 1`: the end of a participle or relative clause describing it, or `j`. */
function afterStatementModifier (doc: Doc, j: number, hi: number): number {
  const { tokens, quoteOf } = doc
  const t = tokens[j]
  if (!t || quoteOf[j] !== -1) return j
  const participle = /^[a-z]{3,}ed$/.test(t.text) && /^(to|by|on|in|at|through|with|via|late|earlier)$/.test(tokens[j + 1]?.lower ?? '')
  const relative = /^(that|which)$/.test(t.lower) && /^(was|were|is|has|had)$/.test(tokens[j + 1]?.lower ?? '')
  if (!participle && !relative) return j
  let k = j + 2
  while (k < hi && k - j <= 12 && quoteOf[k] === -1 && tokens[k]!.kind === TokenKind.Word && tokens[k]!.lower !== 'that') k++
  // Only when it runs to a comma, a colon or the sentence's end: "a statement released Friday that …" goes on.
  return k >= hi || /^[,:.;]$/.test(tokens[k]!.text) ? k : j
}

/**
 * Whether what follows an attribution to the sentence's end is only circumstance, not content:
 * "…, X wrote in a memo to staff.", "…, the airline said Thursday.", "…, she told reporters." `afterSpeaker`: `from`
 * follows the inverted speaker of "CLAUSE, said X", whom a further apposition may describe.
 */
export function onlyAside (doc: Doc, cue: Cue, from: number, hi: number, afterSpeaker = false): boolean {
  const { tokens, quoteOf } = doc
  let i = from
  while (i < hi && (tokens[i]!.text === ',' || isA(tokens[i], WordClass.TimeWord))) i++
  // "…, said Howard Rubel, who notes that costs fell.": a relative clause about the speaker, however long and whatever
  // it holds, is no content of this attribution (it may be an attribution of its own).
  if (i > from && tokens[i - 1]!.text === ',' && (tokens[i]?.lower === 'who' || tokens[i]?.lower === 'whose') && quoteOf[i] === -1) return true
  if (hi - i > MAX_ASIDE) return false
  if (i >= hi || onlyPunctuation(doc, i, hi)) return true
  const first = tokens[i]!.lower
  // "pledged to support the nominee": "to" before a bare verb is the infinitive that was promised, not "to reporters".
  if (first === 'to' && infinitiveAt(tokens, i + 1)) return false
  // "…, said Ann Cole, director of the union, a group that broke away and backed Sanders.": a further apposition after a
  // comma describes the speaker, relative clause and all.
  const appositive = afterSpeaker && i > from && tokens[i - 1]!.text === ',' && /^(a|an|the)$/.test(first)
  const asideStart = appositive || /^(in|on|at|during|to|with|from|after|before|while|when|as|following|for|about|via|through|over|last|this|earlier|later|of|who|whose|which|adding|noting)$/.test(first)
  const shortObject = cue.verb.object && hi - i <= 6
  if (!asideStart && !shortObject) return false
  for (let j = i; j < hi; j++) {
    if (quoteOf[j] !== -1 || (tokens[j]!.lower === 'that' && !appositive)) return false
    // "telling her the team would wait": a finite auxiliary after the object makes a reported clause, not an aside.
    if (shortObject && !asideStart && isA(tokens[j], WordClass.FiniteAuxiliary)) return false
    // "The goal, Hale said on Monday, is to finish …": a verb after the aside's comma goes on with the sentence.
    if (tokens[j]!.text === ',' && predicateWord(tokens[j + 1])) return false
    // "In 1990, Hale said, when she was earning little, a boss invited her …": a clause of its own after the comma.
    if (tokens[j]!.text === ',' && clauseAt(doc, j + 1, hi)) return false
  }
  return true
}

/** A subject and its finite verb at `i`: "a boss invited", "the council has", "she was". */
function clauseAt (doc: Doc, i: number, hi: number): boolean {
  const { tokens, quoteOf } = doc
  let j = i
  if (isA(tokens[j], WordClass.PersonalPronoun) && tokens[j]!.lower !== 'it') j++
  else {
    if (!isA(tokens[j], WordClass.Determiner)) return false
    j++
    while (j < hi && j - i <= 3 && tokens[j]!.kind === TokenKind.Word && !isA(tokens[j], WordClass.FiniteAuxiliary) && !/^[a-z]{3,}ed$/.test(tokens[j]!.text)) j++
    if (j === i + 1) return false
  }
  const v = tokens[j]
  return v !== undefined && j < hi && quoteOf[j] === -1 && (isA(v, WordClass.FiniteAuxiliary) || /^[a-z]{3,}ed$/.test(v.text))
}

/**
 * Whether token `i` reads as a bare verb after "to": a lowercase word that is no determiner or pronoun and no plural
 * or collective noun of those a verb of saying is addressed to ("to reporters", "to staff").
 */
function infinitiveAt (tokens: Token[], i: number): boolean {
  const t = tokens[i]
  if (t === undefined || t.kind !== TokenKind.Word || t.capitalized || isA(t, WordClass.Determiner | WordClass.PersonalPronoun)) return false
  return !(t.lower.endsWith('s') && !t.lower.endsWith('ss')) && !/^(staff|police|media|press|people|everyone|anyone|both|each|all)$/.test(t.lower)
}

/** After an inserted attribution's aside ("…, she said at the harbour, would …"): the predicate's first token, else `from`. */
export function afterInsertedAside (doc: Doc, from: number, hi: number): number {
  if (!/^(at|in|on|to|during|from|after|before|with|outside|inside|via|through|over)$/.test(doc.tokens[from]?.lower ?? '')) return from
  for (let j = from; j < hi && j - from <= 10; j++) {
    const t = doc.tokens[j]!
    if (doc.quoteOf[j] !== -1 || isA(t, WordClass.CueVerbForm) || t.lower === 'that' || (t.kind === TokenKind.Punct && t.text !== ',' && t.text !== '.')) return from
    if (t.text === ',') return predicateWord(doc.tokens[j + 1]) ? j + 1 : from
  }
  return from
}

/** A word that carries on a clause's predicate: "is", "will", "don't", "can’t". */
export function predicateWord (t: Token | undefined): boolean {
  return t !== undefined && t.kind === TokenKind.Word && !t.capitalized && (AUXILIARIES.has(t.lower) || /^(are|were|been|shall|cannot|isn|aren|wasn|weren|won|don|doesn|didn|can|couldn|wouldn|shouldn|hasn|haven)([’']t)?$/.test(t.lower) || /n[’']t$/.test(t.lower))
}
