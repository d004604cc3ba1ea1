// An article's text with its quotes marked: each quote fragment a <mark> in its speaker's colour, the words naming
// the speaker in bold, and below the text a numbered list describing every quote. Shared by the article page and
// the try-it page, which give the same picture of stored and freshly extracted quotes.
import { html, pageHref, type Html } from './html.js'

/** Colours of the stylesheet's palette (.c0 … .c9); speakers beyond it reuse them in order. */
export const PALETTE_SIZE = 10

export type QuoteKind = 'direct' | 'mixed' | 'indirect'

export interface MarkedSpeaker {
  /** Identifies the speaker within the article (store id, or the extractor's index). */
  key: string
  name: string | null
  kind: string
  title: string | null
  /** The speaker's page, for stored speakers with one. */
  href: string | null
}

export interface MarkedQuote {
  /** Shown as the quote's number; fragments of an interrupted quote share it. */
  number: number
  /** The id of its (first) mark, which links point at: #quote-12 for stored quote 12. */
  anchor: string
  /** [start, end] offsets into the text: one span, or the fragments of an interrupted quote. */
  spans: Array<[number, number]>
  type: QuoteKind
  cue: string | null
  confidence: number
  via: string | null
  speaker: MarkedSpeaker | null
  /** The words naming the speaker at this quote, and where. */
  mention: { text: string, start: number, end: number } | null
  /** How the speaker was found (name, pronoun, …) when the extractor says. */
  resolvedBy: string | null
}

export interface LegendEntry {
  speaker: MarkedSpeaker
  colour: number
  quotes: number
  /** The words naming the speaker at their first quote: what tells unnamed speakers apart. */
  mention: string | null
}

/** The article's speakers in order of their first quote, each with a colour. */
export function legendOf (quotes: readonly MarkedQuote[]): LegendEntry[] {
  const entries = new Map<string, LegendEntry>()
  for (const quote of quotes) {
    if (quote.speaker === null) continue
    const entry = entries.get(quote.speaker.key)
    if (entry) entry.quotes++
    else {
      entries.set(quote.speaker.key,
        { speaker: quote.speaker, colour: entries.size % PALETTE_SIZE, quotes: 1, mention: quote.mention?.text ?? null })
    }
  }
  return [...entries.values()]
}

const TYPE_LABELS: Record<QuoteKind, string> = {
  direct: 'direct (in quotation marks)',
  mixed: 'mixed (partly quoted)',
  indirect: 'indirect (reported speech)',
}

export const speakerLabel = (speaker: Pick<MarkedSpeaker, 'name' | 'kind'> | null): string =>
  speaker === null ? 'unknown speaker' : speaker.name ?? `unnamed ${speaker.kind === 'unnamed' ? 'speaker' : speaker.kind}`

/** The lines shown when a quote is hovered or focused. */
function tip (quote: MarkedQuote): string {
  const speaker = quote.speaker
  const lines = [
    `Speaker: ${speakerLabel(speaker)}${speaker?.title ? `, ${speaker.title}` : ''}`,
    `Type: ${quote.type}`,
    `Cue: ${quote.cue ?? '(none)'}`,
    `Confidence: ${quote.confidence.toFixed(2)}`,
  ]
  const found = [quote.resolvedBy, quote.mention ? `“${quote.mention.text}”` : null].filter(Boolean).join(', ')
  lines.push(`Found by: ${found === '' ? 'unresolved' : found}`)
  if (quote.via !== null) lines.push(`Via: ${quote.via}`)
  return lines.join('\n')
}

interface Fragment {
  quote: MarkedQuote
  start: number
  end: number
  first: boolean
}

/** Ranges sorted by start, each clipped to begin after the one before ends, empty ones dropped. */
function disjoint<T extends { start: number, end: number }> (ranges: T[], length: number): T[] {
  const sorted = ranges
    .map((r) => ({ ...r, start: Math.max(0, Math.min(r.start, length)), end: Math.max(0, Math.min(r.end, length)) }))
    .sort((a, b) => a.start - b.start || b.end - a.end)
  const kept: T[] = []
  let reached = 0
  for (const range of sorted) {
    const start = Math.max(range.start, reached)
    if (range.end <= start) continue
    kept.push({ ...range, start })
    reached = range.end
  }
  return kept
}

