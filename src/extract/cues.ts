// Stage 4a: verbs and phrases of saying, outside quotations. Forms that are also common nouns ("reports",
// "claims", "notes") count only where a noun phrase stands right before them and no determiner makes them nouns.
import { TokenKind, type Doc, type Token } from './document.js'
import { CALL_VERBS as CALL, CUE_VERB_FORMS, MANNER_VERBS, NAMING_VERBS as NAMING, PARTICLE_CUES, READING_VERBS as READING, type CueVerb } from './lexicon.js'
import { isNounish } from './phrases.js'
import { classesOf, isA, WordClass } from './word-classes.js'

export interface Cue {
  /** Token range of the cue words: "said", "called for", "according to". */
  start: number
  end: number
  verb: CueVerb
  /** "according to X": the speaker follows, and the clause is on either side. */
  according: boolean
}

export const NOUN_LIKE: ReadonlySet<string> = new Set([
  'report', 'reports', 'note', 'notes', 'claim', 'claims', 'post', 'posts', 'tweet', 'tweets', 'answer', 'answers',
  'promise', 'promises', 'demand', 'demands', 'praise', 'counter', 'echo', 'echoes', 'reply', 'replies', 'state', 'states',
  'call', 'calls', 'remarks', 'pledge', 'pledges', 'vow', 'vows', 'warning', 'saying', 'writing', 'reporting', 'stress',
  'joke', 'jokes', 'concern', 'mention', 'continue', 'repeat', 'answer', 'add', 'tell', 'say', 'ask', 'deny', 'write',
  'suggest', 'argue', 'insist', 'warn', 'confirm', 'announce', 'explain', 'admit', 'declare', 'predict', 'urge',
  'describe', 'accuse', 'criticize', 'recall', 'acknowledge', 'indicate', 'reveal', 'respond', 'retort', 'retorts',
  'quip', 'quips', 'comment', 'comments', 'signal', 'signals', 'hint', 'hints', 'reason', 'reasons', 'protest', 'protests',
])
/** Plurals without an s, which "say" can follow as a verb. */
const PLURAL_WORDS = new Set(['people', 'police', 'staff', 'crew', 'media', 'public', 'children', 'men', 'women', 'folk', 'clergy', 'youth'])
const ACCORDING: CueVerb = { object: false, nominal: false }
const NO_OBJECT: CueVerb = { object: false, nominal: true }

function isNounUse (tokens: Token[], i: number): boolean {
  const prev = tokens[i - 1]
  if (!prev) return true
  // "the final say on …", "a bigger say in …": after a determiner and a singular word, and before a preposition,
  // "say" is the noun ("sources close to her campaign say she …" keeps the verb).
  if (tokens[i]!.lower === 'say' && tokens[i - 2] && /^(the|a|an|their|his|her|its|our|any|no)$/.test(tokens[i - 2]!.lower) &&
    prev.kind === TokenKind.Word && !prev.capitalized && !/s$/.test(prev.lower) && !PLURAL_WORDS.has(prev.lower) &&
    (!tokens[i + 1] || /^(on|in|over|about|of|[.,;])$/.test(tokens[i + 1]!.lower))) return true
  // "two reports" is a noun; "about 4 in 10 say", "one in five say" a verb.
  if ((tokens[i - 2]?.lower === 'in' || tokens[i - 2]?.lower === 'of') && (prev.kind === TokenKind.Number || isA(prev, WordClass.Determiner)) && !tokens[i]!.lower.endsWith('s')) return false
  // "are more likely to say …", "went on to tell …": after a word that takes an infinitive, "to" makes the verb.
  if (prev.lower === 'to' && isA(tokens[i - 2], WordClass.InfinitiveFrame) && !/s$/.test(tokens[i]!.lower)) return false
  if (isA(prev, WordClass.Determiner) || prev.lower === '’s' || prev.lower === "'s" || prev.lower === 'to' ||
    prev.lower === 'of' || prev.lower === 'in' || prev.lower === 'for' || prev.lower === 'and' || prev.kind === TokenKind.Number) return true
  // "a snappy retort", "his latest reply", "the usual answer": a lower-case word between a determiner and the word is an
  // adjective, which only a noun follows (no past tense here: "the crowd chanted" keeps its verb).
  // Not "Nearly a third say", "people familiar with her thinking say", nor after a word for a person, a group or a body
  // ("the spokesman tweets", "the board reports").
  if (tokens[i - 2] && /^(a|an|the)$/.test(tokens[i - 2]!.lower) && prev.kind === TokenKind.Word && !prev.capitalized &&
    !/^(say|says|tell|tells)$/.test(tokens[i]!.lower) && !tokens[i]!.lower.endsWith('ed') && !/(s|ing)$/.test(prev.lower) &&
    !PLURAL_WORDS.has(prev.lower) && !isNounish(prev)) return true
  // "in a Facebook post", "an Instagram post": a name between an indefinite article and the word makes it a noun.
  if (prev.capitalized && (tokens[i - 2]?.lower === 'a' || tokens[i - 2]?.lower === 'an')) return true
  const next = tokens[i + 1]
  return next !== undefined && (next.lower === 'of' || next.lower === 'about' && tokens[i]!.lower.endsWith('s'))
}

