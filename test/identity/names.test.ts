import t from 'tap'
import { fold, isRoleOnly, nameKey, nameTokens, personName, slugify, textKey } from '../../src/identity/names.js'
import { titlesAgree } from '../../src/identity/titles.js'

t.test('folding ignores case, accents and spacing', async (t) => {
  t.equal(fold('  Benjamín   NETANYAHU '), 'benjamin netanyahu')
  t.same(nameTokens("Steve Witkoff's"), ['steve', 'witkoff'])
  t.same(nameTokens('U.S. special envoy'), ['u', 's', 'special', 'envoy'])
  t.equal(nameKey('The White House'), 'white house')
  t.equal(nameKey('the'), 'the', 'a name that is only "the" keeps it')
})

t.test('ASCII text has the words the regular expressions give, "\'s" before a boundary left out', async (t) => {
  // The definition nameTokens keeps for every text; ASCII takes a faster path that must agree with it.
  const byRegex = (text: string): string[] => fold(text).replace(/['’]s\b/g, '').match(/[\p{L}\p{N}]+/gu) ?? []
  t.same(nameTokens("it's the mayor's 2 plans"), ['it', 'the', 'mayor', '2', 'plans'])
  t.same(nameTokens("'s's x'sy x's_ o'Sullivan"), ['x', 'sy', 'x', 's', 'o', 'sullivan'])
  t.same(nameTokens('snake_case, C-3PO! '), ['snake', 'case', 'c', '3po'])
  const alphabet = "aAsS's_ -.9'"
  let seed = 7
  const random = (n: number): number => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n }
  let differ = 0
  for (let k = 0; k < 20_000; k++) {
    let text = ''
    for (let i = random(10); i > 0; i--) text += random(4) === 0 ? String.fromCharCode(random(128)) : alphabet[random(alphabet.length)]
    if (JSON.stringify(nameTokens(text)) !== JSON.stringify(byRegex(text)) && differ++ < 3) t.fail(`${JSON.stringify(text)}: ${JSON.stringify(nameTokens(text))}`)
  }
  t.equal(differ, 0, '20,000 generated ASCII texts')
})

t.test('a person name splits into first name and surname', async (t) => {
  t.same(personName('Donald J. Trump Jr.'), { first: 'donald', surname: 'trump' })
  t.same(personName('Trump'), { first: null, surname: 'trump' })
  t.same(personName('José María Aznar'), { first: 'jose', surname: 'aznar' })
  t.equal(personName('—'), null)
})

t.test('titles agree when one holds every content word of the other', async (t) => {
  t.equal(titlesAgree('President', 'US President'), true)
  t.equal(titlesAgree('the president', 'President'), true)
  t.equal(titlesAgree('special envoy', 'US special envoy to the Middle East'), true)
  t.equal(titlesAgree('President', 'co-chair of the Republican National Committee'), false)
  t.equal(titlesAgree(null, 'President'), null, 'a missing title neither agrees nor disagrees')
})

t.test('organisations named by role have no capital letter', async (t) => {
  t.equal(isRoleOnly('the prime minister’s office'), true)
  t.equal(isRoleOnly('the ministry'), true)
  t.equal(isRoleOnly('the White House'), false)
  t.equal(isRoleOnly('Hamas'), false)
})

t.test('text keys are equal for the same words only', async (t) => {
  t.equal(textKey('We will fight this,'), textKey('we will  FIGHT this'))
  t.not(textKey('We will fight this'), textKey('We will not fight this'))
})

t.test('slugs are lowercase ascii words joined by hyphens', async (t) => {
  t.equal(slugify('Benjamín Netanyahu'), 'benjamin-netanyahu')
  t.equal(slugify('—'), 'speaker')
})
