// Constructions of other newsrooms' house styles (issue 12): attribution frames, transcripts, quotation styles,
// where reported content ends, and what is not a quote. Every sentence here is invented for the test.
import t from 'tap'
import { extract } from '../../src/extract/index.js'
import type { ExtractedQuote } from '../../src/extract/types.js'
import { summary } from '../helpers/extract.js'
import { quotes } from '../helpers/quote-cases.js'

// --- Boundaries ------------------------------------------------------------------------------------------------

quotes('a verb of saying inside the reported clause is part of it, not a second quote',
  'Gareth Lyle said he had asked the landlord to fix the roof before winter.', [
    { text: 'he had asked the landlord to fix the roof before winter', name: 'Gareth Lyle', type: 'indirect' },
  ])

quotes('the same after "that"',
  'The ministry tweeted that it welcomed the ruling on the ferry contract.', [
    { text: 'that it welcomed the ruling on the ferry contract', mention: 'The ministry', type: 'indirect' },
  ])

quotes('"…, adding that …" stays a second attribution of the same speaker',
  'The plan would go back to the board in May, Ines Moray said, adding that she was hopeful.', [
    { text: 'The plan would go back to the board in May', name: 'Ines Moray' },
    { text: 'that she was hopeful', name: 'Ines Moray' },
  ])

// --- Quotation paragraphs continuing the speaker before --------------------------------------------------------

quotes('a paragraph of quotation alone continues the speaker of the paragraph before',
  'Ms. Vance said she had written to the trust twice.\n\n“Nobody answered. Not once.”', [
    { text: 'she had written to the trust twice', name: 'Vance', type: 'indirect' },
    { text: 'Nobody answered. Not once.', name: 'Vance', type: 'direct' },
  ])

quotes('a second quotation paragraph is the same speaker’s next quote, not a fragment of the first',
  '“The roof leaks,” said Omar Reyes, the caretaker.\n\n“We put buckets out every time it rains.”', [
    { text: 'The roof leaks,', name: 'Omar Reyes', type: 'direct' },
    { text: 'We put buckets out every time it rains.', name: 'Omar Reyes', type: 'direct' },
  ])

quotes('no speaker in the paragraph before: a quotation paragraph stays unattributed',
  'The hall was full by seven.\n\n“Nobody answered. Not once.”', [])

quotes('nor when a paragraph without a quote stands between',
  'Ms. Vance said she had written to the trust twice.\n\nThe trust did not reply to a request for comment.\n\n“Nobody answered.”', [
    { text: 'she had written to the trust twice', name: 'Vance', type: 'indirect' },
  ])

// --- Attribution frames ----------------------------------------------------------------------------------------

quotes('CLAUSE, according to X, who … said …: the source of the clause, not a second-hand one',
  'The depot will close in June, according to a spokeswoman for the county, who asked not to be named.', [
    { text: 'The depot will close in June', mention: 'a spokeswoman for the county', type: 'indirect' },
  ])

quotes('"who asked not to be named" is no quote, and the verb after it finds its subject',
  'Two nurses, who asked not to be named because they feared for their jobs, said the ward was short of staff.', [
    { text: 'the ward was short of staff', mention: 'Two nurses', type: 'indirect' },
  ])

quotes('a participle phrase that goes on describing what was said stays in the reported clause',
  'Lena Farrow recalled that she spent the night in a church hall, listening to the rain on the roof.', [
    { text: 'that she spent the night in a church hall, listening to the rain on the roof', name: 'Lena Farrow', type: 'indirect' },
  ])

quotes('so does a where-clause',
  'Paul Ember said the board would put the map up for auction in March, where it could fetch a record price.', [
    { text: 'the board would put the map up for auction in March, where it could fetch a record price', name: 'Paul Ember', type: 'indirect' },
  ])

quotes('the writer’s comment after a comma is left out ("…, echoing …", "…, something …")',
  'Analysts said the cut suggested the bank was in no hurry to raise rates, something traders have bet on for months.', [
    { text: 'the cut suggested the bank was in no hurry to raise rates', mention: 'Analysts', type: 'indirect' },
  ])

quotes('"said in an emailed statement that …": the content starts at "that"',
  'The operator said in an emailed statement on Friday that it would refund every passenger.', [
    { text: 'that it would refund every passenger', mention: 'The operator', type: 'indirect' },
  ])

quotes('"wrote in a letter to the board that …"',
  'Forty teachers wrote in a letter to the school board that the new timetable was unworkable.', [
    { text: 'that the new timetable was unworkable', mention: 'Forty teachers', type: 'indirect' },
  ])

quotes('"added, to scattered applause, that …"',
  'Mayor Ada Lund added, to scattered applause, that the pool would reopen in spring.', [
    { text: 'that the pool would reopen in spring', name: 'Ada Lund', type: 'indirect' },
  ])

quotes('"posted on its Facebook page: “…”"',
  'The bakery posted on its Facebook page: “We are staying open, whatever the council decides.”', [
    { text: 'We are staying open, whatever the council decides.', mention: 'The bakery', type: 'direct' },
  ])

quotes('"answers herself: “…”"',
  'Then Edda Moll answers herself: “Porridge. Always porridge.”', [
    { text: 'Porridge. Always porridge.', name: 'Edda Moll', type: 'direct' },
  ])

// --- Quotation styles ------------------------------------------------------------------------------------------

quotes('British style: single marks outside, a double-quoted phrase nested inside',
  '‘Everyone tells me, “It’s a done deal”,’ said Cllr Ann Hale. ‘It is not.’', [
    { text: 'Everyone tells me, “It’s a done deal”,', mention: 'Cllr Ann Hale', type: 'direct' },
  ])