/** Most words capitalised: a headline, where verbs are capitalised too ("Clinton Says Russians Hacked DNC"). */
function isTitleCase (tokens: Token[], from: number, to: number): boolean {
  let words = 0
  let capitals = 0
  for (let i = from; i < to; i++) {
    const t = tokens[i]!
    if (t.kind !== TokenKind.Word || t.text.length < 4) continue
    words++
    if (t.capitalized) capitals++
  }
  return words > 0 && capitals / words >= 0.6
}

const SIGNAGE = new Set(['sign', 'signs', 'placard', 'placards', 'banner', 'banners', 'poster', 'posters', 'billboard', 'billboards',
  'hat', 'hats', 'cap', 'caps', 'shirt', 'shirts', 't-shirt', 't-shirts', 'sticker', 'stickers', 'button', 'buttons', 'badge', 'mug',
  'plaque', 'headline', 'headlines', 'caption', 'slogan', 'tattoo', 'graffiti'])

/** After "as": "(first) reported by", "noted by", "described by": the index of "by", or -1. */
function reportedBy (tokens: Token[], quoteOf: Int32Array, i: number, to: number): number {
  if (tokens[i]?.lower === 'first' || tokens[i]?.lower === 'previously' || tokens[i]?.lower === 'originally') i++
  if (i + 1 >= to || quoteOf[i] !== -1 || !/^(reported|noted|described|revealed|detailed|documented)$/.test(tokens[i]!.lower)) return -1
  return tokens[i + 1]!.lower === 'by' && quoteOf[i + 1] === -1 ? i + 1 : -1
}

/** A sign, a placard, a cap… among the few words of its sentence (`from`–`to`) around a "read" at `i`: no speech. */
function signageNear (doc: Pick<Doc, 'tokens' | 'quoteOf'>, from: number, i: number, to: number): boolean {
  for (let j = Math.max(from, i - 5); j < Math.min(to, i + 6); j++) if (doc.quoteOf[j] === -1 && SIGNAGE.has(doc.tokens[j]!.lower)) return true
  return false
}

function quoteWithin (doc: Pick<Doc, 'tokens' | 'quoteOf'>, from: number, to: number): boolean {
  for (let j = from; j < to; j++) {
    if (doc.quoteOf[j] !== -1) return true
    const t = doc.tokens[j]!
    if (t.kind === TokenKind.Punct) return false
  }
  return false
}

/** "which City Hall has branded “…”", "what the industry calls “…”", "a stretch that locals call “…”": a thing's name, not anyone's words. */
function namesRelativeObject (tokens: Token[], i: number, from: number): boolean {
  // "a stretch that locals have long called “the hairpin”": "that" is the object when the name follows the verb at once.
  const objectless = tokens[i + 1]?.kind === TokenKind.QuoteMark
  for (let j = i - 1; j >= from && i - j <= 6; j--) {
    const t = tokens[j]!
    if (t.lower === 'which' || t.lower === 'what' || (objectless && t.lower === 'that' && j > from && tokens[j - 1]!.kind === TokenKind.Word && !isA(tokens[j - 1], WordClass.CueVerbForm))) return true
    if (t.kind !== TokenKind.Word) return false
  }
  return false
}

