// A noun of speech owned by its speaker carries what was said (issue 12): "Hale's claim that …", "his warning that …",
// "her promise to …". Every sentence here is invented for the test.
import { quotes } from '../helpers/quote-cases.js'

quotes('"X\'s claim that CLAUSE" as an object: the owner speaks the that-clause, quotation and all',
  'The fact-checkers looked into Margaret Hale’s claim that there were “thousands of leaks” in the old pipes.', [
    { text: 'that there were “thousands of leaks” in the old pipes', name: 'Margaret Hale', type: 'mixed' },
  ])

quotes('"his warning that …", "her promise to VERB …": a possessive pronoun stands for the speaker named before',
  'Tom Reyes spoke first. Voters remembered his warning that the levy would fail. Ann Cole stayed. Critics doubted her promise to reopen the pool by June.', [
    { text: 'that the levy would fail', name: 'Tom Reyes', mention: 'his', type: 'indirect' },
    { text: 'to reopen the pool by June', name: 'Ann Cole', mention: 'her', type: 'indirect' },
  ])

quotes('not a frame: a thing\'s claim, "his warning to voters", a noun phrase that is the sentence\'s subject, the claim "that he made"',
  'The bill’s claim that rates would fall was tested. Tom Reyes mailed his warning to voters. His claim that rates would fall won him votes. ' +
  'Ann Cole rejected the claim that he made on Monday.', [])

quotes('inside what another speaker said, the frame is part of that content',
  'Ann Cole said Tom Reyes’s claim that the pool was unsafe had been disproved.', [
    { text: 'Tom Reyes’s claim that the pool was unsafe had been disproved', name: 'Ann Cole', type: 'indirect' },
  ])
