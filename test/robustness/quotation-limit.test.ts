// The limit on quotations per article (MAX_QUOTATIONS): an input that is nothing but quotations costs the extractor
// about 2 ms per KB, so past the limit an article is refused before any speaker is looked for, with the same answer
// everywhere: extract() throws, the routes answer 422 naming the limit, a batch line fails alone, nothing is stored.
import t from 'tap'
import { extract, MAX_QUOTATIONS, TooManyQuotationsError } from '../../src/extract/index.js'
import { testApp } from '../helpers/app.js'

/** `n` short quotations, each attributed, in paragraphs of ten. */
function quotations (n: number): string {
  const lines: string[] = []
  for (let i = 0; i < n; i++) lines.push(`“Item ${i} is late,” said Ruth Okafor.${i % 10 === 9 ? '\n\n' : ' '}`)
  return lines.join('')
}

t.test('extract(): past maxQuotations it throws naming the count and the limit; at the limit it extracts', async (t) => {
  const text = quotations(6)
  t.equal(extract(text, { maxQuotations: 6 }).quotes.length, 6, 'as many as the limit is within it')
  const err = t.throws(() => extract(text, { maxQuotations: 5 })) as TooManyQuotationsError
  t.ok(err instanceof TooManyQuotationsError)
  t.equal(err.found, 6)
  t.equal(err.limit, 5)
  t.equal(err.statusCode, 422)
  t.match(err.message, /holds 6 quotations, more than the limit of 5 \(MAX_QUOTATIONS\)/)
  t.equal(extract(text, { maxQuotations: 6, minConfidence: 0 }).quotes.length, 6, 'other options leave the limit as given')
})

t.test('the default limit: MAX_QUOTATIONS quotations are extracted, one more is refused', async (t) => {
  t.equal(MAX_QUOTATIONS, 10_000)
  const atLimit = quotations(MAX_QUOTATIONS)
  t.equal(extract(atLimit).quotes.length, MAX_QUOTATIONS, 'every quotation of an article at the limit is found')
  t.throws(() => extract(atLimit + '“One more,” said Ruth Okafor.'), TooManyQuotationsError)
  t.equal(extract(atLimit, { maxQuotations: Infinity }).quotes.length, MAX_QUOTATIONS, 'the limit can be lifted')
})

for (const workers of [1, 0]) {
  t.test(`routes with MAX_QUOTATIONS=5 (${workers ? 'on a worker' : 'inline'}): 422 naming the limit, nothing stored, a batch line fails alone`, async (t) => {
    const app = await testApp({ extractorWorkers: workers, maxQuotations: 5 })
    t.teardown(() => app.close())
    const url = 'https://news.example/pier'
    const first = await app.inject({ method: 'POST', url: '/sources', payload: { text: quotations(5), url } })
    t.equal(first.statusCode, 201, 'an article at the limit is stored')
    const stored = first.json()

    for (const path of ['/extract', '/sources']) {
      const res = await app.inject({ method: 'POST', url: path, payload: path === '/sources' ? { text: quotations(6), url } : { text: quotations(6) } })
      t.equal(res.statusCode, 422, `${path}: ${res.body.slice(0, 200)}`)
      t.same(Object.keys(res.json()).sort(), ['error', 'message', 'statusCode'])
      t.match(res.json().message, /holds 6 quotations, more than the limit of 5 \(MAX_QUOTATIONS\); it was not extracted/)
    }
    const html = await app.inject({ method: 'POST', url: '/extract', payload: { html: `<p>${quotations(6).replaceAll('\n\n', '</p><p>')}</p>` } })
    t.equal(html.statusCode, 422, 'the text of a page counts the same')

    const after = await app.inject({ method: 'GET', url: `/sources/${stored.id}` })
    t.equal(after.statusCode, 200)
    t.equal(after.json().quotes.length, 5, 'the article stored under that url is untouched by the refused one')
    t.equal((await app.inject({ method: 'GET', url: '/sources' })).json().items.length, 1, 'nothing else was stored')

    const batch = await app.inject({
      method: 'POST',
      url: '/sources/batch',
      headers: { 'content-type': 'application/x-ndjson' },
      payload: [{ text: quotations(7) }, { text: quotations(2) }].map((line) => JSON.stringify(line)).join('\n') + '\n',
    })
    t.equal(batch.statusCode, 200)
    t.match(batch.json().items, [
      { line: 1, status: 'error', error: /holds 7 quotations, more than the limit of 5/ },
      { line: 2, status: 'created' },
    ])

    const page = await app.inject({
      method: 'POST',
      url: '/ui/try',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ text: quotations(6) }).toString(),
    })
    t.equal(page.statusCode, 422, 'the try-it page says why')
    t.match(page.body, /more than the limit of 5/)
    t.equal((await app.inject({ method: 'GET', url: '/health' })).statusCode, 200)
  })
}