/** The text with quotes and speaker mentions marked, then the numbered list of quotes the marks point to. */
export function markedText (text: string, quotes: readonly MarkedQuote[], legend: readonly LegendEntry[]): Html {
  const colours = new Map(legend.map((entry) => [entry.speaker.key, entry.colour]))
  const colourClass = (quote: MarkedQuote): string => {
    const colour = quote.speaker === null ? undefined : colours.get(quote.speaker.key)
    return colour === undefined ? 'cx' : `c${colour}`
  }
  const fragments = disjoint(quotes.flatMap((quote) => quote.spans.map(([start, end], i): Fragment =>
    ({ quote, start, end, first: i === 0 }))), text.length)
  const mentions = disjoint(quotes.flatMap((quote) => quote.mention === null ? [] : [{ ...quote.mention, quote }]), text.length)

  // Text between a and b, with the mentions inside it (clipped to it) in bold.
  const plain = (a: number, b: number): Html[] => {
    const out: Html[] = []
    let at = a
    for (const mention of mentions) {
      const start = Math.max(mention.start, a)
      const end = Math.min(mention.end, b)
      if (end <= start) continue
      out.push(html`${text.slice(at, start)}<b class="mention ${colourClass(mention.quote)}" title="${`speaker of quote ${mention.quote.number}`}">${text.slice(start, end)}</b>`)
      at = end
    }
    out.push(html`${text.slice(at, b)}`)
    return out
  }

  const parts: Html[] = []
  let at = 0
  for (const fragment of fragments) {
    const quote = fragment.quote
    parts.push(...plain(at, fragment.start))
    const many = quote.spans.length > 1
    // Only a quote's first fragment takes keyboard focus, so Tab visits each quote once.
    parts.push(html`<mark class="q t-${quote.type} ${colourClass(quote)}${many ? ' part' : ''}" data-quote="${quote.number}"${fragment.first ? html` id="${quote.anchor}" tabindex="0"` : ''} aria-describedby="qd${quote.number}" data-tip="${tip(quote)}"><sup class="n">${quote.number}${many ? (fragment.first ? '' : '′') : ''}</sup>${plain(fragment.start, fragment.end)}</mark>`)
    at = fragment.end
  }
  parts.push(...plain(at, text.length))

  return html`<div class="article-text">${parts}</div>
<h2 id="quotes">Quotes (${quotes.length})</h2>
${quotes.length === 0 ? html`<p class="empty">No quotes found.</p>` : html`<ol class="quote-list">${quotes.map((quote) => html`
<li id="qd${quote.number}" value="${quote.number}"><span class="swatch ${colourClass(quote)}"></span> ${speakerLink(quote.speaker)}${quote.speaker?.title ? html`, <span class="title">${quote.speaker.title}</span>` : ''}
 · <span class="type t-${quote.type}">${TYPE_LABELS[quote.type]}</span>${quote.spans.length > 1 ? html` · interrupted, ${quote.spans.length} parts` : ''}
 · cue <i>${quote.cue ?? 'none'}</i> · confidence ${quote.confidence.toFixed(2)}
 · found by ${quote.resolvedBy ?? (quote.mention ? 'mention' : 'unresolved')}${quote.mention ? html` “<bdi>${quote.mention.text}</bdi>”` : ''}${quote.via === null ? '' : html` · via <bdi>${quote.via}</bdi>`}
 · <a href="#${quote.anchor}">show in text</a></li>`)}</ol>`}`
}

function speakerLink (speaker: MarkedSpeaker | null): Html {
  const label = speakerLabel(speaker)
  return speaker?.href ? html`<a href="${speaker.href}"><bdi>${label}</bdi></a>` : html`<bdi>${label}</bdi>`
}

/** The legend: each speaker's colour, name (linked to their page) and number of quotes, and the three quote types. */
export function legend (entries: readonly LegendEntry[]): Html {
  return html`<aside class="legend" aria-label="Speakers">
<h2>Speakers</h2>
${entries.length === 0 ? html`<p class="empty">No speaker found.</p>` : html`<ul>${entries.map((entry) => html`
<li><span class="swatch c${entry.colour}"></span> ${speakerLink(entry.speaker)}${entry.speaker.name === null && entry.mention !== null ? html` <span class="muted">“<bdi>${entry.mention}</bdi>”</span>` : ''} <span class="muted">${entry.speaker.kind} · ${entry.quotes} ${entry.quotes === 1 ? 'quote' : 'quotes'}</span></li>`)}</ul>`}
<h2>Quote types</h2>
<ul class="types"><li><mark class="q t-direct cx">direct</mark></li><li><mark class="q t-mixed cx">mixed</mark></li><li><mark class="q t-indirect cx">indirect</mark></li></ul>
</aside>`
}

export const speakerPageHref = (speaker: { id: number, slug: string | null }): string =>
  pageHref(`/ui/speakers/${encodeURIComponent(speaker.slug ?? String(speaker.id))}`)
