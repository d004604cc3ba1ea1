// The try-it page: a form for pasting text or HTML, and what whosaid finds in it, marked as on an article page.
// Nothing is stored: the form posts to a route that only extracts.
import type { Extraction } from '../extract/types.js'
import { html } from './html.js'
import { layout } from './layout.js'
import { legend, legendOf, markedText, type MarkedQuote } from './marked-text.js'

export const TRY_PATH = '/ui/try'

export interface TryInput {
  text: string
  format: 'guess' | 'text' | 'html'
}

export interface TryResult {
  text: string
  title: string | null
  extraction: Extraction
}

function markedExtracted (extraction: Extraction): MarkedQuote[] {
  return extraction.quotes.map((quote, i) => {
    const found = quote.speaker
    const speaker = found === null ? undefined : extraction.speakers[found.id]
    return {
      number: i + 1,
      anchor: `q${i + 1}`,
      spans: quote.fragments ?? [[quote.start, quote.end]],
      type: quote.type,
      cue: quote.cue,
      confidence: quote.confidence,
      via: quote.via,
      speaker: found === null
        ? null
        : { key: String(found.id), name: found.name, kind: found.kind, title: speaker?.title ?? null, href: null },
      mention: found === null ? null : { text: found.mention, start: found.start, end: found.end },
      resolvedBy: found?.resolved_by ?? null,
    }
  })
}

export function tryPage (input: TryInput, result: TryResult | null, problem: string | null = null): string {
  const form = html`<form class="try" action="${TRY_PATH}" method="post">
<label for="try-text">Paste an article's text, or a whole HTML page</label>
<textarea id="try-text" name="text" rows="${result === null ? 12 : 6}" required>${input.text}</textarea>
<fieldset><legend>It is</legend>
<label><input type="radio" name="format" value="guess"${input.format === 'guess' ? ' checked' : ''}> guess: HTML if it starts with &lt;</label>
<label><input type="radio" name="format" value="text"${input.format === 'text' ? ' checked' : ''}> plain text</label>
<label><input type="radio" name="format" value="html"${input.format === 'html' ? ' checked' : ''}> HTML</label>
</fieldset>
<button type="submit">Find the quotes</button>
<p class="muted">Nothing you paste is stored.</p>
</form>`
  let shown = html``
  if (problem !== null) shown = html`<p class="problem" role="alert">${problem}</p>`
  else if (result !== null) {
    const marked = markedExtracted(result.extraction)
    const entries = legendOf(marked)
    shown = html`<section class="result" aria-label="Result">
${result.title ? html`<h2><bdi>${result.title}</bdi></h2>` : ''}
<div class="with-legend">
${legend(entries)}
<div class="body">${markedText(result.text, marked, entries)}</div>
</div>
</section>`
  }
  return layout({ title: 'Try it', main: html`<h1>Try it</h1>${form}${shown}` })
}
