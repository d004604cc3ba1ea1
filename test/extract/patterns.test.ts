// One or more hand-written sentences for every attribution pattern, quotation-mark style and resolution rule the
// engine claims. Expectations are what a correct extractor gives; where the engine falls short the test carries
// a `todo` naming the gap, to be removed once the engine is fixed.
import t, { type Test } from 'tap'
import { extract } from '../../src/extract/index.js'
import type { ExtractedQuote, Extraction, QuoteType, SpeakerKind } from '../../src/extract/types.js'
import { offsetProblems, quotesWith, summary } from '../helpers/extract.js'

interface Want {
  /** Words of the quote's content (for an interrupted quote: words of its first fragment). */
  words: string
  /** Words that must be in the same quote too (e.g. of a later fragment). */
  alsoWords?: string
  /** Words the quote's content must not include (its attribution, say). */
  notWords?: string
  /** The exact content, when it matters (direct quotes: without outer marks). */
  text?: string
  name: string | null
  kind?: SpeakerKind
  type?: QuoteType
  cue?: string
  mention?: string
  /** Number of fragments; 0 or absent means unfragmented. */
  fragments?: number
  title?: string | null
  via?: string | null
}

/** Checks one expected quote in an extraction; returns the quote found. */
function expectQuote (t: Test, input: string, ex: Extraction, w: Want): ExtractedQuote | undefined {
  const found = quotesWith(input, ex, w.words)
  t.equal(found.length, 1, `one quote holds "${w.words}"\n${summary(ex)}`)
  const q = found[0]
  if (!q) return undefined
  if (w.alsoWords !== undefined) t.ok(q.text.includes(w.alsoWords), `the same quote holds "${w.alsoWords}": ${q.text}`)
  if (w.notWords !== undefined) t.notOk(q.text.includes(w.notWords), `content leaves out "${w.notWords}": ${q.text}`)
  if (w.text !== undefined) t.equal(q.text, w.text, 'content')
  t.equal(q.speaker?.name, w.name, 'speaker name')
  t.equal(q.speaker?.kind, w.kind ?? 'person', 'speaker kind')
  if (w.type) t.equal(q.type, w.type, 'type')
  if (w.cue) t.equal(q.cue, w.cue, 'cue')
  if (w.mention) t.equal(q.speaker?.mention, w.mention, 'mention')
  if (w.fragments !== undefined) t.equal(q.fragments?.length ?? 0, w.fragments, 'fragments')
  if (w.via !== undefined) t.equal(q.via, w.via, 'via')
  if (w.title !== undefined) t.equal(q.speaker ? ex.speakers[q.speaker.id]?.title : undefined, w.title, 'title')
  return q
}

/** A test: the input, the quotes it must yield, and optionally the exact number of quotes. */
function pattern (name: string, input: string, wants: Want[], opts: { count?: number, todo?: string } = {}): void {
  t.test(name, opts.todo ? { todo: opts.todo } : {}, async (t) => {
    const ex = extract(input)
    t.same(offsetProblems(input, ex), [], 'offsets slice the input')
    if (opts.count !== undefined) t.equal(ex.quotes.length, opts.count, `${opts.count} quote(s)\n${summary(ex)}`)
    for (const w of wants) expectQuote(t, input, ex, w)
  })
}

// --- Direct quotes -------------------------------------------------------------------------------------------

pattern('"Q," X said.', '"The bridge will open in May," Mayor Carla Mendes said.', [
  { words: 'The bridge will open', text: 'The bridge will open in May,', name: 'Carla Mendes', type: 'direct', cue: 'said', mention: 'Mayor Carla Mendes', title: 'Mayor' },
], { count: 1 })

pattern('"Q," said X.', '"We have no plans to raise taxes," said Governor Tom Baker.', [
  { words: 'no plans to raise taxes', text: 'We have no plans to raise taxes,', name: 'Tom Baker', type: 'direct', cue: 'said', title: 'Governor' },
], { count: 1 })

pattern('"Q," said X. with a short surname ending the sentence', '"Yes, we are ready," said Ann Lee.', [
  { words: 'we are ready', name: 'Ann Lee', type: 'direct', mention: 'Ann Lee' },
], { count: 1 })

pattern('X said: "Q"', 'Dr. Priya Natarajan said: "The vaccine is safe for children."', [
  { words: 'The vaccine is safe', text: 'The vaccine is safe for children.', name: 'Priya Natarajan', type: 'direct', cue: 'said', mention: 'Dr. Priya Natarajan' },
], { count: 1 })

pattern('X said, "Q"', 'Coach Luis Ortega said, "We played our worst game of the season."', [
  { words: 'our worst game', text: 'We played our worst game of the season.', name: 'Luis Ortega', type: 'direct', title: 'Coach' },
], { count: 1 })

pattern('"Q," X told reporters.', '“We’re not going anywhere,” Ruth Adler told reporters on Friday.', [
  { words: 'not going anywhere', text: 'We’re not going anywhere,', name: 'Ruth Adler', type: 'direct', cue: 'told' },
], { count: 1 })