quotes('a plural possessive inside single-quoted speech does not close it',
  'Dr Omar Reyes told the Gazette: ‘The governors’ decision was made before anyone asked the parents.’', [
    { text: 'The governors’ decision was made before anyone asked the parents.', mention: 'Dr Omar Reyes', type: 'direct' },
  ])

quotes('apostrophes inside straight single quotes',
  "'We're not done, and they know it,' she said.", [
    { text: "We're not done, and they know it,", mention: 'she', type: 'direct' },
  ])

quotes('"told councillors: ‘…’": the object before the colon is no content',
  'Speaking at the meeting, Ms Ines Moray told councillors: ‘You have the report. Read it.’', [
    { text: 'You have the report. Read it.', name: 'Ines Moray', type: 'direct' },
  ])

// --- Not quotes ------------------------------------------------------------------------------------------------

quotes('a live blog’s "LIVE:" headline and a byline with a role are no quotes',
  'LIVE: Harbour board votes on ferry timetable\n\nBy Ann Lee, Coastal News Service\n\nThe meeting starts at 7 p.m.', [])

quotes('a name given in a relative clause ("which City Hall has branded “…”") is no quote',
  'The plan, which City Hall has branded “Green Streets,” would close two lanes to cars.', [])

quotes('"In a Facebook post shared …": the post is a noun, and the writer after it speaks',
  'In a Facebook post shared 900 times, Dr Ines Moray wrote that the clinic must stay open.', [
    { text: 'that the clinic must stay open', name: 'Ines Moray', type: 'indirect' },
  ])

quotes('"at least one shouting match" is no speech',
  'After at least one shouting match in the library, the council will vote on the plan on Tuesday.', [])

quotes('"… because, she says, CLAUSE": the words before the conjunction are the writer’s',
  'She took up the violin at sixty because, she says, it was the only thing that kept her calm.', [
    { text: 'it was the only thing that kept her calm', mention: 'she', type: 'indirect' },
  ])

quotes('", and has approved …" after the reported clause is the speaker’s next act, not content',
  'The league has confirmed that Ada Lund will start in goal, and has approved a new kit for the final.', [
    { text: 'that Ada Lund will start in goal', mention: 'The league', type: 'indirect' },
  ])

quotes('"X replied, before adding that …"',
  '“Not that we know of,” the chief executive replied, before adding that the inquiry was nearly over.', [
    { text: 'Not that we know of,', mention: 'the chief executive', type: 'direct' },
    { text: 'that the inquiry was nearly over', mention: 'the chief executive', type: 'indirect' },
  ])

quotes('"“…,” X laughs": a verb of manner right after a quotation attributes it',
  '“Only on a calm day,” Edda Moll laughs.', [
    { text: 'Only on a calm day,', name: 'Edda Moll', type: 'direct' },
  ])

quotes('a verb of manner elsewhere is no cue',
  'Edda Moll laughed at the idea of a rematch.', [])

quotes('"campaigners say …": a bare plural before "say"',
  'But campaigners say only a handful of residents went to either session.', [
    { text: 'only a handful of residents went to either session', mention: 'campaigners', type: 'indirect' },
  ])

quotes('"X was quoted as saying … that …"',
  'Ms. Vance herself was quoted as saying in the newsletter that a museum is not a bank.', [
    { text: 'that a museum is not a bank', name: 'Vance', type: 'indirect' },
  ])

quotes('a described speaker with an apposition holding a relative clause',
  'Several speakers, nurses who ride the night bus, said they had missed the start of shifts.', [
    { text: 'they had missed the start of shifts', mention: 'Several speakers', type: 'indirect' },
  ])

quotes('"X recounted the timeline:" introduces the quotation after it; the object is no quote',
  'Ann Hale recounted the timeline:\n\n“In March, an inspector found a crack in the rail.”', [
    { text: 'In March, an inspector found a crack in the rail.', name: 'Ann Hale', type: 'direct' },
  ])

// --- Transcripts -----------------------------------------------------------------------------------------------

quotes('a Q&A interview: each answer paragraph is one quote, whole, and its sentences yield no others',
  'The coach spoke after the match.\n\nQ: What went wrong in the second half?\n\nA: We stopped running. He said we were tired. That is the whole story.', [
    { text: 'What went wrong in the second half', name: null },
    { text: 'We stopped running. He said we were tired. That is the whole story', name: null },
  ])

quotes('NAME: lines of a transcript are quotes of the labelled speaker',
  'GAZETTE: Why did you resign?\n\nHALE: Because nobody listened. I wrote three letters.\n\nGAZETTE: And now?\n\nHALE: Now I garden.', [
    { text: 'Why did you resign', mention: 'GAZETTE' },
    { text: 'Because nobody listened. I wrote three letters', mention: 'HALE' },
    { text: 'And now', mention: 'GAZETTE' },
    { text: 'Now I garden', mention: 'HALE' },
  ])

t.test('a single "Label: …" paragraph is no transcript: its other sentences keep their own attributions', async (t) => {
  const input = 'Update: The ferry is running again. The operator said the storm had passed.'
  const ex = extract(input)
  t.equal(ex.quotes.length, 1, summary(ex))
  t.equal(ex.quotes[0]?.text, 'the storm had passed')
})

quotes('a title in quotation marks before "X wrote that …" is no quote of X',
  'In an essay published on Sunday under the headline “Let the Mill Stand,” Ms. Ines Moray wrote that the town had changed its mind.', [
    { text: 'that the town had changed its mind', name: 'Ines Moray', type: 'indirect' },
  ])

// --- Nominal frames --------------------------------------------------------------------------------------------

