// Corrections by hand (merge, split, one quote's speaker) through the API, and that each survives
// re-extraction of the articles involved; deleting and re-extracting sources.
import t, { type Test } from 'tap'
import { ingestArticle } from '../../src/services/ingest.js'
import type { ArticleInput } from '../../src/store/index.js'
import { testApp } from '../helpers/app.js'
import { donaldTrumpArticle as donald, laraTrumpArticle as lara } from '../helpers/trump-articles.js'

async function appWith (t: Test, ...articles: ArticleInput[]) {
  const app = await testApp()
  t.teardown(() => app.close())
  const ids: number[] = []
  for (const article of articles) ids.push((await ingestArticle(app.db, article)).source_id)
  const get = async (url: string) => app.inject({ method: 'GET', url })
  const post = async (url: string, payload?: object) => app.inject({ method: 'POST', url, payload })
  const speakerQuotes = async (slug: string) => (await get(`/speakers/${slug}/quotes`)).json().items.map((q: { text: string }) => q.text).sort()
  return { app, ids, get, post, speakerQuotes }
}

t.test('merge moves everything to the survivor; the old id and slug redirect; it survives re-extraction', async (t) => {
  const { ids, get, post, speakerQuotes } = await appWith(t, donald, lara)
  const laraId = (await get('/speakers/lara-trump')).json().id
  const merged = await post('/speakers/lara-trump/merge', { into: 'donald-trump' })
  t.equal(merged.statusCode, 200)
  t.equal(merged.json().name, 'Donald Trump')
  t.equal(merged.json().quote_count, 4)
  t.ok(merged.json().aliases.some((a: { alias: string }) => a.alias === 'Lara Trump'), 'the merged name is an alias')

  const bySlug = await get('/speakers/lara-trump')
  t.equal(bySlug.statusCode, 301)
  t.equal(bySlug.headers.location, '/speakers/donald-trump')
  const byId = await get(`/speakers/${laraId}/quotes?limit=5`)
  t.equal(byId.statusCode, 301)
  t.equal(byId.headers.location, '/speakers/donald-trump/quotes?limit=5')
  t.same((await get('/speakers?name=trump')).json().items.map((s: { name: string }) => s.name), ['Donald Trump'])

  const again = await post(`/sources/${ids[1]}/reextract?force=true`)
  t.equal(again.statusCode, 200)
  t.equal(again.json().reextracted, true)
  t.same((await get('/speakers?name=trump')).json().items.map((s: { name: string }) => s.name), ['Donald Trump'], 'still one speaker')
  t.ok((await speakerQuotes('donald-trump')).includes('We are going to win this state,'))

  t.equal((await post('/speakers/donald-trump/merge', { into: 'donald-trump' })).statusCode, 409)
  const twice = await post('/speakers/lara-trump/merge', { into: 'donald-trump' })
  t.equal(twice.statusCode, 409)
  t.match(twice.json().message, /was merged into speaker/)
  t.equal((await post('/speakers/nobody/merge', { into: 'donald-trump' })).statusCode, 404)
  t.equal((await post('/speakers/donald-trump/merge', { into: 'nobody' })).statusCode, 404)
  const typo = await post('/speakers/donald-trump/merge', { int: 3 })
  t.equal(typo.statusCode, 400)
})

t.test('split moves the articles where a name was used to a new speaker; it survives re-extraction', async (t) => {
  const { ids, get, post, speakerQuotes } = await appWith(t, donald, lara)
  // Merge by hand first, so there is something to split.
  await post('/speakers/lara-trump/merge', { into: 'donald-trump' })
  const split = await post('/speakers/donald-trump/split', { alias: 'lara trump' })
  t.equal(split.statusCode, 201)
  t.equal(split.json().name, 'Lara Trump')
  t.equal(split.headers.location, `/speakers/${split.json().slug}`)
  t.same(await speakerQuotes(split.json().slug), ['We are going to win this state,', 'the party would open twenty new offices before the election'])
  t.notOk((await speakerQuotes('donald-trump')).includes('We are going to win this state,'))

  for (const id of ids) t.equal((await post(`/sources/${id}/reextract?force=true`)).statusCode, 200)
  t.same(await speakerQuotes(split.json().slug), ['We are going to win this state,', 'the party would open twenty new offices before the election'],
    'still split after both articles are extracted again')
  const unknown = await post('/speakers/donald-trump/split', { alias: 'Ivanka Trump' })
  t.equal(unknown.statusCode, 409)
  t.match(unknown.json().message, /has no alias "Ivanka Trump"/)
})