pattern('"Q1," X said. "Q2." is one quote in two fragments',
  '"We are not done," Ellen Park said. "We will be back next year."', [
    { words: 'We are not done', alsoWords: 'We will be back next year.', name: 'Ellen Park', type: 'direct', fragments: 2 },
  ], { count: 1 })

pattern('"Q1," X said, "Q2." is one quote in two fragments',
  '"We are not done," Ellen Park said, "and we will be back next year."', [
    { words: 'We are not done', alsoWords: 'and we will be back next year.', name: 'Ellen Park', type: 'direct', fragments: 2 },
  ], { count: 1 })

t.test('fragments of "Q1," X said, "Q2." are exactly the two quoted spans', async (t) => {
  const input = '“It is not over,” Coach Dan Ruiz said, “not by a long way.”'
  const ex = extract(input)
  const q = ex.quotes[0]
  t.equal(ex.quotes.length, 1, summary(ex))
  const a = input.indexOf('It is not over,')
  const b = input.indexOf('not by a long way.')
  t.same(q?.fragments, [[a, a + 'It is not over,'.length], [b, b + 'not by a long way.'.length]])
  t.equal(q?.start, a)
  t.equal(q?.end, b + 'not by a long way.'.length)
  t.equal(q?.text, 'It is not over, … not by a long way.')
})

pattern('a quote opened after "X said:" continues into the next paragraph',
  'Union boss Frank Mills said: "The strike will go on until the company listens. We have waited long enough.\n\n"Our members are ready for a long fight."', [
    { words: 'The strike will go on', alsoWords: 'Our members are ready for a long fight.', name: 'Frank Mills', type: 'direct', fragments: 2 },
  ], { count: 1 })

pattern('a quote opened after "X said:" continues into the next paragraph (no title)',
  'Frank Mills said: "The strike will go on until the company listens. We have waited long enough.\n\n"Our members are ready for a long fight."', [
    { words: 'The strike will go on', alsoWords: 'Our members are ready for a long fight.', name: 'Frank Mills', type: 'direct', fragments: 2 },
  ], { count: 1 })

pattern('a quote left open at a paragraph’s end continues in the next, attributed at its end',
  'Frank Mills spoke at length on Tuesday.\n\n"The strike will go on until the company listens. We have waited long enough.\n\n"Our members are ready for a long fight," he said.', [
    { words: 'The strike will go on', alsoWords: 'Our members are ready for a long fight,', name: 'Frank Mills', type: 'direct', fragments: 2, mention: 'he' },
  ], { count: 1 })

t.test('context: the whole sentence that holds the quote and its attribution', async (t) => {
  const first = 'The council met on Monday.'
  const sentence = '"The bridge will open in May," Mayor Carla Mendes said on Tuesday.'
  const input = `${first} ${sentence} Work began last year.`
  const ex = extract(input)
  t.equal(ex.quotes.length, 1, summary(ex))
  const q = ex.quotes[0]!
  const context = input.slice(...q.context)
  t.equal(context, sentence, 'exactly the sentence')
  t.ok(context.includes(input.slice(q.start, q.end)), 'holds the quote')
  t.ok(q.context[0] <= q.speaker!.start && q.speaker!.end <= q.context[1], 'holds the speaker mention')
})

t.test('context: "Q1," X said. "Q2." spans both sentences', async (t) => {
  const input = 'It rained. "We are not done," Ellen Park said. "We will be back next year." The end came.'
  const ex = extract(input)
  const q = ex.quotes[0]!
  t.equal(input.slice(...q.context), '"We are not done," Ellen Park said. "We will be back next year."')
})

t.test('context: an indirect quote whose pronoun refers back keeps to its own sentence', async (t) => {
  const input = 'Senator Jane Doe met Mary Roe on Monday. She said the meeting had been productive.'
  const q = extract(input).quotes[0]!
  t.equal(input.slice(...q.context), 'She said the meeting had been productive.')
})

// --- Indirect speech -------------------------------------------------------------------------------------------

pattern('X said that CLAUSE', 'Finance Minister Olaf Brandt said that inflation would fall below three percent by autumn.', [
  { words: 'inflation would fall below three percent by autumn', name: 'Olaf Brandt', type: 'indirect', cue: 'said', title: 'Finance Minister' },
], { count: 1 })

pattern('X said CLAUSE', 'Finance Minister Olaf Brandt said inflation would fall below three percent by autumn.', [
  { words: 'inflation would fall below three percent by autumn', text: 'inflation would fall below three percent by autumn', name: 'Olaf Brandt', type: 'indirect', cue: 'said' },
], { count: 1 })

pattern('X told reporters that CLAUSE', 'Ruth Adler told reporters on Friday that the store would stay open.', [
  { words: 'the store would stay open', notWords: 'reporters', name: 'Ruth Adler', type: 'indirect', cue: 'told' },
], { count: 1 })

pattern('X told reporters CLAUSE', 'Ruth Adler told reporters the store would stay open through the winter.', [
  { words: 'the store would stay open', notWords: 'reporters', name: 'Ruth Adler', type: 'indirect', cue: 'told' },
], { count: 1 })