/** The verb of a naming cue without a quotation ("He called the actions lawful"), told apart by identity. */
export const NAMING_VERB: CueVerb = { object: false, nominal: true }
const NOT_NAMED = new Set(['meeting', 'meetings', 'session', 'election', 'elections', 'vote', 'votes', 'conference', 'strike', 'hearing',
  'hearings', 'halt', 'timeout', 'press', 'news', 'special', 'snap', 'recess', 'summit', 'referendum', 'audible', 'ambulance', 'police', 'cops', 'number'])

/** After "called": an object (determiner, pronoun, possessive or name) that is not a meeting or an election. */
function namingObject (doc: Pick<Doc, 'tokens' | 'quoteOf'>, i: number, to: number): boolean {
  const { tokens, quoteOf } = doc
  const t = tokens[i]
  if (!t || i >= to || quoteOf[i] !== -1 || t.kind !== TokenKind.Word) return false
  if (/^(for|on|off|up|in|out|back|it|upon|over|to|into|at|by|from|with|and|or|but|that|as|the shots)$/.test(t.lower)) {
    // "called it a disgrace" is naming; "called it off", "called it quits" are not.
    if (t.lower !== 'it' || !tokens[i + 1] || /^(off|quits|a day|a night)$/.test(tokens[i + 1]!.lower)) return false
  }
  if (!(isA(t, WordClass.Determiner) || t.capitalized || /^(him|her|them|it|himself|herself|themselves|itself|me|us|this|that|these|those)$/.test(t.lower))) return false
  for (let j = i; j < Math.min(to, i + 4); j++) if (NOT_NAMED.has(tokens[j]!.lower)) return false
  return true
}

const WRITING = new Set(['write', 'writes', 'wrote', 'writing', 'post', 'posts', 'posted', 'posting'])
const WELCOME = new Set(['welcome', 'welcomes', 'welcomed', 'welcoming'])
const ADD = new Set(['add', 'adds', 'added', 'adding'])
const GO = new Set(['go', 'goes', 'went'])
/**
 * After "add": a thing added to another ("to his lead", "another number to the mix"), with no that-clause or quotation
 * in the next few words.
 */
function addsToSomething (doc: Pick<Doc, 'tokens' | 'quoteOf'>, from: number, to: number): boolean {
  const { tokens, quoteOf } = doc
  const first = tokens[from]
  if (!first || quoteOf[from] !== -1) return false
  if (first.lower !== 'to' && !/^(a|an|the|another|more|new|its|his|her|their|some|two|three|fuel|weight|insult)$/.test(first.lower)) return false
  for (let j = from; j < to && j - from <= 8; j++) {
    const t = tokens[j]!
    if (quoteOf[j] !== -1 || t.lower === 'that' || t.text === ':' || t.text === ',') return false
    // Not to whom it was said: "added to reporters", "added to People".
    // "to her run of victories" is a possessive; "added to her, “…”" an addressee.
    const possessive = tokens[j + 1]?.lower === 'her' && tokens[j + 2]?.kind === TokenKind.Word && tokens[j + 2]!.lower !== 'that'
    if (t.lower === 'to' && j + 1 < to && quoteOf[j + 1] === -1 && !tokens[j + 1]!.capitalized &&
      (possessive || !/^(reporters|journalists|him|her|them|us|me)$/.test(tokens[j + 1]!.lower))) return true
  }
  return false
}

const MANNER: CueVerb = { object: false, nominal: false }

/** A closing quotation mark just before token i, or before a short subject there ("“…,” Edda Moll laughs"). */
function afterQuotation (doc: Pick<Doc, 'tokens' | 'quoteOf'>, i: number, from: number): boolean {
  for (let j = i - 1; j >= from && i - j <= 5; j--) {
    if (doc.quoteOf[j] !== -1) return doc.tokens[j]!.kind === TokenKind.QuoteMark
    const t = doc.tokens[j]!
    if (t.kind !== TokenKind.Word && t.text !== '.' && t.text !== ',') return false
    if (t.text === ',' && j !== i - 1 && doc.quoteOf[j - 1] === -1) return false
  }
  return false
}

/** Forms that look like a verb after a quotation's subject but only say what the subject is or does next. */
const NOT_SPEECH_AFTER_QUOTE = new Set(['is', 'was', 'has', 'does', 'as', 'us', 'yes', 'this', 'his', 'its', 'plus', 'thus', 'less',
  'unless', 'news', 'always', 'perhaps', 'towards', 'afterwards', 'besides', 'sometimes', 'needed', 'used', 'based', 'related',
  'added'])
