// Stage 1b: sentences within paragraphs. A quotation is read as one unit: its inner full stops end no sentence
// of the text around it, except where a quote ending in . ! or ? is followed by a new capitalised sentence that
// is not its attribution ("…." He said → one sentence; "…." The next day → two).
import { TokenKind, type Doc, type Sentence, type Token } from './document.js'
import { CUE_VERB_FORMS } from './lexicon.js'
import { isA, WordClass } from './word-classes.js'

const TERMINAL = new Set(['.', '!', '?', '…', '...'])
const CLOSING_BRACKETS = new Set([')', ']', '}'])

/** A full stop after "Mr", an initial ("D."), or within an initialism does not end a sentence. */
function isAbbreviationStop (doc: Pick<Doc, 'tokens' | 'starts' | 'ends'>, i: number): boolean {
  const prev = doc.tokens[i - 1]
  if (!prev || doc.ends[i - 1] !== doc.starts[i] || prev.kind !== TokenKind.Word) return false
  if (isA(prev, WordClass.Abbreviation)) return true
  return prev.text.length === 1 && prev.capitalized
}

function startsSentence (tok: Token | undefined): boolean {
  if (!tok) return true
  if (tok.kind === TokenKind.QuoteMark || tok.kind === TokenKind.Number) return true
  return tok.capitalized || tok.text === '(' || tok.text === '—'
}

/** Whether the words after position i, up to the next punctuation, attribute what came before ("…?" Trump asked). */
function attributionFollows (tokens: Token[], i: number, end: number): boolean {
  for (let j = i; j < end && j < i + 8; j++) {
    const t = tokens[j]!
    if (t.kind === TokenKind.Punct && t.text !== '.' && t.text !== '-') return false
    // "“…?” In a post Sunday, …": after a determiner the cue word is a noun, no verb of attribution.
    // So it is after a name in a prepositional phrase: "In a series of Twitter posts Sunday, …".
    if (isA(t, WordClass.CueVerbForm) && j > i && (/^(a|an|the|one|his|her|their|its|this|that)$/.test(tokens[j - 1]!.lower) ||
      (tokens[j - 1]!.capitalized && j - 2 >= i && /^(of|in|on)$/.test(tokens[j - 2]!.lower)))) continue
    if (isA(t, WordClass.CueVerbForm)) return endsAttribution(tokens, j + 1, end, CUE_VERB_FORMS.get(t.lower)!.object, j > i)
  }
  return false
}

const ASIDE_OPENERS = new Set(['in', 'on', 'at', 'during', 'to', 'of', 'with', 'after', 'before', 'while', 'from', 'as', 'when', 'about', 'via', 'through', 'over', 'later', 'earlier', 'again', 'recently', 'then'])

/**
 * After the verb of "…." he said: only an aside, a name or the sentence's end make it the quote's attribution. A clause
 * ("…." He says referees are …) starts a sentence of its own. With the subject before the verb (`subjectFirst`), a
 * name after a verb that takes no object opens that clause ("…." Park said Kim's state is …); only a date stays.
 */
function endsAttribution (tokens: Token[], i: number, end: number, object: boolean, subjectFirst: boolean): boolean {
  if (object && i < end && tokens[i]!.kind === TokenKind.Word && !tokens[i]!.capitalized && !ASIDE_OPENERS.has(tokens[i]!.lower) && tokens[i]!.lower !== 'that') i++
  const t = tokens[i]
  // "…." Mrs. Clinton replied, "…": a verb that introduces a quotation of its own opens a new sentence.
  if (subjectFirst && t && (t.text === ',' || t.text === ':') && i + 1 < end && tokens[i + 1]!.kind === TokenKind.QuoteMark) return false
  if (!t || i >= end || t.kind !== TokenKind.Word) return true
  if (t.capitalized && subjectFirst && !object && !isA(t, WordClass.TimeWord)) return !namesClause(tokens, i, end)
  return t.capitalized || isA(t, WordClass.TimeWord) || ASIDE_OPENERS.has(t.lower)
}