quotes('"The reply from X was blunt: “…”"', 'The reply from the harbour board was blunt: “No ferry, no deal.”', [
  { text: 'No ferry, no deal.', mention: 'the harbour board', type: 'direct' },
])

quotes('"X’s response was simple: “…”"', 'Tom Ray’s response was simple: “We keep going.”', [
  { text: 'We keep going.', name: 'Tom Ray', type: 'direct' },
])

quotes('"“…,” was the verdict of one fan."', '“Best night of my life,” was the verdict of one fan.', [
  { text: 'Best night of my life,', mention: 'one fan', type: 'direct' },
])

quotes('"Asks X: “…”"', 'Asks Dana Whitlock: “Is there anything left to pay?”', [
  { text: 'Is there anything left to pay?', name: 'Dana Whitlock', type: 'direct' },
])

quotes('"Asked …, X was blunt: “…”": the answer is X’s', 'Asked whether the firm would cut its dividend, the chief executive was blunt: “No. Not this year.”', [
  { text: 'No. Not this year.', mention: 'the chief executive', type: 'direct' },
])

quotes('a speech noun without a quotation is no frame', 'The reply from the ministry was late and short.', [])

quotes('guillemets with French spacing', '« We will stay here », said Mayor Paul Roux.', [
  { text: 'We will stay here', name: 'Paul Roux', type: 'direct' },
])

quotes('guillemets without spaces', '«We will stay here,» said Mayor Paul Roux.', [
  { text: 'We will stay here,', name: 'Paul Roux', type: 'direct' },
])

quotes('bidirectional controls around a name and zero-width spaces by the marks',
  '\u202aAnn Hale\u202c said: \u200b"We will appeal."', [
    { text: 'We will appeal.', name: 'Ann Hale', type: 'direct' },
  ])

quotes('an isolate around the speaker of "“…,” said X"', '"We will appeal,\u200b" said \u2066Ann Hale\u2069.', [
  { text: 'We will appeal,', name: 'Ann Hale', type: 'direct' },
])

quotes('"CLAUSE, according to X, the ROLE." — the apposition is no second fragment',
  'The pool will reopen in May, according to Priya Raman, the board’s lead engineer.', [
    { text: 'The pool will reopen in May', name: 'Priya Raman', type: 'indirect' },
  ])

quotes('"according to her pilot, NAME, who …": the name speaks',
  'Margit swam the last mile faster, according to her pilot, Aoife Brennan, who has escorted 42 swims.', [
    { text: 'Margit swam the last mile faster', name: 'Aoife Brennan', type: 'indirect' },
  ])

quotes('"according to X" before its clause', 'According to the coroner, the crash happened before dawn.', [
  { text: 'the crash happened before dawn', mention: 'the coroner', type: 'indirect' },
])

t.test('"a strike that executives said could …": the relative pronoun is part of what was said', async (t) => {
  const input = 'The union ended a strike that company executives said could hurt second-quarter earnings.'
  const ex = extract(input)
  t.equal(ex.quotes.length, 1, summary(ex))
  t.equal(ex.quotes[0]?.text, 'that … could hurt second-quarter earnings')
  t.equal(ex.quotes[0]?.speaker?.mention, 'company executives')
})

t.test('"Trump, Sexton said, has …": a one-word front opening the sentence is the first fragment', async (t) => {
  const input = 'Trust, Ms. Ines Moray said, has to be earned again.'
  const ex = extract(input)
  t.equal(ex.quotes.length, 1, summary(ex))
  t.equal(ex.quotes[0]?.text, 'Trust … has to be earned again')
})

t.test('"And the first step, allies say, will be …": the leading conjunction is left out', async (t) => {
  const input = 'And the first step, his allies say, will be to win back the suburbs.'
  const ex = extract(input)
  t.equal(ex.quotes.length, 1, summary(ex))
  t.equal(ex.quotes[0]?.text, 'the first step … will be to win back the suburbs')
})

quotes('"welcomed the decision" is approval, not words', 'The union welcomed the decision on Tuesday.', [])

quotes('"welcomed that …" still reports speech', 'The union welcomed that the plant would stay open.', [
  { text: 'that the plant would stay open', mention: 'The union', type: 'indirect' },
])

quotes('"has been writing a blog, “…”" is a thing written, not speech',
  'Since the spring she has been writing a blog, “Cold Water Hours,” which now has readers abroad.', [])

quotes('"posted its report" is no quote; "posted: “…”" is',
  'The board posted its preliminary report on its website. The board posted: “We regret the delay.”', [
    { text: 'We regret the delay.', mention: 'The board', type: 'direct' },
  ])

quotes('"wrote that …" is still speech', 'Dr Ann Hale wrote that the clinic would close.', [
  { text: 'that the clinic would close', name: 'Ann Hale', type: 'indirect' },
])

quotes('"Kestrel Foods Inc. said …": a company suffix’s stop ends the name, not the sentence',
  'Kestrel Foods Inc. said on Friday that its chief executive had stepped down.', [
    { text: 'that its chief executive had stepped down', mention: 'Kestrel Foods Inc.', type: 'indirect' },
  ])

quotes('"disclosed that …" reports speech', 'The frozen-food maker disclosed that regulators had opened an inquiry.', [
  { text: 'that regulators had opened an inquiry', mention: 'The frozen-food maker', type: 'indirect' },
])

quotes('a title-case headline with an unquoted "X Says Y" is no quote',
  'Harbour Board Says Ferry Timetable Will Change\n\nThe board met on Monday.', [])

quotes('a headline that quotes someone keeps the quotation',
  'Hale: ‘We Will Not Sell the Baths’\n\nThe council met on Monday.', [
    { text: 'We Will Not Sell the Baths', mention: 'Hale' },
  ])

