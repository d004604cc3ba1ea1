// POST /extract: the extraction of a text or an HTML page, nothing stored; offsets slice the text they index into.
import t from 'tap'
import { extract } from '../../src/extract/index.js'
import { testApp } from '../helpers/app.js'
import { sliceQuote } from '../helpers/quotes.js'

const TEXT = 'The harbour commission voted on Tuesday to close the old ferry terminal.\n\n' +
  '“We did not take this lightly,” said commission chair Ruth Okafor. “The pier is simply not safe any longer.”\n\n' +
  'Local shop owner Malik Hassan said the decision would “hurt every business on Water Street.”'

const HTML = '<!DOCTYPE html><html><head><title>Ferry terminal to close | Harbour Herald</title>' +
  '<meta property="og:site_name" content="Harbour Herald"><meta name="author" content="Tom Price">' +
  '<script>var tracking = "“Not a quote,” said Nobody."</script><style>p { color: red }</style></head>' +
  '<body><nav><a href="/">Home</a></nav><article><h1>Ferry terminal to close</h1>' +
  '<p>The harbour commission voted on Tuesday to close the old ferry terminal.</p>' +
  '<p>&ldquo;We did not take this lightly,&rdquo; said commission chair Ruth&nbsp;Okafor. ' +
  '&ldquo;The pier is simply not safe any longer.&rdquo;</p>' +
  '<p>Local shop owner <b>Malik Hassan</b> said the decision would “hurt every business on Water Street.”</p>' +
  '</article><footer>© Harbour Herald</footer></body></html>'

t.test('text: the extraction, offsets into the text sent, nothing stored', async (t) => {
  const app = await testApp({ extractorWorkers: 0 })
  t.teardown(() => app.close())
  const res = await app.inject({ method: 'POST', url: '/extract', payload: { text: TEXT } })
  t.equal(res.statusCode, 200, res.body)
  const body = res.json()
  t.same(body, JSON.parse(JSON.stringify(extract(TEXT))), 'what extract() gives')
  t.notOk('text' in body, 'no text echoed back for text')
  t.ok(body.quotes.length >= 2, `${body.quotes.length} quotes`)
  for (const quote of body.quotes) {
    t.equal(sliceQuote(TEXT, quote), quote.text, `"${quote.text}" slices the text`)
    if (quote.speaker) t.equal(TEXT.slice(quote.speaker.start, quote.speaker.end), quote.speaker.mention)
  }
  t.ok(body.speakers.some((s: { name: string | null }) => s.name?.includes('Okafor')), 'Okafor speaks')
  t.equal(await app.db.sources.count(), 0, 'nothing stored')
})

t.test('html: the clean text comes back and the offsets index into it', async (t) => {
  const app = await testApp({ extractorWorkers: 0 })
  t.teardown(() => app.close())
  const res = await app.inject({ method: 'POST', url: '/extract', payload: { html: HTML } })
  t.equal(res.statusCode, 200, res.body)
  const body = res.json()
  t.type(body.text, 'string')
  t.notMatch(body.text, /<|tracking|Not a quote|Home|color: red/, 'no markup, script, style or navigation')
  t.match(body.text, 'Ruth\u00a0Okafor', 'entities decoded')
  t.same(body.text.split('\n\n').length, 3, 'three paragraphs')
  t.same({ title: body.title, byline: body.byline, publisher: body.publisher },
    { title: 'Ferry terminal to close', byline: 'Tom Price', publisher: 'Harbour Herald' })
  t.ok(body.quotes.length >= 2, `${body.quotes.length} quotes`)
  for (const quote of body.quotes) {
    t.equal(sliceQuote(body.text, quote), quote.text, `"${quote.text}" slices the returned text`)
    if (quote.speaker) t.equal(body.text.slice(quote.speaker.start, quote.speaker.end), quote.speaker.mention)
  }
  t.ok(body.quotes.some((q: { text: string, speaker: { name: string } | null }) =>
    q.text.includes('hurt every business') && q.speaker?.name === 'Malik Hassan'))
  t.same({ quotes: body.quotes, speakers: body.speakers },
    JSON.parse(JSON.stringify((({ quotes, speakers }) => ({ quotes, speakers }))(extract(body.text)))))
})

t.test('bad requests are 400s naming the field', async (t) => {
  const app = await testApp({ extractorWorkers: 0 })
  t.teardown(() => app.close())
  const cases: Array<[unknown, RegExp]> = [
    [{}, /text or html is required/],
    [{ text: 'a', html: '<p>a</p>' }, /either text or html, not both/],
    [{ text: '   ' }, /text must not be empty/],
    [{ text: '' }, /text/],
    [{ html: '<script>1</script>' }, /html has no readable text/],
    [{ text: 'a', url: 'http://x.example/' }, /url/],
    [{ text: 42 }, /text must be string/],
    [{ text: 'a', author: 'x' }, /unknown field "author"/],
  ]
  for (const [payload, message] of cases) {
    const res = await app.inject({ method: 'POST', url: '/extract', payload: payload as object })
    t.equal(res.statusCode, 400, JSON.stringify(payload))
    t.match(res.json(), { statusCode: 400, error: 'Bad Request', message }, JSON.stringify(payload))
  }
})

t.test('through a worker thread the reply is the same', async (t) => {
  const app = await testApp({ extractorWorkers: 1 })
  t.teardown(() => app.close())
  const res = await app.inject({ method: 'POST', url: '/extract', payload: { text: TEXT } })
  t.equal(res.statusCode, 200, res.body)
  t.equal(app.extractor.inline, false, `ran on a worker (${app.extractor.fallbackReason})`)
  t.same(res.json(), JSON.parse(JSON.stringify(extract(TEXT))))
  t.match(res.headers['content-type'], /^application\/json; charset=utf-8/, 'the JSON made on the worker is sent as JSON')

  const inline = await testApp({ extractorWorkers: 0 })
  t.teardown(() => inline.close())
  const page = await app.inject({ method: 'POST', url: '/extract', payload: { html: HTML } })
  t.equal(page.statusCode, 200, page.body)
  t.same(page.json(), (await inline.inject({ method: 'POST', url: '/extract', payload: { html: HTML } })).json(),
    'html: text, title, byline and publisher as in the main thread')
  t.equal(page.json().publisher, 'Harbour Herald')
})
