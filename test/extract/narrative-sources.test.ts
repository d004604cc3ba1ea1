// Narrative given on someone's authority and the sentences around a speaker (issue 12): what "according to" covers
// when a verb of saying is only part of the story it sources, and what is no quote at all. Every sentence here is
// invented for the test.
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
