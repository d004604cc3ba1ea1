// A speaker page: names, titles and counts, then their quotes newest first with filters and pages.
import type { Quote, SpeakerDetail } from '../store/index.js'
import { html, pageHref, type Html } from './html.js'
import { articlePageHref } from './home-view.js'
import { day, layout } from './layout.js'
import { speakerLabel, speakerPageHref } from './marked-text.js'

export interface SpeakerQuoteFilters {
  type?: string | undefined
  since?: string | undefined
  until?: string | undefined
}

export function quoteItem (quote: Quote, text: Html | string, showSpeaker: boolean): Html {
  return html`<li class="quote-item">
<blockquote class="t-${quote.type}">${text}</blockquote>
<p class="muted">${showSpeaker ? html`${quote.speaker ? html`<a href="${speakerPageHref(quote.speaker)}"><bdi>${speakerLabel(quote.speaker)}</bdi></a>` : 'unknown speaker'} · ` : ''}${quote.type}${quote.cue ? html` · <i>${quote.cue}</i>` : ''} · in <a href="${articlePageHref(quote.source_id)}#quote-${quote.id}"><bdi>${quote.source.title}</bdi></a>${quote.source.publisher ? html` · <bdi>${quote.source.publisher}</bdi>` : ''} · ${day(quote.quoted_at)}</p>
</li>`
}

export function speakerPage (speaker: SpeakerDetail, quotes: readonly Quote[], filters: SpeakerQuoteFilters, nextCursor: string | null): string {
  const self = speakerPageHref(speaker)
  const otherNames = speaker.aliases.filter((alias) => alias.alias !== speaker.name)
  return layout({
    title: speakerLabel(speaker),
    main: html`<h1><bdi>${speakerLabel(speaker)}</bdi></h1>
<dl class="facts">
<dt>Kind</dt><dd>${speaker.kind}</dd>
${speaker.titles.length > 0 ? html`<dt>Titles</dt><dd>${speaker.titles.map((title, i) => html`${i > 0 ? '; ' : ''}<bdi>${title}</bdi>`)}</dd>` : ''}
${otherNames.length > 0 ? html`<dt>Other names</dt><dd>${otherNames.map((alias, i) => html`${i > 0 ? '; ' : ''}<bdi>${alias.alias}</bdi>`)}</dd>` : ''}
${speaker.source_id === null ? '' : html`<dt>Belongs to</dt><dd><a href="${articlePageHref(speaker.source_id)}">article ${speaker.source_id}</a> (a speaker without a name is one article's own)</dd>`}
<dt>Quotes</dt><dd>${speaker.quote_count} in ${speaker.source_count} ${speaker.source_count === 1 ? 'article' : 'articles'}</dd>
${speaker.first_quoted_at ? html`<dt>Quoted</dt><dd>${day(speaker.first_quoted_at)} to ${day(speaker.last_quoted_at)}</dd>` : ''}
</dl>
<form class="filters" action="${self}" method="get">
<label>Type <select name="type">
<option value="">any</option>${['direct', 'mixed', 'indirect'].map((type) => html`<option${filters.type === type ? ' selected' : ''}>${type}</option>`)}
</select></label>
<label>From <input type="date" name="since" value="${filters.since ?? ''}"></label>
<label>To <input type="date" name="until" value="${filters.until ?? ''}"></label>
<button type="submit">Filter</button>
</form>
<h2>Quotes, newest first</h2>
${quotes.length === 0 ? html`<p class="empty">No quotes match.</p>` : html`<ol class="quotes">${quotes.map((quote) => quoteItem(quote, quote.text, false))}</ol>`}
${nextCursor === null ? '' : html`<p class="pager"><a rel="next" href="${pageHref(self, { ...filters, cursor: nextCursor })}">Older quotes →</a></p>`}`,
  })
}
