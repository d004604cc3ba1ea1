// A hand-written article and the extraction a correct extractor would give for it, offsets
// computed from the text so they slice it exactly.
import type { ArticleInput } from '../../src/store/index.js'
import type { Extraction } from '../../src/extract/types.js'

export function span (text: string, needle: string, from = 0): [number, number] {
  const start = text.indexOf(needle, from)
  if (start < 0) throw new Error(`"${needle}" not in text`)
  return [start, start + needle.length]
}

export interface Fixture {
  article: ArticleInput
  extraction: Extraction
}

/** `suffix` changes the text (and so its content hash) without moving any offset. */
export function budgetArticle (suffix = ''): Fixture {
  const text = 'Mayor Jane Doe said the budget was "balanced and fair." Critics disagreed.\n' +
    '"We will fight this," said Acme Corp, the city’s largest employer. ' +
    '"It is not over," Doe added, "not by a long way."\n' +
    'Officials said the vote would happen Monday.' + suffix

  const [s1, e1] = span(text, 'balanced and fair.')
  const [s2, e2] = span(text, 'We will fight this,')
  const [f1s, f1e] = span(text, 'It is not over,')
  const [f2s, f2e] = span(text, 'not by a long way.')
  const [s4, e4] = span(text, 'the vote would happen Monday')
  const [jd, jdEnd] = span(text, 'Jane Doe')
  const [acme, acmeEnd] = span(text, 'Acme Corp')
  const [doe, doeEnd] = span(text, 'Doe', f1e)
  const [off, offEnd] = span(text, 'Officials')
  // The sentence(s) around each quote and its speaker mention.
  const c1 = span(text, 'Mayor Jane Doe said the budget was "balanced and fair."')
  const c2 = span(text, '"We will fight this," said Acme Corp, the city’s largest employer.')
  const c3 = span(text, '"It is not over," Doe added, "not by a long way."')
  const c4 = span(text, 'Officials said the vote would happen Monday.')

  return {
    article: { title: `City budget${suffix}`, text, publisher: 'Test Gazette', url: null, published_at: '2024-05-01T08:00:00.000Z' },
    extraction: {
      extractor_version: 'test-1',
      speakers: [
        { id: 0, name: 'Jane Doe', kind: 'person', title: 'Mayor', aliases: ['Jane Doe', 'Doe'] },
        { id: 1, name: 'Acme Corp', kind: 'organization', title: null, aliases: ['Acme Corp'] },
        { id: 2, name: null, kind: 'unnamed', title: null, aliases: [] },
      ],
      quotes: [
        {
          text: 'balanced and fair.', start: s1, end: e1, fragments: null, type: 'mixed', cue: 'said',
          speaker: { id: 0, name: 'Jane Doe', mention: 'Jane Doe', start: jd, end: jdEnd, kind: 'person', resolved_by: 'name' },
          confidence: 0.9, via: null, context: c1,
        },
        {
          text: 'We will fight this,', start: s2, end: e2, fragments: null, type: 'direct', cue: 'said',
          speaker: { id: 1, name: 'Acme Corp', mention: 'Acme Corp', start: acme, end: acmeEnd, kind: 'organization', resolved_by: 'name' },
          confidence: 0.95, via: null, context: c2,
        },
        {
          text: `${text.slice(f1s, f1e)} … ${text.slice(f2s, f2e)}`, start: f1s, end: f2e,
          fragments: [[f1s, f1e], [f2s, f2e]], type: 'direct', cue: 'added',
          speaker: { id: 0, name: 'Jane Doe', mention: 'Doe', start: doe, end: doeEnd, kind: 'person', resolved_by: 'name' },
          confidence: 0.8, via: null, context: c3,
        },
        {
          text: 'the vote would happen Monday', start: s4, end: e4, fragments: null, type: 'indirect', cue: 'said',
          speaker: { id: 2, name: null, mention: 'Officials', start: off, end: offEnd, kind: 'unnamed', resolved_by: 'unresolved' },
          confidence: 0.6, via: null, context: c4,
        },
      ],
    },
  }
}
