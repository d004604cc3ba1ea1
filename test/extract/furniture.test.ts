// Page furniture in several styles: credit lines, captions, related links, ads, sign-ups, share buttons. None of
// it yields quotes, and none of the people it names becomes the antecedent of a pronoun in the story after it.
import t from 'tap'
import { buildDoc, extract } from '../../src/extract/index.js'
import { offsetProblems, summary } from '../helpers/extract.js'

interface Case {
  furniture: string
  /** Gender of the story's speaker, chosen to match the name in the furniture so that a pronoun could reach it. */
  pronoun: 'He' | 'She'
  todo?: string
}

const cases: Case[] = [
  { furniture: 'AP', pronoun: 'He' },
  { furniture: 'Photo: Reuters', pronoun: 'He' },
  { furniture: '(Getty Images)', pronoun: 'He' },
  { furniture: 'Jane Doe/AFP via Getty Images', pronoun: 'She' },
  { furniture: 'JOHN SMITH/EPA-EFE/Shutterstock', pronoun: 'He' },
  { furniture: 'Photograph: Alex Roe/The Guardian', pronoun: 'He' },
  { furniture: 'REUTERS/John Smith', pronoun: 'He' },
  { furniture: 'Credit: Jane Doe for The New York Times', pronoun: 'She' },
  { furniture: 'Related Posts', pronoun: 'He' },
  { furniture: 'Advertisement', pronoun: 'He' },
  { furniture: 'Read more: John Park says bridge is “a triumph”', pronoun: 'He' },
  {
    furniture: 'Read more: Council member John Park says the new bridge over the river is “a triumph of planning”', pronoun: 'He',
  },
  { furniture: 'Sign up for our newsletter', pronoun: 'He' },
  { furniture: 'Sign up for our newsletter to get the news that matters, delivered to your inbox every morning', pronoun: 'He' },
  { furniture: 'Share on Facebook', pronoun: 'He' },
  { furniture: 'Share this article', pronoun: 'He' },
  { furniture: 'This will close in 5 seconds', pronoun: 'He' },
  { furniture: 'Follow Jane on Twitter', pronoun: 'She' },
  { furniture: 'Follow Jane Doe on Twitter @janedoe', pronoun: 'She' },
  { furniture: 'Contributing: Jane Doe and John Roe, The Valley Ledger', pronoun: 'He' },
  { furniture: 'BYLINE: Jane Doe', pronoun: 'She' },
  // Captions that name a speaker and end in a credit.
  { furniture: 'Council member John Park said the bridge was “reckless” during a hearing on Tuesday. Photo: Reuters', pronoun: 'He' },
  { furniture: 'Council member John Park cuts the ribbon on Monday. (AP Photo/Jane Doe)', pronoun: 'He' },
  { furniture: 'Council member Jane Park told reporters the bridge would open in May. Jane Doe/AFP via Getty Images', pronoun: 'She' },
  {
    furniture: 'Council member John Park told reporters the bridge was a “disaster.” JOHN SMITH/EPA-EFE/Shutterstock', pronoun: 'He',
  },
  { furniture: 'Council member John Park speaks in Springfield on Tuesday. AP', pronoun: 'He' },
]

for (const c of cases) {
  t.test(`furniture: ${c.furniture}`, c.todo ? { todo: c.todo } : {}, async (t) => {
    const speaker = c.pronoun === 'He' ? 'Alex Reyes' : 'Maria Reyes'
    const before = `Mayor ${speaker} opened the new bridge on Monday.\n\n`
    const after = `\n\n${c.pronoun} said the bridge had cost less than expected.`
    const input = before + c.furniture + after
    const ex = extract(input)
    const lo = before.length
    const hi = lo + c.furniture.length
    t.same(offsetProblems(input, ex), [])
    t.same(ex.quotes.filter((q) => q.end > lo && q.start < hi).map((q) => q.text), [], `no quote from the furniture\n${summary(ex)}`)
    t.notOk(ex.quotes.some((q) => q.speaker && q.speaker.end > lo && q.speaker.start < hi), 'no speaker mention in the furniture')
    t.equal(ex.quotes.length, 1, 'only the story’s quote')
    const q = ex.quotes[0]
    t.equal(q?.text, 'the bridge had cost less than expected')
    t.equal(q?.speaker?.name, speaker, `"${c.pronoun}" is the mayor, not anyone the furniture names`)
    t.equal(ex.speakers.length, 1, 'only the mayor speaks')
  })
}

