import t from 'tap'
import { toPredictionRecord } from '../../src/eval/predictions.js'
import type { Extraction } from '../../src/extract/types.js'

t.test('an extraction becomes a prediction record', async (t) => {
  const extraction: Extraction = {
    extractor_version: 'test',
    speakers: [{ id: 0, name: 'Ann Lee', kind: 'person', title: null, aliases: ['Ann Lee'] }],
    quotes: [
      {
        text: 'a … b', start: 10, end: 40, fragments: [[10, 20], [30, 40]], type: 'direct', cue: 'said', confidence: 0.9, via: null,
        speaker: { id: 0, name: 'Ann Lee', mention: 'she', start: 22, end: 25, kind: 'person' },
      },
      { text: 'c', start: 50, end: 60, fragments: null, type: 'indirect', cue: null, confidence: 0.4, via: null, speaker: null },
    ],
  }
  t.same(toPredictionRecord('doc', extraction), {
    id: 'doc',
    quotes: [
      { start: 10, end: 40, fragments: [[10, 20], [30, 40]], type: 'direct', speaker: { name: 'Ann Lee', mention: 'she', start: 22, end: 25 } },
      { start: 50, end: 60, type: 'indirect', speaker: null },
    ],
  })
})
