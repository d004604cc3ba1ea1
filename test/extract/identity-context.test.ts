// Speaker identity from what the article says around a mention: an honorific's gender between namesakes, roles
// matched to the person named beside them, pronouns that continue a speaker, and bodies speaking through "which".
// Every sentence here is invented for the test; each case fails without the rule it names.
import t from 'tap'
import { extract } from '../../src/extract/index.js'
import { firstNameGenderAgreed } from '../../src/extract/first-names.js'
import type { Extraction, ExtractedSpeaker, QuoteSpeaker } from '../../src/extract/types.js'
import { quoteWith, summary } from '../helpers/extract.js'

function speakerOf (t: Tap.Test, input: string, ex: Extraction, words: string): { q: QuoteSpeaker | null, s: ExtractedSpeaker | null } {
  const quote = quoteWith(input, ex, words)
  t.ok(quote, `one quote holds "${words}"\n${summary(ex)}`)
  const q = quote?.speaker ?? null
  return { q, s: q ? ex.speakers[q.id]! : null }
}

t.test('an honorific splits people who share a surname', async (t) => {
  const input = 'The mill was given to the town in 1951 by Walter Brandt, a timber merchant who died in 1980.\n\n' +
    'Ms. Brandt, the state senator, said the town should keep the mill.\n\n' +
    'Her cousin Oskar Brandt said he would sue to stop the sale. Mr. Brandt said he had hired a lawyer.'
  const ex = extract(input)
  const senator = speakerOf(t, input, ex, 'the town should keep the mill').s
  t.not(senator?.name, 'Walter Brandt', '"Ms. Brandt" is not the Walter Brandt named before')
  t.equal(senator?.title, 'state senator')
  const cousin = speakerOf(t, input, ex, 'he would sue').s
  t.equal(cousin?.name, 'Oskar Brandt')
  t.not(cousin, senator, 'a full name does not join the "Ms. Brandt" before it when the genders differ')
  t.equal(speakerOf(t, input, ex, 'he had hired a lawyer').s?.name, 'Oskar Brandt', '"Mr. Brandt" is the man named last, not the woman')
})

t.test('a first name borne by both sexes yields to the honorific that follows it', async (t) => {
  t.equal(firstNameGenderAgreed('walter'), true)
  t.equal(firstNameGenderAgreed('lee'), false)
  const input = 'Lee Ashdown, a law professor, studied the rulings. "The court has moved," Ms. Ashdown said. ' +
    'Several judges disagreed. "It has not moved far," she said.'
  const ex = extract(input)
  const first = speakerOf(t, input, ex, 'The court has moved').s
  t.equal(first?.name, 'Lee Ashdown', 'Ms. Ashdown is Lee Ashdown')
  t.equal(speakerOf(t, input, ex, 'It has not moved far').s, first, '"she" finds her')
})

t.test('a namesake named in passing, in the possessive, is not the one a bare honorific means', async (t) => {
  const input = '"My grandfather gave that painting to the city," said Theodore Brandt, the eldest of Walter Brandt\'s grandchildren. ' +
    'Mr. Brandt said he had asked a lawyer to review the deed.'
  const ex = extract(input)
  t.equal(speakerOf(t, input, ex, 'asked a lawyer').s?.name, 'Theodore Brandt')
})

t.test('a participle after a cue shares that cue\'s speaker', async (t) => {
  const input = 'The judge had ruled fairly, if "without much imagination," Mr. Brandt said on Friday, adding that he would not appeal.'
  const ex = extract(input)
  const { q } = speakerOf(t, input, ex, 'he would not appeal')
  t.equal(q?.mention, 'Mr. Brandt', 'not "The judge" that opens the sentence')
})

