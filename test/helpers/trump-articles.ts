// Two short articles written for the tests: one quoting "President Donald Trump", one quoting a
// different person with the surname Trump.
import type { ArticleInput } from '../../src/store/index.js'

export const donaldTrumpArticle: ArticleInput = {
  title: 'Ceasefire talks',
  published_at: '2025-10-20T09:00:00.000Z',
  text: 'Ceasefire talks\n\nPresident Donald Trump said on Friday that talks on a ceasefire were going well.\n\n' +
    '“We are very close to a deal, very close,” Trump told reporters at the White House.',
}

export const laraTrumpArticle: ArticleInput = {
  title: 'RNC opens new offices in Ohio',
  published_at: '2025-10-21T09:00:00.000Z',
  text: 'RNC opens new offices in Ohio\n\nLara Trump, the co-chair of the Republican National Committee, said the party ' +
    'would open twenty new offices before the election.\n\n“We are going to win this state,” Lara Trump told supporters in Columbus.',
}
