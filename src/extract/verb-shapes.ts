// Stage 4b (part): the shapes of attribution around one verb of saying, given its speaker:
//   "Q," X said.  /  "Q," said X.  /  "Q1," X said, "Q2."  /  X said: "Q"  /  X said (that) CLAUSE
//   CLAUSE, X said.  /  CLAUSE, said X.  /  The goal, X said, is …  /  Asked whether …, X said
import { TokenKind, type Doc } from './document.js'
import type { Cue } from './cues.js'
import { isFirstNameToken } from './first-names.js'
import { phraseAfter, type Range } from './phrases.js'
import { SENTENCE_PUNCT, isClosingMark, isOpeningMark, LINKS, type Subject, subjectAfter, describedAfter, endsLikeSpeech } from './subjects.js'
import type { Attribution } from './attribution.js'
import { CLAUSE_OPENERS, afterInsertedAside, contentStart, onlyAside, predicateWord, prepositionalAside, thatClauseFollows } from './content-start.js'
import { clauseEnd, clauseStartAt, interruptedFront, prepositionalPhraseOnly, trimConnective } from './clause-bounds.js'
import { hasWord, isPossessiveToken, onlyPunctuation, quoteSpan, quotesIn, spanOf } from './token-runs.js'
import { isA, WordClass } from './word-classes.js'

/**
 * The attribution a verb of saying makes in sentence `sIndex` (tokens `lo` to `hi`), given the cue's subject `left`
 * (null when none stands before or around it) and the next cue's subject, which bounds its content; null if none.
 */