/** Whether the capitalised run at `i` goes on into a clause (a word after it), rather than ending at punctuation. */
function namesClause (tokens: Token[], i: number, end: number): boolean {
  let j = i
  while (j < end && j - i < 6 && tokens[j]!.kind === TokenKind.Word && tokens[j]!.capitalized) j++
  const next = tokens[j]
  return j < end && next !== undefined && (next.kind === TokenKind.Word || next.text === "'s" || next.text === '’s')
}

const DATELINE_DASHES = new Set(['—', '–', '-', '--'])
const isAllCaps = (t: Token): boolean => t.kind === TokenKind.Word && t.capitalized && t.text.length >= 2 && t.text === t.text.toUpperCase()

/**
 * The dash that ends a dateline opening a paragraph, or -1: a place in capitals, perhaps its state or country and an
 * agency ("OTTAWA —", "PELL RIVER, Neb. (Meridian Wire) —", "LONDON, Ont. (CP) -", "WASHINGTON (Reuters) -"). The
 * dateline is furniture: its own sentence, no part of the content or the subject after it.
 */
function datelineDash (tokens: Token[], from: number, end: number): number {
  let i = from
  while (i < end && i - from < 4 && isAllCaps(tokens[i]!)) i++
  if (i === from) return -1
  if (tokens[i]?.text === ',') {
    const place = i
    i++
    while (i < end && i - place <= 4 && ((tokens[i]!.kind === TokenKind.Word && tokens[i]!.capitalized) || tokens[i]!.text === '.')) i++
    if (i === place + 1) return -1
  }
  if (tokens[i]?.text === '(') {
    const open = i
    while (i < end && i - open <= 5 && tokens[i]!.text !== ')') i++
    if (tokens[i]?.text !== ')') return -1
    i++
  }
  return i < end - 1 && DATELINE_DASHES.has(tokens[i]!.text) ? i : -1
}

export function splitSentences (doc: Pick<Doc, 'tokens' | 'starts' | 'ends' | 'paragraphs' | 'quoteOf'>): Sentence[] {
  const { tokens, quoteOf } = doc
  const sentences: Sentence[] = []
  doc.paragraphs.forEach((p, pIndex) => {
    let first = p.firstToken
    const dateline = datelineDash(tokens, p.firstToken, p.endToken)
    if (dateline !== -1) {
      sentences.push({ paragraph: pIndex, firstToken: first, endToken: dateline + 1, dateline: true })
      first = dateline + 1
    }
    for (let i = first; i < p.endToken; i++) {
      const tok = tokens[i]!
      let boundary = -1 // the last token of the sentence
      // Every terminal is punctuation: a word needs no look-up.
      if (quoteOf[i] === -1 && tok.kind === TokenKind.Punct && TERMINAL.has(tok.text)) {
        let j = i + 1
        while (j < p.endToken && (TERMINAL.has(tokens[j]!.text) || CLOSING_BRACKETS.has(tokens[j]!.text))) j++
        const next = tokens[j]
        const abbreviation = tok.text === '.' && isAbbreviationStop(doc, i) && !(next && isA(next, WordClass.NonNameCapital))
        if (!abbreviation && j < p.endToken && startsSentence(next)) boundary = j - 1
      } else if (tok.kind === TokenKind.Word && tok.text.charCodeAt(tok.text.length - 1) === 46 && quoteOf[i] === -1) {
        // "U.S." closing a sentence: only when an obvious sentence opener follows.
        const next = tokens[i + 1]
        if (next && i + 1 < p.endToken && isA(next, WordClass.NonNameCapital) && next.capitalized) boundary = i
      } else if (quoteOf[i] !== -1 && tok.kind === TokenKind.QuoteMark && quoteOf[i + 1] !== quoteOf[i] && i > first) {
        // The closing mark of a quote: a boundary when the quote ended a sentence and a new one starts.
        const prev = tokens[i - 1]!
        const next = tokens[i + 1]
        if (TERMINAL.has(prev.text) && i + 1 < p.endToken && startsSentence(next) && !attributionFollows(tokens, i + 1, p.endToken)) boundary = i
      }
      if (boundary >= 0) {
        sentences.push({ paragraph: pIndex, firstToken: first, endToken: boundary + 1 })
        first = boundary + 1
        i = boundary
      }
    }
    if (first < p.endToken) sentences.push({ paragraph: pIndex, firstToken: first, endToken: p.endToken })
  })
  return sentences
}