t.test('furniture lines together, around a quote, yield only the quote', async (t) => {
  const input = [
    'Governor Maria Santos signed the budget on Friday. "This is a good day for the state," she said.',
    'AP', 'Photo: Reuters', '(Getty Images)', 'Jane Doe/AFP via Getty Images', 'JOHN SMITH/EPA-EFE/Shutterstock',
    'Photograph: Alex Roe/The Guardian', 'Advertisement', 'Related Posts', 'Sign up for our newsletter', 'Share on Facebook',
    'This will close in 5 seconds', 'Follow Jane on Twitter',
  ].join('\n')
  const ex = extract(input)
  t.same(offsetProblems(input, ex), [])
  t.equal(ex.quotes.length, 1, summary(ex))
  t.equal(ex.quotes[0]?.speaker?.name, 'Maria Santos')
  t.same(ex.speakers.map((s) => s.name), ['Maria Santos'])
})

t.test('a quote between furniture lines is still found; a pronoun after a caption skips the caption’s person', async (t) => {
  const input = [
    '"We will win," Coach Dan Ruiz said.',
    '',
    'Assistant coach Tim Ford watches practice on Thursday. Photo: Alex Roe/The Guardian',
    '',
    'Advertisement',
    '',
    '"It was close," he added.',
  ].join('\n')
  const ex = extract(input)
  t.same(offsetProblems(input, ex), [])
  t.equal(ex.quotes.length, 2, summary(ex))
  t.same(ex.quotes.map((q) => q.speaker?.name), ['Dan Ruiz', 'Dan Ruiz'])
  t.notOk(ex.speakers.some((s) => s.name === 'Tim Ford' || s.name === 'Alex Roe'))
})

t.test('a byline with a role after a comma is furniture; a sentence opening with "By" is not', async (t) => {
  const doc = buildDoc('By Ann Lee, Coastal News Service\n\nBy then, the ferry had left.')
  t.equal(doc.paragraphs[0]!.furniture, true, 'byline')
  t.equal(doc.paragraphs[1]!.furniture, false, 'sentence')
})

t.test('a single-quoted line in an article that quotes with double marks is a subhead; in single-quote style it is a quote', async (t) => {
  const double = '"The ferry stays," Mayor Ann Lee said on Monday.\n\n\'A fight to the finish.\'\n\n"We will not give up the night crossing," Lee said.'
  const ex = extract(double)
  t.same(ex.quotes.map((q) => q.text), ['The ferry stays,', 'We will not give up the night crossing,'], summary(ex))
  const single = '\'The ferry stays,\' Mayor Ann Lee said on Monday.\n\n\'We will not give up the night crossing.\''
  const ex2 = extract(single)
  t.ok(ex2.quotes.some((q) => q.text.includes('We will not give up the night crossing')), `a quote paragraph in single-quote style\n${summary(ex2)}`)
})

t.test('a single-quoted subhead with an apostrophe inside ("There’s") is still a subhead', async (t) => {
  const input = '"The ferry stays," Mayor Ann Lee said on Monday.\n\n\'There\'s no going back.\'\n\n"We will not give up the night crossing," Lee said.'
  const ex = extract(input)
  t.same(ex.quotes.map((q) => q.text), ['The ferry stays,', 'We will not give up the night crossing,'], summary(ex))
})
