// prepareArticle: every request becomes the article the store takes, or a 400 that names the field at fault.
import t from 'tap'
import { MAX_TEXT_LENGTH } from '../../src/limits.js'
import {
  ArticleError, normalizeDate, parseArticleJson, parseArticleRequest, prepareArticle, prepareArticleValue, titleFromText,
} from '../../src/services/article.js'

const TEXT = '  Pier to close\n\n“It is not safe,” said Ruth Okafor.  \n'

/** The ArticleError a call throws, or a failure when it throws nothing or something else. */
function refusal (run: () => unknown): ArticleError {
  try {
    run()
  } catch (err) {
    if (err instanceof ArticleError) return err
    throw err
  }
  throw new Error('expected an ArticleError')
}

t.test('text is stored exactly as given; the title defaults to its first line', async (t) => {
  const { article, page } = prepareArticle({ text: TEXT })
  t.equal(article.text, TEXT, 'not trimmed, not normalised')
  t.equal(article.title, 'Pier to close')
  t.same({ url: article.url, publisher: article.publisher, published_at: article.published_at }, { url: null, publisher: null, published_at: null })
  t.equal(page, null)
})

t.test('metadata is trimmed and normalised: url, title, publisher, published_at in UTC', async (t) => {
  const { article } = prepareArticle({
    text: TEXT,
    url: 'HTTPS://News.Example.org/a/b?x=1',
    title: '  The  pier \n closes ',
    publisher: ' Harbour Herald ',
    published_at: '2024-03-05T09:30+01:00',
  })
  t.equal(article.url, 'https://news.example.org/a/b?x=1')
  t.equal(article.title, 'The pier closes')
  t.equal(article.publisher, 'Harbour Herald')
  t.equal(article.published_at, '2024-03-05T08:30:00.000Z')
})

t.test('ISO 8601 dates and date-times: zones, fractions, and dates that do not exist', async (t) => {
  t.equal(normalizeDate('2024-02-29'), '2024-02-29T00:00:00.000Z')
  t.equal(normalizeDate('2024-05-01T08:00'), '2024-05-01T08:00:00.000Z', 'no zone is UTC')
  t.equal(normalizeDate('2024-05-01T08:00:05.123456Z'), '2024-05-01T08:00:05.123Z')
  t.equal(normalizeDate('2024-05-01T00:30:00-0230'), '2024-05-01T03:00:00.000Z')
  t.equal(normalizeDate('0099-01-01'), '0099-01-01T00:00:00.000Z', 'years below 100 stay as written')
  for (const bad of ['2023-02-29', '2024-13-01', '2024-04-31', '2024-05-01T24:00', '2024-05-01T10:60', 'May 1, 2024', '2024-5-1', '']) {
    const err = refusal(() => normalizeDate(bad))
    t.equal(err.field, 'published_at', bad)
    t.match(err.message, /^published_at /, bad)
  }
})

t.test('HTML is converted: text, and title, publisher and date from the page unless given', async (t) => {
  const html = '<html><head><title>Pier to close - Harbour Herald</title>' +
    '<meta property="og:site_name" content="Harbour Herald">' +
    '<meta property="article:published_time" content="2024-03-05T09:30:00Z"></head>' +
    '<body><article><p>“It is not safe,” said Ruth Okafor.</p><p>The pier closes in May.</p></article></body></html>'
  const { article, page } = prepareArticle({ html })
  t.equal(article.text, '“It is not safe,” said Ruth Okafor.\n\nThe pier closes in May.')
  t.equal(article.title, 'Pier to close')
  t.equal(article.publisher, 'Harbour Herald')
  t.equal(article.published_at, '2024-03-05T09:30:00.000Z')
  t.equal(page?.method, 'readability')

  const given = prepareArticle({ html, title: 'Mine', publisher: 'Me', published_at: '2020-01-01' }).article
  t.same([given.title, given.publisher, given.published_at], ['Mine', 'Me', '2020-01-01T00:00:00.000Z'])

  const broken = prepareArticle({ html: '<title>Bad \ud800 title\u0000</title><p>Body \udfff here.</p>' }).article
  t.same([broken.title, broken.text], ['Bad \ufffd title', 'Body \ufffd here.'], 'a page is made well-formed, not refused')

  const untitled = prepareArticle({ html: '<p>First words of the page.</p><p>More.</p>' }).article
  t.equal(untitled.title, 'First words of the page.', 'no page title: the first line of its text')
})

