// Speaker identity inside one article: names apart from titles, roles, "who", "it" and organisation nouns resolved to
// the entity the article means, and what must stay apart. Every sentence here is invented for the test.
import t from 'tap'
import { extract } from '../../src/extract/index.js'
import { cleanTitle } from '../../src/extract/entities.js'
import { firstNameGender } from '../../src/extract/first-names.js'
import type { Extraction, ExtractedSpeaker, QuoteSpeaker } from '../../src/extract/types.js'
import { quoteWith, summary } from '../helpers/extract.js'

/** The speaker of the one quote holding `words`, and that speaker's entry in `speakers`. */
function speakerOf (t: Tap.Test, input: string, ex: Extraction, words: string): { q: QuoteSpeaker | null, s: ExtractedSpeaker | null } {
  const quote = quoteWith(input, ex, words)
  t.ok(quote, `one quote holds "${words}"\n${summary(ex)}`)
  const q = quote?.speaker ?? null
  return { q, s: q ? ex.speakers[q.id]! : null }
}

t.test('a title before a name is the title, not part of the name', async (t) => {
  const input = 'Councillor Margaret Hale said the bridge would reopen in May. Shopkeeper Lotte Nyberg said the detour had halved her trade. ' +
    'Council Treasurer Paul Menon said the repairs were within budget. Police Chief Ann Roe said no one had been hurt.'
  const ex = extract(input)
  for (const [words, name, title] of [
    ['the bridge would reopen', 'Margaret Hale', 'Councillor'],
    ['the detour had halved', 'Lotte Nyberg', 'Shopkeeper'],
    ['the repairs were within budget', 'Paul Menon', 'Council Treasurer'],
    ['no one had been hurt', 'Ann Roe', 'Police Chief'],
  ] as const) {
    const { q, s } = speakerOf(t, input, ex, words)
    t.equal(s?.name, name, `name of ${name}`)
    t.equal(s?.title, title, `title of ${name}`)
    t.equal(s?.kind, 'person', `${name} is a person (a title holding "Council" does not make an organisation)`)
    t.equal(q?.resolved_by, 'name')
    t.notOk(s?.aliases.includes(title), 'a title is no alias')
  }
})

t.test('a first name after another first name stays part of the name', async (t) => {
  const input = 'Mary Ann Fowler said the vote was close.'
  const ex = extract(input)
  t.equal(speakerOf(t, input, ex, 'the vote was close').s?.name, 'Mary Ann Fowler')
})

t.test('an apposition that is a role gives the title; relative clauses, ages and "one of" do not', async (t) => {
  t.equal(cleanTitle('the chief executive of Baltic Line,'), 'chief executive of Baltic Line')
  t.equal(cleanTitle('71'), null)
  t.equal(cleanTitle('60, a doctor'), 'doctor')
  t.equal(cleanTitle('who chairs the water board'), null)
  t.equal(cleanTitle('a retired baker who lives by the canal'), 'retired baker')
  t.equal(cleanTitle('one of the tenants'), null)
  const input = 'Henrik Dahl, the chief executive of Baltic Line, has run the ferry company since 2019.\n\n' +
    '"We will not cut the winter sailings," the chief executive said.'
  const ex = extract(input)
  const { q, s } = speakerOf(t, input, ex, 'We will not cut the winter sailings')
  t.equal(s?.name, 'Henrik Dahl', 'the role noun resolves to the person the apposition gave it')
  t.equal(s?.title, 'chief executive of Baltic Line')
  t.equal(q?.resolved_by, 'role')
})

t.test('a role named before the name resolves to the person given that role later in the article', async (t) => {
  const input = 'The leak was under control by noon, the town\'s fire chief said on Wednesday.\n\n' +
    'Crews worked through the night, said Fire Chief Rosa Ibarra, who has led the brigade for a decade.'
  const ex = extract(input)
  const { q, s } = speakerOf(t, input, ex, 'The leak was under control')
  t.equal(s?.name, 'Rosa Ibarra')
  t.equal(q?.resolved_by, 'role')
  t.equal(q?.mention, 'the town\'s fire chief', 'the mention stays the words of the article')
})

t.test('a role nothing in the article fits stays unnamed', async (t) => {
  const input = 'The harbour will stay closed until Friday, the harbourmaster said.\n\n' +
    'Mayor Tobias Wren said the closure would cost the town dearly.'
  const ex = extract(input)
  const { q, s } = speakerOf(t, input, ex, 'The harbour will stay closed')
  t.equal(s?.name, null, 'no one in the article is the harbourmaster')
  t.equal(q?.resolved_by, 'unresolved')
})

t.test('"who" after a name is that person', async (t) => {
  const input = 'The plan was withdrawn, according to Ms. Halloran, the chairwoman, who said the board would meet again in June.'
  const ex = extract(input)
  const { s } = speakerOf(t, input, ex, 'the board would meet again')
  t.equal(s?.name, 'Halloran')
  t.equal(s?.kind, 'person')
})

