import t from 'tap'
import { matchPerson, type KnownPerson } from '../../src/identity/match.js'

const known = (id: number, first: string | null, title: string | null, survivor = id): KnownPerson =>
  ({ id, survivor, first, titles: title === null ? [] : [title] })
const person = (first: string | null, title: string | null) => ({ first, surname: 'trump', title })

t.test('the same full name is the same person', async (t) => {
  t.equal(matchPerson(person('donald', null), [known(1, 'lara', null), known(2, 'donald', null)]), 2)
})

t.test('a different first name is never the same person, whatever the title', async (t) => {
  t.equal(matchPerson(person('lara', 'President'), [known(1, 'donald', 'President')]), null)
})

t.test('a full name joins a bare surname only with the same title', async (t) => {
  t.equal(matchPerson(person('donald', 'President'), [known(1, null, 'US President')]), 1)
  t.equal(matchPerson(person('lara', null), [known(1, null, 'President')]), null, 'no title: no positive evidence')
  t.equal(matchPerson(person('lara', 'co-chair'), [known(1, null, 'President')]), null, 'titles disagree')
})

t.test('a full name takes over the one bare surname known when neither has a title and nobody else bears it', async (t) => {
  t.equal(matchPerson(person('lara', null), [known(1, null, null)]), 1)
  t.equal(matchPerson(person('lara', null), [known(1, null, null)], true), null, 'another first name is known: ambiguous')
  t.equal(matchPerson(person('lara', 'co-chair'), [known(1, null, null)]), null, 'a title on one side only is no evidence')
})

t.test('a bare surname joins the one known bearer unless a title disagrees', async (t) => {
  t.equal(matchPerson(person(null, null), [known(1, 'donald', 'President')]), 1)
  t.equal(matchPerson(person(null, 'President'), [known(1, 'donald', 'President')]), 1)
  t.equal(matchPerson(person(null, 'senator'), [known(1, 'donald', 'President')]), null)
  t.equal(matchPerson(person(null, null), [known(1, 'donald', 'President'), known(2, 'lara', null)]), null, 'two bearers: ambiguous')
  t.equal(matchPerson(person(null, 'President'), [known(1, 'donald', 'President'), known(2, 'lara', 'co-chair')]), 1,
    'the title picks one of several bearers')
  t.equal(matchPerson(person(null, null), []), null)
})

t.test('a match on a merged speaker resolves to its survivor', async (t) => {
  t.equal(matchPerson(person('donald', null), [known(3, 'donald', null, 7)]), 7)
  t.equal(matchPerson(person(null, null), [known(3, 'donald', null, 7), known(7, 'donald', null)]), 7,
    'a merged speaker and its survivor are one bearer')
})
