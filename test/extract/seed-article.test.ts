// The seed article (seeds/hamas-hostages-article.txt) and what a correct extraction of it holds. The expectations are
// written here, not read from a gold file: each required quote is found by distinctive words of its content.
import t from 'tap'
import { readFileSync } from 'node:fs'
import { extract } from '../../src/extract/index.js'
import type { QuoteType, SpeakerKind } from '../../src/extract/types.js'
import { offsetProblems, quotesWith, summary } from '../helpers/extract.js'

const input = readFileSync(new URL('../../seeds/hamas-hostages-article.txt', import.meta.url), 'utf8')
const ex = extract(input)
const listing = summary(ex)

interface Expected {
  /** Distinctive words of the quote's content. */
  words: string
  /** More words that must be in the same quote. */
  alsoWords?: string
  name: string | null
  kind?: SpeakerKind
  type?: QuoteType
  cue?: string
  via?: string
  /** Words the content must not include (attribution text). */
  notWords?: string
  todo?: string
}

const required: Expected[] = [
  { words: '“somebody” will have to match', name: 'Trump', type: 'mixed' },
  { words: 'could be taken “jointly with the Israelis”', alsoWords: '“action”', name: 'Steve Witkoff', type: 'mixed' },
  {
    words: 'We’re going to find out,', name: 'Trump', via: 'the Wall Street Journal', type: 'direct', notWords: 'according to',
  },
  { words: 'Somebody’s going to have to get a lot rougher', name: 'Trump', type: 'direct', cue: 'added' },
  { words: 'Release all of the Hostages now', name: 'Trump' },
  { words: 'not a single Hamas member will be safe', alsoWords: 'if you hold Hostages', name: 'Trump', type: 'mixed' },
  { words: 'he remains committed to a diplomatic solution', name: 'Steve Witkoff', type: 'indirect' },
  { words: 'the US has been secretly engaged in direct talks with Hamas', name: null, kind: 'group' },
  { words: 'If the dialogue doesn’t work', name: 'Steve Witkoff', type: 'direct' },
  { words: 'there is a deadline for Hamas to release the hostages', name: 'Steve Witkoff' },
  { words: 'the terrorist group to release the last American hostage', name: 'Steve Witkoff', cue: 'called on' },
  { words: 'We do not know of progress in talks on phase two,', name: 'prime minister’s office', kind: 'organization', type: 'direct' },
  { words: 'he is not interested in advancing to phase two', name: 'Netanyahu', cue: 'indicated' },
  { words: 'an extension of the first phase', name: 'Netanyahu', cue: 'called for' },
]

for (const e of required) {
  t.test(`quote: ${e.words}`, e.todo ? { todo: e.todo } : {}, async (t) => {
    const found = quotesWith(input, ex, e.words)
    t.equal(found.length, 1, `exactly one quote holds "${e.words}"\n${listing}`)
    const q = found[0]
    if (!q) return
    if (e.alsoWords) t.ok(q.text.includes(e.alsoWords), `the same quote holds "${e.alsoWords}": ${q.text}`)
    if (e.notWords) t.notOk(q.text.includes(e.notWords), `content leaves out "${e.notWords}": ${q.text}`)
    t.ok(q.speaker, 'has a speaker')
    t.equal(q.speaker?.name, e.name, 'speaker name')
    t.equal(q.speaker?.kind, e.kind ?? 'person', 'speaker kind')
    if (e.type) t.equal(q.type, e.type, 'type')
    if (e.cue) t.equal(q.cue, e.cue, 'cue')
    if (e.via) t.equal(q.via, e.via, 'via')
  })
}

t.test('"not a single Hamas member …" and "if you hold Hostages …" are one quote, Trump’s via "He"', async (t) => {
  const q = quotesWith(input, ex, 'not a single Hamas member')
  const r = quotesWith(input, ex, 'if you hold Hostages')
  t.equal(q.length, 1)
  t.equal(q[0], r[0], 'same quote')
  t.equal(q[0]?.speaker?.mention, 'He')
  t.not(q[0]?.speaker?.name, 'Steve Witkoff', 'the caption naming Witkoff is furniture, not an antecedent')
})