export function verbAttribution (doc: Doc, sIndex: number, cue: Cue, left: Subject | null, nextSubject: Subject | null, lo: number, hi: number): Attribution | null {
  const before = (left ? left.start : cue.start) - 1
  let b = before
  while (b >= lo && LINKS.has(doc.tokens[b]!.text) && doc.quoteOf[b] === -1) b--
  // "“…,” former governor Jeb Bush said", "…, these people said": words trimmed off the front of the subject stand
  // between it and the quote or the comma.
  if (left && b >= lo && doc.quoteOf[b] === -1) {
    let m = b
    while (m >= lo && b - m < 3 && doc.quoteOf[m] === -1 && /^(former|late|current|new|then|first|second|third|last|these|those)$/.test(doc.tokens[m]!.lower)) m--
    if (m < b && m >= lo && isClosingMark(doc, m)) b = m
    else if (m < b && m > lo && doc.tokens[m]!.text === ',' && doc.quoteOf[m] === -1) b = m - 1
  }

  // "Q," X said.  /  "Q," said X.  — not when the cue has a that-clause of its own ("under the headline “…,” X wrote
  // that …": the quotation is a title).
  if (b >= lo && (isClosingMark(doc, b) || (b >= lo && doc.quoteOf[b] !== -1 && doc.tokens[b]!.kind !== TokenKind.QuoteMark && doc.quotes[doc.quoteOf[b]!]!.close === -1)) &&
    !thatClauseFollows(doc, cue, hi) && !introducesQuotation(doc, cue, hi, b) && (!isClosingMark(doc, b) || endsLikeSpeech(doc, b)) &&
    !(isClosingMark(doc, b) && isTitleOfWork(doc, doc.quoteOf[b]!) && clauseAfterCue(doc, cue, hi)) &&
    // "… Obama “founded ISIS,” saying they were nitpicking …": a participle with a clause of its own reports that
    // clause; the quotation before it belongs to the sentence's earlier clause.
    !(doc.tokens[cue.start]!.lower.endsWith('ing') && clauseAfterCue(doc, cue, hi))) {
    const q = doc.quoteOf[b]!
    // "“…,” said X" inverts; "“…,” saying they were …" does not: a participle's subject is before the quotation.
    const subject = left ?? (doc.tokens[cue.start]!.lower.endsWith('ing') ? null : subjectAfter(doc, cue.end, hi))
    if (!subject) return null
    const quotes = [q]
    const spans = [quoteSpan(doc, q)]
    // "Q1," X said, "Q2."
    const afterEnd = Math.max(cue.end, subject.apposition ? subject.apposition.end : subject.speaker.end)
    let j = afterEnd
    while (j < hi && doc.quoteOf[j] === -1 && (LINKS.has(doc.tokens[j]!.text) || doc.tokens[j]!.text === ':' || doc.tokens[j]!.text === '.' || isA(doc.tokens[j], WordClass.PreCueAdverb | WordClass.TimeWord))) j++
    if (j < hi && !isOpeningMark(doc, j)) {
      // "…," he said of the campaign, "…": an aside before the second part.
      let k = j
      // Not when the aside is an attribution of its own ("…," he said, adding, "…"; "…," said X, who thinks "…").
      while (k < hi && k - j < 12 && doc.quoteOf[k] === -1 && !SENTENCE_PUNCT.has(doc.tokens[k]!.text) &&
        !isA(doc.tokens[k], WordClass.CueVerbForm) && !/^(who|going|adding|noting|before|after|then)$/.test(doc.tokens[k]!.lower)) k++
      // "…," Sanders said at a rally in Binghamton, N.Y. "…": an abbreviation's stop ends the aside too.
      if (k < hi && isOpeningMark(doc, k) && (doc.tokens[k - 1]!.text === ',' || (doc.tokens[k - 1]!.text.endsWith('.') && doc.tokens[k - 1]!.text.length > 1))) j = k
    }
    // The second part follows a comma, colon or stop: not "said X, who noted that prices had “cratered”", where the
    // quotation is inside the speaker's own relative clause.
    // Not "said X, who noted that prices had “cratered”": a quotation inside the speaker's relative clause is its own.
    const relative = subject.apposition !== null && /^(who|whose|which|that)$/.test(doc.tokens[subject.apposition.start]!.lower)
    if (j < hi && isOpeningMark(doc, j) && !relative) {
      const q2 = doc.quoteOf[j]!
      quotes.push(q2)
      spans.push(quoteSpan(doc, q2))
    }
    const open = doc.quotes[q]!.open
    const whole = open >= lo && (open === lo || onlyPunctuation(doc, lo, open))
    // "With thousands of systems, “there is no single point of failure,” he said.": the sentence up to the quote's
    // end is what was said, partly quoted — unless a verb of saying before the quote introduces it.
    if (!whole && open > lo && doc.quotes[q]!.close >= 0 && !cueBefore(doc, lo, open)) {
      const start = clauseStartAt(doc, lo, open)
      const mixedQuotes = quotesIn(doc, start, doc.quotes[q]!.close + 1)
      spans[0] = [doc.starts[start]!, doc.quotes[q]!.contentEnd]
      return {
        sentence: sIndex, cue, shape: 'quote-before', speaker: subject.speaker, apposition: subject.apposition,
        spans, quotes: [...new Set([...mixedQuotes, ...quotes])], direct: false, via: null, confidence: 0.8,
      }
    }
    return {
      sentence: sIndex, cue, shape: 'quote-before', speaker: subject.speaker, apposition: subject.apposition,
      spans, quotes, direct: true, via: null, confidence: whole ? 0.95 : 0.85,
    }
  }

  // "Asked whether …, X said", "When asked by a reporter about …": the question, put by someone unnamed or by
  // the one after "by".
  if (!left) {
    const asked = askedQuestion(doc, sIndex, cue, lo, nextSubject && nextSubject.start > cue.end ? nextSubject.start : hi)
    if (asked) return asked
  }

  if (!left) {
    // CLAUSE, said X.
    if (b >= lo && doc.tokens[b + 1]?.text === ',' && b > lo) {
      const found = subjectAfter(doc, cue.end, hi)
      const subject = found && !participleBeforeNoun(doc, cue, found.speaker) ? found : null
      const subjectEnd = subject ? subject.apposition?.end ?? subject.speaker.end : -1
      // "A lacks in the looks department, said Howard, but B": the clause goes on after the attribution.
      const rest = subject ? continuedAfterSubject(doc, subjectEnd, hi) : -1
      if (subject && (rest !== -1 || onlyAside(doc, cue, subjectEnd, hi, true))) {
        const end = b + 1
        const start = clauseStartAt(doc, lo, end)
        const restEnd = rest === -1 ? -1 : clauseEnd(doc, rest, hi, hi)
        const quotes = quotesIn(doc, start, restEnd === -1 ? end : restEnd)
        const spans = [spanOf(doc, start, end)]
        if (restEnd > rest) spans.push(spanOf(doc, rest, restEnd))
        return {
          sentence: sIndex, cue, shape: 'clause-before', speaker: subject.speaker, apposition: subject.apposition,
          spans, quotes, direct: false, via: null, confidence: 0.7,
        }
      }
    }
    return null
  }

  // The next cue's subject bounds this one's clause.
  // "Graham, who says CLAUSE, tweeted …": a cue inside the next subject's apposition ends where the apposition does.
  const inApposition = nextSubject?.apposition && nextSubject.apposition.start <= cue.start && cue.end <= nextSubject.apposition.end
  const stopAt = !nextSubject || subordinateSubject(doc, cue, nextSubject) ? hi
    : inApposition ? nextSubject.apposition!.end : trimConnective(doc.tokens, cue.end, nextSubject.start)
  let from = contentStart(doc, cue, hi)
  // "The levy, she told reporters at the harbour, would be scrapped": in an inserted attribution, the aside runs to
  // the comma before the predicate that goes on with the front.
  if (b > lo && doc.tokens[b + 1]?.text === ',' && doc.quoteOf[b] === -1) from = afterInsertedAside(doc, from, hi)
  // A clause with its own subject ("he then recorded … and hosted …") keeps its coordinated verbs.
  let end = clauseEnd(doc, from, hi, stopAt, cue.verb.nominal || !CLAUSE_OPENERS.has(doc.tokens[from]?.lower ?? ''))
  end = subordinateClauseEnd(doc, lo, cue, from, end)

  // "Raman recounted the timeline:¶“…”": a short object before a colon that ends the sentence introduces the quotation
  // that follows; it is not what was said.
  if (doc.tokens[hi - 1]!.text === ':' && end - from <= 12 && quotesIn(doc, from, end).length === 0 && !hasWord(doc, from, end, 'that')) end = from
  if (from >= end || onlyPunctuation(doc, from, end) || (b >= lo && doc.tokens[b + 1]?.text === ',' && onlyAside(doc, cue, cue.end, hi))) {
    // CLAUSE, X said.  — or a cue at the sentence's end that introduces the next sentence ("X said:").
    // "On Thursday, Comey will testify …", "In a 1963 speech, he declared: …": a short phrase of time or place before the
    // verb is no clause that was said.
    const fronted = b > lo && doc.tokens[b + 1]?.text === ',' && doc.quoteOf[b] === -1
    const start = fronted ? clauseStartAt(doc, lo, b) : lo
    const quotes = fronted ? quotesIn(doc, start, b + 1) : []
    const setting = fronted && quotes.length === 0 &&
      ((b + 1 - start <= 6 && prepositionalPhraseOnly(doc, start, b + 1)) || subordinateOnly(doc, start, b + 1))
    if (fronted && !setting) {
      const direct = quotes.length === 1 && onlyPunctuation(doc, start, b + 1)
      return {
        sentence: sIndex, cue, shape: 'clause-before', speaker: left.speaker, apposition: left.apposition,
        spans: direct ? [quoteSpan(doc, quotes[0]!)] : [spanOf(doc, start, b + 1)], quotes, direct, via: null, confidence: direct ? 0.9 : 0.7,
      }
    } else if (end <= from || doc.tokens[hi - 1]!.text === ':' || doc.tokens[hi - 1]!.text === ',') {
      return {
        sentence: sIndex, cue, shape: 'quote-after', speaker: left.speaker, apposition: left.apposition,
        spans: [], quotes: [], direct: true, via: null, confidence: 0.85,
      }
    }
    return null
  }

  // "The goal, he said, is to …": the words before an inserted attribution are content too. So is the relative
  // pronoun of "…, which critics said was discriminatory".
  const front = interruptedFront(doc, cue, left, b, lo, from)
  if (front && front[1] - front[0] === 1 && front[1] === left.start) {
    for (let i = from + 1; i < end; i++) if (doc.tokens[i]!.text === ',' && doc.quoteOf[i] === -1) { end = i; break }
  }
  // "said, “We are going to enact the changes,” including ending the sales goals": a participle phrase after the
  // quotation that opens the content is the writer's.
  const opening = doc.quoteOf[from]!
  if (opening !== -1 && !front) {
    const close = doc.quotes[opening]!.close
    // The comma is inside the marks in American style ("changes,” including"), outside in British ("changes”, including").
    const after = doc.tokens[close + 1]?.text === ',' ? close + 2 : close + 1
    const next = doc.tokens[after]
    if (close !== -1 && after < end && doc.quoteOf[after] === -1 && next && next.kind === TokenKind.Word && (next.lower === 'including' || (next.lower.endsWith('ing') && next.lower.length > 5 && !isA(next, WordClass.CueVerbForm)))) end = close + 1
  }
  const quotes = quotesIn(doc, front ? front[0] : from, end)
  if (!front && quotes.length === 0 && prepositionalPhraseOnly(doc, from, end)) return null
  // "Mr. Obama called Naghmeh Abedini", "he echoed Sen. Ron Johnson": a person named, and nothing said (not in a
  // title-case headline, where every word is capitalised: "Trump Calls On Obama To Resign").
  if (!front && quotes.length === 0 && !doc.tokens[cue.start]!.capitalized && nameOnly(doc, from, end)) return null
  // "clapping, singing, chanting and waving balloons": a verb coordinated with the cue is no content of it.
  // "She gave him advice, Anthony says, and she felt free to …": after an inserted attribution, ", and" with a subject of
  // its own goes on with what was said.
  if (quotes.length === 0 && end > from && /^(and|or)$/.test(doc.tokens[from]!.lower) && doc.quoteOf[from] === -1 &&
    !(front && CLAUSE_OPENERS.has(doc.tokens[from + 1]?.lower ?? ''))) return null
  // "said nothing", "their smiles said a lot", "Mexico said enough": an amount is no content.
  if (quotes.length === 0 && end - from <= 3 && AMOUNT_ONLY.test(doc.text.slice(doc.starts[from]!, doc.ends[end - 1]!))) return null
  // "responded Tuesday to one of the messages by saying …": content cut off before "by" and the verb that says what
  // was said is no clause; that verb's own attribution reports it.
  if (quotes.length === 0 && end > from && doc.tokens[end - 1]!.lower === 'by' && doc.tokens[end]?.lower.endsWith('ing')) return null
  const firstQuote = quotes[0]
  const quoteOpensContent = firstQuote !== undefined && doc.quotes[firstQuote]!.open === from
  const direct = !front && quoteOpensContent && quotes.length === 1 &&
    (doc.quotes[firstQuote]!.close === -1 || onlyPunctuation(doc, doc.quotes[firstQuote]!.close + 1, end))
  const spans: Array<[number, number]> = direct ? [quoteSpan(doc, firstQuote!)] : [spanOf(doc, from, end)]
  if (front) spans.unshift(spanOf(doc, front[0], front[1]))
  return {
    sentence: sIndex, cue, shape: direct ? 'quote-after' : 'clause-after', speaker: left.speaker, apposition: left.apposition,
    spans, quotes, direct, via: null,
    confidence: direct ? 0.9 : quotes.length ? 0.8 : 0.7,
  }
}

