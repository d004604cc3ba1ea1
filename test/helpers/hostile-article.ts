// An article whose every field tries to become markup or script on a page: a script element in the title, an
// attribute break-out in the publisher, a javascript: url, a right-to-left override in a speaker's name, and tags in
// the text and quotes. Stored as it is (straight into the store), so the pages are what must keep it as text.
import type { Fixture } from './article.js'
import { span } from './article.js'

export const HOSTILE_TITLE = '<script>alert("title")</script> Council vote'
export const HOSTILE_PUBLISHER = '"><img src=x onerror=alert(1)>'
export const HOSTILE_URL = 'javascript:alert(document.cookie)'
export const RLO_NAME = 'Evil \u202EnosliW'

export function hostileArticle (): Fixture {
  const text = 'The council met on Tuesday.\n' +
    '"<script>alert(1)</script> is what we found," said Evil \u202EnosliW, the clerk.\n' +
    '"Click <a href="javascript:alert(2)">here</a> now," said Evil \u202EnosliW.'
  const [q1s, q1e] = span(text, '<script>alert(1)</script> is what we found,')
  const [m1s, m1e] = span(text, RLO_NAME)
  const [q2s, q2e] = span(text, 'Click <a href="javascript:alert(2)">here</a> now,')
  const [m2s, m2e] = span(text, RLO_NAME, q2e)
  return {
    article: { title: HOSTILE_TITLE, text, publisher: HOSTILE_PUBLISHER, url: HOSTILE_URL, published_at: '2024-06-01T09:00:00.000Z' },
    extraction: {
      extractor_version: 'test-1',
      speakers: [{ id: 0, name: RLO_NAME, kind: 'person', title: '<b onmouseover=alert(3)>clerk</b>', aliases: [RLO_NAME] }],
      quotes: [
        {
          text: text.slice(q1s, q1e), start: q1s, end: q1e, fragments: null, type: 'direct', cue: 'said',
          speaker: { id: 0, name: RLO_NAME, mention: RLO_NAME, start: m1s, end: m1e, kind: 'person', resolved_by: 'name' },
          confidence: 0.9, via: null, context: span(text, `"${text.slice(q1s, q1e)}" said ${RLO_NAME}, the clerk.`),
        },
        {
          text: text.slice(q2s, q2e), start: q2s, end: q2e, fragments: null, type: 'direct', cue: 'said',
          speaker: { id: 0, name: RLO_NAME, mention: RLO_NAME, start: m2s, end: m2e, kind: 'person', resolved_by: 'name' },
          confidence: 0.9, via: '"><svg onload=alert(4)>', context: span(text, `"${text.slice(q2s, q2e)}" said ${RLO_NAME}.`),
        },
      ],
    },
  }
}
