// Properties of the extractor on arbitrary input: it never throws, every offset lies in the input and slices it,
// the output is deterministic, and adversarial inputs finish without a blow-up in time (compared across two sizes,
// never against a fixed time target).
import t, { type Test } from 'tap'
import fc from 'fast-check'
import { isDeepStrictEqual } from 'node:util'
import { extract } from '../../src/extract/index.js'
import { assertScales } from '../helpers/scaling.js'
import { offsetProblems } from '../helpers/extract.js'

/** Runs the extractor and returns what is wrong with its output, or a thrown error. */
function problems (input: string): string[] {
  let ex
  try { ex = extract(input) } catch (err) { return [`threw ${(err as Error).stack ?? String(err)}`] }
  const found = offsetProblems(input, ex)
  const again = extract(input)
  if (!isDeepStrictEqual(ex, again)) found.push('two runs on the same input differ')
  for (const s of ex.speakers) {
    if (!['person', 'organization', 'group', 'unnamed'].includes(s.kind)) found.push(`speaker ${s.id} has kind ${s.kind}`)
  }
  for (const q of ex.quotes) {
    if (!['direct', 'mixed', 'indirect'].includes(q.type)) found.push(`quote type ${q.type}`)
  }
  found.push(...contextProblems(input, ex))
  return found
}

/** The context of every quote lies in the input and holds the quote and its speaker mention. */
function contextProblems (input: string, ex: ReturnType<typeof extract>): string[] {
  const found: string[] = []
  ex.quotes.forEach((q, i) => {
    const where = `quote ${i} ${JSON.stringify(q.text.slice(0, 40))}`
    const c = q.context
    if (!Array.isArray(c) || c.length !== 2 || !Number.isInteger(c[0]) || !Number.isInteger(c[1]) || c[0] < 0 || c[0] > c[1] || c[1] > input.length) {
      found.push(`${where}: context ${JSON.stringify(c)} outside the input`)
      return
    }
    if (q.start < c[0] || q.end > c[1]) found.push(`${where}: [${q.start}, ${q.end}) not within its context [${c[0]}, ${c[1]})`)
    if (q.speaker && (q.speaker.start < c[0] || q.speaker.end > c[1])) found.push(`${where}: mention not within its context`)
    // Its first and last characters only: slicing every context would cost quotes × length on the big inputs.
    if (c[1] > c[0] && (/\s/u.test(input[c[0]]!) || /\s/u.test(input[c[1] - 1]!))) found.push(`${where}: context starts or ends in white space`)
  })
  return found
}

function holds (t: Test, name: string, arb: fc.Arbitrary<string>, numRuns: number): void {
  const result = fc.check(fc.property(arb, (input) => problems(input).length === 0), { numRuns })
  if (result.failed) {
    const input = result.counterexample![0]
    t.fail(`${name}: counterexample (seed ${result.seed}, path ${result.counterexamplePath}) ${JSON.stringify(input)}:\n${problems(input).join('\n')}`)
  } else t.pass(`${name}: ${numRuns} runs`)
}

// A vocabulary of the things the engine reacts to, glued with random separators.
const VOCAB = [
  '"', '“', '”', '‘', '’', "'", "''", '``', '«', '»', '„', '‹', '›',
  'said', 'says', 'told reporters', 'told', 'according to', 'added', 'saying', 'called for', 'called on', 'indicated', 'asked',
  'Trump', 'Steve Witkoff', 'Witkoff', 'Jane Doe', 'Doe', 'Bill Clinton', 'Hillary Clinton', 'Mr.', 'Ms.', 'Sen.', 'Dr.', 'U.S.', 'Jan.',
  'the president', 'President', 'he', 'she', 'He', 'She', 'they', 'officials', 'the White House', 'the ministry', 'a spokesperson for',
  'the prime minister’s office', 'AP', 'Getty Images', 'via', 'Reuters', 'JOHN SMITH/EPA-EFE/Shutterstock', 'Related Posts', 'Photo:',
  'Advertisement', 'Read more:', 'This will close in 0 seconds', 'Sign up for our newsletter', 'Share on Facebook',
  'the plan', 'was', 'dead on arrival', 'that', 'and', 'the', 'of', 'who', 'Hamas’', '’90s', 'rock ’n’ roll', 'don’t', 'it’s',
  ',', '.', ':', ';', '—', '–', '-', '…', '...', '?', '!', '(', ')', '/', '[', ']',
  '\n', '\n\n', '\r\n', ' \n ', '\t', '\u00a0', '\u2028', '😀', 'é', 'e\u0301', '\ud800', '\udc00', '',
]
const SEPARATORS = ['', ' ', ' ', ' ', '\n', '\n\n']

const vocabulary = fc.array(fc.tuple(fc.constantFrom(...VOCAB), fc.constantFrom(...SEPARATORS)), { maxLength: 80 })
  .map((parts) => parts.map(([w, s]) => w + s).join(''))