/**
 * "Sunday on Fox News channel’s “Sunday Morning Futures,” Rep. Darrell Issa said …", "On “Meet the Press,” she said
 * …": a short capitalised quotation after a possessive or a preposition names a show, a book or a film.
 */
function isTitleOfWork (doc: Doc, q: number): boolean {
  const { tokens } = doc
  const quote = doc.quotes[q]!
  const before = tokens[quote.open - 1]
  const first = tokens[quote.open + 1]
  if (!before || !first || !first.capitalized || quote.close - quote.open > 8) return false
  return isPossessiveToken(before) || /^(on|in|of|from|at|to|for|with)$/.test(before.lower)
}

/** The cue has a clause of its own after it ("… said Hillary Clinton’s judgment is in question"), not just a stop. */
function clauseAfterCue (doc: Doc, cue: Cue, hi: number): boolean {
  let words = 0
  for (let i = cue.end; i < hi && words < 4; i++) {
    const t = doc.tokens[i]!
    // "… said he had not “heard her say …”": a quotation may go on with the clause its first words open.
    if (doc.quoteOf[i] !== -1) return words >= 2
    if (t.kind === TokenKind.Punct && !isPossessiveToken(t)) return false
    if (t.kind === TokenKind.Word) words++
  }
  return words >= 4
}

