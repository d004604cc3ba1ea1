// An article page: title and metadata, the legend of its speakers, and its text with every quote marked.
import type { Quote, SourceDetail, SpeakerDetail } from '../store/index.js'
import { externalLink, html } from './html.js'
import { day, layout } from './layout.js'
import { legend, legendOf, markedText, speakerPageHref, type MarkedQuote } from './marked-text.js'

/** A stored quote as the marked text shows it; `speakers` gives the titles of the article's speakers. */
export function markedStoredQuote (quote: Quote, number: number, speakers: ReadonlyMap<number, SpeakerDetail>): MarkedQuote {
  const speaker = quote.speaker
  // resolved_by arrives with the speaker identity work, on the quote or its speaker; shown when the store gives it.
  const resolvedBy = (quote as { resolved_by?: string | null }).resolved_by ??
    (speaker as { resolved_by?: string | null } | null)?.resolved_by ?? null
  return {
    number,
    anchor: `quote-${quote.id}`,
    spans: quote.fragments ?? [[quote.start, quote.end]],
    type: quote.type,
    cue: quote.cue,
    confidence: quote.confidence,
    via: quote.via,
    speaker: speaker === null
      ? null
      : {
          key: String(speaker.id),
          name: speaker.name,
          kind: speaker.kind,
          title: speakers.get(speaker.id)?.title ?? null,
          href: speakerPageHref(speaker),
        },
    mention: speaker?.mention != null && speaker.start !== null && speaker.end !== null
      ? { text: speaker.mention, start: speaker.start, end: speaker.end }
      : null,
    resolvedBy,
  }
}

export function articlePage (source: SourceDetail, quotes: readonly Quote[], speakers: ReadonlyMap<number, SpeakerDetail>): string {
  const marked = quotes.map((quote, i) => markedStoredQuote(quote, i + 1, speakers))
  const entries = legendOf(marked)
  return layout({
    title: source.title,
    main: html`<article class="article">
<h1><bdi>${source.title}</bdi></h1>
<p class="meta">${source.publisher ? html`<bdi>${source.publisher}</bdi> · ` : ''}${source.published_at === null ? html`ingested ${day(source.ingested_at)}` : day(source.published_at)}${source.url ? html` · ${externalLink(source.url)}` : ''} · ${source.quote_count} ${source.quote_count === 1 ? 'quote' : 'quotes'} · <a href="/sources/${source.id}">JSON</a></p>
<div class="with-legend">
${legend(entries)}
<div class="body">
<p class="hint">Hover over a quote, or move to it with Tab, to see who said it and how sure whosaid is.</p>
${quotes.length < source.quote_count ? html`<p class="hint">The first ${quotes.length} of ${source.quote_count} quotes are marked; <a href="/sources/${source.id}/quotes?limit=100">all of them as JSON</a>.</p>
` : ''}${markedText(source.text, marked, entries)}
</div>
</div>
</article>`,
  })
}