t.test('a body speaks through "which"; a document that is the sentence\'s subject does not', async (t) => {
  const input = 'Members of Eastfield District Council voted to defer the plan. The plan drew 900 objections, according to the council, ' +
    'which said in a statement that officers would report back in June.\n\n' +
    'The report, which said the river had flooded twice, was published on Monday.'
  const ex = extract(input)
  const { s } = speakerOf(t, input, ex, 'officers would report back')
  t.equal(s?.name, 'Eastfield District Council', '"the council" is the council named as "Members of Eastfield District Council"')
  t.notOk(ex.quotes.some((q) => q.text.includes('was published')), `no quote runs on past the relative clause\n${summary(ex)}`)
})

t.test('a short form alone is spelled out as the title', async (t) => {
  const input = 'Cllr Okoro said the baths would be saved.'
  const ex = extract(input)
  t.equal(speakerOf(t, input, ex, 'the baths would be saved').s?.title, 'Councillor')
})

t.test('a role no one holds goes to the undescribed person named beside it', async (t) => {
  const input = 'DUNMORE, Neb. (Plains Wire) — Hundreds of people will spend a second night away from home, the town\'s fire chief said Wednesday.\n\n' +
    'Readings climbed again overnight as crews lifted the tank cars, Darnell Ebbe said at a briefing.\n\n' +
    'Later, Ebbe said the road would reopen.\n\n' +
    '"Why was a train full of ammonia on that bridge?" the chief asked.'
  const ex = extract(input)
  const lede = speakerOf(t, input, ex, 'a second night away').s
  t.equal(lede?.name, 'Darnell Ebbe', 'the role first, the name in the next sentence')
  t.equal(lede?.title, 'town\'s fire chief', 'the role becomes the title of the person it resolved to')
  t.equal(speakerOf(t, input, ex, 'Why was a train').s, lede, 'the name first, the role in the next sentence')
})

t.test('a role stays unnamed beside a person the article describes otherwise', async (t) => {
  const input = 'The road will stay shut until Friday, the mayor said.\n\nTolls will rise, John Marsh, a retired teacher, said.'
  const ex = extract(input)
  const mayor = speakerOf(t, input, ex, 'The road will stay shut').s
  t.equal(mayor?.name, null, 'the mayor is not John Marsh, a retired teacher')
  t.equal(mayor?.kind, 'unnamed')
})

t.test('a stretch of time opening a sentence is not its subject', async (t) => {
  const input = 'Eleven hours and six minutes later, Aoife Brennan leaned over the rail and told her that it was over.'
  const ex = extract(input)
  t.equal(speakerOf(t, input, ex, 'it was over').s?.name, 'Aoife Brennan')
})

t.test('a short place aside between commas leaves the name before it the speaker', async (t) => {
  const input = 'Leif Halvorsen swam the last hour beside his mother.\n\nLeif, from the doorway, says she has already booked the boat for next year.'
  const ex = extract(input)
  t.equal(speakerOf(t, input, ex, 'booked the boat').s?.name, 'Leif Halvorsen')
})

t.test('a full name given before is a person again, whatever its first name', async (t) => {
  const input = 'Aung San Suu Kyi said the talks had been useful. Hillary Clinton praised the reforms on Tuesday.\n\n' +
    'Suu Kyi recently presided over a summit of tribal groups.\n\n"Unity also means prosperity," she said.'
  const ex = extract(input)
  // In the article "Suu Kyi" stays the entity it was written as; the store joins a name that ends another (rule 4).
  t.match(speakerOf(t, input, ex, 'Unity also means prosperity').s?.name, /Suu Kyi$/, '"she" is the subject named just before, not Clinton')
})

t.test('a month or modal after a name word is a surname', async (t) => {
  const input = 'Yin Myint May, 60, a doctor, said she was elated but still feared the army.'
  const ex = extract(input)
  t.equal(speakerOf(t, input, ex, 'she was elated').s?.name, 'Yin Myint May')
})

t.test('an article\'s pronoun corrects a gender the first-name list guessed', async (t) => {
  const input = 'Former adviser Sidney Blum said that he had no idea about the server.\n\n' +
    'Blum was asked whether he would have warned her. He answered, "We are old friends, and I would have told her."'
  const ex = extract(input)
  t.equal(speakerOf(t, input, ex, 'We are old friends').s?.name, 'Sidney Blum')
})