/**
 * "… a deal “down the line,” he warned: “It’s not going to happen.”": a cue followed by a colon and a quotation
 * introduces that quotation; the one before it is the writer's phrase, not this speaker's reply.
 */
function introducesQuotation (doc: Doc, cue: Cue, hi: number, closing: number): boolean {
  const colon = cue.end
  if (!(colon + 1 < hi && doc.tokens[colon]!.text === ':' && doc.quoteOf[colon] === -1 && isOpeningMark(doc, colon + 1))) return false
  // "“We are ready,” she said: “…”": a quotation ending in a comma is the speaker's, before the colon too.
  const last = doc.tokens[closing - 1]
  return !(last && (last.text === ',' || last.text === '!' || last.text === '?'))
}

/** Whether a verb of saying (or a colon) outside quotations stands between `from` and `to`. */
function cueBefore (doc: Doc, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    if (doc.quoteOf[i] !== -1) continue
    const t = doc.tokens[i]!
    if (t.text === ':' || isA(t, WordClass.CueVerbForm) || PARTICLE_WORDS.has(t.lower) || (t.lower === 'according' && doc.tokens[i + 1]?.lower === 'to')) return true
  }
  return false
}

const PARTICLE_WORDS = new Set(['called', 'calls', 'call', 'calling', 'dubbed', 'labeled', 'branded', 'described', 'termed'])

