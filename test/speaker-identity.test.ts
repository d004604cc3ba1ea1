// One person is one speaker across articles, through the real extractor and store: the seed
// article's "Trump", an article quoting "President Donald Trump", and one quoting "Lara Trump".
import t, { type Test } from 'tap'
import { MIGRATIONS_DIR, SEEDS_DIR } from '../src/paths.js'
import { ingestArticle } from '../src/services/ingest.js'
import { readSeedArticles } from '../src/services/seed-articles.js'
import { Store } from '../src/store/index.js'
import { donaldTrumpArticle as donald, laraTrumpArticle as lara } from './helpers/trump-articles.js'

function memoryStore (t: Test): Store {
  const store = Store.open({ path: ':memory:', migrationsDir: MIGRATIONS_DIR })
  t.teardown(() => store.close())
  return store
}

function trumps (store: Store) {
  return store.speakers.list({ limit: 10 }, { nameTokens: ['trump'] }).items
}

function quotesOf (store: Store, speakerId: number): string[] {
  return store.quotes.list({ limit: 100 }, { speaker_id: speakerId }).items.map((q) => q.text)
}

for (const [order, articles] of [
  ['seed, Donald, Lara', () => [...readSeedArticles(SEEDS_DIR), donald, lara]],
  ['Lara, seed, Donald', () => [lara, ...readSeedArticles(SEEDS_DIR), donald]],
  ['Donald, Lara, seed', () => [donald, lara, ...readSeedArticles(SEEDS_DIR)]],
] as const) {
  t.test(`the president is one speaker and Lara Trump another (ingested ${order})`, async (t) => {
    const store = memoryStore(t)
    for (const article of articles()) await ingestArticle(store, article)

    const found = trumps(store)
    t.equal(found.length, 2, 'two people named Trump')
    const president = found.find((s) => s.name === 'Donald Trump')
    const other = found.find((s) => s.name === 'Lara Trump')
    t.ok(president, 'the president carries his full name')
    t.ok(other, 'Lara Trump is her own speaker')
    if (!president || !other) return

    const presidentQuotes = quotesOf(store, president.id)
    t.ok(presidentQuotes.some((q) => q.includes('very close to a deal')), 'his quote from the new article')
    const seedSource = store.sources.list({ limit: 10 }, { titleMatch: 'hostages OR hamas OR gaza' }).items[0]
    t.ok(seedSource, 'the seed article is stored')
    const seedQuotes = store.quotes.list({ limit: 100 }, { source_id: seedSource!.id, speaker_id: president.id }).items
    t.ok(seedQuotes.length >= 3, `his quotes from the seed article (${seedQuotes.length})`)
    t.equal(president.source_count, 2)
    t.equal(president.title, 'President')

    t.same(quotesOf(store, other.id).sort(), ['We are going to win this state,', 'the party would open twenty new offices before the election'])
    t.equal(other.source_count, 1)
    const detail = store.speakers.get(president.id)!
    const aliases = detail.aliases.map((a) => a.alias)
    t.ok(aliases.includes('President Trump') && aliases.includes('Donald Trump'), 'aliases explain the merge')
    t.notOk(aliases.includes('Lara Trump'))
  })
}

t.test('unnamed speakers and role-only organisations are never merged across articles; named organisations are', async (t) => {
  const store = memoryStore(t)
  const text = (n: number) => `Budget row ${n}\n\nThe ministry said the budget for year ${n} was final. Officials said ` +
    `talks would resume in week ${n}.\n\n“We have no comment on draft ${n},” the White House said in a statement.`
  for (const n of [1, 2]) await ingestArticle(store, { title: `Budget row ${n}`, text: text(n) })
  const shared = store.speakers.list({ limit: 10 }).items
  const whiteHouse = shared.filter((s) => /White House/.test(s.name ?? ''))
  t.equal(whiteHouse.length, 1, 'one White House')
  t.equal(whiteHouse[0]?.source_count, 2)
  t.notOk(shared.some((s) => s.kind === 'unnamed' || /ministry/i.test(s.name ?? '')), 'no article-local speaker in the shared list')
  const local = store.speakers.list({ limit: 10 }, { kind: 'unnamed' }).items
  t.ok(local.length >= 2, 'article-local speakers are listed with kind=unnamed')
  t.same(new Set(local.map((s) => s.source_id)), new Set([1, 2]), 'each belongs to its own article')
})