t.test('he or she after an unnamed role speaker continues that speaker', async (t) => {
  const input = 'Gloria Ames said her well water tasted fine.\n\nThe tracks were cleared by noon. ' +
    'Soil samples showed no lasting contamination, the county\'s spokeswoman said Monday. Wells will be tested again in the spring, she said.'
  const ex = extract(input)
  const { s } = speakerOf(t, input, ex, 'Wells will be tested again')
  t.equal(s?.name, null, 'the spokeswoman, not Gloria Ames named further back')
  t.equal(s?.kind, 'unnamed')
})

t.test('unless the person the pronoun finds was named just before the role', async (t) => {
  const input = 'Outside the arena, Lori Bern held up a sign. The 57-year-old scientist says she does not make such comparisons lightly.\n\n' +
    'But she said she has been disturbed by the violence.'
  const ex = extract(input)
  t.equal(speakerOf(t, input, ex, 'disturbed by the violence').s?.name, 'Lori Bern')
})

t.test('a spokeswoman for a body is one unnamed person, not the body', async (t) => {
  const input = 'The engineer was in stable condition, according to a spokeswoman for Hollins County, who asked not to be named.'
  const ex = extract(input)
  const { s } = speakerOf(t, input, ex, 'in stable condition')
  t.equal(s?.kind, 'unnamed')
  t.equal(s?.name, null)
})

t.test('a company\'s trade is the company named last; a public body is no "maker"', async (t) => {
  const input = 'Nov 20 — Shares of Kestrel Foods Inc. fell 8% after the frozen-food maker disclosed that regulators had opened an inquiry.'
  const ex = extract(input)
  const { s } = speakerOf(t, input, ex, 'regulators had opened an inquiry')
  t.equal(s?.name, 'Kestrel Foods Inc', 'the company, not "Shares of Kestrel Foods Inc"')
  t.equal(s?.kind, 'organization')
  const council = 'Eastfield District Council met on Monday. The carmaker said that the plant would close.'
  const ex2 = extract(council)
  t.not(speakerOf(t, council, ex2, 'the plant would close').s?.name, 'Eastfield District Council')
})

t.test('"the Vermont Democrat" is a role, not a person named Democrat', async (t) => {
  const input = 'The Vermont Democrat said the bill would pass.'
  const ex = extract(input)
  const { s } = speakerOf(t, input, ex, 'the bill would pass')
  t.equal(s?.kind, 'unnamed')
  t.equal(s?.name, null)
})

t.test('a photo caption gives its people titles that the story\'s role nouns find, and makes no one salient', async (t) => {
  const input = 'Ana Ruiz walked the avenue on Wednesday with a tape measure.\n\n' +
    'The transportation director confirmed that his staff were drafting an amendment.\n\n' +
    'Council Member Ana Ruiz and transportation director Kofi Boateng measure curb space on Calder Avenue. (Mei Lin Cho/Herald)\n\n' +
    'The vote is on Tuesday. "We found eleven blocks," she said.'
  const ex = extract(input)
  t.equal(speakerOf(t, input, ex, 'drafting an amendment').s?.name, 'Kofi Boateng')
  t.equal(speakerOf(t, input, ex, 'We found eleven blocks').s?.name, 'Ana Ruiz', 'the caption does not make the director the latest person seen')
})

t.test('a noun inside a relative clause is not the subject a participle shares', async (t) => {
  const input = 'Mayor Ann Cole, who does not vote but may address the council, opened with a short statement, saying the busway was overdue.'
  const ex = extract(input)
  t.equal(speakerOf(t, input, ex, 'the busway was overdue').s?.name, 'Ann Cole', 'not "the council" of the relative clause')
})

