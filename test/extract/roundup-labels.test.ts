// Roundups of views, one a paragraph, each opened by the person's name and an affiliation (issue 12): "Name,
// Outlet: “…”". Every sentence here is invented for the test.
import { quotes } from '../helpers/quote-cases.js'

quotes('"Name, Outlet: “…”" paragraphs: the name speaks each quotation, whole over its sentences',
  'Who won the debate?\n\nMeghan Hale, Twitter: "Wallace is the real winner of this debate. America is the loser."\n\n' +
  'Gerald F. Cole, The Ledger: “It looked for a while as if he would stay calm. Then the wall came up.”\n\n' +
  'Windsor Mann, editor of The Valley Review: “Clinton has convinced more voters.”', [
    { text: 'Wallace is the real winner of this debate. America is the loser.', name: 'Meghan Hale', type: 'direct' },
    { text: 'It looked for a while as if he would stay calm. Then the wall came up.', name: 'Gerald F. Cole', type: 'direct' },
    { text: 'Clinton has convinced more voters.', name: 'Windsor Mann', type: 'direct' },
  ])

quotes('a label that names no person, or a quotation that stops before the paragraph does, is no roundup line',
  'Valley Ledger, editorial: “Vote no.”\n\nMeghan Hale, Twitter: “Vote yes,” and then the feed went quiet for a day.', [])

quotes('hearing exchanges: "Rep. Name (R-Ore.):“…”" and "Former secretary of state Name: “…”" label their speakers',
  'The exchange went like this.\n\nRep. Ruth Okafor (D-Ore.):"Who told you that figure? Who told you that?"\n\n' +
  'Former secretary of state Margaret Hale: "We learned it from the department."\n\n' +
  'Margaret Hale told the panel: "That is all I know."', [
    { text: 'Who told you that figure? Who told you that?', name: 'Ruth Okafor', type: 'direct' },
    { text: 'We learned it from the department.', name: 'Margaret Hale', type: 'direct' },
    { text: 'That is all I know.', name: 'Margaret Hale', type: 'direct' },
  ])