/** Irregular past forms that report speech after a quotation ("“…,” Trump shot back", "“…,” she swore"). */
const IRREGULAR_SPEECH = new Set(['shot', 'spat', 'swore', 'spoke', 'sang', 'cried', 'bit', 'broke', 'chimed', 'cut', 'threw', 'fired', 'let'])
const AFTER_SPEECH_VERB = new Set(['back', 'in', 'on', 'at', 'to', 'as', 'during', 'with', 'after', 'before', 'while', 'from', 'of', 'up',
  'out', 'into', 'when', 'later', 'again', 'then', 'once', 'afterward', 'afterwards', 'angrily', 'sharply', 'quietly'])

const SUBJECT_PRONOUNS = new Set(['he', 'she', 'they', 'i', 'we', 'it'])

/**
 * What /^[a-z]{3,}(ed|s)$/ accepts ("gushed", "mocks"), by a character scan: this is asked of almost every word outside
 * a quotation, and the pattern cost more than the rest of the test.
 */
function isRegularVerbForm (w: string): boolean {
  const n = w.length
  const last = w.charCodeAt(n - 1)
  if (last === 115) { if (n < 4) return false } else if (last === 100 && w.charCodeAt(n - 2) === 101) { if (n < 5) return false } else return false
  for (let k = 0; k < n; k++) {
    const c = w.charCodeAt(k)
    if (c < 97 || c > 122) return false
  }
  return true
}

/**
 * "“…,” Clinton gushed.", "“…!” Kelly charged in her opening question", "“…,” he mocks.": a quotation whose words end
 * with a comma, "!" or "?", then a short subject (a name or a pronoun) and one verb, then the sentence's end, a comma or
 * a preposition. In that frame any verb reports the quotation, so it need not be in the lexicon of verbs of saying.
 */
/** The closing mark, a comma, four words of subject and the verb: how far after a quotation its verb may stand. */
const VERB_AFTER_QUOTATION_REACH = 6

function verbAfterQuotation (doc: Pick<Doc, 'tokens' | 'quoteOf'>, i: number, from: number, to: number): boolean {
  const { tokens, quoteOf } = doc
  const t = tokens[i]!
  if (t.capitalized || !(isRegularVerbForm(t.lower) || IRREGULAR_SPEECH.has(t.lower)) || NOT_SPEECH_AFTER_QUOTE.has(t.lower)) return false
  if (t.lower.endsWith('ss') || t.lower.endsWith('us') || t.lower.endsWith('is')) return false
  // The subject: a pronoun or one to four capitalised words, right after the closing mark (and its comma).
  let j = i - 1
  if (j >= from && SUBJECT_PRONOUNS.has(tokens[j]!.lower) && quoteOf[j] === -1) j--
  else {
    let words = 0
    while (j >= from && words < 4 && quoteOf[j] === -1 && tokens[j]!.kind === TokenKind.Word && tokens[j]!.capitalized) { j--; words++ }
    if (words === 0) return false
  }
  if (j >= from && tokens[j]!.text === ',' && quoteOf[j] === -1) j--
  if (j < from || quoteOf[j] === -1 || tokens[j]!.kind !== TokenKind.QuoteMark) return false
  // The quotation's last word is followed by a comma, "!" or "?" (inside the marks, or just after the closing one).
  const last = tokens[j - 1]
  if (!last || !(last.text === ',' || last.text === '!' || last.text === '?' || tokens[j + 1]?.text === ',')) return false
  const next = tokens[i + 1]
  return i + 1 >= to || next === undefined || next.text === '.' || next.text === ',' || next.text === '!' || next.text === ';' ||
    (quoteOf[i + 1] === -1 && AFTER_SPEECH_VERB.has(next.lower))
}

const RESPOND = new Set(['respond', 'responds', 'responded', 'responding'])
const WORDS_GIVEN = new Set(['statement', 'letter', 'email', 'tweet', 'post', 'message', 'note', 'remarks', 'comment', 'comments',
  'question', 'questions', 'answer', 'joke', 'quip', 'retort', 'rebuttal', 'reply', 'words', 'speech', 'phrase', 'line', 'slogan'])

