// Pages through app.inject(): what each page holds, that curl still gets JSON, that untrusted text stays text, and
// that the try-it form stores nothing and needs no key. (What a browser shows is in test/pages/browser.test.ts.)
import t from 'tap'
import { escapeHtml, externalLink, html } from '../../src/pages/html.js'
import { testApp } from '../helpers/app.js'
import { budgetArticle } from '../helpers/article.js'
import { HOSTILE_PUBLISHER, HOSTILE_TITLE, hostileArticle } from '../helpers/hostile-article.js'

const HTML = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' }

async function appWith (t: { teardown: (fn: () => unknown) => void }, options = {}) {
  const app = await testApp(options)
  t.teardown(() => app.close())
  const { article, extraction } = budgetArticle()
  await app.db.ingest(article, extraction)
  return app
}

const count = (text: string, pattern: RegExp): number => [...text.matchAll(pattern)].length

t.test('escapeHtml turns markup characters into entities and drops bidirectional overrides', async (t) => {
  t.equal(escapeHtml('<script>alert("x")</script>'), '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;')
  t.equal(escapeHtml(`"><img src=x onerror='y'>`), '&quot;&gt;&lt;img src=x onerror=&#39;y&#39;&gt;')
  t.equal(escapeHtml('a & b'), 'a &amp; b')
  t.equal(escapeHtml('nul\u0000 bell\u0007 kept:\ttab\nline'), 'nul bell kept:\ttab\nline', 'control characters dropped, tab and newline kept')
  t.equal(escapeHtml('Evil \u202EnosliW \u2066x\u2069'), 'Evil nosliW x')
  t.equal(html`<p title="${'"x"'}">${'<b>'}</p>`.value, '<p title="&quot;x&quot;">&lt;b&gt;</p>', 'the html tag escapes every value')
  t.equal(html`<p>${html`<b>${'&'}</b>`}</p>`.value, '<p><b>&amp;</b></p>', 'markup made by the tag is kept')
  t.equal(externalLink('javascript:alert(1)')?.value, '<span class="url">javascript:alert(1)</span>', 'a javascript: url is not a link')
  t.match(externalLink('https://example.com/a?b=1&c=2')?.value, /^<a href="https:\/\/example.com\/a\?b=1&amp;c=2"/)
})

t.test('GET / gives curl JSON and a browser the home page, with the speakers, articles and docs', async (t) => {
  const app = await appWith(t)
  for (const accept of [undefined, '*/*', 'application/json']) {
    const res = await app.inject({ method: 'GET', url: '/', headers: accept === undefined ? {} : { accept } })
    t.equal(res.statusCode, 200)
    t.match(res.headers['content-type'], /^application\/json/, `Accept ${accept ?? '(none)'} gets JSON`)
    t.match(res.json(), { docs: '/docs', openapi: '/docs/json' })
  }
  const res = await app.inject({ method: 'GET', url: '/', headers: HTML })
  t.equal(res.statusCode, 200)
  t.match(res.headers['content-type'], /^text\/html; charset=utf-8/)
  const csp = String(res.headers['content-security-policy'])
  t.match(csp, /default-src 'none'/)
  t.notMatch(csp, /script-src|unsafe-inline/, 'no script may run on a page')
  t.match(res.body, /<a href="\/ui\/speakers\/jane-doe"><bdi>Jane Doe<\/bdi><\/a>/)
  t.match(res.body, /<a href="\/ui\/articles\/1"><bdi>City budget<\/bdi><\/a>/)
  t.match(res.body, /href="\/docs"/)
  t.notMatch(res.body, /<script/)
})

t.test('the JSON API answers exactly as before whatever the Accept header', async (t) => {
  const app = await appWith(t)
  const plain = await app.inject({ method: 'GET', url: '/speakers' })
  const browser = await app.inject({ method: 'GET', url: '/speakers', headers: HTML })
  t.equal(browser.headers['content-type'], plain.headers['content-type'])
  t.equal(browser.body, plain.body)
  const missing = await app.inject({ method: 'GET', url: '/nothing-here', headers: HTML })
  t.equal(missing.statusCode, 404)
  t.match(missing.json(), { message: 'Route GET /nothing-here not found' })
})

