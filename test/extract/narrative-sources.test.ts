// Narrative given on someone's authority and the sentences around a speaker (issue 12): what "according to" covers
// when a verb of saying is only part of the story it sources, and what is no quote at all. Every sentence here is
// invented for the test.
import t from 'tap'
import { extract } from '../../src/extract/index.js'
import { quotes } from '../helpers/quote-cases.js'

quotes('"X did A and asked B, according to Z": the whole clause is Z\'s account',
  'The trust had lost patience with the director and asked him to resign by Friday, according to two people close to the board.', [
    { text: 'The trust had lost patience with the director and asked him to resign by Friday', name: null, type: 'indirect' },
  ])

quotes('"X voted … and told staff …, according to a letter": the letter is the source of both',
  'The council voted to close the pool and told staff it would reopen in May, according to a letter seen by the Courier.', [
    { text: 'The council voted to close the pool and told staff it would reopen in May', name: null, type: 'indirect' },
  ])

quotes('"X said CLAUSE, according to Z" stays X\'s words, with Z second-hand',
  'Mayor Ann Hale said the bridge would close in June, according to the minutes of the meeting.', [
    { text: 'the bridge would close in June', name: 'Ann Hale', type: 'indirect' },
  ])

// --- A verb of saying followed by where, when or to whom, not by what --------------------------------------------

quotes('"argued in interviews this week": a prepositional phrase is not what was said',
  'His aides argued in interviews this week. The measure only added to the pressure on the board.', [])

quotes('"wrote to the fund\'s investors on Monday": "to" before a determiner is a preposition',
  'Ackman wrote to the fund’s investors on Monday.', [])

quotes('what was said after the phrase stays: a that-clause, a bare clause, an infinitive',
  'His aides argued in interviews this week that the plan had worked. Mayor Ann Hale said in a statement the bridge would close. Rep. Ann Hale pledged to block the bill.', [
    { text: 'that the plan had worked', type: 'indirect' },
    { text: 'the bridge would close', name: 'Ann Hale', type: 'indirect' },
    { text: 'to block the bill', name: 'Ann Hale', type: 'indirect' },
  ])

quotes('a request, a stance or an accord is still a quote: "asked for", "argued against" (what was said is the preposition\'s object), "agreed with"',
  'A woman asked for a photo. He argued against intervention by outside powers. Ms. Lund agreed with Matthews about the winner.', [
    { text: 'a photo', type: 'indirect' },
    { text: 'intervention by outside powers', type: 'indirect' },
    { text: 'about the winner', name: 'Lund', type: 'indirect' },
  ])

// --- The writer's words around a quotation ---------------------------------------------------------------------

quotes('"At the debate, X compared himself to Y, saying, “…”": the clause that holds the speaker is the writer\'s',
  'At the debate, Sanders compared himself to Clinton, saying, “I don’t take speaking fees from banks.”', [
    { text: 'I don’t take speaking fees from banks.', name: 'Sanders', type: 'direct' },
  ])

quotes('"In a brief interview on Wednesday, X said, “…”": an introduction before the speaker is no part of the quote',
  'In a brief interview on Wednesday, Mr. Sloan said, “We are going to enact the changes.”', [
    { text: 'We are going to enact the changes.', name: 'Sloan', type: 'direct' },
  ])

quotes('an unquoted front of an inserted attribution is still content: "The goal, he said, is to finish by May."',
  'The goal, Ann Lee said, is to finish by May.', [
    { text: 'The goal', name: 'Ann Lee', type: 'indirect' },
  ])

quotes('"said, “…,” including …": a participle phrase after the quotation is the writer\'s',
  'Mr. Sloan said, “We are going to enact the changes,” including ending the sales goals. Ms. Ode said, “We will wait”, leaving the room.', [
    { text: 'We are going to enact the changes,', name: 'Sloan', type: 'direct' },
    { text: 'We will wait', name: 'Ode', type: 'direct' },
  ])