pattern('X told reporters CLAUSE, with a title that is also an organisation word',
  'Police Chief Dana Whitfield told reporters that the suspect had been arrested near the border.', [
    { words: 'the suspect had been arrested near the border', name: 'Dana Whitfield', kind: 'person', type: 'indirect', cue: 'told', title: 'Police Chief' },
  ], { count: 1 })

pattern('according to X, CLAUSE', 'According to Senator Rosa Kwan, the bill will pass the Senate next week.', [
  { words: 'the bill will pass the Senate next week', notWords: 'Kwan', name: 'Rosa Kwan', type: 'indirect', cue: 'According to' },
], { count: 1 })

pattern('CLAUSE, according to X.', 'The bill will pass the Senate next week, according to Senator Rosa Kwan.', [
  { words: 'The bill will pass the Senate next week', notWords: 'according', name: 'Rosa Kwan', mention: 'Senator Rosa Kwan', type: 'indirect', cue: 'according to' },
], { count: 1 })

pattern('CLAUSE, according to X. (longer surname)', 'The bill will pass the Senate next week, according to Senator Tom Baker.', [
  { words: 'The bill will pass the Senate next week', notWords: 'according', name: 'Tom Baker', mention: 'Senator Tom Baker', type: 'indirect', cue: 'according to' },
], { count: 1 })

pattern('CLAUSE, according to X, who …', 'The bill will pass the Senate next week, according to Tom Baker, who chairs the committee.', [
  { words: 'The bill will pass the Senate next week', notWords: 'according to', name: 'Tom Baker', type: 'indirect', cue: 'according to' },
], { count: 1 })

pattern('CLAUSE, according to X, CLAUSE: two fragments around the aside',
  'Most residents - 63 percent last year, according to the county survey - still favor the new park.', [
    { words: 'Most residents - 63 percent last year', alsoWords: 'still favor the new park', notWords: 'survey', name: 'county survey', kind: 'organization', type: 'indirect', fragments: 2 },
  ], { count: 1 })

pattern('CLAUSE, X said.', 'The library will close for repairs in June, Mayor Hannah Vogel said.', [
  { words: 'The library will close for repairs in June', notWords: 'Vogel', name: 'Hannah Vogel', type: 'indirect', cue: 'said' },
], { count: 1 })

pattern('interrupted indirect: FRONT, X said, REST', 'The goal, Mayor Hannah Vogel said, is to reopen the library by June.', [
  { words: 'The goal', alsoWords: 'is to reopen the library by June', notWords: 'Vogel', name: 'Hannah Vogel', type: 'indirect', fragments: 2 },
], { count: 1 })

pattern('relative pronoun as the subject of what was said', 'The council passed the levy, which critics said was unfair to renters, on Monday.', [
  { words: 'was unfair to renters', text: 'which … was unfair to renters', name: null, kind: 'group', type: 'indirect', mention: 'critics' },
], { count: 1 })

pattern('described subject: a common noun with a determiner', 'The retired schoolteacher says the council ignored the vote.', [
  { words: 'the council ignored the vote', name: null, kind: 'unnamed', type: 'indirect', mention: 'The retired schoolteacher' },
], { count: 1 })

pattern('described subject: a share of respondents', 'Last month, 52 percent said the mayor would win.', [
  { words: 'the mayor would win', name: null, kind: 'unnamed', type: 'indirect', mention: '52 percent' },
], { count: 1 })

pattern('a participle after a noun is no attribution', 'A plan announced earlier this year will add two bus lines. A video posted online showed the crash.', [], { count: 0 })

pattern('according to a source that is not a name', 'According to state records released by the county, the fund ran out of money in May.', [
  { words: 'the fund ran out of money in May', notWords: 'county', name: null, kind: 'unnamed', type: 'indirect', mention: 'state records' },
], { count: 1 })

pattern('a role with the name in apposition: the name speaks', 'The city’s budget director, Alma Ruiz, said the fund was empty.', [
  { words: 'the fund was empty', name: 'Alma Ruiz', type: 'indirect', mention: 'Alma Ruiz' },
], { count: 1 })

pattern('shared subject: X did this and said CLAUSE', 'Senator Paul Grant toured the plant on Monday and said the jobs would stay in the county.', [
  { words: 'the jobs would stay in the county', name: 'Paul Grant', type: 'indirect', cue: 'said' },
], { count: 1 })

pattern('shared subject after an apposition', 'Gary Holm, a former party chairman, became a delegate and said he was leaning toward the governor.', [
  { words: 'he was leaning toward the governor', name: 'Gary Holm', type: 'indirect' },
], { count: 1 })

pattern('progressive cue: X is calling for', 'Governor Tom Baker is calling for a recount in three counties.', [
  { words: 'a recount in three counties', name: 'Tom Baker', type: 'indirect', cue: 'calling for' },
], { count: 1 })

pattern('"…." He says CLAUSE is a sentence of its own',
  'Mark Ruiz says “the game has changed.” He says referees now stop play for every small foul.', [
    { words: 'the game has changed', name: 'Mark Ruiz' },
    { words: 'referees now stop play for every small foul', name: 'Mark Ruiz', mention: 'He', type: 'indirect' },
  ], { count: 2 })