t.test('"If the dialogue doesn’t work" is attributed through "he"', async (t) => {
  const q = quotesWith(input, ex, 'If the dialogue doesn’t work')[0]
  t.equal(q?.speaker?.mention, 'he')
  t.equal(q?.cue, 'said')
})

t.test('no quote comes from captions, credits or page furniture', async (t) => {
  const furniture = [
    'US action Israelis could be taken', // caption sentence ending in "AP"
    'Fighters from Hamas’ Izz ad-Din', // caption ending in a slash credit
    'Eliya Cohen',
    'Anadolu via Getty Images',
    'MOHAMMED SABER',
    'Related Posts',
    'This will close in 0 seconds',
  ]
  for (const words of furniture) {
    t.same(quotesWith(input, ex, words).map((q) => q.text), [], `no quote holds "${words}"`)
  }
  const mentionsOf = ex.quotes.map((q) => q.speaker?.start ?? -1)
  const captionStart = input.indexOf('U.S. special envoy Steve Witkoff')
  const captionEnd = input.indexOf('Anadolu via Getty Images') + 'Anadolu via Getty Images'.length
  t.notOk(mentionsOf.some((s) => s >= captionStart && s < captionEnd), 'no speaker mention inside the caption and credits')
  t.notOk(ex.quotes.some((q) => q.start >= captionStart && q.start < captionEnd), 'no quote starts inside the caption and credits')
})

t.test('speakers: one entity per person or organisation', async (t) => {
  const named = (name: string) => ex.speakers.filter((s) => s.name === name)
  const trump = named('Trump')
  t.equal(trump.length, 1, 'one Trump')
  t.equal(trump[0]?.kind, 'person')
  t.equal(trump[0]?.title, 'President')

  const witkoff = named('Steve Witkoff')
  t.equal(witkoff.length, 1, 'one Steve Witkoff')
  t.equal(witkoff[0]?.kind, 'person')
  t.equal(witkoff[0]?.title, 'US special envoy to the Middle East')
  t.ok(witkoff[0]?.aliases.includes('Witkoff'), 'Witkoff is an alias')
  t.equal(witkoff[0]?.aliases[0], 'Steve Witkoff', 'canonical name first')
  t.notOk(ex.speakers.some((s) => s.name === 'Witkoff' || s.name === 'U.S. special envoy Steve Witkoff'), 'no second Witkoff')

  const netanyahu = named('Netanyahu')
  t.equal(netanyahu.length, 1, 'one Netanyahu')
  t.equal(netanyahu[0]?.kind, 'person')

  const office = named('prime minister’s office')
  t.equal(office.length, 1, 'one prime minister’s office')
  t.equal(office[0]?.kind, 'organization')

  for (const s of ex.speakers) {
    t.notOk(s.aliases.some((a) => /^(he|she|they|him|her)$/i.test(a)), `no pronoun among the aliases of ${s.name}`)
  }
  const names = ex.speakers.map((s) => s.name).filter((n): n is string => n !== null)
  t.equal(new Set(names).size, names.length, 'no two speakers share a name')
  t.notOk(names.some((n) => /AP|Getty|Anadolu|SABER|Shutterstock/.test(n)), 'no credit is a speaker')
})

t.test('offsets slice the input', async (t) => {
  t.same(offsetProblems(input, ex), [])
  t.ok(ex.quotes.length >= 13, 'at least the required quotes')
})

t.test('deterministic', async (t) => {
  t.same(extract(input), ex)
})

t.test('no false positive: every quote found is one of the required ones', async (t) => {
  const others = ex.quotes.filter((q) => !required.some((e) => q.text.includes(e.words)))
  t.same(others.map((q) => `${q.text} ← ${q.speaker?.name ?? q.speaker?.mention ?? 'nobody'} (${q.cue})`), [], listing)
})