/** "Asked (by X) (on Fox News) QUESTION, …" and "…, when asked QUESTION.": the question as content. */
function askedQuestion (doc: Doc, sIndex: number, cue: Cue, lo: number, hi: number): Attribution | null {
  const { tokens, quoteOf } = doc
  if (tokens[cue.start]!.lower !== 'asked' || cue.end - cue.start !== 1) return null
  let prev = tokens[cue.start - 1]
  // "Sanders was asked by host John Dickerson whether …", "When Flynn was asked whether …": the passive puts the
  // question to its subject; the asker is after "by", or no one named.
  const passive = prev !== undefined && cue.start - 1 > lo && quoteOf[cue.start - 1] === -1 && /^(was|were|been|being|is|are|be)$/.test(prev.lower)
  if (passive) prev = undefined
  const opens = passive || cue.start === lo || (prev !== undefined && quoteOf[cue.start - 1] === -1 &&
    (/^(when|if|once|and|but|after|before|while)$/.test(prev.lower) || prev.text === ','))
  if (!opens || (prev && prev.text === ',' && tokens[cue.start - 2] && /^(he|she|they|i|we)$/.test(tokens[cue.start - 2]!.lower))) return null
  let i = cue.end
  let speaker: Range | null = null
  for (let guard = 0; guard < 6 && i < hi; guard++) {
    const t = tokens[i]!
    if (quoteOf[i] !== -1) break
    if (t.lower === 'by' && !speaker) {
      const by = phraseAfter(doc, i + 1, hi) ?? describedAfter(doc, i + 1, hi)
      if (by) { speaker = by; i = by.end; continue }
      break
    }
    if (isA(t, WordClass.TimeWord) || /^(directly|again|later|repeatedly|recently)$/.test(t.lower)) { i++; continue }
    if (/^(in|at|during|on|via|through|after|over)$/.test(t.lower) && prepositionalAside(doc, i, hi) > i) { i = prepositionalAside(doc, i, hi); continue }
    break
  }
  const first = tokens[i]
  if (!first || i >= hi || !(quoteOf[i] !== -1 || /^(about|whether|if|what|who|whom|why|how|which|when|where|to|for|specifically)$/.test(first.lower))) return null
  let end = i + 1
  while (end < hi && !(quoteOf[end] === -1 && (tokens[end]!.text === ',' || tokens[end]!.text === ';' || tokens[end]!.text === '—')) && end - i < 60) end++
  while (end > i && quoteOf[end - 1] === -1 && SENTENCE_PUNCT.has(tokens[end - 1]!.text)) end--
  if (end <= i) return null
  const quotes = quotesIn(doc, i, end)
  return {
    sentence: sIndex, cue, shape: 'asked', speaker, apposition: null, spans: [spanOf(doc, i, end)], quotes,
    direct: false, via: null, confidence: 0.5,
  }
}

