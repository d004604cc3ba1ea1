// The home page: a search box, the most quoted speakers, the latest articles, and where the API and its docs are.
import type { Speaker, SourceSummary } from '../store/index.js'
import { html } from './html.js'
import { day, layout } from './layout.js'
import { speakerLabel, speakerPageHref } from './marked-text.js'

export const articlePageHref = (id: number): string => `/ui/articles/${id}`

export function homePage (speakers: readonly Speaker[], articles: readonly SourceSummary[]): string {
  return layout({
    title: 'Who said what',
    main: html`<section class="hero">
<h1>Who said what</h1>
<p>whosaid reads news articles and finds the quotes in them and who said them. Search a speaker by name, or quotes by the words said.</p>
<form class="search big" action="/ui/search" method="get" role="search">
<input type="search" name="q" placeholder="e.g. a name, or words of a quote" aria-label="Search speakers and quotes" maxlength="200" required>
<button type="submit">Search</button>
</form>
<p class="muted">Or <a href="/ui/try">try it on your own text</a>. Programs use the JSON API: <a href="/docs">API documentation</a>.</p>
</section>
<div class="columns">
<section>
<h2>Most quoted speakers</h2>
${speakers.length === 0 ? html`<p class="empty">No speakers yet: ingest an article through the API.</p>` : html`<ol class="speakers">${speakers.map((speaker) => html`
<li><a href="${speakerPageHref(speaker)}"><bdi>${speakerLabel(speaker)}</bdi></a>${speaker.title ? html` <span class="muted">${speaker.title}</span>` : ''} <span class="count">${speaker.quote_count} ${speaker.quote_count === 1 ? 'quote' : 'quotes'}</span></li>`)}</ol>`}
</section>
<section>
<h2>Latest articles</h2>
${articles.length === 0 ? html`<p class="empty">No articles yet.</p>` : html`<ul class="articles">${articles.map((article) => html`
<li><a href="${articlePageHref(article.id)}"><bdi>${article.title}</bdi></a> <span class="muted">${article.publisher ? html`<bdi>${article.publisher}</bdi> · ` : ''}${day(article.published_at ?? article.ingested_at)} · ${article.quote_count} ${article.quote_count === 1 ? 'quote' : 'quotes'}</span></li>`)}</ul>`}
</section>
</div>`,
  })
}
