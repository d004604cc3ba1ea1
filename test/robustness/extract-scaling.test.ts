// Blow-up guards for input shapes test/extract/properties.test.ts does not try: many distinct speakers, deep nesting
// of quotation marks, one enormous word, long runs of abbreviations, a quotation continued over many paragraphs,
// long chains of asides. Ten times the input must not take anywhere near a hundred times as long (measured against
// the same extractor on the smaller input, never against a fixed time), and the output must stay valid.
import t, { type Test } from 'tap'
import { extract } from '../../src/extract/index.js'
import { offsetProblems } from '../helpers/extract.js'
import { assertScales } from '../helpers/scaling.js'

t.setTimeout(300_000)

function scales (t: Test, make: (n: number) => string, n: number): void {
  const big = assertScales(t, make, n)
  t.same(offsetProblems(big, extract(big, { maxQuotations: Infinity })).slice(0, 5), [], 'the big input’s offsets are valid')
}

const FIRST = ['Ann', 'Bo', 'Cleo', 'Dev', 'Eli', 'Fay', 'Gus', 'Hal', 'Ida', 'Jon', 'Kai', 'Lou', 'Max', 'Ned', 'Oda', 'Pia']
const LAST = ['Arnott', 'Berrow', 'Calder', 'Dunmore', 'Eskew', 'Farrant', 'Gilliard', 'Hollis', 'Ivers', 'Jessop', 'Kinsey', 'Lomax']
/** The i-th of many distinct names: two words from the lists and a number-free suffix made of letters. */
function name (i: number): string {
  const suffix = i.toString(26).replace(/[0-9]/g, (d) => 'qrstuvwxyz'[Number(d)]!)
  return `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]}${suffix}`
}

t.test('thousands of distinct named speakers, each quoted and then named again by surname', async (t) => {
  scales(t, (n) => Array.from({ length: n }, (_, i) => {
    const full = name(i)
    return `“The plan ${i} is late,” said ${full}. “We need it,” ${full.split(' ')[1]} added.`
  }).join('\n\n'), 300)
})

t.test('quotation marks nested thousands deep', async (t) => {
  scales(t, (n) => `Ann Lee said: ${'“a ‘b '.repeat(n)}c${'’ d” '.repeat(n)}and left.`, 1500)
})

t.test('one word of hundreds of thousands of letters, inside and outside quotation marks', async (t) => {
  scales(t, (n) => `“${'x'.repeat(n)},” said Ann Lee. ${'y'.repeat(n)}`, 50_000)
})

t.test('long runs of abbreviations that end no sentence', async (t) => {
  scales(t, (n) => `Sen. Ann Lee of the U.S. said “${'U.S. Mr. Dr. Jan. '.repeat(n)}ok,” and left.`, 2000)
})

t.test('a quotation continued over thousands of paragraphs', async (t) => {
  // The news convention: each paragraph of a long quotation opens with a mark, and only the last one closes.
  scales(t, (n) => `Ann Lee said:\n\n${'“We will keep going, and we will not stop.\n\n'.repeat(n)}“That is all.”`, 1500)
})

t.test('one sentence with thousands of asides and attributions', async (t) => {
  scales(t, (n) => `The plan, ${'according to officials, who said it was late, '.repeat(n)}is “dead on arrival,” Ann Lee said.`, 1000)
})

t.test('quotation marks of every style alternating without pairs', async (t) => {
  const marks = ['“', '"', '‘', '«', '„', '‹', '»', '”', "'", '’', '‚', '›']
  scales(t, (n) => Array.from({ length: n }, (_, i) => `${marks[i % marks.length]}word${i} said Ann`).join(' '), 3000)
})

t.test('a token of millions of characters is read as several tokens, not a stack overflow', async (t) => {
  // V8 keeps a backtracking entry per character a quantifier takes: an unbounded word of 8 M letters overflowed.
  for (const text of [`“${'x'.repeat(8_000_000)},” said Ann Lee.`, `${`${'x'.repeat(999)}-`.repeat(8000)} said Ann Lee.`]) {
    const extraction = extract(text)
    t.same(offsetProblems(text, extraction).slice(0, 5), [], 'valid offsets')
  }
  const quoted = extract(`“${'x'.repeat(8_000_000)},” said Ann Lee.`)
  t.equal(quoted.quotes[0]?.speaker?.name, 'Ann Lee', 'the quote around the long token is still found')
})
