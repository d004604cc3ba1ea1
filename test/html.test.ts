// HTML → article text: paragraphs kept, page furniture and code left out, entities decoded, metadata found.
import t from 'tap'
import { htmlToArticle } from '../src/html/index.js'

function page (head: string, body: string): string {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`
}

const STORY = [
  'The harbour commission voted on Tuesday to close the old ferry terminal by the end of next year, ending ' +
    'more than a century of service from the pier at the foot of Water Street.',
  '“We did not take this lightly,” said commission chair Ruth Okafor, who cast the deciding vote. “The pier is ' +
    'simply not safe any longer, and the repairs would cost more than a new terminal.”',
  'Residents who packed the meeting room were not convinced. Several said the commission had ignored a survey ' +
    'that found most commuters still relied on the morning boat to reach the city centre.',
  'The new terminal, two kilometres to the north, is expected to open in the spring of the following year.',
]

const ARTICLE_PAGE = page(
  '<title>Ferry terminal to close | Harbour Herald</title>' +
  '<meta property="og:site_name" content="Harbour Herald">' +
  '<meta name="author" content="Tom Price">' +
  '<meta property="article:published_time" content="2024-03-05T09:30:00+01:00">' +
  '<style>.story p { margin: 0 } body { font-family: serif }</style>' +
  '<script>window.analytics = { track: function () { return "tracked" } }</script>',
  '<header><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav></header>' +
  '<main><article class="story">' +
  '<h1>Ferry terminal to close</h1>' +
  `<p>${STORY[0]}</p>` +
  '<script>document.write("injected by a script")</script>' +
  `<p>${STORY[1]!.replace('Ruth Okafor', 'Ruth&nbsp;Okafor').replace('“', '&ldquo;').replace('”,', '&rdquo;,')}</p>` +
  '<iframe src="https://ads.example/slot">an advert in a frame</iframe>' +
  '<noscript>Please enable JavaScript to see comments</noscript>' +
  `<p>${STORY[2]}</p>` +
  `<p>${STORY[3]}</p>` +
  '</article></main>' +
  '<footer><p>© Harbour Herald. All rights reserved.</p></footer>',
)

t.test('an article page: paragraphs separated by a blank line, no scripts, styles, frames or noscript', async (t) => {
  const article = htmlToArticle(ARTICLE_PAGE)
  t.equal(article.method, 'readability')
  const paragraphs = article.text.split('\n\n')
  t.same(paragraphs, STORY.map((p) => p.replace('Ruth Okafor', 'Ruth\u00a0Okafor')), 'the story, one paragraph each')
  for (const unwanted of ['injected by a script', 'window.analytics', 'font-family', 'an advert in a frame',
    'enable JavaScript', 'Sport']) {
    t.notOk(article.text.includes(unwanted), `no "${unwanted}"`)
  }
  t.equal(article.title, 'Ferry terminal to close', 'the title without the site name')
  t.equal(article.byline, 'Tom Price')
  t.equal(article.publisher, 'Harbour Herald')
  t.equal(article.published_at, '2024-03-05T08:30:00.000Z')
})

t.test('entities are decoded, whitespace collapsed inside a paragraph, <br> is a line break', async (t) => {
  const article = htmlToArticle(page('<title>Entities</title>',
    '<article><p>Fish &amp; chips &lt;3 &#8220;quoted&#8221; &#x2014; caf&eacute;\n   on   the\tquay.</p>' +
    '<p>First line<br>second line<br/>  third   line</p></article>'))
  t.same(article.text.split('\n\n'), [
    'Fish & chips <3 “quoted” — café on the quay.',
    'First line\nsecond line\nthird line',
  ])
})

t.test('headings and list items are paragraphs of their own; <pre> keeps its spacing', async (t) => {
  const html = page('<title>Lists</title>',
    '<div id="content"><h2>What was decided</h2>' +
    '<ul><li>The pier <em>closes</em> in December.</li><li>Boats move north.</li></ul>' +
    '<p>A paragraph between.</p><ol><li>One</li><li>Two</li></ol>' +
    '<pre>  indented\n    code</pre></div>')
  t.same(htmlToArticle(html).text.split('\n\n'), [
    'What was decided', 'The pier closes in December.', 'Boats move north.', 'A paragraph between.', 'One', 'Two',
    '  indented\n    code',
  ])
})

t.test('a fragment without <html> or <body> still gives its text', async (t) => {
  const article = htmlToArticle('<p>“We are ready,” said Ana Silva.</p><p>The team left at dawn.</p>')
  t.equal(article.text, '“We are ready,” said Ana Silva.\n\nThe team left at dawn.')
  t.equal(article.title, null)
  t.equal(article.publisher, null)
})

t.test('when Readability finds no article, the page body is used without navigation', async (t) => {
  const article = htmlToArticle(page('<title>Tiny</title>',
    '<nav><a href="/">Home</a></nav><div>Short note: the office is closed today.</div>'))
  t.match(article.text, 'Short note: the office is closed today.')
  t.notMatch(article.text, 'Home')
  t.equal(article.title, 'Tiny')
})

t.test('metadata falls back through other meta tags', async (t) => {
  const article = htmlToArticle(page(
    '<meta name="application-name" content="Valley Times"><meta property="og:title" content="Dam opens">' +
    '<meta name="date" content="2023-11-02">', `<article><p>${STORY[0]}</p><p>${STORY[2]}</p></article>`))
  t.equal(article.publisher, 'Valley Times')
  t.equal(article.title, 'Dam opens')
  t.equal(article.byline, null)
  t.equal(article.published_at, '2023-11-02T00:00:00.000Z')
})

t.test('empty and markup-only pages give empty text, never a throw', async (t) => {
  t.equal(htmlToArticle('').text, '')
  t.equal(htmlToArticle('<script>alert(1)</script><style>p{}</style>').text, '')
  t.equal(htmlToArticle('<p>&nbsp;</p><div>   </div>').text, '')
})

t.test('deeply nested markup does not overflow the stack', async (t) => {
  const depth = 20_000
  const html = '<div>'.repeat(depth) + 'deep text' + '</div>'.repeat(depth)
  t.match(htmlToArticle(html).text, 'deep text')
})

/** A page shaped like a news site's: head scripts and styles, navigation, a story in wrappers, a sidebar, a footer. */
function newsPage (paragraphCount: number): string {
  const paragraphs = Array.from({ length: paragraphCount }, (_, i) =>
    `<div class="block block--text" data-i="${i}"><p class="para">${STORY[i % STORY.length]} ` +
    `<a href="/topic/${i}" class="inline-link">More on this</a> <span class="note">(${i})</span>.</p></div>`)
  return page('<title>Long read | Harbour Herald</title><meta property="og:site_name" content="Harbour Herald">' +
    '<script>' + 'window.dataLayer.push({event: "view", id: 12345});'.repeat(120) + '</script>' +
    '<style>' + '.block--text p { line-height: 1.5; margin: 0 0 1em }'.repeat(60) + '</style>',
  '<header class="site-header"><nav><ul>' + '<li><a href="/s">Section</a></li>'.repeat(60) + '</ul></nav></header>' +
    '<main><div class="layout"><div class="col-main"><article><h1>Long read</h1>' +
    '<div class="byline">By <a rel="author" href="/a">Tom Price</a></div>' + paragraphs.join('\n') +
    '</article></div><aside class="col-side">' +
    '<div class="related"><a href="/r"><img src="/i.jpg" alt="">Related story headline here</a></div>'.repeat(30) +
    '</aside></div></main><footer>' + '<a href="/f">Footer link</a> '.repeat(40) + '</footer>')
}

t.test('a ~50 KB page converts quickly', async (t) => {
  const html = newsPage(100)
  t.ok(html.length > 45_000 && html.length < 60_000, `page is ${html.length} characters`)
  const first = htmlToArticle(html)
  t.equal(first.method, 'readability')
  t.equal(first.text.split('\n\n').length, 100, 'every paragraph of the story, nothing else')
  t.notMatch(first.text, /Related story|Footer link|Section|dataLayer/)
  const runs = 5
  const started = performance.now()
  for (let i = 0; i < runs; i++) htmlToArticle(html)
  const ms = (performance.now() - started) / runs
  t.comment(`htmlToArticle on a ${html.length}-character page: ${ms.toFixed(1)} ms`)
  t.ok(ms < 1000, `${ms.toFixed(1)} ms per page`)
})