/** Sentence-shaped inputs: attributions with quotes, more likely to reach deep into the pipeline than noise. */
const sentences = fc.array(fc.record({
  open: fc.constantFrom('"', '“', '‘', "'", "''", '``', ''),
  close: fc.constantFrom('"', '”', '’', "'", "''", ''),
  words: fc.array(fc.constantFrom('the plan', 'was', 'dead on arrival', 'we will win', 'Hamas’', 'don’t', 'U.S.', 'it', 'Mr.', 'and'), { minLength: 1, maxLength: 6 }),
  speaker: fc.constantFrom('Jane Doe', 'Mr. Doe', 'he', 'she', 'the president', 'officials', 'the White House', 'Steve Witkoff, the envoy,', 'AP'),
  cue: fc.constantFrom('said', 'told reporters', 'added', 'says', 'according to'),
  order: fc.integer({ min: 0, max: 3 }),
  end: fc.constantFrom('.', '. ', '.\n', '.\n\n', '', ',', ' AP\n'),
}), { maxLength: 8 }).map((items) => items.map((x) => {
  const q = `${x.open}${x.words.join(' ')},${x.close}`
  switch (x.order) {
    case 0: return `${q} ${x.speaker} ${x.cue}${x.end}`
    case 1: return `${x.speaker} ${x.cue}: ${q}${x.end}`
    case 2: return `${x.speaker} ${x.cue} ${x.words.join(' ')}${x.end}`
    default: return `${x.words.join(' ')}, ${x.cue} ${x.speaker}${x.end}`
  }
}).join(' '))

const utf16 = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 200 })

t.test('arbitrary strings: no throw, offsets inside and slicing, deterministic, confidence in [0, 1], ids index speakers', async (t) => {
  holds(t, 'grapheme strings', fc.string({ unit: 'grapheme', maxLength: 300 }), 150)
  holds(t, 'full-unicode strings', fc.string({ unit: 'binary', maxLength: 300 }), 150)
  holds(t, 'UTF-16 code units, lone surrogates included', utf16, 150)
  holds(t, 'vocabulary of marks, cues, names, furniture and punctuation', vocabulary, 400)
  holds(t, 'sentence-shaped attributions', sentences, 400)
})

t.test('edge inputs', async (t) => {
  for (const input of ['', ' ', '\n', '\n\n\n', '"', '“', '”', "''", '``', '"", "" said.', '“”', '" said he "', 'said', 'according to',
    '"Q," said', ', said X.', '\ud800"hi," he said.', '“a\n”b', 'AP', 'He said.', 'Mr.', 'U.S.', '...', '—', '"'.repeat(101)]) {
    t.same(problems(input), [], JSON.stringify(input))
  }
})

t.test('minConfidence filters quotes and keeps offsets valid', async (t) => {
  const input = '"We will win," Coach Dan Ruiz said. Officials said the game would go on. He added that it was close.'
  const all = extract(input)
  for (const min of [0, 0.5, 0.75, 0.9, 1]) {
    const ex = extract(input, { minConfidence: min })
    t.same(offsetProblems(input, ex), [], `minConfidence ${min}`)
    t.same(contextProblems(input, ex), [], `contexts at minConfidence ${min}`)
    t.ok(ex.quotes.every((q) => q.confidence >= min), `every quote at least ${min}`)
    t.equal(ex.quotes.length, all.quotes.filter((q) => q.confidence >= min).length, `exactly those of the full result at ${min}`)
  }
})

// --- Blow-up guards ---------------------------------------------------------------------------------------------

/** The blow-up guard (test/helpers/scaling.ts), then the big input's offsets and contexts. */
function scales (t: Test, make: (n: number) => string, n: number): void {
  const big = assertScales(t, make, n)
  const ex = extract(big, { maxQuotations: Infinity })
  t.same([...offsetProblems(big, ex), ...contextProblems(big, ex)].slice(0, 5), [], 'the big input’s offsets are valid')
}

t.test('10,000 unmatched opening quotation marks', async (t) => {
  scales(t, (n) => '“a '.repeat(n), 1000)
})

t.test('10,000 unmatched straight quotation marks among words', async (t) => {
  scales(t, (n) => 'x "a b. '.repeat(n).replace(/"a b\. $/, ''), 1000)
})

t.test('a 1 MB paragraph', async (t) => {
  const sentence = 'Senator Jane Doe said the plan was "dead on arrival" and that officials, according to the U.S. envoy, would meet. '
  t.ok(sentence.repeat(9200).length >= 1_000_000)
  scales(t, (n) => sentence.repeat(n), 920)
})

t.test('100,000 short lines', async (t) => {
  const lines = ['Related Posts', 'AP', 'a', 'The plan was fine.', '“Yes,” Jane Doe said.', 'Photo: Reuters', '', 'x “y']
  scales(t, (n) => Array.from({ length: n }, (_, i) => lines[i % lines.length]).join('\n'), 10_000)
})

t.test('100,000 short lines of pronoun attributions with no antecedent', async (t) => {
  scales(t, (n) => '"Yes," he said.\n'.repeat(n), 10_000)
})

t.test('cue words inside an unclosed quotation', async (t) => {
  scales(t, (n) => '“he said '.repeat(n), 3000)
})
