// Hostile inputs for the extractor and the HTML conversion, each built to a requested size: the shapes the probe of
// issue 16 found (or that are like them) where the work could grow with the length of a sentence, a paragraph, the
// entity table or the document instead of with the input. The benchmark (bench/extraction.mjs, "adversarial") times
// each at 10 KB, 100 KB and 1 MB (HTML also at 2 MB) and prints µs per KB; test/robustness/adversarial.test.ts
// guards each at 100 KB against blow-ups. All wording is made up here.

/** `unit(i)` repeated (i = 0, 1, …) until the text is `size` characters, then cut to exactly `size`. */
function fill (size, unit, head = '', tail = '') {
  const parts = [head]
  let length = head.length + tail.length
  for (let i = 0; length < size; i++) {
    const piece = unit(i)
    parts.push(piece)
    length += piece.length
  }
  return (parts.join('').slice(0, Math.max(0, size - tail.length)) + tail)
}

const FIRST = ['Ann', 'Bea', 'Cal', 'Dee', 'Eve', 'Fin', 'Gil', 'Hana', 'Ivo', 'Jan', 'Kit', 'Lia', 'Mo', 'Nia', 'Oto', 'Pip']
/** A letters-only suffix for the i-th distinct name. */
const letters = (i) => i.toString(26).replace(/[0-9]/g, (d) => 'qrstuvwxyz'[Number(d)])
/** A case variant of "Lee" for each i: LEE, lEe, … */
const caseVariant = (word, i) => [...word].map((c, k) => ((i >> k) & 1) ? c.toUpperCase() : c.toLowerCase()).join('')

/** Plain-text shapes: name → (size in characters) → text. */
export const TEXT_SHAPES = {
  'apposition padded with whitespace': (size) => fill(size, () => ' ', '“It works,” said Ann Lee, the director of', ' policy.'),
  'apposition padded with commas and spaces': (size) => fill(size, () => ', ', '“It works,” said Ann Lee, the director of', ' policy.'),
  'case variants of one surname': (size) => fill(size, (i) => `“Fine ${i},” said ${caseVariant('Lee', i)}. `, '“We start,” said Ann Lee. '),
  'one surname with many first names': (size) => fill(size, (i) => `“Fine,” said ${FIRST[i % 16]}${letters(i)} Lee. `),
  'many distinct titles': (size) => fill(size, (i) => `“Fine,” said the ${letters(i)} minister Ann Lee. `),
  'one attribution repeated in a sentence': (size) => fill(size, () => 'Ann Lee said it works, ', '', 'and left.'),
  'many presidents then a role noun': (size) => fill(size, () => 'the president, ', '', 'the spokesman said “it works.”'),
  'a female name then many he': (size) => fill(size, () => 'he said it works, and ', 'Ann Lee arrived. ', 'he left.'),
  'thousands of distinct speakers': (size) => fill(size, (i) => `“Plan ${i} is late,” said ${FIRST[i % 16]} Hollis${letters(i)}. `),
  'unmatched quotation marks': (size) => fill(size, () => 'He said " and '),
  'quotation marks nested deep': (size) => {
    const depth = Math.floor(size / 10)
    return `Ann Lee said: ${'“a ‘b '.repeat(depth)}c${'’ d” '.repeat(depth)}`.slice(0, size)
  },
  'one paragraph of attributions': (size) => fill(size, () => 'Smith said the plan “works” and Jones said it does not, according to officials. '),
  'short lines': (size) => fill(size, () => 'ok\n'),
  'one enormous token': (size) => `“${'x'.repeat(Math.max(0, size - 17))},” said Ann Lee.`,
  'runs of whitespace and line breaks': (size) => fill(size, () => ' \n \t ', '“It works,” said', ' Ann Lee.'),
  'commas without end': (size) => fill(size, () => ',', 'Ann Lee, the director', ' said “it works.”'),
  'abbreviations that end no sentence': (size) => fill(size, () => 'U.S. Mr. Dr. Jan. ', 'Sen. Ann Lee said “', 'ok.”'),
  'a quotation continued over many paragraphs': (size) => fill(size, () => '“We will keep going, and we will not stop.\n\n', 'Ann Lee said:\n\n', '“That is all.”'),
  'asides in one sentence': (size) => fill(size, () => 'according to officials, who said it was late, ', 'The plan, ', ' is “dead,” Ann Lee said.'),
  'cues and names without quotation marks': (size) => fill(size, (i) => `said ${FIRST[i % 16]} Lee told ${FIRST[(i + 3) % 16]} Ray according to `),
  // Extractor 1.7.0's rules: a fronted subordinate clause before every cue, relative pronouns and dash asides
  // around subjects, "with … saying" and described subjects with participles.
  'a subordinate clause then endless cues': (size) => fill(size, () => 'Ann Lee said it works and ', 'When ', '.'),
  'relative pronouns, dashes and participles': (size) => fill(size, () => 'voters who backed the people who say - with three in 10 saying - the tenants had sued, saying '),
  // Quotation dashes: one paragraph of dash segments, each with an attribution.
  'quotation dashes in one paragraph': (size) => fill(size, (i) => `– We are ready ${i}, said Ann Lee. `, '', ''),
  // Soft hyphens between letters, which join a word's parts into one token.
  'soft hyphens inside words': (size) => fill(size, (i) => `Mar\u00adga\u00adret Ha\u00adle said ${i % 2 ? 'it' : 'the\u00adpool'} would open. `),
  // Inserted attributions whose fronts run back over the whole sentence (a front was once scanned to its start each time).
  'inserted attributions in one sentence': (size) => fill(size, () => 'Beyond that, he said, the plan, she told the Echo, '),
  // Issue 12's later rules, each packed into one sentence or one paragraph:
  'possessive frames in one sentence': (size) => fill(size, () => 'critics doubted Ann Lee’s claim that the pool, and ', '', 'closed.'),
  'curly marks inside one straight quotation': (size) => fill(size, () => 'the “plan” and “it works” ', 'Ann Lee said: "', 'done."'),
  'inverted attributions going on with but': (size) => fill(size, () => 'it works, said Ann Lee, but the plan ', '', 'failed.'),
  'sources given by as reported by': (size) => fill(size, () => 'as reported by the Echo, the pool ', 'The plan, ', 'closed.'),
}