t.test('a kinship noun is no title; the role beside it is', async (t) => {
  const input = 'The suit was brought by Oskar Brandt, who lost.\n\nHis cousin, the senator, said she had called him on Thursday. Ms. Brandt would not say what they discussed.'
  const ex = extract(input)
  const { s } = speakerOf(t, input, ex, 'she had called him')
  t.equal(s?.name, 'Brandt', 'the cousin is the "Ms. Brandt" named for the first time just after')
  t.equal(s?.title, 'senator')
})

t.test('a second that-clause of one verb is its content, and a quote paragraph after it continues the speaker', async (t) => {
  const input = 'Dana Whit, an analyst at Brightwater Securities, wrote that the recall had been handled well, but that the lower forecast suggested the damage would last.\n\n' +
    '"Shoppers forgive a recall. They are slower to forgive an empty shelf."'
  const ex = extract(input)
  t.notOk(ex.quotes.some((q) => q.speaker?.mention === 'the lower forecast'), `a forecast is no speaker\n${summary(ex)}`)
  const { q, s } = speakerOf(t, input, ex, 'Shoppers forgive a recall')
  t.equal(s?.name, 'Dana Whit')
  t.equal(q?.resolved_by, 'continuation')
})

t.test('a role speaker after a sentence whose subject is a pronoun for a named person is that person', async (t) => {
  const input = 'Margit Halloran swam the channel at 67.\n\nShe is sitting in her kitchen with ice packs on both shoulders when I arrive.\n\n' +
    '"People ask what I was thinking about, and the answer is porridge," the swimmer says.'
  const ex = extract(input)
  t.equal(speakerOf(t, input, ex, 'the answer is porridge').s?.name, 'Margit Halloran')
})

t.test('the company a person speaks for is named, and its trade finds it', async (t) => {
  const input = 'Gareth Pryce, for Harrowgate Living, warned that every month of delay added to the cost.\n\n' +
    'After the vote, the developer said it was disappointed but not surprised.'
  const ex = extract(input)
  const { s } = speakerOf(t, input, ex, 'disappointed but not surprised')
  t.equal(s?.name, 'Harrowgate Living')
  t.equal(s?.kind, 'organization')
})

t.test('a participle between commas tells what the speaker was doing, not what they are', async (t) => {
  const input = 'Rosalind Achebe, the harbour master, opened the new pier on Friday.\n\n' +
    'Achebe, waving to the crowd from the gangway, told us: “It took nine years.”\n\n' +
    'Tomas Reyes, flanked by two aides, said the port would hire forty people.\n\n' +
    'Ines Calder, the acting mayor, said the pier would open at dawn. Priya Nand, a nursing student, said she would come.'
  const ex = extract(input)
  t.equal(speakerOf(t, input, ex, 'It took nine years').s?.title, 'harbour master', 'the participle phrase is no title; the earlier apposition stays')
  t.equal(speakerOf(t, input, ex, 'the port would hire').s?.title ?? null, null, '"flanked by two aides" is no title')
  t.equal(speakerOf(t, input, ex, 'the pier would open at dawn').s?.title, 'acting mayor', 'a participle before a role noun is part of the title')
  t.equal(speakerOf(t, input, ex, 'she would come').s?.title, 'nursing student', 'so is a trade in -ing')
})

t.test('"he" after a definite role that is the subject of the sentence before is that unnamed person', async (t) => {
  const input = 'Mayor Lucía Ferreira opened the meeting.\n\n8:15 p.m.\n\n' +
    'Public comment is short tonight. The Route 9 driver who spoke last week is back. “Same faces, same apologies,” he said.\n\n' +
    'Gareth Olsen read the budget. The Welsh councillor was calm. “We can pay for it,” he said.'
  const ex = extract(input)
  const driver = speakerOf(t, input, ex, 'Same faces').s
  t.not(driver?.name, 'Lucía Ferreira', 'not the person named further back')
  t.equal(driver?.name ?? null, null, 'an unnamed speaker')
  t.equal(speakerOf(t, input, ex, 'We can pay for it').s?.name, 'Gareth Olsen', 'a role just after a named person is what the article calls him')
})