quotes('"“…,” said X, who noted that prices had “cratered”": the quotation in the relative clause is not a second part',
  '“Revenues are up a little,” said Mr. Ekovich, who noted that prices had “cratered” in the slump.', [
    { text: 'Revenues are up a little,', name: 'Ekovich', type: 'direct' },
    { text: 'that prices had “cratered” in the slump', name: 'Ekovich', type: 'mixed' },
  ])

quotes('"Rep. X (D-N.Y.) reacted to the news, saying …": a party and state in brackets stand between the name and its verb',
  'Sen. Ted Cruz (R-Texas) reacted to the news, saying the bill would fail. Rep. Ann Hale (D-N.Y.) reacted, saying: “No.”', [
    { text: 'the bill would fail', name: 'Ted Cruz', type: 'indirect' },
    { text: 'No.', name: 'Ann Hale', type: 'direct' },
  ])

quotes('"In a Fox interview later that day, X went even further: “…”": an opening phrase of time or place before the speaker',
  'In a radio interview later that day, Ann Hale went further: “If he runs and loses, it is the end of his career.” On Tuesday, the sign read: “Closed.”', [
    { text: 'If he runs and loses, it is the end of his career.', name: 'Ann Hale', type: 'direct' },
  ])

quotes('"X said A, and he railed against …": a past-tense clause with a pronoun subject after the content is narration',
  'Rubio said the real extremist on the issue is his rival, and he railed against the moderators. Aides said the role would be narrow, but they rejected any talk of a cabinet post.', [
    { text: 'the real extremist on the issue is his rival', name: 'Rubio', type: 'indirect' },
    { text: 'the role would be narrow', type: 'indirect' },
  ])

quotes('"…, and she would not revive it" may still be what she said, and stays',
  'Ms. Dunn said the plan was dead, and she would not revive it.', [
    { text: 'the plan was dead, and she would not revive it', name: 'Dunn', type: 'indirect' },
  ])

t.test('", the latter a reference to …": the writer\'s gloss after the content is left out', async (t) => {
  const text = 'Many of the closures, he said, have involved public and semi-private courses, the latter a reference to clubs that sell memberships.'
  const [quote, ...more] = extract(text).quotes
  t.same(more, [])
  t.same(quote?.fragments?.map(([a, b]) => text.slice(a, b)), ['Many of the closures', 'have involved public and semi-private courses'])
})

// --- Quotation alone after a speaker ---------------------------------------------------------------------------

quotes('"Ms. X said CLAUSE. “…”": quotation alone after an attributed sentence of the same paragraph is hers',
  'Ms. Feldstein said the ban would force the museum to cancel two shows. “That hurts. I won’t pretend it doesn’t.”', [
    { text: 'the ban would force the museum to cancel two shows', name: 'Feldstein', type: 'indirect' },
    { text: 'That hurts. I won’t pretend it doesn’t.', name: 'Feldstein', type: 'direct' },
  ])

quotes('not after a sentence of the writer\'s in between',
  'Ms. Feldstein said the ban would hurt. The museum closed early. “That hurts.”', [
    { text: 'the ban would hurt', name: 'Feldstein', type: 'indirect' },
  ])

quotes('"“…?” Leif asks. He does not wait for an answer. “…”": a sentence about the speaker between keeps the word with him',
  '“How do you tell your mother to get out of the sea?” Leif asks. He does not wait for an answer. “You don’t. You hold the blanket.”', [
    { text: 'How do you tell your mother to get out of the sea?', name: 'Leif', type: 'direct' },
    { text: 'You don’t. You hold the blanket.', name: 'Leif', type: 'direct' },
  ])

quotes('"tease her that …" reports words; "teased him for bringing water" and "teases out" do not',
  'The other swimmers at the harbour tease her that she now swims “like a ferry running late.”\n\nAnn Hale teased Tom Lee for bringing her water. The book teases out an old idea.', [
    { text: 'that she now swims “like a ferry running late.”', type: 'mixed' },
  ])