quotes('a verb of saying after a long relative clause finds its subject',
  'Hadwin, who notched two top-10 finishes at the national open in the last decade and missed the cut at three majors last year while recovering from an injury, said he felt ready.', [
    { text: 'he felt ready', name: 'Hadwin', type: 'indirect' },
  ])

quotes('reported content ends before a link', 'The mayor said the budget would pass https://example.org/budget', [
  { text: 'the budget would pass', mention: 'The mayor', type: 'indirect' },
])

// --- Any verb right after a quotation and its subject reports it ----------------------------------------------

quotes('"“…,” X VERBED." reports the quotation whatever the verb',
  'The hearing ran late.\n\n“You have broken every promise you made to this town,” Moll charged. “Every single one.”', [
    { text: 'You have broken every promise you made to this town,', name: 'Moll', type: 'direct' },
  ])

quotes('the same with a pronoun, a present tense and a particle',
  'The debate turned sharp.\n\n“Nobody here believes that,” she scoffs. Later: “Let me finish,” Okafor shot back.', [
    { text: 'Nobody here believes that,', mention: 'she', type: 'direct' },
    { text: 'Let me finish,', name: 'Okafor', type: 'direct' },
  ])

quotes('not after a quotation without a comma, nor when the verb has an object',
  'Freight trains cross “the hairpin” Monday mornings. “Enough,” Hale arranged the papers and left.', [])

quotes('a relative clause with commas of its own before the verb is one apposition',
  'Mira Okonjo, who lost her shop in Pell River, Nebraska, in the 2019 flood, said that the levee had never been repaired.', [
    { text: 'that the levee had never been repaired', name: 'Mira Okonjo', type: 'indirect' },
  ])

quotes('a share of those polled speaks for them: "Nearly half said", "About one in five say", "About 4 in 10 say"',
  'The survey of 900 residents came out on Monday.\n\nNearly half said they would ride it daily. About one in five say they would never use it. About 4 in 10 say the fares are too high.', [
    { text: 'they would ride it daily', mention: 'Nearly half', type: 'indirect' },
    { text: 'they would never use it', mention: 'About one in five', type: 'indirect' },
    { text: 'the fares are too high', mention: 'About 4 in 10', type: 'indirect' },
  ])

quotes('"the final say" is a noun, not a verb of saying',
  'Officials wanted the final say on the route.', [])

quotes('a time phrase between the subject and its verb: "X on Friday announced", "Y just this month said"',
  'Mayor Ines Quiroga on Friday announced that the ferry would run until midnight. The ferry company just this month said it would add a boat.', [
    { text: 'that the ferry would run until midnight', name: 'Ines Quiroga', type: 'indirect' },
    { text: 'it would add a boat', mention: 'The ferry company', type: 'indirect' },
  ])

quotes('a plural subject with capitalised modifiers and a base-form verb: "Trump fans insist", "Labour councillors argue"',
  'The vote is close.\n\nHarbour residents insist the ferry must keep its night crossing. Labour councillors today argue that the budget cannot cover it.', [
    { text: 'the ferry must keep its night crossing', mention: 'Harbour residents', type: 'indirect' },
    { text: 'that the budget cannot cover it', mention: 'Labour councillors', type: 'indirect' },
  ])

quotes('"a Clinton ally suggested she …" is a subject and its verb; "a plan announced earlier" is not',
  'A council ally suggested she would back the plan. A plan announced earlier was dropped.', [
    { text: 'she would back the plan', mention: 'A council ally', type: 'indirect' },
  ])

quotes('"But, according to X, CLAUSE": the connective is no content, the clause after the source is',
  'The count went on all night. But, according to Ann Lee, 2,000 ballots remain uncounted.', [
    { text: '2,000 ballots remain uncounted', name: 'Ann Lee', type: 'indirect' },
  ])

quotes('"states" is a noun unless a that-clause, a colon or a quotation follows',
  'Most ferry workers in the United States are unionised. The interests of member states trump everything else. The report states that the council must publish its accounts.', [
    { text: 'that the council must publish its accounts', mention: 'The report', type: 'indirect' },
  ])

quotes('"responded by easing sanctions", "responded as if hurt" are reactions; "responded that …" is speech',
  'The ministry responded enthusiastically by easing the sanctions. Hale responded as if she had been insulted. Berg responded that the sanctions had never worked.', [
    { text: 'that the sanctions had never worked', name: 'Berg', type: 'indirect' },
  ])

quotes('section labels before a colon ("The Latest:", "Paid Notice:") are no speakers',
  'The Latest: Harbour board votes to keep the night ferry\n\nPaid Notice: Deaths LEE, ANN\n\nThe board met on Monday.', [])

quotes('"shot back", "chimed in", "cut in" report a reply, and end the clause before them',
  'After Moll criticized the budget at the hearing, Hale shot back, “Then find the money yourself.”\n\nBerg chimed in: “Nobody has.”', [
    { text: 'the budget at the hearing', name: 'Moll', type: 'indirect' },
    { text: 'Then find the money yourself.', name: 'Hale', type: 'direct' },
    { text: 'Nobody has.', name: 'Berg', type: 'direct' },
  ])

quotes('a phrase in quotation marks before "X warned: “…”" is not the quotation the colon introduces',
  'She expects a ferry deal “down the line” but Hale warned: “It will not happen this year.”', [
    { text: 'It will not happen this year.', name: 'Hale', type: 'direct' },
  ])

quotes('a scare quote before a noun-like verb is no quotation ("the railroad’s “temporary” claims office")',
  'The lawsuit seeks damages. The railroad’s “temporary” claims office in the library has been open for six weeks.', [])