t.test('organisation nouns and "it" resolve to the organisation of the article', async (t) => {
  const input = 'The Linden Valley Railroad said on Monday that it had replaced 40 miles of track.\n\n' +
    'The railroad said it would publish an inspection report. It also said the line would reopen in March.'
  const ex = extract(input)
  const names = new Set<string | null>()
  for (const words of ['it had replaced 40 miles', 'it would publish an inspection report', 'the line would reopen in March']) {
    const { s } = speakerOf(t, input, ex, words)
    t.equal(s?.kind, 'organization', `"${words}" is the organisation's`)
    names.add(s?.name ?? null)
  }
  t.same([...names], ['Linden Valley Railroad'], 'one organisation for all three')
})

t.test('a short form of an organisation\'s name is that organisation, not a person', async (t) => {
  const input = 'Brookfield Dairy Cooperative Society said its members had voted to merge.\n\nBrookfield Dairy said the merger would close in May.'
  const ex = extract(input)
  const { s } = speakerOf(t, input, ex, 'the merger would close')
  t.equal(s?.kind, 'organization')
  t.equal(s?.name, 'Brookfield Dairy Cooperative Society')
})

t.test('two people sharing a surname stay apart', async (t) => {
  const input = 'Anna Berg said the school must stay open. Tomas Berg said it was too expensive to keep.'
  const ex = extract(input)
  const a = speakerOf(t, input, ex, 'the school must stay open').s
  const b = speakerOf(t, input, ex, 'too expensive to keep').s
  t.equal(a?.name, 'Anna Berg')
  t.equal(b?.name, 'Tomas Berg')
  t.not(a?.id, b?.id)
})

t.test('a full name is found again among many namesakes (the namesake window is bounded)', async (t) => {
  const firsts = ['Bo', 'Cy', 'Di', 'Ed', 'Flo', 'Gus', 'Hal', 'Ida', 'Jo', 'Kit', 'Lou', 'Max', 'Ned', 'Opal', 'Pia',
    'Quin', 'Rex', 'Sal', 'Tod', 'Uma', 'Val', 'Wes', 'Xia', 'Yul', 'Zed', 'Abe', 'Bea', 'Cal', 'Dot', 'Eli', 'Fay',
    'Gil', 'Hux', 'Ivy', 'Jed', 'Kay', 'Lyle', 'Mae', 'Nia', 'Oto']
  const text = '“We start today,” said Ann Lee, the club secretary.\n\n' +
    firsts.map((f) => `“Fine,” said ${f} Lee.`).join(' ') +
    '\n\n“We finish today,” said Ann Lee.'
  const { quotes } = extract(text)
  t.equal(quotes.length, firsts.length + 2)
  const first = quotes[0]!.speaker!, last = quotes[quotes.length - 1]!.speaker!
  t.equal(last.name, 'Ann Lee')
  t.equal(last.id, first.id, 'the second "Ann Lee" is the first one, 40 namesakes later')
  t.equal(new Set(quotes.map((q) => q.speaker!.id)).size, firsts.length + 1, 'every namesake is a person of their own')
})

t.test('a woman and a man in one paragraph: "she" and "he" follow the first names', async (t) => {
  const input = 'Ingrid Solberg and Henrik Moe met the inspectors on Tuesday. "We are ready," she said. "We have been for a year," he said.'
  const ex = extract(input)
  t.equal(speakerOf(t, input, ex, 'We are ready').s?.name, 'Ingrid Solberg')
  t.equal(speakerOf(t, input, ex, 'We have been for a year').s?.name, 'Henrik Moe')
  t.equal(speakerOf(t, input, ex, 'We are ready').q?.resolved_by, 'pronoun')
})

t.test('first names carry their usual gender; common words are no first names', async (t) => {
  t.equal(firstNameGender('margaret'), 'female')
  t.equal(firstNameGender('henrik'), 'male')
  t.equal(firstNameGender('the'), null)
  t.equal(firstNameGender('north'), null)
  t.equal(firstNameGender('zzqx'), null)
})

t.test('resolution stays linear: many people and many roles in one long article', async (t) => {
  const parts: string[] = []
  for (let k = 0; k < 3000; k++) parts.push(`Inspector Kari Lund${k} said the gate ${k} was shut. The inspector said it was locked.`)
  const input = parts.join('\n\n')
  const started = process.hrtime.bigint()
  const ex = extract(input)
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  t.ok(ex.quotes.length >= 3000, 'the quotes are found')
  // A generous bound against a quadratic blow-up, not a speed target (the benchmark measures speed).
  t.ok(seconds < 30, `extraction took ${seconds.toFixed(2)} s`)
})

t.test('a paragraph that is only a quotation continues the speaker of the attribution just before it', async (t) => {
  const input = 'Response times have not improved, but union steward Colm Reddy says that is not what crews are seeing.\n\n' +
    '"Commonly, an ambulance waits an hour outside the hospital before it can hand over a patient."\n\n' +
    '"Nobody planned for that," he added.'
  const ex = extract(input)
  const quote = quoteWith(input, ex, 'Commonly, an ambulance waits')
  t.ok(quote, summary(ex))
  t.equal(quote?.speaker?.name, 'Colm Reddy')
  t.equal(quote?.speaker?.resolved_by, 'continuation')
  t.equal(quote?.speaker?.mention, '', 'no words of the article name the speaker there')
  t.equal(quote?.cue, null)
  t.equal(quote?.type, 'direct')
})