/** After "responded": a reaction that says nothing ("by easing sanctions", "with ads", "as if hurt", "enthusiastically"). */
function reactsWithoutWords (doc: Pick<Doc, 'tokens' | 'quoteOf'>, i: number, to: number): boolean {
  const { tokens, quoteOf } = doc
  while (i < to && quoteOf[i] === -1 && /ly$/.test(tokens[i]!.lower) && tokens[i]!.lower.length > 4) i++
  const next = tokens[i]
  if (!next || i >= to || quoteOf[i] !== -1) return false
  if (next.lower === 'as') return true
  if (next.lower === 'by') {
    const act = tokens[i + 1]
    return act !== undefined && act.lower.endsWith('ing') && !isA(act, WordClass.CueVerbForm)
  }
  if (next.lower === 'with') {
    for (let j = i + 1; j < to && j <= i + 3; j++) if (quoteOf[j] !== -1 || WORDS_GIVEN.has(tokens[j]!.lower)) return false
    return true
  }
  return false
}

/** Cue words that are nouns after a name in a prepositional phrase ("of Twitter posts", "in Facebook comments"). */
const NOUN_AFTER_NAME = new Set(['post', 'posts', 'tweet', 'tweets', 'statement', 'statements', 'comment', 'comments', 'remarks', 'report', 'reports', 'message', 'messages', 'letter', 'interview'])

const ARTICLES = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'its', 'our', 'my', 'your', 'this', 'that'])
const CONTINUE = new Set(['continue', 'continues', 'continued'])

/** "(not) to be named / identified / quoted", "for anonymity" after "asked". */
function asksAnonymity (tokens: Token[], i: number, to: number): boolean {
  const at = (k: number): string => (i + k < to ? tokens[i + k]!.lower : '')
  if (at(0) === 'for') return at(1) === 'anonymity'
  const j = at(0) === 'not' ? 1 : 0
  return at(j) === 'to' && at(j + 1) === 'be' && /^(named|identified|quoted)$/.test(at(j + 2))
}

/** What the cue scan notes on the way for the frame stages: indices of words, in order. */
export interface FrameWords {
  /** Nouns of speech, for the possessive frames ("Hale's claim that …"; possessive-frames.ts). */
  frameNouns: number[]
  /** Words that may carry a nominal frame ("asks", "response", "was"; frames.ts). */
  nominalWords: number[]
}

/** A that-clause or a quotation within a short object after "tease". */
function teasesWithWords (doc: Pick<Doc, 'tokens' | 'quoteOf'>, from: number, to: number): boolean {
  for (let j = from; j < to && j - from <= 3; j++) if (doc.tokens[j]!.lower === 'that' || doc.quoteOf[j] !== -1) return true
  return false
}

/**
 * The cues of the tokens `from` to `to`. Nouns of speech after a possessive ("Hale's claim", "his warning") are no
 * cues; their indices go to `frameNouns`, for the possessive frames (possessive-frames.ts).
 */
