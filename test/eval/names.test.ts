import t from 'tap'
import { nameAgrees, nameWords } from '../../src/eval/names.js'

t.test('name words drop articles, honorifics, possessives, accents and punctuation', async (t) => {
  t.same(nameWords('The Mr. José Núñez’s'), ['jose', 'nunez'])
  t.same(nameWords("Dr. O'Brien's office"), ['o', 'brien', 'office'])
  t.same(nameWords(null), [])
})

t.test('names agree when one word set contains the other', async (t) => {
  t.ok(nameAgrees('Steve Witkoff', ['Witkoff']))
  t.ok(nameAgrees('Witkoff', ['Steve Witkoff']))
  t.ok(nameAgrees('Mr. Obama', ['Barack Obama']))
  t.notOk(nameAgrees('Michelle Obama', ['Barack Obama']), 'neither contains the other')
  t.ok(nameAgrees('the senator', ['Senator']))
  t.ok(nameAgrees('x', ['nobody', 'X']), 'any of the gold names')
})

t.test('pronouns and empty names never agree', async (t) => {
  t.notOk(nameAgrees('he', ['he']))
  t.notOk(nameAgrees('They', ['they']))
  t.notOk(nameAgrees('Obama', ['he']))
  t.notOk(nameAgrees('', ['']))
  t.notOk(nameAgrees('the', ['The']), 'only ignored words: nothing left to compare')
  t.notOk(nameAgrees(undefined, ['Obama']))
  t.ok(nameAgrees('he Obama', ['Obama']), 'a name with a pronoun word in it is still a name')
})