t.test('an article page marks every quote in its speaker\'s colour, interrupted quotes as one, with a legend', async (t) => {
  const app = await appWith(t)
  const res = await app.inject({ method: 'GET', url: '/ui/articles/1' })
  t.equal(res.statusCode, 200)
  const body = res.body
  t.equal(count(body, /<mark class="q [^"]*" data-quote="\d+" id="quote-\d+" tabindex="0"/g), 4, 'one focusable mark per quote')
  t.equal(count(body, /data-quote="3"/g), 2, 'the interrupted quote is two marks sharing one number')
  t.match(body, /<mark class="q t-mixed c0" data-quote="1" id="quote-1" tabindex="0" aria-describedby="qd1" data-tip="Speaker: Jane Doe, Mayor&#10;|Speaker: Jane Doe, Mayor\n/)
  t.match(body, /<mark class="q t-direct c1" data-quote="2"/, 'Acme Corp has the second colour')
  t.match(body, /<mark class="q t-direct c0 part" data-quote="3" id="quote-3"/, 'Jane Doe\'s colour again')
  t.match(body, /<mark class="q t-indirect c2" data-quote="4"/)
  t.match(body, /<b class="mention c0"[^>]*>Jane Doe<\/b>/, 'the speaker\'s mention is marked')
  t.match(body, /<aside class="legend"[\s\S]*<a href="\/ui\/speakers\/jane-doe"><bdi>Jane Doe<\/bdi><\/a>[\s\S]*<a href="\/ui\/speakers\/acme-corp">/)
  t.match(body, /<bdi>unnamed speaker<\/bdi><\/a> <span class="muted">“<bdi>Officials<\/bdi>”<\/span>/, 'an unnamed speaker is told by the words naming it')
  t.match(body, /<li id="qd3" value="3">[\s\S]*?interrupted, 2 parts/)
  const missing = await app.inject({ method: 'GET', url: '/ui/articles/99' })
  t.equal(missing.statusCode, 404)
  t.match(missing.headers['content-type'], /^text\/html/)
  t.match(missing.body, /There is no article 99\./)
})

t.test('a hostile article renders as text: no element, attribute or link comes from its fields', async (t) => {
  const app = await appWith(t)
  const { article, extraction } = hostileArticle()
  const { source_id: id } = await app.db.ingest(article, extraction) as { source_id: number }
  const speaker = (await app.db.speakers.list({ limit: 10 }, {})).items.find((s) => s.name?.startsWith('Evil'))!
  for (const url of [`/ui/articles/${id}`, '/', `/ui/speakers/${speaker.slug ?? speaker.id}`, '/ui/search?q=script+found']) {
    const res = await app.inject({ method: 'GET', url, headers: HTML })
    t.equal(res.statusCode, 200, url)
    const body = res.body
    t.notMatch(body, /<script|<img|<svg|<b onmouseover|href="javascript/i, `${url}: nothing became markup`)
    t.notMatch(body, /\u202E/, `${url}: no right-to-left override`)
    if (url.startsWith('/ui/articles')) {
      t.match(body, /&lt;script&gt;alert\(&quot;title&quot;\)&lt;\/script&gt; Council vote/)
      t.match(body, /&quot;&gt;&lt;img src=x onerror=alert\(1\)&gt;/)
      t.match(body, /<span class="url">javascript:alert\(document.cookie\)<\/span>/)
      t.match(body, /&lt;script&gt;alert\(1\)&lt;\/script&gt; is what we found/)
    }
  }
  t.ok(HOSTILE_TITLE && HOSTILE_PUBLISHER)
})

t.test('a speaker page lists quotes newest first, filters by type and date, pages, and follows merges', async (t) => {
  const app = await appWith(t)
  for (let i = 1; i <= 11; i++) {
    const { article, extraction } = budgetArticle(` (${i})`)
    await app.db.ingest({ ...article, published_at: `2024-05-${String(1 + i).padStart(2, '0')}T08:00:00.000Z` }, extraction)
  }
  const res = await app.inject({ method: 'GET', url: '/ui/speakers/jane-doe' })
  t.equal(res.statusCode, 200)
  t.match(res.body, /<h1><bdi>Jane Doe<\/bdi><\/h1>/)
  t.match(res.body, /<dt>Titles<\/dt><dd><bdi>Mayor<\/bdi><\/dd>/)
  t.match(res.body, /<dt>Other names<\/dt><dd><bdi>Doe<\/bdi><\/dd>/)
  t.match(res.body, /<dd>24 in 12 articles<\/dd>/)
  t.equal(count(res.body, /<li class="quote-item">/g), 20, 'a page of 20')
  t.match(res.body, /City budget \(11\)[\s\S]*City budget \(10\)/, 'newest first')
  const next = /<a rel="next" href="([^"]+)"/.exec(res.body)![1]!.replace(/&amp;/g, '&')
  const second = await app.inject({ method: 'GET', url: next })
  t.equal(count(second.body, /<li class="quote-item">/g), 4, 'the rest on the next page')
  t.notMatch(second.body, /rel="next"/)

  const direct = await app.inject({ method: 'GET', url: '/ui/speakers/jane-doe?type=direct&since=&until=' })
  t.equal(count(direct.body, /<li class="quote-item">/g), 12)
  t.equal(count(direct.body, /<blockquote class="t-mixed">/g), 0, 'only direct quotes')
  t.match(direct.body, /<option selected>direct<\/option>/, 'the filter is kept in the form')
  const dated = await app.inject({ method: 'GET', url: '/ui/speakers/jane-doe?type=&since=2024-05-11&until=2024-05-12' })
  t.equal(count(dated.body, /<li class="quote-item">/g), 4, 'two articles in those two days')
  const bad = await app.inject({ method: 'GET', url: '/ui/speakers/jane-doe?since=2024-02-31' })
  t.equal(bad.statusCode, 400)
  t.match(bad.body, /since is not a real date/)

  const typed = await app.inject({ method: 'GET', url: '/ui/speakers/Jane-Doe' })
  t.equal(typed.statusCode, 200, 'a slug typed with capitals finds the speaker')
  const nobody = await app.inject({ method: 'GET', url: '/ui/speakers/No%20One%00' })
  t.equal(nobody.statusCode, 404)
  t.match(nobody.body, /There is no speaker No One\./)
  const unnamed = await app.inject({ method: 'GET', url: '/ui/speakers/3' })
  t.match(unnamed.body, /<h1><bdi>unnamed speaker<\/bdi><\/h1>/)
  t.match(unnamed.body, /<dt>Belongs to<\/dt><dd><a href="\/ui\/articles\/1">article 1<\/a>/, 'an unnamed speaker links to its article')

  const acme = (await app.db.speakers.find('acme-corp'))!
  const jane = (await app.db.speakers.find('jane-doe'))!
  await app.db.corrections.merge(acme.id, jane.id)
  const moved = await app.inject({ method: 'GET', url: '/ui/speakers/acme-corp?type=direct' })
  t.equal(moved.statusCode, 301)
  t.equal(moved.headers.location, '/ui/speakers/jane-doe?type=direct')
})

t.test('the search page finds speakers by name and quotes by words, marking the words', async (t) => {
  const app = await appWith(t)
  const res = await app.inject({ method: 'GET', url: '/ui/search?q=Doe' })
  t.match(res.body, /<ul class="speakers">[\s\S]*Jane Doe/)
  const words = await app.inject({ method: 'GET', url: '/ui/search?q=FIGHT' })
  t.match(words.body, /We will <mark class="hit">fight<\/mark> this,/)
  t.match(words.body, /<a href="\/ui\/speakers\/acme-corp"><bdi>Acme Corp<\/bdi><\/a>/, 'the speaker of each quote')
  t.match(words.body, /in <a href="\/ui\/articles\/1#quote-2"><bdi>City budget<\/bdi><\/a>/, 'and its article, at the quote')
  const titles = await app.inject({ method: 'GET', url: '/ui/search?q=budget' })
  t.match(titles.body, /<h2>Articles<\/h2>\n<ul class="articles">\n<li><a href="\/ui\/articles\/1"><bdi>City <mark class="hit">budget<\/mark><\/bdi><\/a>/, 'articles by title words')
  const syntax = await app.inject({ method: 'GET', url: '/ui/search?q=' + encodeURIComponent('fight" OR (NOT*') })
  t.equal(syntax.statusCode, 200, 'what a person types is never query syntax')
  t.match(syntax.body, /No quote holds all these words/)
  const empty = await app.inject({ method: 'GET', url: '/ui/search?q=' })
  t.equal(empty.statusCode, 200)
})

t.test('the try-it form extracts what is pasted, stores nothing, and needs no API key', async (t) => {
  const app = await appWith(t, { apiKey: 'k'.repeat(32) })
  const form = new URLSearchParams({ text: 'The mayor spoke. "We are ready," said Mary Poppins, the mayor.', format: 'guess' })
  const res = await app.inject({
    method: 'POST', url: '/ui/try', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: form.toString(),
  })
  t.equal(res.statusCode, 200)
  t.match(res.body, /<mark class="q t-direct c0" data-quote="1" id="q1" tabindex="0"[^>]*><sup class="n">1<\/sup>We are ready,<\/mark>/)
  t.match(res.body, /<b class="mention c0"[^>]*>Mary Poppins<\/b>/)
  t.match(res.body, /<textarea[^>]*>The mayor spoke. &quot;We are ready,&quot;/, 'the text stays in the form')
  t.equal(await app.db.sources.count(), 1, 'nothing stored')
  const htmlForm = new URLSearchParams({ text: '<html><body><p>"Taxes will fall," said Mary Poppins.</p><script>x()</script></body></html>' })
  const page = await app.inject({
    method: 'POST', url: '/ui/try', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: htmlForm.toString(),
  })
  t.match(page.body, /<sup class="n">1<\/sup>Taxes will fall,<\/mark>/, 'HTML guessed from the leading <')
  const empty = await app.inject({
    method: 'POST', url: '/ui/try', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'text=%20&format=text',
  })
  t.equal(empty.statusCode, 400)
  t.match(empty.body, /<p class="problem" role="alert">the pasted text must not be empty/)
  const json = await app.inject({ method: 'POST', url: '/ui/try', payload: { text: 'x' } })
  t.equal(json.statusCode, 415)
  const api = await app.inject({ method: 'POST', url: '/extract', payload: { text: 'x' } })
  t.equal(api.statusCode, 401, 'the API itself still needs the key')
})

t.test('pages are left out of the OpenAPI description; unknown pages are an HTML 404', async (t) => {
  const app = await appWith(t)
  const doc = (await app.inject({ method: 'GET', url: '/docs/json' })).json() as { paths: Record<string, unknown> }
  t.same(Object.keys(doc.paths).filter((path) => path === '/' || path.startsWith('/ui')), [])
  const res = await app.inject({ method: 'GET', url: '/ui/nope' })
  t.equal(res.statusCode, 404)
  t.match(res.body, /There is no page at \/ui\/nope\./)
  const css = await app.inject({ method: 'GET', url: '/ui/style.css' })
  t.equal(css.statusCode, 200)
  t.match(css.headers['content-type'], /^text\/css/)
  const again = await app.inject({ method: 'GET', url: '/ui/style.css', headers: { 'if-none-match': String(css.headers.etag) } })
  t.equal(again.statusCode, 304)
})