pattern('"…." Name said NAME CLAUSE: a name after the verb opens the clause, not an attribution of the quote',
  'The council accused the mayor of "reckless spending." Ruth Okafor said Hale\'s budget is "out of control."', [
    { words: 'reckless spending', name: 'council', kind: 'organization', type: 'mixed' },
    { words: 'budget is', text: 'Hale\'s budget is "out of control."', name: 'Ruth Okafor', type: 'mixed' },
  ], { count: 2 })

pattern('"…." Name said DATE: the date is the attribution\'s, and the quote is the speaker\'s',
  '"We are done." Ruth Okafor said Tuesday.', [
    { words: 'We are done', name: 'Ruth Okafor', type: 'direct' },
  ], { count: 1 })

pattern('"X, who said CLAUSE, said CLAUSE": the relative clause ends at its comma',
  'Barkley, who said he usually votes for Democrats, said one candidate he likes is the governor.', [
    { words: 'he usually votes for Democrats', notWords: 'candidate', name: null, kind: 'unnamed', mention: 'who', type: 'indirect' },
    { words: 'one candidate he likes is the governor', name: 'Barkley', type: 'indirect' },
  ], { count: 2 })

pattern('X told OBJECT CLAUSE: the object runs to the clause’s subject', 'Ann Cole told a news conference they are planting the seeds.', [
  { words: 'they are planting the seeds', text: 'they are planting the seeds', name: 'Ann Cole', type: 'indirect', cue: 'told' },
], { count: 1 })

pattern('X responded by saying CLAUSE: the inner cue carries the content', 'Mayor Ann Cole responded by first saying the vote was fair.', [
  { words: 'the vote was fair', text: 'the vote was fair', name: 'Ann Cole', type: 'indirect', cue: 'saying' },
], { count: 1 })

pattern('a dateline is not content', 'WASHINGTON (AP) — The bridge will close for a month, the transport agency said.', [
  { words: 'The bridge will close', text: 'The bridge will close for a month', name: 'transport agency', kind: 'organization', type: 'indirect' },
], { count: 1 })

pattern('an adverb after the cue is not content', 'Then Ann Cole added warily: "There is always something."', [
  { words: 'There is always something', text: 'There is always something.', name: 'Ann Cole', type: 'direct' },
], { count: 1 })

pattern('a trailing modifier after a comma is not content', 'Senator Paul Grant said the tax would fall on renters, a group that has grown fast in the city.', [
  { words: 'the tax would fall on renters', text: 'the tax would fall on renters', name: 'Paul Grant', type: 'indirect' },
], { count: 1 })

pattern('a writer\'s ", which …" comment after reported speech is not content', 'Senator Paul Grant said the levy would help schools, which the court has put on hold.', [
  { words: 'the levy would help schools', text: 'the levy would help schools', name: 'Paul Grant', type: 'indirect' },
], { count: 1 })

pattern('", which" and a present-tense verb describes what the speaker named, and is content', 'Senator Paul Grant has said that he opposes the levy, which calls on renters to pay for schools.', [
  { words: 'he opposes the levy, which calls on renters to pay for schools', name: 'Paul Grant', type: 'indirect' },
], { count: 1 })

pattern('a relative clause inside the content, closed by a comma, is content', 'Senator Paul Grant said the levy, which passed in May, would help schools.', [
  { words: 'the levy, which passed in May, would help schools', name: 'Paul Grant', type: 'indirect' },
], { count: 1 })

pattern('a second predicate of the subject is not content', 'Governor Tom Baker called for a recount in three counties and ordered a review of the ballots.', [
  { words: 'a recount in three counties', text: 'a recount in three counties', name: 'Tom Baker', type: 'indirect' },
], { count: 1 })

pattern('"…" inside a sentence before "X said": the sentence up to the quote is mixed content',
  'With thousands of polling places, “there is no single point of failure,” Ann Cole said.', [
    { words: 'With thousands of polling places', text: 'With thousands of polling places, “there is no single point of failure,', name: 'Ann Cole', type: 'mixed' },
  ], { count: 1 })

pattern('"Q1," X said at a place ending in an abbreviation. "Q2" is one quote',
  '“The plan is not good,” Ann Cole said at a rally in Albany, N.Y. “We will fight it.”', [
    { words: 'The plan is not good', alsoWords: 'We will fight it.', name: 'Ann Cole', type: 'direct', fragments: 2 },
  ], { count: 1 })

pattern('X said CLAUSE, but CLAUSE: the second clause is content too',
  'Senator Paul Grant said he would support the nominee, but beyond that he would stay out of the race.', [
    { words: 'he would support the nominee, but beyond that he would stay out of the race', name: 'Paul Grant', type: 'indirect' },
  ], { count: 1 })

pattern('a share in words: "Two in three said"', 'The poll found much the same. Two in three said they would vote early.', [
  { words: 'they would vote early', name: null, kind: 'unnamed', type: 'indirect', mention: 'Two in three' },
], { count: 1 })