quotes('a long quotation reported after it is speech even without a comma before its closing mark',
  '“For months we have had to stand by while leaks have tried to create a false story” said Nick Moll, a spokesman.', [
    { text: 'For months we have had to stand by while leaks have tried to create a false story', name: 'Nick Moll', type: 'direct' },
  ])

quotes('"a stretch that locals call “the hairpin”" names a place; "critics called it “a disgrace”" is speech',
  'The line bends on a stretch that locals have long called “the hairpin.” Critics called the bend “a disaster waiting to happen.”', [
    { text: "the bend “a disaster waiting to happen.”", mention: "Critics", type: "mixed" },
  ])

quotes('a show’s title in quotation marks before "X said CLAUSE" is no quotation; the clause is what was said',
  'Sunday on the channel’s “Morning Harbour,” Councillor Ann Lee said the ferry contract had been signed in secret.', [
    { text: 'the ferry contract had been signed in secret', name: 'Ann Lee', type: 'indirect' },
  ])

quotes('a state after its city is part of the subject ("a driver from Ava, Mo., said", "X of Ava, Mo., said")',
  'Paul Moreau, a ferry pilot from Ava, Mo., said the river was too low. Ines Lee of Allentown, Pa., said she would wait. A woman in Worcester, Massachusetts, told him she worries about the cost. Sen. Ann Kwan, R-Pa., said the bill would pass.', [
    { text: 'the river was too low', name: 'Paul Moreau', type: 'indirect' },
    { text: 'she would wait', name: 'Ines Lee', type: 'indirect' },
    { text: 'she worries about the cost', mention: 'A woman', type: 'indirect' },
    { text: 'the bill would pass', name: 'Ann Kwan', type: 'indirect' },
  ])

quotes('"The governor of Ohio, John Kasich, said": the role’s head comes before its "of"; the name speaks',
  'The mayor of Port Alder, Ines Quiroga, said the ferry would run all winter.', [
    { text: 'the ferry would run all winter', name: 'Ines Quiroga', type: 'indirect' },
  ])

quotes('"X did Y by saying Z": the participle after "by" shares the sentence’s subject',
  'Councillor Ann Lee calmed the meeting by saying the ferry would run all winter.', [
    { text: 'the ferry would run all winter', name: 'Ann Lee', type: 'indirect' },
  ])

quotes('"The ferry company on Monday doubled down, saying …": a described subject, a time phrase, then its verb',
  'The ferry company on Monday also doubled down on its timetable, saying the night crossing would end in May.', [
    { text: 'the night crossing would end in May', mention: 'The ferry company', type: 'indirect' },
  ])

quotes('an adverb of manner between the subject and its verb ("Moll strongly suggested …"); "called upon"',
  'Councillor Moll strongly suggested the ferry should be sold. Mayor Ann Lee on Wednesday also called upon the state to buy it. The family said it would sue.', [
    { text: 'the ferry should be sold', name: 'Moll', type: 'indirect' },
    { text: 'the state to buy it', name: 'Ann Lee', type: 'indirect' },
    { text: 'it would sue', mention: 'The family', type: 'indirect' },
  ])

quotes('contractions: "he’s predicted", "They’ve said", "I’d said" — the pronoun is the speaker, the auxiliary no part of it',
  'Hale spoke first.\n\nAnd she’s predicted a close vote. The unions are angry. They’ve said the ferry must stay.', [
    { text: 'a close vote', mention: 'she', type: 'indirect' },
    { text: 'the ferry must stay', mention: 'They', type: 'indirect' },
  ])

quotes('after a quotation, a short determiner phrase is the subject whatever its noun ("the statement added", "the filing says", "it recommended")',
  'The company was in mourning.\n\n“He was a respected colleague,” the statement added. “We have no assets,” the bankruptcy filing says. “Keep the levy,” it recommended.', [
    { text: 'He was a respected colleague,', mention: 'the statement', type: 'direct' },
    { text: 'We have no assets,', mention: 'the bankruptcy filing', type: 'direct' },
    { text: 'Keep the levy,', mention: 'it', type: 'direct' },
  ])

quotes('"X said A, and then pointed out B": "and then" joins the second verb, not the first content',
  'Hale said that the ferry would stay, and then pointed out that the fares would rise.', [
    { text: 'that the ferry would stay', name: 'Hale', type: 'indirect' },
    { text: 'that the fares would rise', name: 'Hale', type: 'indirect' },
  ])

// --- Subjects that are whole noun phrases of common nouns -------------------------------------------------------

quotes('a subject noun phrase with prepositional modifiers and no name ("Experts in maritime law say …")',
  'Experts in maritime law and advocates of coastal towns say the ferry levy cannot be collected twice. A person familiar with the tender says the board will meet in June.', [
    { text: 'the ferry levy cannot be collected twice', mention: 'Experts in maritime law and advocates of coastal towns', type: 'indirect' },
    { text: 'the board will meet in June', mention: 'A person familiar with the tender', type: 'indirect' },
  ])

quotes('a share of those polled ("Nearly seven out of 10 said …", "most said …") and a body with a relative clause',
  'Nearly seven out of 10 say they would pay more for the night crossing; most said they were worried. The operators, which in several cases sent short replies, said they had done nothing wrong.', [
    { text: 'they would pay more for the night crossing', mention: 'Nearly seven out of 10', type: 'indirect' },
    { text: 'they were worried', mention: 'most', type: 'indirect' },
    { text: 'they had done nothing wrong', mention: 'The operators', type: 'indirect' },
  ])

quotes('no subject phrase through a verb and its object, a participle before its noun, or a number\'s thousands comma',
  'The bill passed the council and said nothing. Fenwick won more pledged delegates than Hale. Turnout fell from 12,000 pledged voters to 9,000.', [])

