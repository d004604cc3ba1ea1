// The bounds put on markup before it is parsed: tags nested past MAX_NESTING dropped with their text kept, a page
// with more tags and character references than MAX_HTML_NODES refused, and ordinary (even sloppy) pages untouched.
import t from 'tap'
import { boundMarkup, HtmlTooLargeError, MAX_HTML_NODES, MAX_NESTING } from '../src/html/bounds.js'
import { htmlToArticle } from '../src/html/index.js'
import { prepareArticleValue } from '../src/services/article.js'

t.test('ordinary and sloppy pages pass through unchanged', async (t) => {
  const pages = [
    '<html><head><title>T</title><script>if (a < b && "<div>") x()</script></head><body><article><p>One.</p></article></body></html>',
    `<ul>${'<li><p>An item, its paragraph never closed'.repeat(2 * MAX_NESTING)}</ul>`,
    `<div>${'<p>A paragraph left open. '.repeat(3 * MAX_NESTING)}</div>`,
    `<table>${'<tr><td>a<td>b'.repeat(MAX_NESTING)}</table>`,
    `${'<div>'.repeat(MAX_NESTING)}deep but allowed${'</div>'.repeat(MAX_NESTING)}`,
    '<p>Not a tag: a < b and c > d, <3 <!-- a comment with <div> inside --> &amp; &#8220;quoted&#8221;</p>',
  ]
  for (const page of pages) t.equal(boundMarkup(page), page, page.slice(0, 40))
})

t.test('nesting past the bound keeps its text and parses in linear time', async (t) => {
  const depth = 20_000
  const page = `<p>${'<div>'.repeat(depth)}“It works,” said Ann Lee.${'</div>'.repeat(depth)}</p>`
  const bounded = boundMarkup(page)
  t.ok(bounded.length < page.length, 'deep tags dropped')
  t.ok(bounded.split('<div>').length - 1 <= MAX_NESTING, `at most ${MAX_NESTING} levels kept`)
  const started = performance.now()
  const article = htmlToArticle(page)
  t.equal(article.text, '“It works,” said Ann Lee.')
  t.ok(performance.now() - started < 20_000, 'no blow-up (seconds before, quadratic in the depth)')
})

t.test('too many tags or character references: a 400 naming html and the limit', async (t) => {
  for (const page of ['&lt;'.repeat(MAX_HTML_NODES + 1), '<b>x</b>'.repeat(MAX_HTML_NODES / 2 + 1), '<p>x '.repeat(MAX_HTML_NODES + 1)]) {
    t.throws(() => boundMarkup(page), HtmlTooLargeError)
    t.throws(() => prepareArticleValue({ html: page }), {
      statusCode: 400,
      field: 'html',
      message: `html has more than ${MAX_HTML_NODES} tags and character references; send its text instead`,
    })
  }
  t.doesNotThrow(() => boundMarkup('&lt;'.repeat(MAX_HTML_NODES)), 'the limit itself is allowed')
})

t.test('an unterminated comment, script or tag is read once, not again from every position', async (t) => {
  for (const page of ['<!--' + '<!--x'.repeat(200_000), '<script>' + '<script>x'.repeat(100_000), '<a '.repeat(300_000)]) {
    const started = performance.now()
    boundMarkup(page)
    t.ok(performance.now() - started < 5_000, `${page.slice(0, 12)}…: linear`)
  }
})