pattern('"Q," former governor X said', '"We are not done yet," former governor Ann Cole said.', [
  { words: 'We are not done yet', name: 'Ann Cole', type: 'direct' },
], { count: 1 })

pattern('headline: NAME: what was said', 'Mayor Cole: Bridge Tolls Will Stay Until the Debt Is Paid\n\nThe city council met on Monday.', [
  { words: 'Bridge Tolls Will Stay', text: 'Bridge Tolls Will Stay Until the Debt Is Paid', name: 'Cole', type: 'indirect', cue: ':' },
], { count: 1 })

pattern('a transcript line inside a quotation left open', 'Transcript as follows:\n\n"HOST: Will the bridge open in May?\n\n"COLE: It will open in June, not May.', [
  { words: 'Will the bridge open in May', mention: 'HOST', name: null, kind: 'unnamed', type: 'direct' },
  { words: 'It will open in June, not May', mention: 'COLE', name: 'COLE', kind: 'person', type: 'direct' },
], { count: 2 })

pattern('naming: X called Y Z', 'Senator Paul Grant called the new toll plan unfair to commuters.', [
  { words: 'the new toll plan unfair to commuters', name: 'Paul Grant', type: 'indirect', cue: 'called' },
], { count: 1 })

pattern('naming a thing, calling a meeting and being called are no attributions',
  'They hired a company called Northwind Analytics. The mayor called a meeting for Friday. The plan was called a success.', [], { count: 0 })

t.test('a question put by someone unnamed: "Asked whether …, X said …"', async (t) => {
  const input = 'Asked whether the bridge would open in May, Mayor Ann Cole said it would open in June.'
  const ex = extract(input)
  t.same(offsetProblems(input, ex), [])
  t.equal(ex.quotes.length, 2, summary(ex))
  const question = quotesWith(input, ex, 'the bridge would open in May')[0]
  t.equal(question?.text, 'whether the bridge would open in May')
  t.equal(question?.speaker, null, 'no one named asks')
  t.equal(question?.cue, 'Asked')
  t.equal(quotesWith(input, ex, 'it would open in June')[0]?.speaker?.name, 'Ann Cole')
})

t.test('a question no one answers on the record is the writer\'s narration: "Asked what …, she did not hesitate"', async (t) => {
  const input = 'Asked what she would miss most about the job, she did not hesitate. She packed her desk on Friday.'
  const ex = extract(input)
  t.same(offsetProblems(input, ex), [])
  t.same(ex.quotes, [], summary(ex))
})

pattern('a question put by someone named after "by"', 'When asked by a reporter about the delay, the mayor smiled.', [
  { words: 'about the delay', text: 'about the delay', name: null, kind: 'unnamed', mention: 'a reporter', type: 'indirect' },
], { count: 1 })

pattern('a passive question: "X was asked by Y whether …" is Y\'s question, not X\'s words', 'On the morning show, Ann Cole was asked by host Tom Reyes whether the pool would reopen.', [
  { words: 'whether the pool would reopen', text: 'whether the pool would reopen', name: 'Tom Reyes', type: 'indirect', cue: 'asked' },
], { count: 1 })

t.test('a passive question no one named put is on the record when it is answered: "When X was asked whether …, she said …"', async (t) => {
  const input = 'When Ann Cole was asked whether the pool would reopen, she said, "Not this year." Tom Reyes was asked whether he would run.'
  const ex = extract(input)
  t.same(offsetProblems(input, ex), [])
  const question = quotesWith(input, ex, 'whether the pool would reopen')[0]
  t.ok(question, summary(ex))
  t.equal(question?.speaker, null, 'no one named asks')
  t.equal(quotesWith(input, ex, 'Not this year')[0]?.speaker?.name, 'Ann Cole')
  t.equal(quotesWith(input, ex, 'whether he would run').length, 0, 'an unanswered question put by no one is narration')
})

pattern('CLAUSE, according to X: an introductory phrase is the writer’s', 'Though the count is not final, the mayor leads by 300 votes, according to county officials.', [
  { words: 'the mayor leads by 300 votes', text: 'the mayor leads by 300 votes', name: null, kind: 'group', type: 'indirect' },
], { count: 1 })

pattern('according to X and its modifier, then more content', 'Notably absent, according to members who spoke afterward, was any mention of the budget.', [
  { words: 'Notably absent', alsoWords: 'was any mention of the budget', notWords: 'spoke', name: null, kind: 'group', fragments: 2 },
], { count: 1 })

pattern('an apposition between dashes', 'Ann Cole -- who has led the council since 2019 -- said the vote would wait.', [
  { words: 'the vote would wait', name: 'Ann Cole', type: 'indirect' },
], { count: 1 })

pattern('an apposition holding a quotation', 'Ann Cole, the author of “Bridges,” said the vote would wait.', [
  { words: 'the vote would wait', name: 'Ann Cole', type: 'indirect' },
], { count: 1 })

pattern('an apposition with an age then', 'Mr. Gene Ross, then 38, said he was advised to wait.', [
  { words: 'he was advised to wait', name: 'Gene Ross', type: 'indirect', title: null },
], { count: 1 })