t.test('a long first line makes a title of at most 200 characters, cut at a word', async (t) => {
  const line = 'word '.repeat(100).trim()
  const title = titleFromText(line + '\nsecond line')
  t.ok(title.length <= 200, `${title.length} characters`)
  t.ok(title.endsWith('word…'))
  t.ok(line.startsWith(title.slice(0, -1)))
  const solid = titleFromText('x'.repeat(500))
  t.equal(solid.length, 200)
})

t.test('every refusal is a 400 naming its field', async (t) => {
  const cases: Array<[string, unknown, string | null, RegExp]> = [
    ['neither text nor html', { title: 'T' }, 'text', /text or html is required/],
    ['both text and html', { text: 'a', html: '<p>a</p>' }, 'text', /either text or html, not both/],
    ['blank text', { text: ' \n\t ' }, 'text', /text must not be empty/],
    ['empty text', { text: '' }, 'text', /text must not be empty/],
    ['blank html', { html: '  ' }, 'html', /html must not be empty/],
    ['html without text', { html: '<script>x()</script><p> </p>' }, 'html', /html has no readable text/],
    ['NUL in text', { text: 'a\u0000b' }, 'text', /NUL character .* at index 1/],
    ['unpaired surrogate', { text: 'ok \ud800 no' }, 'text', /unpaired UTF-16 surrogate at index 3/],
    ['text too long', { text: 'x'.repeat(MAX_TEXT_LENGTH + 1) }, 'text', /text is longer than 1000000 characters/],
    ['ftp url', { text: 'a', url: 'ftp://example.org/a' }, 'url', /url must be an absolute http or https URL/],
    ['relative url', { text: 'a', url: '/news/a' }, 'url', /url must be an absolute http or https URL/],
    ['javascript url', { text: 'a', url: 'javascript:alert(1)' }, 'url', /url must be an absolute http or https URL/],
    ['NUL in url', { text: 'a', url: 'https://example.org/a\u0000b' }, 'url', /url contains a NUL character .* at index 21/],
    ['tab in url', { text: 'a', url: 'https://exam\tple.org/' }, 'url', /url contains a control character \(U\+0009\) at index 12/],
    ['line break in url', { text: 'a', url: 'https://example.org/\na' }, 'url', /url contains a control character \(U\+000A\) at index 20/],
    ['blank title', { text: 'a', title: '   ' }, 'title', /title must not be empty/],
    ['blank publisher', { text: 'a', publisher: ' ' }, 'publisher', /publisher must not be empty/],
    ['NUL in title', { text: 'a', title: 'ab\u0000' }, 'title', /title contains a NUL character .* at index 2/],
    ['unpaired surrogate in publisher', { text: 'a', publisher: '\udc00x' }, 'publisher', /publisher contains an unpaired UTF-16 surrogate at index 0/],
    ['bad date', { text: 'a', published_at: 'yesterday' }, 'published_at', /published_at must be an ISO 8601 date/],
    ['unreal date', { text: 'a', published_at: '2024-02-30' }, 'published_at', /not a real date/],
    ['unknown field', { text: 'a', author: 'x' }, 'author', /author is not a field of an article \(expected text, html, url/],
    ['text not a string', { text: 42 }, 'text', /text must be a string/],
    ['title not a string', { text: 'a', title: 7 }, 'title', /title must be a string or null/],
    ['not an object', ['text'], null, /an article must be a JSON object/],
    ['null', null, null, /an article must be a JSON object/],
  ]
  for (const [name, value, field, message] of cases) {
    const err = refusal(() => prepareArticleValue(value))
    t.equal(err.statusCode, 400, `${name}: 400`)
    t.equal(err.field, field, `${name}: field`)
    t.match(err.message, message, `${name}: message`)
    if (field !== null) t.ok(err.message.includes(field), `${name}: the message names ${field}`)
  }
})

t.test('null metadata means absent', async (t) => {
  const { article } = prepareArticleValue({ text: 'Words.', url: null, title: null, publisher: null, published_at: null })
  t.same(article, { title: 'Words.', text: 'Words.', url: null, publisher: null, published_at: null })
})

t.test('parseArticleJson refuses what is not JSON, naming no field', async (t) => {
  const err = refusal(() => parseArticleJson('{"text": "unterminated'))
  t.equal(err.field, null)
  t.match(err.message, /^invalid JSON: /)
  t.same(parseArticleJson('{"text":"a","url":"http://x.example/"}'), { text: 'a', url: 'http://x.example/' })
  t.same(parseArticleRequest({ html: '<p>x</p>' }), { html: '<p>x</p>' })
})