/**
 * After the inverted speaker of "CLAUSE, said X": ", but CLAUSE" or ", and CLAUSE" with a subject of its own (no verb of
 * saying in it) goes on with what was said; the index where it starts, or -1.
 */
function continuedAfterSubject (doc: Doc, i: number, hi: number): number {
  const { tokens, quoteOf } = doc
  if (tokens[i]?.text !== ',' || quoteOf[i + 1] !== -1) return -1
  // "Any reading of his actions, said Kofman, an expert on Russia, would see …": the predicate of the front goes on.
  if (predicateWord(tokens[i + 1]) && noCueIn(doc, i + 1, hi)) return i + 1
  if (!/^(but|and)$/.test(tokens[i + 1]?.lower ?? '')) return -1
  const from = i + 2
  const first = tokens[from]
  if (!first || quoteOf[from] !== -1 || !(CLAUSE_OPENERS.has(first.lower) || first.lower === 'her' || first.lower === 'his')) return -1
  return noCueIn(doc, from, hi) ? from : -1
}

/** No verb of saying outside quotations in the next 40 tokens from `from`. */
function noCueIn (doc: Doc, from: number, hi: number): boolean {
  for (let j = from; j < hi && j - from < 40; j++) if (doc.quoteOf[j] === -1 && isA(doc.tokens[j], WordClass.CueVerbForm)) return false
  return true
}

/**
 * "As shares were tumbling, Ackman wrote to investors": a short subordinate clause with no main clause after it (no
 * comma or dash inside) is the writer's setting of the attribution, not what was said.
 */
function subordinateOnly (doc: Doc, from: number, end: number): boolean {
  if (end - from > 15 || !/^(as|when|while|after|before|since|once|until|although|though|whereas)$/.test(doc.tokens[from]?.lower ?? '')) return false
  for (let i = from + 1; i < end; i++) if (doc.quoteOf[i] === -1 && /^(,|;|--|—|–)$/.test(doc.tokens[i]!.text)) return false
  return true
}

/** Whether tokens `from` to `end` are only a capitalised name, perhaps with its title's stop and a party tag. */
function nameOnly (doc: Doc, from: number, end: number): boolean {
  const { tokens } = doc
  if (end - from > 8 || !tokens[from]!.capitalized) return false
  let words = 0
  for (let i = from; i < end; i++) {
    const t = tokens[i]!
    if (t.kind === TokenKind.Word) { if (!t.capitalized && !/^(de|van|von|al|bin)$/.test(t.lower)) return false; words++ } else if (!/^[.()\-]$/.test(t.text) && !/^[RDI]-/.test(t.text)) return false
  }
  // A single capitalised word may open a clause ("Cruz", "Obama …" stopped early); two or more name someone.
  return words >= 2 && (isFirstNameToken(tokens[from]!) || isA(tokens[from], WordClass.Title))
}

/**
 * Whether the next cue's subject stands inside a subordinate clause of this cue's content, so that its attribution
 * is part of what was said ("… said he talked to supporters who have suggested that …", "… says the reckoning will come
 * sooner because Congress agreed to …", "… said the announcement, which some have argued was …, was an insult"):
 * a relative pronoun for subject, or a subordinating word right before it. Coordinated clauses ("…, and Cole said …")
 * still end the content there.
 */