pattern('"Q," said a described speaker', '"Now he will go to work for you," said the 46-year-old.', [
  { words: 'Now he will go to work for you', name: null, kind: 'unnamed', mention: 'the 46-year-old', type: 'direct' },
], { count: 1, })

pattern('shared subject with an irregular verb: X shook her head and said', 'Mayor Ann Cole shook her head and said, "No."', [
  { words: 'No.', name: 'Ann Cole', type: 'direct' },
], { count: 1 })

pattern('a participle’s phrase in apposition', 'Senator Paul Grant, noting the size of the crowd, said the rally had been a success.', [
  { words: 'the rally had been a success', name: 'Paul Grant', type: 'indirect' },
], { count: 1 })

pattern('"Q1," X continued. "Q2"', '"We will win," Ann Cole said. The crowd cheered.\n\n"It will not be easy," she continued. "But we are ready."', [
  { words: 'It will not be easy', alsoWords: 'But we are ready.', name: 'Ann Cole', mention: 'she', cue: 'continued', fragments: 2 },
], { count: 2 })

pattern('X agreed that CLAUSE', 'Senator Paul Grant agreed that the bridge needed repairs.', [
  { words: 'the bridge needed repairs', name: 'Paul Grant', type: 'indirect', cue: 'agreed' },
], { count: 1 })

pattern('X pointed to Y', 'Mayor Ann Cole pointed to the drop in crime since 2019.', [
  { words: 'the drop in crime since 2019', name: 'Ann Cole', type: 'indirect', cue: 'pointed to' },
], { count: 1 })

pattern('a participle shares a subject followed by a time', 'Ann Cole on Tuesday dismissed the plan as too costly, arguing that the city could not pay for it.', [
  { words: 'the city could not pay for it', name: 'Ann Cole', type: 'indirect', cue: 'arguing' },
], { count: 1 })

pattern('apposition: X, the Y of Z, said', 'Hannah Vogel, the mayor of Springfield, said the library would close for repairs.', [
  { words: 'the library would close for repairs', name: 'Hannah Vogel', mention: 'Hannah Vogel', type: 'indirect', title: 'mayor of Springfield' },
], { count: 1 })

pattern('apposition: "Q," said X, a Y.', '"I saw the smoke first," said Clara Moss, a neighbor.', [
  { words: 'I saw the smoke first', name: 'Clara Moss', type: 'direct', title: 'neighbor' },
], { count: 1 })

pattern('an age in apposition is not a title', 'Ruth Adler, 54, said the store would stay open.', [
  { words: 'the store would stay open', name: 'Ruth Adler', type: 'indirect', title: null },
], { count: 1 })

pattern('an age before a stacked apposition is left out of the title', 'Lena Ortiz, 60, a retired nurse, said the clinic had closed too soon.', [
  { words: 'the clinic had closed too soon', name: 'Lena Ortiz', type: 'indirect', title: 'retired nurse' },
], { count: 1 })

pattern('a title qualified by an organisation word: White House press secretary X', '"We have nothing to add," White House press secretary Dana Perino said.', [
  { words: 'We have nothing to add', name: 'Dana Perino', kind: 'person', title: 'White House press secretary' },
], { count: 1 })

pattern('participial: …, saying CLAUSE', 'Judge Ramon Diaz adjourned the hearing on Friday, saying the defense needed more time to review the evidence.', [
  { words: 'the defense needed more time', name: 'Ramon Diaz', type: 'indirect', cue: 'saying' },
], { count: 1 })

pattern('coordinated: X did A and says CLAUSE', 'Governor Ana Ruiz vetoed the measure and says the state cannot afford it.', [
  { words: 'the state cannot afford it', name: 'Ana Ruiz', type: 'indirect', cue: 'says' },
], { count: 1 })

// --- Mixed quotes ---------------------------------------------------------------------------------------------

pattern('mixed: X said the plan was "dead on arrival" and …', 'Senator Paul Grant said the plan was “dead on arrival” and that he would vote against it.', [
  { words: 'the plan was “dead on arrival”', alsoWords: 'he would vote against it', name: 'Paul Grant', type: 'mixed', cue: 'said' },
], { count: 1 })

pattern('mixed: a quoted fragment within a reported clause (straight marks)', 'Senator Paul Grant said the plan was "dead on arrival" in its current form.', [
  { words: '"dead on arrival"', name: 'Paul Grant', type: 'mixed' },
], { count: 1 })

// --- Organisations and unnamed groups -------------------------------------------------------------------------

pattern('organisation: the White House said', 'The White House said the talks would resume on Monday.', [
  { words: 'the talks would resume on Monday', name: 'White House', kind: 'organization', type: 'indirect' },
], { count: 1 })

pattern('organisation: "Q," the Ministry of Health said', '"We are reviewing the report," the Ministry of Health said in a statement.', [
  { words: 'We are reviewing the report', name: 'Ministry of Health', kind: 'organization', type: 'direct' },
], { count: 1 })

