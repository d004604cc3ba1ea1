// The tokenizer reads plain ASCII words and punctuation by a character scan and hands everything else to its token
// pattern: both ways must give exactly the tokens the pattern alone gives.
import t from 'tap'
import fc from 'fast-check'
import { tokenize, TOKEN_PATTERN } from '../../src/extract/text.js'
import { hashChars } from '../../src/extract/token-table.js'
import { assertScales } from '../helpers/scaling.js'

/** Tokens as the pattern alone reads them, skipping the white space the test alphabet uses. */
function byPattern (text: string): Array<[number, number]> {
  const re = new RegExp(TOKEN_PATTERN, 'uy')
  const out: Array<[number, number]> = []
  let i = 0
  while (i < text.length) {
    if (/[ \n\t\u00a0]/.test(text[i]!)) { i++; continue }
    re.lastIndex = i
    if (!re.test(text)) { i++; continue }
    out.push([i, re.lastIndex])
    i = re.lastIndex
  }
  return out
}

function byTokenize (text: string): Array<[number, number]> {
  const { starts, ends } = tokenize(text)
  return Array.from(starts, (s, k) => [s, ends[k]!])
}

// Pieces that sit at the edges of the fast path: joiners, initialisms, contractions, doubled marks, accents,
// combining marks, curly quotes, surrogate pairs and long runs.
const PIECES = ['a', 'Z', '7', 'U', '.', "'", '’', '-', '/', '&', '_', '@', '`', ',', '"', '“', '”', '(', '!', ' ', '\n', '\t', '\u00a0',
  's', 've', 'll', 'd', 'é', 'e\u0301', 'ß', '😀', '—', '…', '§', 'x'.repeat(999), 'y'.repeat(1000), 'z'.repeat(1001), '\u0001', '~',
  '000', '12', '1234', ',000', '.5']

t.test('tokenize gives the token pattern\'s tokens on arbitrary mixes of tricky pieces', async (t) => {
  fc.assert(fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }), (parts) => {
    const text = parts.join('')
    t.same(byTokenize(text), byPattern(text), JSON.stringify(text.length > 200 ? text.slice(0, 200) : text))
  }), { numRuns: 3000, seed: 14 })
})

t.test('tokenize on written examples', async (t) => {
  for (const text of ['U.S. officials said', "they've don't O'Malley’s D’Souza", 'al-Qassam 3.5 and/or AT&T a_b x@y.com', "''quoted'' ``too``",
    'wait... -- no', 'Zoë Ødegaard naïve', 'end', 'A.', 'a.b.c.', '12,000 people']) {
    t.same(byTokenize(text), byPattern(text), text)
  }
})

t.test('a number with thousands separators is one token; other commas between digits separate', async (t) => {
  const texts = (text: string): string[] => byTokenize(text).map(([a, b]) => text.slice(a, b))
  t.same(texts('Boasting 108,000 residents, 1,250,000.5 in all'), ['Boasting', '108,000', 'residents', ',', '1,250,000.5', 'in', 'all'])
  t.same(texts('in 2015,2016 and 12,345,67 or 1,2,3 and 108,000th'), ['in', '2015', ',', '2016', 'and', '12,345', ',', '67', 'or', '1', ',', '2', ',', '3', 'and', '108', ',', '000th'])
})

t.test('three straight marks after a word close a nested single quote, then the doubled one; before a word they open', async (t) => {
  const texts = (text: string): string[] => byTokenize(text).map(([a, b]) => text.slice(a, b))
  t.same(texts("the word 'old-school,''' said"), ['the', 'word', "'", 'old-school', ',', "'", "''", 'said'])
  t.same(texts("'''Tis the season,'' he"), ["''", "'", 'Tis', 'the', 'season', ',', "''", 'he'])
  t.same(byTokenize("a 'b,''' c"), byPattern("a 'b,''' c"))
})

t.test('a run of letters far past the word bound is read in linear time (the scan stops at the bound)', async (t) => {
  assertScales(t, (n) => `“${'x'.repeat(n)},” said Ann Lee.`, 100_000)
})

/** Whether every occurrence of one text is one Token object, and different texts are different objects. */
function sharesTokens (t: Tap.Test, text: string): void {
  const { tokens } = tokenize(text)
  const byText = new Map<string, object>()
  const objects = new Set<object>()
  let wrong = 0
  for (const token of tokens) {
    const first = byText.get(token.text)
    if (first === undefined) {
      byText.set(token.text, token)
      if (objects.has(token)) wrong++
      objects.add(token)
    } else if (first !== token) wrong++
  }
  t.equal(wrong, 0, `${tokens.length} tokens, ${byText.size} distinct texts, one object each`)
}

t.test('each distinct token text is one object, through the table growing and a word joined across a soft hyphen', async (t) => {
  const words = Array.from({ length: 5000 }, (_, i) => `w${i.toString(36)}x`)
  sharesTokens(t, `${words.join(' ')} Margaret Mar\u00ADgaret ${words.reverse().join(', ')} Mar\u200Bgaret Margaret.`)
  const { tokens } = tokenize('Margaret and Mar\u00ADgaret')
  t.equal(tokens[0], tokens[2], 'a word joined across an invisible character is the plain word\'s token')
})

t.test('words whose hashes share a table slot are still one object each (past the probe bound, in the overflow)', async (t) => {
  // Words whose hashes agree in their low 12 bits fall in one run of slots of the table while it is small.
  const colliding: string[] = []
  for (let i = 0; colliding.length < 40; i++) {
    const word = `k${i.toString(36)}`
    if ((hashChars(word, 0, word.length) & 0xfff) === 0x5a5) colliding.push(word)
  }
  const text = `${colliding.join(' ')} ${colliding.join(' ')} ${colliding.slice().reverse().join(' ')}`
  sharesTokens(t, text)
  t.same(byTokenize(text).map(([a, b]) => text.slice(a, b)), text.split(' '))
})
