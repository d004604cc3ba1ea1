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
