import t from 'tap'
import { MENTION_MARK, QUOTE_MARK, markedSnippet } from '../../src/eval/snippet.js'

t.test('marks the quote and the mention, cuts the context and flattens line breaks', async (t) => {
  const text = 'aaaa\nBo said “hi there” ok\nzzzzzzzzzz'
  const quote: [number, number] = [text.indexOf('hi'), text.indexOf('hi') + 8]
  const snippet = markedSnippet(text, [quote], [{ span: quote, ...QUOTE_MARK }, { span: [5, 7], ...MENTION_MARK }], 12)
  t.equal(snippet, '…aa¶⟨Bo⟩ said “⟦hi there⟧” ok¶zzzzzzz…')
  t.equal(markedSnippet('xy', [[0, 2]], [{ span: [0, 1], ...QUOTE_MARK }, { span: [1, 2], ...MENTION_MARK }], 5), '⟦x⟧⟨y⟩')
})
