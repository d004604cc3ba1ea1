// An article's extraction does not depend on the articles the process read before it. The identity stage keeps the
// answers of its pure name and title functions met in several articles for the whole process (memo.ts), so an
// article computes an answer that later ones read; this checks that reading it gives what computing it gave.
import t from 'tap'
import { readFileSync } from 'node:fs'
import { extract } from '../../src/extract/index.js'
import { generatedArticles } from '../helpers/generated-articles.js'

const seed = readFileSync(new URL('../../seeds/hamas-hostages-article.txt', import.meta.url), 'utf8')
const titled = [
  'Deputy Mayor Ann Lindqvist said the bridge would open in May. “We are ready,” the deputy mayor said.',
  '“It is late,” said Cllr Kofi Okafor, the chair of the transport committee. The councillor said the vote was rushed.',
  'Chief Executive Rosa Moreau of the Harbor Transit Authority said fares would rise. Ms. Moreau added: “Nobody likes it.”',
]

t.test('the same results in any order, and after the shared answers were emptied', async (t) => {
  const texts = [seed, ...titled, ...generatedArticles(40).map((a) => a.text)]
  const forward = texts.map((text) => extract(text))
  // Thousands of distinct titled names: more names and titles than the shared answers keep, so they start again.
  extract(Array.from({ length: 5000 }, (_, i) => `Deputy Director Ann Lee${i} of Board${i} said it works.`).join(' '))
  const backward = texts.slice().reverse().map((text) => extract(text)).reverse()
  t.equal(backward.length, forward.length)
  for (let k = 0; k < texts.length; k++) t.same(backward[k], forward[k], `text ${k}`)
  t.ok(forward.every((ex) => ex.quotes.length > 0), 'every text has quotes, so the comparison compares something')
})