export function findCues (doc: Pick<Doc, 'tokens' | 'quoteOf'>, from: number, to: number, frameWords?: FrameWords): Cue[] {
  const { tokens, quoteOf } = doc
  const cues: Cue[] = []
  let headline: boolean | null = null
  // The latest token of a quotation: a verb after a quotation (verbAfterQuotation) stands at most six tokens after it,
  // so most words need no look at their own.
  let lastQuoted = -100
  for (let i = from; i < to; i++) {
    if (quoteOf[i] !== -1) { lastQuoted = i; continue }
    const t = tokens[i]!
    if (t.kind !== TokenKind.Word) continue
    // Most words are none of the cue words or nouns of speech: their word classes tell, kept on the Token.
    const kind = classesOf(t)
    if (frameWords && (kind & WordClass.NominalFrameWord)) frameWords.nominalWords.push(i)
    // Mid-sentence capitals are names ("the United States", "the Washington Post"), except in headlines.
    if (t.capitalized && i > from && tokens[i - 1]!.kind !== TokenKind.QuoteMark) {
      // A sentence that ends with a full stop is prose, however many names it holds.
      headline ??= isTitleCase(tokens, from, to)
      if (!headline) continue
    }
    // "As reported by the Ledger, …", "…, as first reported by Politico": a source, as "according to" gives one.
    if (t.lower === 'as') {
      const by = reportedBy(tokens, quoteOf, i + 1, to)
      if (by !== -1) { cues.push({ start: i, end: by + 1, verb: ACCORDING, according: true }); i = by; continue }
    }
    if (frameWords && (kind & WordClass.FrameNoun)) frameWords.frameNouns.push(i)
    if (!(kind & WordClass.CueWord)) {
      if (i - lastQuoted <= VERB_AFTER_QUOTATION_REACH && verbAfterQuotation(doc, i, from, to)) cues.push({ start: i, end: i + 1, verb: MANNER, according: false })
      continue
    }
    if (t.lower === 'according' && tokens[i + 1]?.lower === 'to' && i + 1 < to) {
      cues.push({ start: i, end: i + 2, verb: ACCORDING, according: true })
      i++
      continue
    }
    // "called Ohio “one of the most competitive …”": naming with a quotation is speech.
    if (CALL.has(t.lower) && quoteWithin(doc, i + 1, Math.min(to, i + 5)) && !namesRelativeObject(tokens, i, from)) {
      cues.push({ start: i, end: i + 1, verb: NO_OBJECT, according: false })
      continue
    }
    // "Graham called both candidates “crazy”", "He called the actions lawful": naming what someone is, as a verb
    // with an object; not "called a meeting", "was called", "a website called …".
    if (NAMING.has(t.lower) && i > from && namingObject(doc, i + 1, to) && !/^(is|are|was|were|be|been|being|so)$/.test(tokens[i - 1]!.lower) &&
      !ARTICLES.has(tokens[i - 1]!.lower)) {
      cues.push({ start: i, end: i + 1, verb: NAMING_VERB, according: false })
      continue
    }
    const particles = PARTICLE_CUES.get(t.lower)
    // "went on: “…”", "“…,” she went on"; not "went on to win", "goes on a phone spree".
    const goesOnWithoutWords = GO.has(t.lower) && !afterQuotation(doc, i, from) && !(i + 2 >= to || /^[,:.]$/.test(tokens[i + 2]!.text) ||
      quoteOf[i + 2] !== -1 || tokens[i + 2]!.lower === 'that' || (tokens[i + 2]!.lower === 'to' && isA(tokens[i + 3], WordClass.CueVerbForm)))
    if (particles && i + 1 < to && particles.has(tokens[i + 1]!.lower) && quoteOf[i + 1] === -1 && !goesOnWithoutWords) {
      cues.push({ start: i, end: i + 2, verb: NO_OBJECT, according: false })
      i++
      continue
    }
    // "“…,” reads the editorial", "“…,” it read", "The letter reads: “…”": what a text says, with the quotation beside
    // the verb ("read the report" is no speech); a sign, a placard or a cap that reads something is no speaker (issue
    // 12: placards are not quotes). "read" is no verb of the lexicon, so "a statement read by her lawyer" stays an aside.
    if (READING.has(t.lower)) {
      if ((afterQuotation(doc, i, from) || quoteOf[i + 1] !== -1 || (/^[,:]$/.test(tokens[i + 1]?.text ?? '') && quoteOf[i + 2] !== -1)) &&
        !signageNear(doc, from, i, to)) cues.push({ start: i, end: i + 1, verb: MANNER, according: false })
      continue
    }
    // "“…,” she laughs", "“…,” shrugged Ann Lee": a verb of manner is a verb of saying right after a quotation.
    if (MANNER_VERBS.has(t.lower) && afterQuotation(doc, i, from)) {
      cues.push({ start: i, end: i + 1, verb: MANNER, according: false })
      continue
    }
    const verb = CUE_VERB_FORMS.get(t.lower)
    if (!verb) {
      if (i - lastQuoted <= VERB_AFTER_QUOTATION_REACH && verbAfterQuotation(doc, i, from, to)) cues.push({ start: i, end: i + 1, verb: MANNER, according: false })
      continue
    }
    if (NOUN_LIKE.has(t.lower) && isNounUse(tokens, i)) continue
    // "responded by pointing a finger", "responded with ads", "responded as if …": a reaction, not words; "responded
    // by saying …" is left to the second cue, "responded with a statement" stays speech.
    if (RESPOND.has(t.lower) && reactsWithoutWords(doc, i + 1, to)) continue
    // "state"/"states" are mostly nouns ("member states trump …", "Rust Belt states that …"): the verb only before a
    // that-clause, a colon or a quotation ("the letter states that …", "it states: …").
    if ((t.lower === 'state' || t.lower === 'states') && !(tokens[i + 1] && (tokens[i + 1]!.text === ':' || quoteOf[i + 1] !== -1 ||
      (tokens[i + 1]!.lower === 'that' && tokens[i + 2]?.kind === TokenKind.Word && !/^(have|has|are|is|were|was)$/.test(tokens[i + 2]!.lower))))) continue
    // "maintained that …", "hinted: …", "“…,” she reckoned"; not "maintained the road", "signalled support".
    // After a quotation ("“…,” she reckoned.") only a past tense ends the clause: "his comments." is a noun.
    if (isA(t, WordClass.ThatOnlyCue) && !(tokens[i + 1]?.lower === 'that' || tokens[i + 1]?.text === ':' || quoteOf[i + 1] !== -1 ||
      ((tokens[i + 1] === undefined || /^[,.]$/.test(tokens[i + 1]!.text)) && /(ed|swore)$/.test(t.lower)))) continue
    // "continued to rise" is not speech; "he continued: …" is.
    if (CONTINUE.has(t.lower) && !(i + 1 >= to || /^[,:.]$/.test(tokens[i + 1]!.text) || tokens[i + 1]!.kind === TokenKind.QuoteMark)) continue
    // "welcomed the decision": approval of a thing, not words; only "welcomed that …" or a quotation reports speech.
    if (WELCOME.has(t.lower) && !(tokens[i + 1]?.lower === 'that' || quoteWithin(doc, i + 1, Math.min(to, i + 3)))) continue
    // "wrote a blog", "posted its report": a thing written, unless a that-clause or a quotation follows at once.
    if (WRITING.has(t.lower) && /^(a|an|the|his|her|their|its|our|my)$/.test(tokens[i + 1]?.lower ?? '') && !quoteWithin(doc, i + 1, Math.min(to, i + 4))) continue
    // "tease her that …", "teased, “…”" report words; "teases out an ideology", "teased him for bringing water" do not.
    if (/^teas(e|es|ed)$/.test(t.lower) && !teasesWithWords(doc, i + 1, to)) continue
    // "adding to his victories", "adds another magic number to the mix": to add a thing to another is no speech;
    // "added that …", "added, “…”" and "added to reporters that …" are.
    if (ADD.has(t.lower) && addsToSomething(doc, i + 1, to)) continue
    // "who asked not to be named", "asked for anonymity": a condition of the source, not speech.
    if (t.lower === 'asked' && asksAnonymity(tokens, i + 1, to)) continue
    // "is said to be": a passive rumour, not an attribution.
    if (t.lower === 'said' && tokens[i + 1]?.lower === 'to' && /^(is|are|was|were|be|been)$/.test(tokens[i - 1]?.lower ?? '')) continue
    // "Having said that, …", "That said, …", "That being said": a connective ("nevertheless"), not an attribution.
    if (t.lower === 'said' && ((tokens[i - 1]?.lower === 'having' && tokens[i + 1]?.lower === 'that' && tokens[i + 2]?.text === ',') ||
      (/^(that|this)$/.test(tokens[i - 1]?.lower ?? '') && tokens[i + 1]?.text === ',' && (i - 1 === from || tokens[i - 2]?.kind === TokenKind.Punct)))) continue
    // "the said …" and participles used as adjectives ("the so-called", "a stated goal") are not cues.
    if (i > from && ARTICLES.has(tokens[i - 1]!.lower)) continue
    // "In one tweet Friday, …", "in a series of Twitter posts": after a preposition and a number or a name, the word is
    // the noun ("Hale posted" after a name alone stays a verb).
    // ("One in three say" keeps its verb: only words that are nouns too.)
    if (i - 2 >= from && NOUN_AFTER_NAME.has(t.lower) && /^(in|on|of|from|with|at)$/.test(tokens[i - 2]!.lower) && quoteOf[i - 1] === -1 &&
      (/^(one|two|three|several|many|few|some)$/.test(tokens[i - 1]!.lower) || tokens[i - 1]!.capitalized)) continue
    cues.push({ start: i, end: i + 1, verb, according: false })
  }
  return cues
}
