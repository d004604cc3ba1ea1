// Stage 6 (part): reading a sentence for antecedents, outside quotations: the person names, organisation names, role
// nouns ("the president") and subject pronouns that later pronouns and roles may mean, with the titles set off beside
// a name ("Henrik Dahl, the chief executive of Baltic Line,"), and a photo caption's titled names. Cheap tests first,
// so that most capitalised runs ("The", "Washington") are never described as mentions.
import { TokenKind } from './document.js'
import { isFirstName, isFirstNameToken } from './first-names.js'
import { describeMention, type Mention } from './mentions.js'
import { APPOSITION_OPENERS, hasOrgWord } from './entity-words.js'
import { MAX_NAMESAKES, type EntityIndex } from './entity-index.js'
import { mainClauseStart } from './antecedents.js'
import type { EntityTable } from './entities.js'
import { isA, WordClass } from './word-classes.js'

/** Person names and role nouns outside quotations: candidates for what later pronouns mean. */
export function collectAntecedents (table: EntityTable, sentence: number): void {
  const { doc } = table
  const s = doc.sentences[sentence]!
  if (doc.paragraphs[s.paragraph]!.furniture) return
  const { tokens, quoteOf } = doc
  const clauseStart = mainClauseStart(table, sentence)
  for (let i = s.firstToken; i < s.endToken; i++) {
    if (quoteOf[i] !== -1) continue
    const t = tokens[i]!
    if (t.kind !== TokenKind.Word) continue
    // "She fears that …": a pronoun that is a sentence's subject carries its person on, so that the next "she"
    // finds her in this sentence rather than someone named further back.
    if ((t.lower === 'he' || t.lower === 'she') && (i === s.firstToken || i === clauseStart) && !table.hasMentionAt(i)) {
      table.resolve(describeMention(doc, { start: i, end: i + 1 }), sentence)
      continue
    }
    // "the president", "the Florida senator": a role noun within three words of "the".
    if (t.lower === 'the') {
      for (let j = i + 1; j < Math.min(i + 4, s.endToken); j++) {
        const w = tokens[j]!
        // "the possibility that Mrs. Clinton": a clause word ends the noun phrase before any title in it.
        // "the Route 9 driver": a number may qualify the role.
        if (w.kind === TokenKind.Number && quoteOf[j] === -1) continue
        if (w.kind !== TokenKind.Word || quoteOf[j] !== -1 || isA(w, WordClass.NpStopper)) break
        const abbreviated = tokens[j + 1]?.text === '.' && tokens[j + 2]?.capitalized
        if (isA(w, WordClass.RoleNoun | WordClass.Title) && !(tokens[j + 1]?.capitalized) && !abbreviated) {
          if (!table.hasMentionAt(i)) {
            const m = describeMention(doc, { start: i, end: j + 1 })
            const e = table.resolve(m, sentence)
            // Not "The candidate's Twitter feed": a possessive role is not the subject.
            const possessive = /^['’]s$/.test(tokens[j + 1]?.text ?? '')
            if (i === clauseStart && m.kind === 'role' && !possessive) table.roleSubject = { entity: e, mention: m, sentence }
          }
          i = j
          break
        }
      }
      continue
    }
    if (!t.capitalized || isA(t, WordClass.NonNameCapital)) continue
    let end = i + 1
    // "Ursula von der Leyen": lower-case particles before a capitalised word go on with the name.
    const particleRun = (j: number): number => {
      let k = j
      while (k < s.endToken && k - j < 3 && quoteOf[k] === -1 && !tokens[k]!.capitalized && isA(tokens[k], WordClass.NameParticle)) k++
      return k > j && k < s.endToken && quoteOf[k] === -1 && tokens[k]!.capitalized ? k : j
    }
    while (end < s.endToken && quoteOf[end] === -1 && (tokens[end]!.capitalized || (tokens[end]!.text === '.' && tokens[end - 1]!.text.length === 1) || particleRun(end) > end)) end = particleRun(end) > end ? particleRun(end) : end + 1
    let start = i
    // "Mr. de Vos": the particles before a surname are part of it.
    while (start > s.firstToken && i - start < 3 && quoteOf[start - 1] === -1 && !tokens[start - 1]!.capitalized && isA(tokens[start - 1], WordClass.NameParticle)) start--
    while (start > s.firstToken && quoteOf[start - 1] === -1 && (isA(tokens[start - 1], WordClass.Title) || (tokens[start - 1]!.text === '.' && isA(tokens[start - 2], WordClass.Title)))) start--
    // "Aldridge Museum of Art": a name runs on over "of" into capitals.
    while (end + 1 < s.endToken && tokens[end]!.lower === 'of' && quoteOf[end + 1] === -1 && tokens[end + 1]!.capitalized && end - i < 8) {
      end += 2
      while (end < s.endToken && quoteOf[end] === -1 && tokens[end]!.capitalized) end++
    }
    // "Members of Wexcombe Borough Council" are people of it, not the organisation; the organisation after "of" is
    // named all the same, for a later "the council".
    // So is "Shares of Kestrel Foods Inc." opening a sentence: a common word capitalised only by its place.
    const commonOpener = (i === s.firstToken || tokens[i - 1]!.text === '—' || tokens[i - 1]!.text === '–') && !isA(tokens[i], WordClass.OrgHead | WordClass.Title | WordClass.RoleNoun) && !isFirstNameToken(tokens[i]!)
    const membersOf = (isA(tokens[i], WordClass.GroupNoun) || commonOpener) && tokens[i + 1]?.lower === 'of' && end - i >= 4 ? i + 2 : -1
    if (membersOf !== -1 && hasOrgWord(tokens, membersOf, end)) i = membersOf
    const orgName = end - i >= 2 && hasOrgWord(tokens, i, end) && !isA(tokens[i], WordClass.GroupNoun)
    const agent = start === i && actingSubject(table, s.firstToken, i, end)
    if (!orgName && !table.hasMentionAt(start) && !table.hasMentionAt(i) && (agent || mayNamePerson(table, start, i, end))) {
      const m = describeMention(doc, { start, end })
      if (m.kind === 'person' && (agent || isPersonName(table, m, start < i))) {
        const e = table.addNamed(m, sentence)
        if (e && e.kind === 'person') {
          table.pendingAge = null
          table.addTitle(e, appositionAfter(table, end, s.endToken))
          if (table.pendingAge) {
            e.roleWords.add(table.pendingAge)
            e.roleHeads.add(table.pendingAge)
            table.index(table.roleHolders, table.pendingAge, e)
          }
          table.addTitle(e, appositionBefore(table, start, s.firstToken))
        }
      }
    } else if (orgName && !table.hasMentionAt(i)) {
      // "the Federal Rail Safety Board", "Prairie Central Railroad": named organisations, which later
      // "the board", "the railroad" and "it" refer to.
      const m = describeMention(doc, { start: i, end })
      if (m.kind === 'organization' || m.kind === 'person') table.addNamed({ ...m, kind: 'organization', name: m.name ?? doc.text.slice(m.start, m.end), title: null }, sentence)
    }
    i = end - 1
  }
}

/**
 * A photo caption ("Council Member Hana Takahashi and transportation director Kwame Mensah measure curb space …
 * (Mei Lin Cho/Herald)") is furniture, but the titles it gives its people are the article's: "the transportation
 * director" in the story is Kwame Mensah. Only titled names are read, and they make no one more salient.
 */
export function collectCaptionTitles (table: EntityTable, sentence: number): void {
  const { doc } = table
  const s = doc.sentences[sentence]!
  const { tokens, quoteOf } = doc
  for (let i = s.firstToken; i < s.endToken; i++) {
    const t = tokens[i]!
    if (quoteOf[i] !== -1 || t.kind !== TokenKind.Word || !t.capitalized || isA(t, WordClass.NonNameCapital | WordClass.Title)) continue
    let end = i + 1
    while (end < s.endToken && quoteOf[end] === -1 && tokens[end]!.kind === TokenKind.Word && tokens[end]!.capitalized && !isA(tokens[end], WordClass.Title)) end++
    let start = i
    // "Mr. de Vos": the particles before a surname are part of it.
    while (start > s.firstToken && i - start < 3 && quoteOf[start - 1] === -1 && !tokens[start - 1]!.capitalized && isA(tokens[start - 1], WordClass.NameParticle)) start--
    while (start > s.firstToken && tokens[start - 1]!.kind === TokenKind.Word && isA(tokens[start - 1], WordClass.Title | WordClass.RoleNoun)) start--
    if (start < i && end - i >= 2) {
      const m = describeMention(doc, { start, end })
      if (m.kind === 'person' && m.title && m.firstName && isFirstName(m.firstName)) {
        const e = table.addNamed({ ...m, title: null }, sentence, null, true)
        if (e?.kind === 'person') table.addTitle(e, m.title, true)
      }
    }
    i = end - 1
  }
}

/**
 * "Henrik Dahl, the chief executive of Baltic Line," / "Gloria Espinoza, 71, a retired school cook who …": the noun
 * phrase set off by commas after a name, when it opens with a determiner or possessive. At most 16 tokens: an
 * apposition in news prose is a short noun phrase; anything longer is a clause.
 */
function appositionAfter (table: EntityIndex, end: number, sentenceEnd: number): string | null {
  const { tokens, quoteOf } = table.doc
  let k = end
  if (tokens[k]?.text !== ',') return null
  k++
  // An age: "Gloria Espinoza, 71, a …", which "the 71-year-old" refers to.
  if (tokens[k]?.kind === TokenKind.Number && (tokens[k + 1]?.text === ',' || k + 1 >= sentenceEnd)) {
    table.pendingAge = tokens[k]!.text + '-year-old'
    k += 2
  }
  if (k >= sentenceEnd || !APPOSITION_OPENERS.has(tokens[k]!.lower)) return null
  const from = k
  for (; k < sentenceEnd && k - from < 16; k++) {
    const t = tokens[k]!
    if (quoteOf[k] !== -1 || t.text === ',' || t.text === ';' || t.text === '.' || t.text === '(' || t.text === '—' || t.text === '–') break
  }
  if (k === from + 1) return null
  return table.cleanedTitles.get(table.doc.text.slice(table.doc.starts[from]!, table.doc.ends[k - 1]!))
}

/** "its chief executive, Henrik Dahl": a role noun phrase just before a name, set off by a comma (at most 8 tokens). */
function appositionBefore (table: EntityIndex, start: number, sentenceStart: number): string | null {
  const { tokens, quoteOf } = table.doc
  if (start - 2 < sentenceStart || tokens[start - 1]!.text !== ',') return null
  const last = tokens[start - 2]!
  if (last.kind !== TokenKind.Word || !isA(last, WordClass.RoleNoun | WordClass.Title)) return null
  let k = start - 2
  const possessive = (x: number): boolean => tokens[x]!.text === '’s' || tokens[x]!.text === "'s"
  while (k > sentenceStart && start - k < 8 && quoteOf[k - 1] === -1 && (tokens[k - 1]!.kind === TokenKind.Word || possessive(k - 1)) &&
    !APPOSITION_OPENERS.has(tokens[k]!.lower) && !isA(tokens[k - 1], WordClass.NpStopper)) k--
  // It opens with a determiner ("its chief executive") or a possessive name ("Baltic Line's chief executive").
  if (!APPOSITION_OPENERS.has(tokens[k]!.lower) && !(k + 1 < start && possessive(k + 1))) return null
  return table.cleanedTitles.get(table.doc.text.slice(table.doc.starts[k]!, table.doc.ends[start - 2]!))
}

/**
 * A cheap test before describing a capitalised run: it can name a person only with a title before it, a known
 * first name in it, or a last word that is a known person's surname (what isPersonName asks). Most capitalised runs
 * ("The", "Washington", "Republican Party") fail it, and describing them would only make garbage.
 */
/**
 * "Mensah is walking the council through the amendment.": a lone capitalised word opening a sentence as the subject
 * of a progressive verb is someone acting, a surname the article has not given in full (a live blog's later entries
 * often name people by surname alone). Not a word of the lexicon ("Congress", "Tuesday") or a plural.
 */
function actingSubject (table: EntityIndex, first: number, i: number, end: number): boolean {
  const { tokens, quoteOf } = table.doc
  const t = tokens[i]!
  if (i !== first || end !== i + 1 || t.text.length < 3 || t.lower.endsWith('s') || !/^\p{Lu}\p{Ll}+$/u.test(t.text)) return false
  if (isA(t, WordClass.NonNameCapital | WordClass.OrgHead | WordClass.Title | WordClass.RoleNoun | WordClass.GroupNoun |
    WordClass.TimeWord | WordClass.Determiner | WordClass.PersonalPronoun | WordClass.NpStopper)) return false
  const verb = tokens[end + 1]
  return quoteOf[end] === -1 && /^(is|was)$/.test(tokens[end]?.lower ?? '') && verb !== undefined && /^[a-z]{3,}ing$/.test(verb.text)
}

function mayNamePerson (table: EntityIndex, start: number, i: number, end: number): boolean {
  if (start < i) return true
  const { tokens } = table.doc
  let last = end - 1
  while (last >= i && tokens[last]!.kind !== TokenKind.Word) last--
  if (last >= i && (table.persons.has(tokens[last]!.lower) || table.firstNames.has(tokens[last]!.lower))) return true
  for (let j = i; j < end; j++) {
    if (isFirstNameToken(tokens[j]!)) return true
  }
  return false
}

/** A capitalised run is a person when a title or known first name says so, or it repeats a known person's surname. */
function isPersonName (table: EntityIndex, m: Mention, titled: boolean): boolean {
  if (titled) return true
  if (m.firstName && isFirstName(m.firstName)) return true
  // "Suu Kyi" again, after the article named her so: a full name it knows, whatever the first name.
  if (m.firstName && m.surname && table.fullName(m.surname, m.firstName)) return true
  if (m.firstName && m.surname && m.name && endsKnownName(table, m.surname, m.name)) return true
  // A lone word: a known person's surname, a known person's first name ("Margit" after "Margit Halvorsen"), or a
  // first name used as a name (loneNameInUse).
  if (!m.firstName && m.surname) {
    return table.persons.has(m.surname) || table.firstNames.has(m.surname) || (isFirstName(m.surname) && loneNameInUse(table, m.tokens.end))
  }
  return false
}

/** Whether a known person's fuller name ends with `name` ("Aung San Suu Kyi" for "Suu Kyi"); the latest namesakes only. */
function endsKnownName (table: EntityIndex, surname: string, name: string): boolean {
  const list = table.persons.get(surname)
  if (list === undefined) return false
  const ending = ' ' + name
  for (let k = list.length - 1; k >= 0 && k >= list.length - MAX_NAMESAKES; k--) {
    const fuller = list[k]!.name
    if (fuller !== null && fuller.length > ending.length && fuller.endsWith(ending)) return true
  }
  return false
}

/**
 * "Leif, her son, …", "Margit herself remembers": a lone first name used as a person's name, told by what follows
 * it (an apposition with a possessive or determiner, or a reflexive pronoun).
 */
function loneNameInUse (table: EntityIndex, end: number): boolean {
  const { tokens } = table.doc
  const next = tokens[end]?.lower
  if (next === 'herself' || next === 'himself') return true
  return next === ',' && APPOSITION_OPENERS.has(tokens[end + 1]?.lower ?? '') && tokens[end + 1]?.lower !== 'the' && tokens[end + 1]?.lower !== 'a'
}