t.test('a spokesperson for the ministry is not a person', async (t) => {
  const input = 'A spokesperson for the ministry said the border would remain closed.'
  const ex = extract(input)
  const q = quotesWith(input, ex, 'the border would remain closed')[0]
  t.ok(q?.speaker, summary(ex))
  t.not(q?.speaker?.kind, 'person')
  t.notOk(ex.speakers.some((s) => s.kind === 'person'), 'no person among the speakers')
})

pattern('unnamed group: officials said', 'Officials said the road would reopen by Friday.', [
  { words: 'the road would reopen by Friday', name: null, kind: 'group', type: 'indirect', mention: 'Officials' },
], { count: 1 })

pattern('unnamed group: "Q," witnesses said', '"The whole building shook," witnesses said on Sunday.', [
  { words: 'The whole building shook', name: null, kind: 'group', type: 'direct' },
], { count: 1 })

// --- Pronouns, role nouns, gender, name merging --------------------------------------------------------------

pattern('pronoun: the subject, not the nearest name, is the referent',
  'Senator Jane Doe met Mary Roe on Monday. She said the meeting had been productive.', [
    { words: 'the meeting had been productive', name: 'Jane Doe', mention: 'She' },
  ], { count: 1 })

pattern('pronoun: he after a sentence whose subject is Mr. X and which names Mr. Y later',
  'Mr. Alan Reeve met Mr. Victor Hale in Boston on Tuesday. He said the merger was off.', [
    { words: 'the merger was off', name: 'Alan Reeve', mention: 'He' },
  ], { count: 1 })

pattern('pronoun: she across a paragraph break',
  'Senator Jane Doe met John Roe on Monday.\n\nShe said the meeting had been productive.', [
    { words: 'the meeting had been productive', name: 'Jane Doe', mention: 'She' },
  ], { count: 1 })

pattern('gender agreement: she skips the male subject for the female object',
  'Mark Ford met Lisa Chen at the library. She said the books were overdue.', [
    { words: 'the books were overdue', name: 'Lisa Chen', mention: 'She' },
  ], { count: 1 })

pattern('gender agreement: he skips the female first conjunct',
  'Lisa Chen and Mark Ford both spoke at the rally. He said the march would continue.', [
    { words: 'the march would continue', name: 'Mark Ford', mention: 'He' },
  ], { count: 1 })

pattern('gender agreement: the speaker of the quote before is kept for "she"',
  '"The clinic will stay open," Dr. Helen Cho said on Monday. Her colleague Tom Baker agreed. "We have the staff," she added.', [
    { words: 'The clinic will stay open', name: 'Helen Cho' },
    { words: 'We have the staff', name: 'Helen Cho', mention: 'she' },
  ])

pattern('role noun: the president is President Ann Smith',
  'President Ann Smith arrived in Lagos on Sunday. The president said the visit would strengthen trade ties.', [
    { words: 'the visit would strengthen trade ties', name: 'Ann Smith', mention: 'The president' },
  ], { count: 1 })

t.test('name merging: Maria Lopez, Lopez and Ms. Lopez are one speaker', async (t) => {
  const input = 'Maria Lopez will run for governor. Lopez said the campaign would focus on schools. "We start tomorrow," Ms. Lopez added.'
  const ex = extract(input)
  t.equal(ex.quotes.length, 2, summary(ex))
  t.equal(ex.speakers.length, 1, 'one speaker')
  t.equal(ex.speakers[0]?.name, 'Maria Lopez')
  t.ok(ex.speakers[0]?.aliases.includes('Lopez'))
  t.equal(new Set(ex.quotes.map((q) => q.speaker?.id)).size, 1, 'both quotes by the same speaker')
  t.equal(quotesWith(input, ex, 'We start tomorrow')[0]?.speaker?.mention, 'Ms. Lopez')
})

t.test('name merging: a title and a full name fold into one speaker with the title', async (t) => {
  const input = 'Special envoy Dan Marsh arrived in Cairo on Monday. Marsh said the talks would start soon.\n\n"We are close," said U.S. special envoy Dan Marsh.'
  const ex = extract(input)
  t.equal(ex.quotes.length, 2, summary(ex))
  const marsh = ex.speakers.filter((s) => s.aliases.some((a) => a.includes('Marsh')))
  t.equal(marsh.length, 1, 'one Marsh')
  t.equal(marsh[0]?.name, 'Dan Marsh')
  t.ok(marsh[0]?.title && /envoy/i.test(marsh[0].title), `title names the envoy: ${marsh[0]?.title}`)
})

t.test('two people sharing a surname are not merged', async (t) => {
  const input = 'Bill Clinton said the foundation would expand. Hillary Clinton said the plan needed more work.'
  const ex = extract(input)
  t.equal(ex.quotes.length, 2, summary(ex))
  t.equal(quotesWith(input, ex, 'the foundation would expand')[0]?.speaker?.name, 'Bill Clinton')
  t.equal(quotesWith(input, ex, 'the plan needed more work')[0]?.speaker?.name, 'Hillary Clinton')
  t.same(ex.speakers.map((s) => s.name).sort(), ['Bill Clinton', 'Hillary Clinton'])
})

