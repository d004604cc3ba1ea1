// POST /sources: text or HTML in, the stored source with its quotes out; the same text twice is
// stored once; new text under a stored url replaces it.
import t from 'tap'
import { testApp } from '../helpers/app.js'

const text = 'Harbour plan approved\n\nMayor Ruth Adler said on Tuesday that the harbour would reopen in May.\n\n' +
  '“This is a good day for the fishermen of this town,” Adler told reporters.'

t.test('POST /sources stores the article and answers 201 with its quotes, offsets into the stored text', async (t) => {
  const app = await testApp()
  t.teardown(() => app.close())
  const res = await app.inject({
    method: 'POST',
    url: '/sources',
    payload: { text, url: 'https://news.example/harbour', publisher: 'Coast Post', published_at: '2025-03-04' },
  })
  t.equal(res.statusCode, 201)
  t.equal(res.headers.location, '/sources/1')
  const body = res.json()
  t.match(body, { id: 1, status: 'created', updated: false, title: 'Harbour plan approved', publisher: 'Coast Post', published_at: '2025-03-04T00:00:00.000Z', url: 'https://news.example/harbour' })
  t.equal(body.text, text, 'stored exactly as given')
  t.ok(body.quotes.length >= 2)
  for (const quote of body.quotes) {
    if (!quote.fragments) t.equal(body.text.slice(quote.start, quote.end), quote.text)
    t.equal(quote.speaker?.name, 'Ruth Adler')
  }
  t.equal(body.quote_count, body.quotes.length)
  t.equal((await app.inject({ method: 'GET', url: '/speakers/ruth-adler' })).json().quote_count, body.quotes.length)
})

t.test('the same text again is the stored source (200, existing); new text under the url replaces it (200, updated)', async (t) => {
  const app = await testApp()
  t.teardown(() => app.close())
  const url = 'https://news.example/harbour'
  const first = (await app.inject({ method: 'POST', url: '/sources', payload: { text, url } })).json()
  const again = await app.inject({ method: 'POST', url: '/sources', payload: { text, url, title: 'Other title' } })
  t.equal(again.statusCode, 200)
  t.match(again.json(), { id: first.id, status: 'existing', updated: false, title: 'Harbour plan approved' })

  const corrected = text.replace('in May', 'in June') + '\n\n“We waited long enough,” said Tom Reyes, a fisherman.'
  const updated = await app.inject({ method: 'POST', url: '/sources', payload: { text: corrected, url } })
  t.equal(updated.statusCode, 200)
  t.match(updated.json(), { id: first.id, status: 'updated', updated: true, text: corrected })
  t.ok(updated.json().quotes.some((q: { text: string }) => q.text.includes('in June')))
  t.notOk(updated.json().quotes.some((q: { text: string }) => q.text.includes('in May')), 'the old quotes are gone')
  t.equal((await app.inject({ method: 'GET', url: '/sources' })).json().items.length, 1)
  t.ok((await app.inject({ method: 'GET', url: '/speakers?name=reyes' })).json().items.length === 1)
})

t.test('POST /sources takes HTML and stores its readable text', async (t) => {
  const app = await testApp()
  t.teardown(() => app.close())
  const html = `<html><head><title>Harbour plan approved</title><meta property="og:site_name" content="Coast Post">
    <style>p { color: red }</style><script>alert("x")</script></head><body><article>
    <h1>Harbour plan approved</h1>
    <p>Mayor Ruth Adler said on Tuesday that the harbour would reopen in May.</p>
    <iframe src="https://ads.example"></iframe>
    <p>&ldquo;This is a good day for the fishermen of this town,&rdquo; Adler told reporters.</p>
    </article></body></html>`
  const res = await app.inject({ method: 'POST', url: '/sources', payload: { html } })
  t.equal(res.statusCode, 201)
  const body = res.json()
  t.equal(body.publisher, 'Coast Post')
  t.notMatch(body.text, /<|alert|color: red|ads\.example/, 'no markup, script, style or iframe in the text')
  t.match(body.text, /“This is a good day for the fishermen of this town,” Adler told reporters\./)
  for (const quote of body.quotes) if (!quote.fragments) t.equal(body.text.slice(quote.start, quote.end), quote.text)
})

t.test('POST /sources refuses bad articles with a 400 naming the field, and stores nothing', async (t) => {
  const app = await testApp()
  t.teardown(() => app.close())
  const cases: Array<[object, RegExp]> = [
    [{}, /text|html/],
    [{ text: '' }, /text/],
    [{ text: '   \n ' }, /text/],
    [{ text, html: '<p>x</p>' }, /either text or html/],
    [{ text, titel: 'x' }, /titel/],
    [{ text, url: 'ftp://news.example/a' }, /url/],
    [{ text, url: 'javascript:alert(1)' }, /url/],
    [{ text, published_at: 'last Tuesday' }, /published_at/],
    [{ text, published_at: '2025-02-30' }, /published_at/],
    [{ text: 42 }, /text/],
  ]
  for (const [payload, message] of cases) {
    const res = await app.inject({ method: 'POST', url: '/sources', payload })
    t.equal(res.statusCode, 400, JSON.stringify(payload))
    t.match(res.json().message, message, JSON.stringify(payload))
  }
  const notJson = await app.inject({ method: 'POST', url: '/sources', headers: { 'content-type': 'application/json' }, payload: '{"text": ' })
  t.equal(notJson.statusCode, 400)
  const wrongType = await app.inject({ method: 'POST', url: '/sources', headers: { 'content-type': 'text/plain' }, payload: text })
  t.equal(wrongType.statusCode, 415)
  t.equal((await app.inject({ method: 'GET', url: '/sources' })).json().items.length, 0)
})
