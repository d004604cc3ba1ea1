// Stage 4b (part): who speaks for each cue of one sentence. The subject found for the cue (before it, shared with an
// earlier verb, or after it), passed on through "X responded by saying …", cleared for a cue inside the clause
// another cue reports, and for each cue the next cue's subject, which bounds its content.
import { TokenKind, type Doc, type Token } from './document.js'
import type { Cue } from './cues.js'
import { type Subject, subjectBefore, sharedSubject, nounPhraseSubject, participleOfCue } from './subjects.js'
import { contentStart } from './content-start.js'
import { hasWord } from './token-runs.js'
import { isA, WordClass } from './word-classes.js'

/** Each cue's speaker, by the cue's index in the sentence. */
export interface CueSpeakers {
  /** The cue's subject; null for "according to", for a cue embedded in another's content, or when none was found. */
  subjects: Array<Subject | null>
  /** Whether the cue follows "by" after the cue before ("X responded by saying …") and speaks for it. */
  byCue: boolean[]
  /** Whether the cue stands inside the clause the cue before it reports. */
  embedded: boolean[]
  /** The subject of the next cue that has one: it bounds this cue's content. */
  nextSubjects: Array<Subject | null>
}

/** The speakers of the cues of one sentence (tokens `lo` to `hi`). */
export function cueSpeakers (doc: Doc, cues: Cue[], lo: number, hi: number): CueSpeakers {
  const subjects = cues.map((cue, k) => {
    if (cue.according) return null
    const before = subjectBefore(doc, cue, lo)
    // "A person familiar with the talks says": a phrase after a preposition is the end of a longer subject.
    // "Majorities in all five states say": determiners and numbers may stand between the preposition and the phrase.
    let p = before ? before.speaker.start - 1 : -1
    while (before && p > lo && /^(all|both|the|a|an|each|every|many|most|some|several|two|three|four|five|six|seven|eight|nine|ten)$/.test(doc.tokens[p]!.lower)) p--
    if (before && !before.apposition && before.speaker.start > lo && p >= lo && /^(of|with|for|in|at|from|on|among|near|about|close|to)$/.test(doc.tokens[p]!.lower)) {
      const whole = nounPhraseSubject(doc, cue, lo)
      if (whole && whole.speaker.start < before.speaker.start && whole.speaker.end === before.speaker.end) return whole
    }
    const subject = before ?? participleOfCue(doc, cues, k) ?? sharedSubject(doc, cue, lo, hi) ?? nounPhraseSubject(doc, cue, lo)
    // "…, something investors have speculated about": the writer's gloss on what came before; no one speaks it.
    if (subject && /^(something|nothing|everything|anything)$/.test(doc.tokens[subject.speaker.start]!.lower)) return null
    return subject
  })
  // "X responded by (first) saying …", "X concluded by implying that …": the second cue speaks for the first.
  const byCue = cues.map((cue, k) => {
    const next = cues[k + 1]
    if (!next || cue.according) return false
    let i = cue.end
    if (doc.tokens[i]?.lower !== 'by') return false
    i++
    while (i < next.start && isA(doc.tokens[i], WordClass.PreCueAdverb)) i++
    return i === next.start && doc.tokens[next.start]!.lower.endsWith('ing')
  })
  byCue.forEach((by, k) => { if (by && subjects[k] && !subjects[k + 1]) subjects[k + 1] = { ...subjects[k]!, start: cues[k + 1]!.start } })
  const embedded = embeddedCues(doc, cues, subjects, hi)
  embedded.forEach((inner, k) => { if (inner) subjects[k] = null })
  // For each cue, the subject of the next cue that has one: computed once, from the right.
  const nextSubjects: Array<Subject | null> = new Array(cues.length).fill(null)
  for (let k = cues.length - 2; k >= 0; k--) nextSubjects[k] = subjects[k + 1] ?? nextSubjects[k + 1]!
  return { subjects, byCue, embedded, nextSubjects }
}

/**
 * Cues inside the clause another cue reports: "Abernathy said he had asked a lawyer …", "X tweeted that he welcomed
 * …". The inner cue's subject opens the outer cue's content, so what it says is part of that content, not a quote of
 * its own; only the outer speaker is quoted.
 */
function embeddedCues (doc: Doc, cues: Cue[], subjects: Array<Subject | null>, hi: number): boolean[] {
  const embedded: boolean[] = new Array(cues.length).fill(false)
  for (let k = 0; k + 1 < cues.length; k++) {
    const inner = subjects[k + 1]
    // A shared subject ("…, adding that …") starts at its own cue: that cue is a second attribution, not an embedded one.
    if (!subjects[k] || embedded[k] || cues[k]!.according || !inner || inner.start < cues[k]!.end || inner.start >= cues[k + 1]!.start) continue
    let from = contentStart(doc, cues[k]!, hi)
    // "“…,” Ebeling said, and her husband cut in.": a clause joined by ", and" is a second attribution, not content.
    if (/^(and|but)$/.test(doc.tokens[from]?.lower ?? '') && doc.tokens[from - 1]?.text === ',' && doc.quoteOf[from] === -1) continue
    if (doc.tokens[from]?.lower === 'that' && doc.quoteOf[from] === -1) from++
    if (inner.start === from) embedded[k + 1] = true
    // "saying anybody who complains about …", "pointed to reports that Hale called …": the inner subject closes a short
    // noun phrase that opens the content, so the inner cue is part of it too.
    else if (inner.start > from && inner.start - from <= 6 && plainWords(doc, from, inner.start)) embedded[k + 1] = true
    // "Sanders said he cannot walk down the street without reporters asking him to …": a participle after "without"
    // belongs to the clause it stands in.
    else if (inner.start > from && doc.tokens[inner.start - 1]?.lower === 'without' && doc.quoteOf[inner.start - 1] === -1 &&
      doc.tokens[cues[k + 1]!.start]!.lower.endsWith('ing')) embedded[k + 1] = true
    // "X wrote that A, but that the lower forecast suggested B": a second that-clause of the same verb is its content too.
    const that = inner.start - 1
    if (that > from && doc.tokens[that]!.lower === 'that' && doc.quoteOf[that] === -1 && /^(but|and|,)$/.test(doc.tokens[that - 1]!.lower) &&
      hasWord(doc, cues[k]!.end, that, 'that')) embedded[k + 1] = true
  }
  return embedded
}

/** A lower-case word shaped like an adjective: "internal", "finance-minded", "aggressive". */
function adjective (t: Token | undefined): boolean {
  return t !== undefined && t.kind === TokenKind.Word && !t.capitalized && (t.lower.includes('-') || /(al|ive|ous|ic|ful|less|ent|ant|ary)$/.test(t.lower))
}

/** Words only (no quotation, and no punctuation but a comma between adjectives: "an internal, finance-minded chief"). */
function plainWords (doc: Doc, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const t = doc.tokens[i]!
    if (doc.quoteOf[i] !== -1) return false
    if (t.kind === TokenKind.Punct && !(t.text === ',' && i > from && adjective(doc.tokens[i - 1]!) && adjective(doc.tokens[i + 1]))) return false
  }
  return true
}