quotes('a lede that describes its first speaker names them just after ("A GP has urged …¶Dr Rhys Penhale wrote …")',
  'A GP has urged residents to object to the car park.\n\nDr Rhys Penhale wrote that the plans were wrong.', [
    { text: 'residents to object to the car park', name: 'Rhys Penhale', mention: 'A GP', type: 'indirect' },
    { text: 'that the plans were wrong', name: 'Rhys Penhale', type: 'indirect' },
  ])

// --- Attributions inserted mid-clause with an aside -------------------------------------------------------------

quotes('"FRONT, X said in/at …, REST": the aside after the cue is neither content nor the end of the sentence',
  'Fraudsters, Hale said in the video, don\'t last long. The goal, Moll said on Monday, is to finish the pier by May. The levy, she told reporters at the harbour, would be scrapped.', [
    { text: 'Fraudsters', name: 'Hale', type: 'indirect' },
    { text: 'The goal', name: 'Moll', type: 'indirect' },
    { text: 'The levy', name: 'Moll', type: 'indirect' },
  ])

quotes('a trailing aside with commas of its own still ends the sentence ("…, Hale said at a meeting in Dover, Kent, on Friday.")',
  'The pier will close, Hale said at a meeting in Dover, Kent, on Friday.', [
    { text: 'The pier will close', name: 'Hale', type: 'indirect' },
  ])

t.test('the inserted attribution\'s content goes on after the aside', async (t) => {
  const input = 'Fraudsters, Hale said in the video, don\'t last long. The goal, Moll said on Monday, is to finish the pier by May. The levy, she told reporters at the harbour, would be scrapped.'
  t.same(extract(input).quotes.map((q) => q.text), ['Fraudsters … don\'t last long', 'The goal … is to finish the pier by May', 'The levy … would be scrapped'])
})

// --- Exact bounds: what belongs to the cue or to the writer ----------------------------------------------------

quotes('a connective set off by a comma is the writer\'s ("Still, CLAUSE, X said.")',
  'Still, the ferry will run until May, a person close to the board said. However, the fares will rise, Hale said.', [
    { text: 'the ferry will run until May', mention: 'a person close to the board', type: 'indirect' },
    { text: 'the fares will rise', name: 'Hale', type: 'indirect' },
  ])

quotes('the preposition of "complained about", "wrote about", "calls for" goes with the verb, not the content',
  'Hale complained about the noise from the pier. Moll wrote about the cost of the new ferry. Fenwick calls for a vote on the levy.', [
    { text: 'the noise from the pier', name: 'Hale', type: 'indirect' },
    { text: 'the cost of the new ferry', name: 'Moll', type: 'indirect' },
    { text: 'a vote on the levy', name: 'Fenwick', type: 'indirect' },
  ])

quotes('"CLAUSE, said X, who notes that …": the relative clause about the speaker does not stop the clause before',
  'But the levy is not high enough, said Ana Brill, a harbour analyst, who notes that the fares fell last year.', [
    { text: 'But the levy is not high enough', name: 'Ana Brill', type: 'indirect' },
    { text: 'that the fares fell last year', type: 'indirect' },
  ])

quotes('a noun of speech with "was that": "Hale\'s response was that …", "The reply from Hale was that …"',
  'Margaret Hale\'s response was that the pool would reopen in May. The reply from Tom Reyes was that the tenants would “never pay.”', [
    { text: 'that the pool would reopen in May', name: 'Margaret Hale', type: 'indirect' },
    { text: 'that the tenants would “never pay.”', name: 'Tom Reyes', type: 'mixed' },
  ])

t.test('a soft hyphen or zero-width character inside a word joins it: "Mar\u00ADgaret Ha\u200Ble" is Margaret Hale', async (t) => {
  const input = 'Mar\u00ADgaret Ha\u200Ble said the pool would reopen. Margaret Hale added that the roof was fixed.'
  const ex = extract(input)
  t.same(ex.speakers.map((s) => s.name), ['Margaret Hale'], summary(ex))
  t.equal(ex.quotes.length, 2)
  t.equal(input.slice(ex.quotes[0]!.start, ex.quotes[0]!.end), 'the pool would reopen', 'offsets index the original text')
  const speaker = ex.quotes[0]!.speaker!
  t.equal(speaker.mention, input.slice(speaker.start, speaker.end), 'the mention is the text at its offsets')
  t.equal(speaker.mention, 'Mar\u00ADgaret Ha\u200Ble')
})

quotes('quotation dashes: each dash opens a quote that runs to the comma or question mark before its attribution',
  '– We are ready for the vote, said Margaret Hale.\n– And the roof? asked the reporter.\n– Fixed by May, she said.', [
    { text: 'We are ready for the vote', name: 'Margaret Hale', type: 'direct' },
    { text: 'And the roof?', name: null, mention: 'the reporter', type: 'direct' },
    { text: 'Fixed by May', name: 'Margaret Hale', type: 'direct' },
  ])

quotes('a list set with dashes is no dialogue: no dash segment has an attribution',
  'The plan has three parts:\n– The pool reopens in May.\n– The gym closes in June, after the audit.\n– Fees rise by a fifth.', [])

quotes('"“And the roof?” asked the reporter.": the one asking the questions is not the person answering them',
  '“We are ready for the vote,” said Margaret Hale.\n“And the roof?” asked the reporter.\n“Fixed by May,” she said.', [
    { text: 'We are ready for the vote,', name: 'Margaret Hale', type: 'direct' },
    { text: 'And the roof?', name: null, mention: 'the reporter', type: 'direct' },
    { text: 'Fixed by May,', name: 'Margaret Hale', type: 'direct' },
  ])

