// The search page: speakers whose names start with the words, articles whose titles hold them, then quotes holding
// them, matched words marked.
import { fold } from '../identity/names.js'
import type { Quote, SourceSummary, Speaker } from '../store/index.js'
import { html, pageHref, type Html } from './html.js'
import { articlePageHref } from './home-view.js'
import { day, layout } from './layout.js'
import { speakerLabel, speakerPageHref } from './marked-text.js'
import { quoteItem } from './speaker-view.js'

const WORD = /[\p{L}\p{N}]+/gu

/** The text with each word whose folded form is one of `words` in <mark>, the rest escaped. */
export function markWords (text: string, words: ReadonlySet<string>): Html {
  const parts: Html[] = []
  let at = 0
  for (const match of text.matchAll(WORD)) {
    if (!words.has(fold(match[0]))) continue
    parts.push(html`${text.slice(at, match.index)}<mark class="hit">${match[0]}</mark>`)
    at = match.index + match[0].length
  }
  parts.push(html`${text.slice(at)}`)
  return html`${parts}`
}

export interface SearchResults {
  query: string
  words: string[]
  speakers: readonly Speaker[]
  articles: readonly SourceSummary[]
  quotes: readonly Quote[]
  nextCursor: string | null
}

export function searchPage (results: SearchResults): string {
  const words = new Set(results.words)
  const { query } = results
  const main = query === ''
    ? html`<h1>Search</h1><p>Type a speaker's name or words of a quote in the box above.</p>`
    : html`<h1>Results for “${query}”</h1>
<section>
<h2>Speakers</h2>
${results.speakers.length === 0 ? html`<p class="empty">No speaker's name starts with these words.</p>` : html`<ul class="speakers">${results.speakers.map((speaker) => html`
<li><a href="${speakerPageHref(speaker)}"><bdi>${speakerLabel(speaker)}</bdi></a>${speaker.title ? html` <span class="muted">${speaker.title}</span>` : ''} <span class="count">${speaker.quote_count} ${speaker.quote_count === 1 ? 'quote' : 'quotes'}</span></li>`)}</ul>`}
</section>
${results.articles.length === 0 ? '' : html`<section>
<h2>Articles</h2>
<ul class="articles">${results.articles.map((article) => html`
<li><a href="${articlePageHref(article.id)}"><bdi>${markWords(article.title, words)}</bdi></a> <span class="muted">${article.publisher ? html`<bdi>${article.publisher}</bdi> · ` : ''}${day(article.published_at ?? article.ingested_at)} · ${article.quote_count} ${article.quote_count === 1 ? 'quote' : 'quotes'}</span></li>`)}</ul>
</section>`}
<section>
<h2>Quotes</h2>
${results.quotes.length === 0 ? html`<p class="empty">No quote holds all these words.</p>` : html`<ol class="quotes results">${results.quotes.map((quote) => quoteItem(quote, markWords(quote.text, words), true))}</ol>`}
${results.nextCursor === null ? '' : html`<p class="pager"><a rel="next" href="${pageHref('/ui/search', { q: query, cursor: results.nextCursor })}">More quotes →</a></p>`}
</section>`
  return layout({ title: query === '' ? 'Search' : `Search: ${query}`, query, main })
}