/** HTML shapes: name → (size in characters) → page. */
export const HTML_SHAPES = {
  'nested elements': (size) => {
    const depth = Math.floor((size - 40) / 11)
    return `<p>${'<div>'.repeat(depth)}“It works,” said Ann Lee.${'</div>'.repeat(depth)}</p>`
  },
  'character references': (size) => fill(size, () => '&lt;', '<p>“It works,” said Ann Lee. ', '</p>'),
  'many small inline elements': (size) => fill(size, () => '<b>x</b>', '<p>“It works,” said Ann Lee. ', '</p>'),
  'many paragraphs': (size) => fill(size, (i) => `<p>“Plan ${i} is late,” said Ann Lee.</p>`),
  'unclosed paragraphs': (size) => fill(size, () => '<p>x '),
  'one enormous text node': (size) => `<p>${'x'.repeat(Math.max(0, size - 10))}</p>`,
  'entities and whitespace between blocks': (size) => fill(size, () => '<div>&nbsp; &amp; </div>\n'),
  'a long attribute': (size) => `<p title="${'a'.repeat(Math.max(0, size - 60))}">“It works,” said Ann Lee.</p>`,
}

/**
 * The sizes the benchmark measures, in characters. Text goes to 2 MB like HTML: the default BODY_LIMIT admits a JSON
 * body of 2 MB, so that is the largest text a client can send, and the "≤ 2 s of CPU" aim is for every input admitted.
 */
export const TEXT_SIZES = [10_000, 100_000, 1_000_000, 2_000_000]
export const HTML_SIZES = [10_000, 100_000, 1_000_000, 2_000_000]
