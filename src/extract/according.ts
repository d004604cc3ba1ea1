// Stage 4b (part): "according to X": the source after the phrase (a name, or whatever it names: "a new article in
// Politico"), and what it is the source of: the clause after it ("According to X, CLAUSE"), the clause before it
// ("CLAUSE, according to X."), both ("…, according to X, …"), or another cue's attribution, as its second-hand source.
import { TokenKind, type Doc } from './document.js'
import type { Cue } from './cues.js'
import { NOUN_LIKE } from './cues.js'
import { isNounish, phraseAfter, type Range } from './phrases.js'
import { SENTENCE_PUNCT, LINKS, AUXILIARIES } from './subjects.js'
import type { Attribution } from './attribution.js'
import { afterIntroduction, clauseEnd, clauseStartAt, onlyConnectives } from './clause-bounds.js'
import { isPossessiveToken, onlyPunctuation, quoteSpan, quotesIn, spanOf } from './token-runs.js'
import { isA, WordClass } from './word-classes.js'

/**
 * The attributions of a sentence's "according to" cues, added to `out`, which holds the sentence's other attributions:
 * an attribution made earlier in the sentence ("X said Y, according to Z") takes the source as its second-hand one instead.
 */
export function attributeAccording (doc: Doc, sIndex: number, according: Cue[], lo: number, hi: number, out: Attribution[]): void {
  for (const cue of according) {
    const named = phraseAfter(doc, cue.end, hi)
    const source = named ? { speaker: named, extent: named } : sourceAfter(doc, cue.end, hi)
    if (!source) continue
    const { extent } = source
    let speaker = source.speaker
    // "X said Y, according to Z": Z is second-hand. A cue after the source is its own relative clause ("…, according
    // to a spokeswoman, who asked not to be named"), no host.
    const host = out.find((a) => a.spans.length > 0 && a.cue.start < cue.start)
    // "The board had lost confidence in her and asked her to go, according to a person familiar with …": a verb of
    // saying that is the second of its subject's verbs is part of the narrative the source gives, not a host.
    if (host && secondVerb(doc, host)) out.splice(out.indexOf(host), 1)
    else if (host) { host.via = speaker; continue }
    // "But, according to the poll, CLAUSE": a connective before the source is not what was said.
    const atStart = cue.start === lo || onlyConnectives(doc, lo, cue.start)
    let from: number
    let end: number
    let rest: [number, number] | null = null // a second fragment after the aside
    if (atStart) {
      from = extent.end
      // "According to early results of the exit poll conducted by … Networks, CLAUSE": the source runs to the comma.
      for (let c = extent.end; c < hi && c - cue.end <= 40 && doc.quoteOf[c] === -1; c++) {
        if (doc.tokens[c]!.text === ',') { from = c; break }
        if (isA(doc.tokens[c], WordClass.CueVerbForm) && !NOUN_LIKE.has(doc.tokens[c]!.lower)) break
      }
      while (from < hi && doc.tokens[from]!.text === ',') from++
      end = clauseEnd(doc, from, hi, hi)
    } else {
      from = afterIntroduction(doc, clauseStartAt(doc, lo, cue.start), cue.start)
      end = cue.start
      const commaBefore = end > from && LINKS.has(doc.tokens[end - 1]!.text) && doc.quoteOf[end - 1] === -1
      while (end > from && LINKS.has(doc.tokens[end - 1]!.text) && doc.quoteOf[end - 1] === -1) end--
      // "according to members who spoke with reporters afterward, …": the source runs on through its modifier.
      let sourceEnd = extent.end
      if (sourceEnd < hi && /^(who|that|which|whose|in|of|from|by|at|for|with|on)$|[a-z](ed|ing)$/.test(doc.tokens[sourceEnd]!.lower)) {
        let c = sourceEnd
        while (c < hi && c - sourceEnd <= 25 && doc.quoteOf[c] === -1 && !LINKS.has(doc.tokens[c]!.text) && !SENTENCE_PUNCT.has(doc.tokens[c]!.text)) c++
        if (c < hi && LINKS.has(doc.tokens[c]!.text)) sourceEnd = c
      }
      // "…, according to X, CLAUSE": the part after the aside is a second fragment of the content; but not a relative
      // clause or an apposition about the source ("according to Tom Baker, who chairs the committee"), and only when
      // the aside is set off on both sides.
      let after = sourceEnd
      while (after < hi && LINKS.has(doc.tokens[after]!.text)) after++
      // "according to her pilot, Aoife Brennan, …": the name in apposition to a role names the source.
      if (after > sourceEnd && !doc.tokens[speaker.end - 1]!.capitalized && doc.tokens[after]?.capitalized) {
        const name = phraseAfter(doc, after, hi)
        if (name && name.start === after && (name.end >= hi || doc.tokens[name.end]!.text === ',' || onlyPunctuation(doc, name.end, hi))) speaker = name
      }
      if (commaBefore && after < hi && after > sourceEnd && !onlyPunctuation(doc, after, hi) && !sourceApposition(doc, after, hi) &&
        !/^(who|whose|which|where|when|as)$/.test(doc.tokens[after]!.lower)) {
        const restEnd = clauseEnd(doc, after, hi, hi)
        if (restEnd > after) rest = [after, restEnd]
      }
    }
    if (end <= from) continue
    const quotes = quotesIn(doc, from, rest ? rest[1] : end)
    const direct = !rest && quotes.length === 1 && doc.quotes[quotes[0]!]!.open === from && onlyPunctuation(doc, doc.quotes[quotes[0]!]!.close + 1, end)
    const spans: Array<[number, number]> = direct ? [quoteSpan(doc, quotes[0]!)] : [spanOf(doc, from, end)]
    if (rest) spans.push(spanOf(doc, rest[0], rest[1]))
    out.push({
      sentence: sIndex, cue, shape: 'according', speaker, apposition: null,
      spans, quotes, direct, via: null, confidence: 0.75,
    })
  }
}