quotes('verbs that report speech only before a that-clause, a colon or a quotation: "maintained that", "hinted that", "reckoned"',
  'Margaret Hale maintained that the road was safe. Tom Reyes hinted that he would run. “We will win,” Ana Ruiz reckoned. ' +
  'The council maintained the road for years. Its comments were harsh. Hale signalled support for the plan.', [
    { text: 'that the road was safe', name: 'Margaret Hale', type: 'indirect' },
    { text: 'that he would run', name: 'Tom Reyes', type: 'indirect' },
    { text: 'We will win,', name: 'Ana Ruiz', type: 'direct' },
  ])

// --- Quotation styles and written sources ------------------------------------------------------------------------

quotes('doubled straight marks around a nested single quote (\'\'… \'word,\'\'\') close both, and the name after "said" speaks',
  "''I would call it 'old-school,''' said Ruth Okafor, whom the mayor appointed in May, and who now chairs the board. ''It works.''", [
    { text: "I would call it 'old-school,'", name: 'Ruth Okafor', type: 'direct' },
  ])

quotes('"A young boy shouted, “…”": a described speaker with "a" before a verb in -ed speaks the quotation after its comma',
  'The square was quiet when a young boy shouted, "The bus is here!"', [
    { text: 'The bus is here!', name: null, mention: 'a young boy', type: 'direct' },
  ])

quotes('"“…,” reads the editorial", "“…,” it read": a written text speaks through "read" beside its quotation; a sign does not',
  'The Valley Ledger ran an editorial on Friday. "The council should act like one," the editorial read.\n\n' +
  'A paper sign on the door reads "Overflow: Please Keep Voices Down."\n\nShe read the report twice.', [
    { text: 'The council should act like one,', name: null, mention: 'the editorial', type: 'direct' },
  ])

quotes('"“….” Mrs. Hale replied, “…”": a verb that introduces a quotation of its own opens a new sentence',
  "Tom Reyes wrote to Mrs. Hale about the repairs ''on behalf of the tenants.'' Mrs. Hale replied, ''I will see to it.''", [
    { text: "about the repairs ''on behalf of the tenants.''", name: 'Tom Reyes', type: 'mixed' },
    { text: 'I will see to it.', name: 'Hale', type: 'direct' },
  ])

quotes('straight marks around curly ones nest them: "X stated:" then paragraphs of "… “Equal Justice” …" are one quote',
  'Dr. Ruth Okafor stated:\n\n"The department isn’t about “Equal Justice Under Law” anymore. It is about control.\n\n' +
  '"The council was supposed to guard the towns. I will stop this at the door."\n\nThe bill took effect in March.', [
    { text: 'The department isn’t about “Equal Justice Under Law” anymore. It is about control.', name: 'Ruth Okafor', type: 'direct' },
  ])

quotes('a straight mark wrapping a curly quotation at once ("“…,” she said …") leaves the curly one its own quote',
  'The interview went on.\n\n"“We will win the states we need,” Ruth Okafor responded before adding that she would campaign in March."', [
    { text: 'We will win the states we need,', name: 'Ruth Okafor', type: 'direct' },
    { text: 'that she would campaign in March', name: 'Ruth Okafor', type: 'indirect' },
  ])

// --- Attributions inside what was said ---------------------------------------------------------------------------

t.test('an attribution in a subordinate clause of the content is part of that content', async (t) => {
  const input = 'Tom Reyes said he had met tenants who have suggested that the levy be dropped. ' +
    'The budget office says the deficit will grow because the council agreed to cut the levy. ' +
    'Ann Cole said the pool would open, and Tom Reyes said it would not.'
  const ex = extract(input)
  const whole = (s: string): boolean => ex.quotes.some((q) => q.text === s)
  t.ok(whole('he had met tenants who have suggested that the levy be dropped'), summary(ex))
  t.ok(whole('the deficit will grow because the council agreed to cut the levy'), summary(ex))
  t.ok(whole('the pool would open'), 'a coordinated clause with a speaker of its own still ends the content')
  t.ok(whole('it would not'))
})

quotes('"Having said that, …" and "That said, …" are connectives, not attributions',
  'Having said that, the council will meet again. That said, the levy stays.', [])

// --- Verbs of saying in other senses -----------------------------------------------------------------------------

quotes('"adding to her victories", "adds another number to the mix", "went on to win", "goes on a spree" report no words',
  'Ann Cole has won the primary in Ohio, adding to her run of victories. The rule adds another magic number to the mix. ' +
  'Tom Reyes went on to win the seat. Ruth Okafor goes on a phone spree to defend her record.', [])

quotes('"added to People, “…”", "added that …", "went on to say that …" and "she went on: “…”" still report words',
  'Tom Reyes added to People, "That makes me feel good." Ann Cole added that the pool would reopen. ' +
  'Ruth Okafor went on to say that the levy would pass. She went on: "We are not done."', [
    { text: 'That makes me feel good.', name: 'Tom Reyes', type: 'direct' },
    { text: 'that the pool would reopen', name: 'Ann Cole', type: 'indirect' },
    { text: 'to say that the levy would pass', name: 'Ruth Okafor', type: 'indirect' },
    { text: 'We are not done.', name: 'Ruth Okafor', type: 'direct' },
  ])

quotes('a phrase of time or place before the verb is no clause that was said; "X declared:" still opens the next paragraph',
  'On Thursday, Tom Reyes will testify before the committee. In a 1963 speech, Ann Cole declared:\n\n"It is time to build."', [
    { text: 'It is time to build.', name: 'Ann Cole', type: 'direct' },
  ])