// --- Quotation-mark styles ------------------------------------------------------------------------------------

pattern('curly double quotes', '“The river is rising fast,” said Fire Chief Omar Haddad.', [
  { words: 'The river is rising fast', text: 'The river is rising fast,', name: 'Omar Haddad', type: 'direct', title: 'Fire Chief' },
], { count: 1 })

pattern('NYT-style doubled single quotes', "''We will not back down,'' said Senator Rita Moreno.", [
  { words: 'We will not back down', text: 'We will not back down,', name: 'Rita Moreno', type: 'direct' },
], { count: 1 })

pattern('TeX-style ``…\'\' quotes', "``We will not back down,'' said Senator Rita Moreno.", [
  { words: 'We will not back down', text: 'We will not back down,', name: 'Rita Moreno', type: 'direct' },
], { count: 1 })

pattern('single-quote headline style', "'We will rebuild the pier,' Mayor Jack Lee says", [
  { words: 'We will rebuild the pier', text: 'We will rebuild the pier,', name: 'Jack Lee', type: 'direct', cue: 'says' },
], { count: 1 })

pattern('single-quote headline style, mixed', "Mayor Jack Lee says 'we will rebuild the pier' after storm", [
  { words: 'we will rebuild the pier', name: 'Jack Lee', type: 'mixed', cue: 'says' },
], { count: 1 })

pattern('apostrophes are not quotation marks',
  'Hamas’ leaders and a ’90s band played rock ’n’ roll until dawn, and they don’t stop, Tom Reed said.', [
    { words: 'Hamas’ leaders', text: 'Hamas’ leaders and a ’90s band played rock ’n’ roll until dawn, and they don’t stop', name: 'Tom Reed', type: 'indirect' },
  ], { count: 1 })

pattern('apostrophes inside a direct quote do not end it',
  '“Hamas’ leaders don’t listen, and the ’90s are over,” said Tom Redford.', [
    { words: 'Hamas’ leaders', text: 'Hamas’ leaders don’t listen, and the ’90s are over,', name: 'Tom Redford', type: 'direct' },
  ], { count: 1 })

pattern('nested quotes (curly)', '“I heard him shout ‘run’ and then the lights went out,” said Clara Mossberg.', [
  { words: 'I heard him shout', text: 'I heard him shout ‘run’ and then the lights went out,', name: 'Clara Mossberg', type: 'direct' },
], { count: 1 })

pattern('nested quotes (straight)', '"I heard him shout \'run\' and then the lights went out," said Clara Mossberg.', [
  { words: 'I heard him shout', text: "I heard him shout 'run' and then the lights went out,", name: 'Clara Mossberg', type: 'direct' },
], { count: 1 })

t.test('an unbalanced opening mark does not swallow the following paragraphs', async (t) => {
  const input = 'Mayor Pat Kim said: "The council will vote on the budget\n\nResidents packed the hall on Monday night.\n\nThe vote is expected next week, officials said.'
  const ex = extract(input)
  t.same(offsetProblems(input, ex), [])
  const first = quotesWith(input, ex, 'The council will vote')
  t.equal(first.length, 1, summary(ex))
  t.equal(first[0]?.speaker?.name, 'Pat Kim')
  t.ok((first[0]?.end ?? Infinity) <= input.indexOf('\n'), 'the quote ends in its paragraph')
  t.same(quotesWith(input, ex, 'Residents packed'), [], 'the next paragraph is no quote')
  const later = quotesWith(input, ex, 'The vote is expected next week')
  t.equal(later.length, 1)
  t.equal(later[0]?.speaker?.kind, 'group', 'the later attribution stands on its own: officials are a group')
})

// --- Abbreviations --------------------------------------------------------------------------------------------

pattern('abbreviations (U.S., Mr., Jan., Sen.) do not end sentences',
  'The U.S. ambassador, Mr. Karl Wendt, met Sen. Ruth Ames on Jan. 5. Sen. Ames said the talks were useful.', [
    { words: 'the talks were useful', name: 'Ruth Ames', mention: 'Sen. Ames' },
  ], { count: 1 })

pattern('a sentence continuing after "U.S." keeps its attribution',
  'Senator Paul Grant said the U.S. economy would grow by Jan. 1 next year.', [
    { words: 'the U.S. economy would grow by Jan. 1 next year', name: 'Paul Grant', type: 'indirect' },
  ], { count: 1 })

pattern('"Q," Mr. X said.', '"The deal is done," Mr. Karl Wendt said on Tuesday.', [
  { words: 'The deal is done', name: 'Karl Wendt', mention: 'Mr. Karl Wendt', type: 'direct' },
], { count: 1 })

// --- Scare quotes ---------------------------------------------------------------------------------------------

t.test('scare quotes without a speaker are not quotes', async (t) => {
  for (const input of [
    'The so-called "reform" has been delayed again.',
    'The “smart” thermostat arrived late, and the “free” shipping cost $20.',
    'The council approved the ‘temporary’ tax in 2019 and it is still in place.',
  ]) {
    const ex = extract(input)
    t.same(ex.quotes, [], `${input}\n${summary(ex)}`)
  }
})