t.test('a question put to someone is not continued by the answer that follows', async (t) => {
  const input = '"Will the ward reopen this winter?" councillor Edith Marsh asked the health minister.\n\n"Not before March, and only if the roof holds."'
  const ex = extract(input)
  t.equal(quoteWith(input, ex, 'Will the ward reopen')?.speaker?.name, 'Edith Marsh', 'the question is hers')
  t.notOk(quoteWith(input, ex, 'Will the ward reopen')?.text.includes('Not before March'), 'the answer is no part of the question')
  for (const q of ex.quotes) if (q.text.includes('Not before March')) t.not(q.speaker?.name, 'Edith Marsh', `"${q.text}" is not the asker's answer`)
})

t.test('a person introduced between the attribution and the quote paragraph stops the continuation', async (t) => {
  const input = 'Colm Reddy says the crews are exhausted.\n\nHis colleague Aine Byrne has worked nights for a decade.\n\n' +
    '"I have never seen it this bad."'
  const ex = extract(input)
  for (const q of ex.quotes) if (q.text.includes('never seen')) t.not(q.speaker?.name, 'Colm Reddy', `"${q.text}" is not Reddy's`)
  t.equal(quoteWith(input, ex, 'the crews are exhausted')?.speaker?.name, 'Colm Reddy')
})

t.test('name particles belong to the surname: "Mr. de Vos", "Von der Leyen" and the full name are one person', async (t) => {
  const input = 'Paul de Vos said the vote was fair. Mr. de Vos added that the count was slow. De Vos said it would end on Monday. ' +
    'Ursula von der Leyen said the budget was agreed. Von der Leyen added that the talks had been hard. ' +
    'Al Gore said the climate plan was late. Gore added that it was still worth doing.'
  const ex = extract(input)
  for (const words of ['the vote was fair', 'the count was slow', 'it would end on Monday']) {
    t.equal(speakerOf(t, input, ex, words).s?.name, 'Paul de Vos', `"${words}" is Paul de Vos's`)
  }
  for (const words of ['the budget was agreed', 'the talks had been hard']) {
    t.equal(speakerOf(t, input, ex, words).s?.name, 'Ursula von der Leyen', `"${words}" is Ursula von der Leyen's`)
  }
  for (const words of ['the climate plan was late', 'it was still worth doing']) {
    t.equal(speakerOf(t, input, ex, words).s?.name, 'Al Gore', '"Al" stays a first name')
  }
  t.equal(ex.speakers.length, 3, `three people\n${summary(ex)}`)
  for (const s of ex.speakers) t.notOk(s.aliases.includes('Vos') || s.aliases.includes('Leyen'), 'a surname is not cut from its particles')
})

t.test('a lone surname opening a sentence as the subject of a progressive verb is a person "he" can mean', async (t) => {
  const input = '9:41 p.m.\n\nOkafor: “I vote yes.”\n\n9:18 p.m.\n\nMensah is walking the council through the amendment. ' +
    'The new zones would be reserved for deliveries before noon, he said.\n\n9:02 p.m.\n\nCongress is watching. Tuesday is looking busy.'
  const ex = extract(input)
  const { q, s } = speakerOf(t, input, ex, 'reserved for deliveries')
  t.equal(s?.name, 'Mensah', `"he" is Mensah, not the speaker before\n${summary(ex)}`)
  t.equal(q?.resolved_by, 'pronoun')
  t.notOk(ex.speakers.some((sp) => sp.name === 'Congress' || sp.name === 'Tuesday'), 'a word of the lexicon is no person')
})

t.test('landscape words are no first names: "Prairie Central said it would pay" is a body speaking', async (t) => {
  const input = 'Prairie Central said it would pay for hotel rooms. Summit Health said its clinics would stay open.'
  const ex = extract(input)
  t.equal(speakerOf(t, input, ex, 'pay for hotel rooms').s?.kind, 'organization', summary(ex))
  t.equal(speakerOf(t, input, ex, 'clinics would stay open').s?.kind, 'organization', summary(ex))
  t.equal(firstNameGender('prairie'), null)
  t.equal(firstNameGender('grace'), 'female', 'a common first name stays one')
})

t.test('a lower-case plural after an organisation\'s word is its people, not the organisation: "Labour Party veterans said"', async (t) => {
  const input = 'Labour Party veterans said the vote was fair. The Labour Party said the count would be checked.'
  const ex = extract(input)
  t.not(speakerOf(t, input, ex, 'the vote was fair').s?.kind, 'organization', summary(ex))
  t.equal(speakerOf(t, input, ex, 'the vote was fair').s?.name, null, 'no shared name for the people of a party')
  t.equal(speakerOf(t, input, ex, 'the count would be checked').s?.name, 'Labour Party')
})
