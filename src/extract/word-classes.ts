// A derived index of the lexicon (lexicon.ts): for each listed word, the lists it is in, as bits. The stages ask
// several lists about almost every token (is it a title, a role noun, a determiner …), which was about four
// string-keyed look-ups per token. A Token stands for every occurrence of its text in an article, so its classes are
// looked up once, on first asking, and kept on it (Token.classes); every later question is a bit test. The lists
// themselves stay in lexicon.ts, the one place to edit them; this file only folds them together.
import type { Token } from './document.js'
import {
  ABBREVIATIONS, CREDIT_AGENCIES, CUE_VERB_FORMS, CUE_WORDS, DETERMINERS, FINITE_AUXILIARIES, FRAME_NOUNS, GROUP_NOUNS,
  INFINITIVE_FRAMES, LY_NOUNS, NAME_PARTICLES, NOMINAL_FRAME_WORDS, NON_NAME_CAPITALS, NP_STOPPERS, ORG_HEADS,
  PERSONAL_PRONOUNS, PRE_CUE_ADVERBS, ROLE_NOUNS, THAT_ONLY_CUES, TIME_WORDS, TITLE_GENDER, TITLES, WRITERS_PARTICIPLES,
} from './lexicon.js'
import { WordTable } from './word-table.js'

/** One bit per list of lexicon.ts (named after it, in the singular). At most 30 bits, so that a mask is a small integer. */
export const enum WordClass {
  Title = 1 << 0,
  RoleNoun = 1 << 1,
  OrgHead = 1 << 2,
  GroupNoun = 1 << 3,
  NameParticle = 1 << 4,
  NonNameCapital = 1 << 5,
  Determiner = 1 << 6,
  NpStopper = 1 << 7,
  TimeWord = 1 << 8,
  PreCueAdverb = 1 << 9,
  PersonalPronoun = 1 << 10,
  CueVerbForm = 1 << 11,
  ThatOnlyCue = 1 << 12,
  CreditAgency = 1 << 13,
  Abbreviation = 1 << 14,
  FiniteAuxiliary = 1 << 15,
  InfinitiveFrame = 1 << 16,
  WritersParticiple = 1 << 17,
  LyNoun = 1 << 18,
  /** TITLE_GENDER's male and female titles. */
  MaleTitle = 1 << 19,
  FemaleTitle = 1 << 20,
  /** The cue scan's words (CUE_WORDS), nouns of speech (FRAME_NOUNS) and words of nominal frames (cues.ts). */
  CueWord = 1 << 21,
  FrameNoun = 1 << 22,
  NominalFrameWord = 1 << 23,
}

const CLASSES = WordTable.ofLists([
  [TITLES, WordClass.Title],
  [ROLE_NOUNS, WordClass.RoleNoun],
  [ORG_HEADS, WordClass.OrgHead],
  [GROUP_NOUNS, WordClass.GroupNoun],
  [NAME_PARTICLES, WordClass.NameParticle],
  [NON_NAME_CAPITALS, WordClass.NonNameCapital],
  [DETERMINERS, WordClass.Determiner],
  [NP_STOPPERS, WordClass.NpStopper],
  [TIME_WORDS, WordClass.TimeWord],
  [PRE_CUE_ADVERBS, WordClass.PreCueAdverb],
  [PERSONAL_PRONOUNS.keys(), WordClass.PersonalPronoun],
  [CUE_VERB_FORMS.keys(), WordClass.CueVerbForm],
  [THAT_ONLY_CUES, WordClass.ThatOnlyCue],
  [CREDIT_AGENCIES, WordClass.CreditAgency],
  [ABBREVIATIONS, WordClass.Abbreviation],
  [FINITE_AUXILIARIES, WordClass.FiniteAuxiliary],
  [INFINITIVE_FRAMES, WordClass.InfinitiveFrame],
  [WRITERS_PARTICIPLES, WordClass.WritersParticiple],
  [LY_NOUNS, WordClass.LyNoun],
  [[...TITLE_GENDER].filter(([, g]) => g === 'male').map(([w]) => w), WordClass.MaleTitle],
  [[...TITLE_GENDER].filter(([, g]) => g === 'female').map(([w]) => w), WordClass.FemaleTitle],
  [CUE_WORDS, WordClass.CueWord],
  [FRAME_NOUNS, WordClass.FrameNoun],
  [NOMINAL_FRAME_WORDS, WordClass.NominalFrameWord],
])

/** The lexicon classes of a token's lower-case form: looked up on first asking, then kept on the shared Token. */
export function classesOf (t: Token): number {
  let c = t.classes
  if (c < 0) c = t.classes = CLASSES.get(t.lower)
  return c
}

/**
 * Whether the token is in any of the lists `classes` names (WordClass bits, or-ed): `isA(t, WordClass.Title)` is
 * `TITLES.has(t.lower)`. No token (past either end of the text) is in none.
 */
export function isA (t: Token | undefined, classes: number): boolean {
  return t !== undefined && (classesOf(t) & classes) !== 0
}

/** TITLE_GENDER.get(t.lower), from the token's classes. */
export function titleGender (t: Token): 'male' | 'female' | undefined {
  const c = classesOf(t)
  return c & WordClass.MaleTitle ? 'male' : c & WordClass.FemaleTitle ? 'female' : undefined
}
