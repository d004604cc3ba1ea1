import t from 'tap'
import { bareName, isGroupName, lookupTokens, organizationKey, organizationVariants, splitTitle, spelledOut, titledPerson, titlesAgree, usableTitle } from '../../src/identity/titles.js'

t.test('a title or honorific before a name is split off', async (t) => {
  t.same(splitTitle('Councillor Margaret Hale'), { name: 'Margaret Hale', title: 'Councillor' })
  t.same(splitTitle('Cllr Hale'), { name: 'Hale', title: 'Cllr' })
  t.same(splitTitle('Shopkeeper Lotte Nyberg'), { name: 'Lotte Nyberg', title: 'Shopkeeper' })
  t.same(splitTitle('Police Chief Ann Roe'), { name: 'Ann Roe', title: 'Police Chief' })
  t.same(splitTitle('Local campaigner Priya Desai'), { name: 'Priya Desai', title: 'Local campaigner' })
  t.same(splitTitle('Prairie Central CEO Marcus Lindqvist'), { name: 'Marcus Lindqvist', title: 'Prairie Central CEO' })
  t.same(splitTitle('Dr Siddiqui'), { name: 'Siddiqui', title: null }, 'an honorific is no title')
  t.same(splitTitle('Mr. Ivo de Wit'), { name: 'Ivo de Wit', title: null })
  t.equal(bareName('Fire Chief Darnell Okafor'), 'Darnell Okafor')
  t.same(splitTitle('Attorney-General Nadia Quist'), { name: 'Nadia Quist', title: 'Attorney-General' })
  t.same(splitTitle('Jean-Pierre Moulin'), { name: 'Jean-Pierre Moulin', title: null }, 'a hyphenated first name is no title')
  t.same(splitTitle('The Hon. Ewan Tully'), { name: 'Ewan Tully', title: null })
})

t.test('names that only look like they start with a title keep their words', async (t) => {
  t.same(splitTitle('Mike Judge'), { name: 'Mike Judge', title: null }, 'a surname that is a title word')
  t.same(splitTitle('Margaret Hale'), { name: 'Margaret Hale', title: null })
  t.same(splitTitle('Director of public health'), { name: 'Director of public health', title: null }, 'no capitalised name follows')
})

t.test('a person handed as an organisation because the title names one', async (t) => {
  t.same(titledPerson('Council Member Hana Takahashi'), { name: 'Hana Takahashi', title: 'Council Member' })
  t.same(titledPerson('Council treasurer Paul Menon'), { name: 'Paul Menon', title: 'Council treasurer' })
  t.equal(titledPerson('Eastfield Port Authority'), null)
  t.equal(titledPerson('Chief Executive Office'), null)
  t.equal(titledPerson('Director General Services Board'), null)
})

t.test('relative clauses, ages and narration are no titles', async (t) => {
  t.equal(usableTitle('who chairs the water board'), null)
  t.equal(usableTitle('whose bakery was flooded in March'), null)
  t.equal(usableTitle('71'), null)
  t.equal(usableTitle('24-year-old'), null)
  t.equal(usableTitle('hugging supporters in the aisle'), null)
  t.equal(usableTitle('one of the plaintiffs'), null)
  t.equal(usableTitle('Mr.'), null)
  t.equal(usableTitle('acting mayor'), 'acting mayor')
  t.equal(usableTitle('the foundation’s director'), 'the foundation’s director')
  t.equal(spelledOut('Cllr'), 'Councillor')
  t.equal(spelledOut('CEO'), 'CEO')
})

t.test('titles agree by role words, short forms spelled out and qualifiers dropped', async (t) => {
  t.equal(titlesAgree('Cllr', 'councillor for Eastfield'), true)
  t.equal(titlesAgree('interim chief executive', 'chief executive of Kestrel Foods'), true)
  t.equal(titlesAgree('CEO', 'the railroad’s chief executive'), true)
  t.equal(titlesAgree("the town's fire chief", 'Fire Chief'), true)
  t.equal(titlesAgree('treasurer', 'fire chief'), false, 'no shared role word')
  t.equal(titlesAgree('lead federal investigator', 'investigator in charge'), null, 'a partial overlap is neither')
  t.equal(titlesAgree('Dr', 'fire chief'), null, 'an honorific says nothing')
})

t.test('a looked-up name drops what stored names may lack', async (t) => {
  t.same(lookupTokens(['cllr', 'margaret', 'hale']), ['margaret', 'hale'])
  t.same(lookupTokens(['kestrel', 'foods', 'inc']), ['kestrel', 'foods'])
  t.same(lookupTokens(['mayor']), ['mayor'], 'a lone word is kept')
  t.same(lookupTokens(['theodore', 'w', 'abernathy']), ['theodore', 'abernathy'], 'a middle initial')
  t.equal(organizationKey('The Kestrel Foods Inc.'), 'kestrel foods')
  t.equal(organizationKey('Kestrel Foods'), 'kestrel foods')
  t.equal(organizationKey('Chief Executive Co'), 'chief executive', 'an organisation keeps a title word of its name')
})

t.test('plural people handed as a name are a group', async (t) => {
  t.equal(isGroupName('Campaigners'), true)
  t.equal(isGroupName('Councillors'), true)
  t.equal(isGroupName('Local residents'), true)
  t.equal(isGroupName('Anna Berg'), false)
  t.equal(isGroupName('Ines Rivers'), false)
  t.equal(isGroupName('Simmons'), false)
})

t.test('a company\'s keys with and without its trade', async (t) => {
  t.same(organizationVariants('prairie central railroad'), ['prairie central'])
  t.ok(organizationVariants('prairie central').includes('prairie central railroad'))
  t.same(organizationVariants('central railroad'), [], 'one word before the trade is no name of its own')
  t.same(organizationVariants('kestrel'), [], 'a one-word name has no variants')
})