function subordinateSubject (doc: Doc, cue: Cue, next: Subject): boolean {
  const { tokens, quoteOf } = doc
  const at = next.speaker.start
  if (at <= cue.end || quoteOf[at] !== -1) return false
  const first = tokens[at]!.lower
  if ((first === 'who' || first === 'which') && tokens[at - 1]?.text !== ',') return true
  const before = tokens[at - 1]
  return before !== undefined && quoteOf[at - 1] === -1 && SUBORDINATORS.has(before.lower)
}

const SUBORDINATORS = new Set(['because', 'if', 'unless', 'whether', 'what', 'whom', 'where'])

/** The verbs news puts before their subject after what was said: "…, said officials", "…, adds Hale". */
const INVERTING_VERBS = new Set(['said', 'says', 'added', 'adds', 'asked', 'asks', 'wrote', 'writes', 'told', 'explained', 'explains',
  'noted', 'notes', 'argued', 'argues', 'warned', 'warns', 'insisted', 'insists', 'recalled', 'recalls', 'replied', 'continued', 'continues',
  'conceded', 'cautioned', 'countered', 'responded', 'observed', 'agreed'])

/**
 * "a majority of regular, pledged delegates", "the count of reported cases": another verb's participle before a bare
 * lowercase noun (no determiner, name or pronoun) is an adjective, not an inverted attribution.
 */
function participleBeforeNoun (doc: Doc, cue: Cue, speaker: { start: number, end: number }): boolean {
  const first = doc.tokens[speaker.start]!
  return !INVERTING_VERBS.has(doc.tokens[cue.start]!.lower) && speaker.start === cue.end && first.kind === TokenKind.Word && !first.capitalized &&
    !isA(first, WordClass.Determiner | WordClass.PersonalPronoun)
}

// "said nothing", "has noted before", "would echo again and again": an amount or an adverb alone says nothing.
const AMOUNT_ONLY = /^(nothing|anything|something|little|much|a lot|enough|so much|very little|before|again|again and again|often|repeatedly|earlier|too|as well|once|twice|publicly|privately)$/i

const FRONT_SUBORDINATORS = new Set(['when', 'after', 'before', 'because', 'although', 'though', 'since', 'once', 'until', 'while', 'as', 'if'])

/**
 * "When Hale arrived and said the plan was dead, the room fell silent": a cue inside a fronted subordinate clause
 * reports up to the comma that closes that clause (a comma inside the closing quotation mark too); the main clause
 * after it is the writer's.
 */
function subordinateClauseEnd (doc: Doc, lo: number, cue: Cue, from: number, end: number): number {
  const { tokens, quoteOf } = doc
  // The nearest subordinator before the cue in this sentence, with no comma between ("After all, while he insisted
  // that …, that was …"; "Among those who said …, most …"); at most 60 tokens back, which keeps the scan linear.
  let first = -1
  for (let i = cue.start - 1; i >= lo && cue.start - i <= 60; i--) {
    if (quoteOf[i] === -1 && (tokens[i]!.text === ',' || tokens[i]!.text === ';' || tokens[i]!.text === ':')) return end
    const w = tokens[i]!.lower
    if (quoteOf[i] === -1 && (FRONT_SUBORDINATORS.has(w) || (w === 'who' && tokens[i - 1]?.lower === 'those')) && (i === lo || !/^(even|just|such|so)$/.test(tokens[i - 1]!.lower))) { first = i; break }
  }
  // "as" and "if" open a subordinate clause only at the sentence's start: "such as", "as well as", "as if" inside
  // a sentence are no clause openers.
  if (first === -1 || ((tokens[first]!.lower === 'as' || tokens[first]!.lower === 'if') && first !== lo && tokens[first - 1]?.kind !== TokenKind.Punct)) return end
  for (let i = from + 1; i < end; i++) {
    // "…, “the generals have been reduced to rubble.”": a quotation after the comma goes on with what was said.
    if (tokens[i]!.text === ',' && quoteOf[i] === -1) return isOpeningMark(doc, i + 1) ? end : i
    // ", the crowd …" after “…,”: the comma stands inside the quotation that closes here.
    if (isClosingMark(doc, i) && tokens[i - 1]!.text === ',') return i + 1
  }
  return end
}