/** "X had lost confidence in her and asked her to go": the cue is joined by "and" to an earlier verb of its subject. */
function secondVerb (doc: Doc, a: Attribution): boolean {
  if (!a.speaker || a.speaker.end >= a.cue.start - 1 || a.speaker.end > a.cue.start) return false
  const before = doc.tokens[a.cue.start - 1]!.lower
  return (before === 'and' || before === 'but') && doc.quoteOf[a.cue.start - 1] === -1
}

/**
 * Whatever "according to" names, when it is no name: "a new article in Politico", "state law", "early results of
 * exit polls". Runs to the next punctuation, quotation or verb of saying.
 */
function sourceAfter (doc: Doc, from: number, hi: number): { speaker: Range, extent: Range } | null {
  const { tokens, quoteOf } = doc
  let i = from
  let head = -1
  while (i < hi && i - from < 16) {
    const t = tokens[i]!
    if (quoteOf[i] !== -1) break
    if (t.kind === TokenKind.Punct && !(t.text === '-' || t.text === '’s' || t.text === "'s" || t.text === '.' && tokens[i - 1]?.capitalized && tokens[i + 1]?.capitalized)) break
    if (t.kind === TokenKind.Word && i > from && (t.lower === 'that' || (isA(t, WordClass.CueVerbForm) && !NOUN_LIKE.has(t.lower)))) break
    // The head noun phrase names the source: "state records (kept by the county)", "a new article (in Politico)".
    if (head < 0 && t.kind === TokenKind.Word && i > from && !t.capitalized && (isA(t, WordClass.NpStopper) || /(ed|ing)$/.test(t.lower)) && !isA(tokens[i - 1], WordClass.Determiner)) head = i
    i++
  }
  if (i === from || tokens[from]!.kind === TokenKind.Punct) return null
  return { speaker: { start: from, end: head < 0 ? i : head }, extent: { start: from, end: i } }
}

/** "…, according to X, the committee chair, …": a short determiner or title phrase closed by a comma before more text. */
function sourceApposition (doc: Doc, from: number, hi: number): boolean {
  const { tokens } = doc
  const first = tokens[from]!
  // "…, according to her pilot, Aoife Brennan, who …": a name after a role.
  const name = first.capitalized ? phraseAfter(doc, from, hi) : null
  if (name && name.start === from && (name.end >= hi || tokens[name.end]!.text === ',' || onlyPunctuation(doc, name.end, hi))) return true
  if (!(isA(first, WordClass.Determiner) || isNounish(first) || first.kind === TokenKind.Number)) return false
  for (let i = from + 1; i < hi && i - from <= 12; i++) {
    if (doc.quoteOf[i] !== -1) return false
    if (tokens[i]!.text === ',' || tokens[i]!.text === '—') return i + 1 < hi && !onlyPunctuation(doc, i + 1, hi)
    // "…, according to Priya Raman, the board's lead investigator.": a noun phrase to the sentence's end.
    if (SENTENCE_PUNCT.has(tokens[i]!.text) && onlyPunctuation(doc, i, hi)) return true
    if (isA(tokens[i], WordClass.CueVerbForm) || AUXILIARIES.has(tokens[i]!.lower) || (tokens[i]!.kind === TokenKind.Punct && !isPossessiveToken(tokens[i]!) && tokens[i]!.text !== '-')) return false
  }
  return false
}