quotes('a person named after the verb, and nothing more, is no content ("called Ann Cole", "echoed Sen. Tom Reyes")',
  'A year later, Mayor Ruth Okafor called Ann Cole. And she echoed Sen. Tom Reyes (D-Ore.), who told reporters the levy would pass.', [
    { text: 'the levy would pass', name: 'Tom Reyes', type: 'indirect' },
  ])

quotes('a show\'s title in quotation marks is no quotation of the speaker after it',
  'Asked why he had yet to endorse her during an appearance Friday on "Valley This Morning," Tom Reyes said he had not "heard her say the things that need to be said."', [
    { text: 'he had not "heard her say the things that need to be said."', name: 'Tom Reyes', type: 'mixed' },
    { text: 'why he had yet to endorse her during an appearance Friday on "Valley This Morning,"', name: null, type: 'mixed' },
  ])

quotes('what the writer says of a statement is no content: "in a statement provided to …", "in a statement that was published in …"',
  'Ann Cole said in a statement provided to the Ledger. The council wrote in a statement that was published in the Valley Herald. ' +
  'Tom Reyes said in a statement that the levy would pass.', [
    { text: 'that the levy would pass', name: 'Tom Reyes', type: 'indirect' },
  ])

quotes('a short subordinate clause before "X wrote to investors," is the writer\'s setting; a longer front with its own clause is said',
  'As shares were tumbling, Ann Cole wrote to investors. Though rates may rise -- after the vote -- the levy will hold, Tom Reyes argued.', [
    { text: 'Though rates may rise -- after the vote -- the levy will hold', name: 'Tom Reyes', type: 'indirect' },
  ])

quotes('an adverb or a phrase of circumstance alone says nothing: "has noted before", "asked reporters rhetorically during …", "testified before the panel"',
  'As the Ledger has noted before, the levy failed. Tom Reyes asked reporters rhetorically during a news conference. Ann Cole testified before the panel last fall.', [])

t.test('a show\'s title after "with" is no quotation: "In an interview with “Valley Mornings,” Ann Cole pointed to …"', async (t) => {
  const ex = extract('In an interview with "Valley Mornings," Ann Cole pointed to the harbour as the town\'s best hope.')
  t.notOk(ex.quotes.some((q) => q.text.includes('Valley Mornings')), summary(ex))
})

quotes('"As reported by X, CLAUSE" and "CLAUSE, as first reported by X" give a source as "according to" does',
  'As reported by the Valley Ledger, inspectors found 200 faults in the old pipes. The levy failed, as first reported by the Harbour Times.', [
    { text: 'inspectors found 200 faults in the old pipes', name: 'Valley Ledger', kind: 'organization', type: 'indirect' },
    { text: 'The levy failed', name: 'Harbour Times', kind: 'organization', type: 'indirect' },
  ])

quotes('a closing mark that opens a paragraph before an ellipsis opens the quotation ("” … what I learned …,” she said)',
  'Ann Cole spoke last.\n\n” … what I learned from these families is that words matter,” she said.', [
    { text: '… what I learned from these families is that words matter,', name: 'Ann Cole', type: 'direct' },
  ])

t.test('an inverted attribution inside its content: "FRONT, said X, APPOSITION, PREDICATE" and "A, said X, but B"', async (t) => {
  const input = 'Any fair reading of the budget, said Tom Reyes, an economist at the Valley Institute, would see this as a retreat. ' +
    'The pool is too small, said Ann Cole, but the town cannot afford a larger one. ' +
    'The lesson of the flood, says Ruth Okafor, historian at the museum, is that the river always wins.'
  const ex = extract(input)
  const find = (words: string): ExtractedQuote | undefined => ex.quotes.find((q) => q.text.includes(words))
  t.equal(find('would see this as a retreat')?.speaker?.name, 'Tom Reyes', summary(ex))
  t.ok(find('would see this as a retreat')?.text.startsWith('Any fair reading of the budget'))
  t.equal(find('cannot afford a larger one')?.speaker?.name, 'Ann Cole')
  t.ok(find('cannot afford a larger one')?.text.startsWith('The pool is too small'))
  t.equal(find('the river always wins')?.speaker?.name, 'Ruth Okafor')
})

quotes('"told the AP her group never worked …": "her" after the addressee opens the clause when a verb follows its noun',
  'Ann Cole told the Ledger her group never worked with the developer. Tom Reyes told her staff the pool would open.', [
    { text: 'her group never worked with the developer', name: 'Ann Cole', type: 'indirect' },
    { text: 'the pool would open', name: 'Tom Reyes', type: 'indirect' },
  ])

quotes('"In 1990, Hale said, when she was earning little, a boss invited her …": a clause after the aside is what was said',
  'In the early 1990s, Ruth Okafor said, when she was earning $24,000 a year, a boss invited her to lunch.', [
    { text: 'when she was earning $24,000 a year, a boss invited her to lunch', name: 'Ruth Okafor', type: 'indirect' },
  ])

quotes('"…, something investors have speculated about" is the writer\'s gloss; a verb inside the clause after "an internal, finance-minded chief" is part of it',
  'Analysts said the choice of an internal, finance-minded interim chief suggested the board was in no hurry to sell, something investors have speculated about since the recall.', [
    { text: 'the choice of an internal, finance-minded interim chief suggested the board was in no hurry to sell', name: null, mention: 'Analysts', type: 'indirect' },
  ])

quotes('"are more likely to say …", "is expected to tell …": the subject before the frame speaks the infinitive\'s clause',
  'Voters are generally more likely to say the levy is too high. Ann Cole is expected to tell the council that the pool will close.', [
    { text: 'the levy is too high', name: null, mention: 'Voters', type: 'indirect' },
    { text: 'that the pool will close', name: 'Ann Cole', type: 'indirect' },
  ])