t.test('PATCH /quotes/:id corrects one attribution, kept while the quote text is unchanged', async (t) => {
  const { app, ids, get, post, speakerQuotes } = await appWith(t, donald, lara)
  const laraQuotes = (await get('/speakers/lara-trump/quotes')).json().items
  const target = laraQuotes.find((q: { text: string }) => q.text.startsWith('We are going'))
  const donaldId = (await get('/speakers/donald-trump')).json().id
  const patched = await app.inject({ method: 'PATCH', url: `/quotes/${target.id}`, payload: { speaker_id: donaldId } })
  t.equal(patched.statusCode, 200)
  t.equal(patched.json().speaker.name, 'Donald Trump')
  t.equal(patched.json().corrected, true)
  t.equal((await get('/speakers/lara-trump')).json().quote_count, 1)

  await post(`/sources/${ids[1]}/reextract?force=true`)
  t.ok((await speakerQuotes('donald-trump')).includes('We are going to win this state,'), 'the correction survives')
  t.same(await speakerQuotes('lara-trump'), ['the party would open twenty new offices before the election'])

  const missingSpeaker = await app.inject({ method: 'PATCH', url: `/quotes/${target.id}`, payload: { speaker_id: 999 } })
  t.equal(missingSpeaker.statusCode, 404)
  const missingQuote = await app.inject({ method: 'PATCH', url: '/quotes/999', payload: { speaker_id: donaldId } })
  t.equal(missingQuote.statusCode, 404)
  const bad = await app.inject({ method: 'PATCH', url: `/quotes/${target.id}`, payload: { speaker: 'Donald' } })
  t.equal(bad.statusCode, 400)
})

t.test('DELETE /sources/:id takes its quotes; a speaker left without quotes leaves the listings', async (t) => {
  const { app, ids, get } = await appWith(t, donald, lara)
  const laraQuoteIds = (await get('/speakers/lara-trump/quotes')).json().items.map((q: { id: number }) => q.id)
  const deleted = await app.inject({ method: 'DELETE', url: `/sources/${ids[1]}` })
  t.equal(deleted.statusCode, 204)
  t.equal(deleted.body, '')
  t.equal((await get(`/sources/${ids[1]}`)).statusCode, 404)
  for (const id of laraQuoteIds) t.equal((await get(`/quotes/${id}`)).statusCode, 404)
  t.same((await get('/speakers?name=trump')).json().items.map((s: { name: string }) => s.name), ['Donald Trump'])
  t.equal((await app.inject({ method: 'DELETE', url: `/sources/${ids[1]}` })).statusCode, 404)
  t.equal((await get(`/sources/${ids[0]}`)).statusCode, 200, 'the other source is untouched')
})

t.test('reextract does nothing for an up-to-date source unless forced; unknown sources are 404', async (t) => {
  const { ids, post } = await appWith(t, donald)
  const same = await post(`/sources/${ids[0]}/reextract`)
  t.equal(same.statusCode, 200)
  t.match(same.json(), { source_id: ids[0], reextracted: false, quote_count: 2 })
  t.equal((await post('/sources/77/reextract')).statusCode, 404)
})

t.test('a quote found again by re-extraction keeps its id, so links to it keep working', async (t) => {
  const { ids, get, post } = await appWith(t, lara)
  const before = (await get(`/sources/${ids[0]}`)).json().quotes.map((q: { id: number, text: string }) => [q.id, q.text])
  t.equal((await post(`/sources/${ids[0]}/reextract?force=true`)).statusCode, 200)
  const after = (await get(`/sources/${ids[0]}`)).json().quotes.map((q: { id: number, text: string }) => [q.id, q.text])
  t.same(after, before)
  for (const [id, text] of before) t.equal((await get(`/quotes/${id}`)).json().text, text)
})

t.test('a query FTS5 reads as a special command is a 400, not a 500', async (t) => {
  const { get } = await appWith(t, lara)
  for (const url of ['/quotes?q=*', '/sources?q=*', '/speakers/lara-trump/quotes?q=*']) {
    const res = await get(url)
    t.equal(res.statusCode, 400, url)
    t.match(res.json().message, /q is not a valid full-text query/, url)
  }
})
