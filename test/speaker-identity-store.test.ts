// The store's rules of speaker identity (docs/speaker-identity.md), with extraction results written by hand so that
// each rule is tested whatever the extractor makes of a sentence: names and titles apart, a full name taking over a
// surname, people who stay apart, groups and unnamed speakers kept to their article, and how each quote's speaker was
// found. Every rule is checked in more than one ingestion order. The people and articles are invented.
import t, { type Test } from 'tap'
import type { ExtractedSpeaker, Extraction, ResolvedBy, SpeakerKind } from '../src/extract/types.js'
import { testApp } from './helpers/app.js'
import type { App } from '../src/app.js'

interface Said {
  /** The quote's words, which must occur in the text. */
  quote: string
  /** The words naming the speaker, which must occur in the text. */
  mention: string
  speaker: number
  resolvedBy?: ResolvedBy
}

interface Speaker {
  name: string | null
  kind?: SpeakerKind
  title?: string | null
  aliases?: string[]
}

/** An article and the extraction an extractor could have made of it. */
function article (title: string, text: string, speakers: Speaker[], quotes: Said[]): { title: string, text: string, extraction: Extraction } {
  const at = (words: string): number => {
    const start = text.indexOf(words)
    if (start < 0) throw new Error(`"${words}" is not in the text`)
    return start
  }
  const extracted: ExtractedSpeaker[] = speakers.map((s, id) => ({
    id, name: s.name, kind: s.kind ?? 'person', title: s.title ?? null, aliases: s.aliases ?? (s.name === null ? [] : [s.name]),
  }))
  return {
    title,
    text,
    extraction: {
      extractor_version: 'hand-made',
      speakers: extracted,
      quotes: quotes.map((q) => ({
        text: q.quote, start: at(q.quote), end: at(q.quote) + q.quote.length, fragments: null, type: 'direct', cue: 'said',
        speaker: {
          id: q.speaker, name: extracted[q.speaker]!.name, mention: q.mention, start: at(q.mention),
          end: at(q.mention) + q.mention.length, kind: extracted[q.speaker]!.kind, resolved_by: q.resolvedBy ?? 'name',
        },
        confidence: 0.9, via: null, context: [0, text.length],
      })),
    },
  }
}

type Article = ReturnType<typeof article>

async function appWith (t: Test, articles: Article[]): Promise<App> {
  const app = await testApp()
  t.teardown(() => app.close())
  for (const a of articles) await app.db.ingest({ title: a.title, text: a.text }, a.extraction)
  return app
}

async function json (app: App, url: string): Promise<any> {
  const res = await app.inject({ method: 'GET', url })
  if (res.statusCode !== 200) throw new Error(`GET ${url}: ${res.statusCode} ${res.body}`)
  return res.json()
}

/** The shared speakers whose names have these words (as a user looks a person up). */
async function lookUp (app: App, name: string): Promise<Array<{ id: number, slug: string, name: string, kind: string, title: string | null }>> {
  return (await json(app, `/speakers?name=${encodeURIComponent(name)}`)).items
}

async function quotesOf (app: App, id: number | string): Promise<string[]> {
  return (await json(app, `/speakers/${id}/quotes?limit=100`)).items.map((q: { text: string }) => q.text).sort()
}

/** Every order of a few articles. */
function orders<T> (items: T[]): T[][] {
  if (items.length <= 1) return [items]
  return items.flatMap((item, i) => orders([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]))
}

const haleCouncillor = article('Library hours', 'Library hours will be cut, said Councillor Margaret Hale. "We have no choice this year," Councillor Margaret Hale said.',
  [{ name: 'Councillor Margaret Hale', title: null }], [{ quote: 'We have no choice this year,', mention: 'Councillor Margaret Hale', speaker: 0 }])
const haleCllr = article('Bridge repairs', '"The bridge will reopen in May," said Cllr Hale, who chairs the works committee.',
  [{ name: 'Hale', title: 'who chairs the works committee', aliases: ['Cllr Hale'] }],
  [{ quote: 'The bridge will reopen in May,', mention: 'Cllr Hale', speaker: 0 }])
const halePlain = article('Budget vote', '"Every ward loses something," Margaret Hale told the meeting.',
  [{ name: 'Margaret Hale' }], [{ quote: 'Every ward loses something,', mention: 'Margaret Hale', speaker: 0 }])

for (const order of orders([haleCouncillor, haleCllr, halePlain])) {
  t.test(`Councillor Margaret Hale, Cllr Hale and Margaret Hale are one speaker (${order.map((a) => a.title).join(', ')})`, async (t) => {
    const app = await appWith(t, order)
    const found = await lookUp(app, 'Margaret Hale')
    t.equal(found.length, 1, 'one speaker')
    t.equal(found[0]!.name, 'Margaret Hale', 'the name without the title')
    t.equal(found[0]!.slug, 'margaret-hale')
    t.match(found[0]!.title, /^Councillor$/, 'the title, spelled out from Cllr, and never the relative clause')
    t.same(await quotesOf(app, 'margaret-hale'), ['Every ward loses something,', 'The bridge will reopen in May,', 'We have no choice this year,'])
    const detail = await json(app, `/speakers/${found[0]!.id}`)
    t.notOk(detail.titles.some((title: string) => /^who\b/.test(title)), 'a relative clause is no title')
    t.equal((await lookUp(app, 'Councillor Margaret Hale')).length, 1, 'a lookup with the title finds her too')
  })
}

t.test('a full name given later takes over a speaker known by surname and a compatible title; the old slug redirects', async (t) => {
  const first = article('Fire', '"Stay indoors," said Fire Chief Okafor.', [{ name: 'Okafor', title: 'Fire Chief', aliases: ['Fire Chief Okafor'] }],
    [{ quote: 'Stay indoors,', mention: 'Fire Chief Okafor', speaker: 0 }])
  const later = article('Fire out', '"The fire is out," said Darnell Okafor, the town\'s fire chief.', [{ name: 'Darnell Okafor', title: "the town's fire chief" }],
    [{ quote: 'The fire is out,', mention: 'Darnell Okafor', speaker: 0 }])
  const app = await appWith(t, [first, later])
  const found = await lookUp(app, 'Darnell Okafor')
  t.equal(found.length, 1)
  t.equal(found[0]!.name, 'Darnell Okafor')
  t.equal(found[0]!.slug, 'darnell-okafor', 'the slug follows the name')
  const old = await app.inject({ method: 'GET', url: '/speakers/okafor/quotes' })
  t.equal(old.statusCode, 301, 'the old slug redirects')
  t.equal(old.headers.location, '/speakers/darnell-okafor/quotes')
  t.same(await quotesOf(app, 'darnell-okafor'), ['Stay indoors,', 'The fire is out,'])
})

const anna = article('Harbour', '"The harbour needs dredging," said Anna Berg, the harbour master.', [{ name: 'Anna Berg', title: 'harbour master' }],
  [{ quote: 'The harbour needs dredging,', mention: 'Anna Berg', speaker: 0 }])
const tomas = article('Ferry', '"The ferry will run twice a day," said Tomas Berg, the ferry operator.', [{ name: 'Tomas Berg', title: 'ferry operator' }],
  [{ quote: 'The ferry will run twice a day,', mention: 'Tomas Berg', speaker: 0 }])
const bareBerg = article('Quay', '"Nobody asked us," Berg said.', [{ name: 'Berg' }], [{ quote: 'Nobody asked us,', mention: 'Berg', speaker: 0 }])

for (const order of orders([anna, tomas, bareBerg])) {
  t.test(`Anna Berg and Tomas Berg stay apart, and a bare Berg joins neither (${order.map((a) => a.title).join(', ')})`, async (t) => {
    const app = await appWith(t, order)
    const annaFound = (await lookUp(app, 'Anna Berg')).filter((s) => s.name === 'Anna Berg')
    const tomasFound = (await lookUp(app, 'Tomas Berg')).filter((s) => s.name === 'Tomas Berg')
    t.equal(annaFound.length, 1)
    t.equal(tomasFound.length, 1)
    t.not(annaFound[0]!.id, tomasFound[0]!.id, 'two people')
    const annaQuotes = await quotesOf(app, annaFound[0]!.id)
    const tomasQuotes = await quotesOf(app, tomasFound[0]!.id)
    t.ok(annaQuotes.includes('The harbour needs dredging,'))
    t.ok(tomasQuotes.includes('The ferry will run twice a day,'))
    t.notOk(tomasQuotes.includes('The harbour needs dredging,'), 'never one for the other')
    t.notOk(annaQuotes.includes('The ferry will run twice a day,'), 'never one for the other')
    if (order.indexOf(bareBerg) === 2) {
      // Known to be two people by the time "Berg" comes: it may be either, so it is neither.
      t.notOk(annaQuotes.includes('Nobody asked us,') || tomasQuotes.includes('Nobody asked us,'), 'a shared bare surname merges with neither')
    }
  })
}

t.test('a bare surname with a title that fits one of two bearers goes to that one', async (t) => {
  const more = article('Harbour again', '"Dredging starts in June," the harbour master, Berg, said.', [{ name: 'Berg', title: 'the harbour master' }],
    [{ quote: 'Dredging starts in June,', mention: 'Berg', speaker: 0 }])
  const app = await appWith(t, [anna, tomas, more])
  const annaFound = (await lookUp(app, 'Anna Berg')).find((s) => s.name === 'Anna Berg')!
  t.same(await quotesOf(app, annaFound.id), ['Dredging starts in June,', 'The harbour needs dredging,'])
})

t.test('a person whose title names an organisation is a person; an organisation named in full is shared', async (t) => {
  const one = article('Accounts', '"The books balance," said Council treasurer Paul Menon.',
    [{ name: 'Council treasurer Paul Menon', kind: 'organization' }], [{ quote: 'The books balance,', mention: 'Council treasurer Paul Menon', speaker: 0 }])
  const two = article('Audit', '"We will publish the audit," Paul Menon said. "No comment," the Eastfield Port Authority said.',
    [{ name: 'Paul Menon' }, { name: 'Eastfield Port Authority', kind: 'organization' }],
    [{ quote: 'We will publish the audit,', mention: 'Paul Menon', speaker: 0 }, { quote: 'No comment,', mention: 'the Eastfield Port Authority', speaker: 1 }])
  for (const order of [[one, two], [two, one]]) {
    const app = await appWith(t, order)
    const menon = await lookUp(app, 'Paul Menon')
    t.equal(menon.length, 1)
    t.equal(menon[0]!.kind, 'person')
    t.equal(menon[0]!.title, 'Council treasurer')
    t.same(await quotesOf(app, menon[0]!.id), ['The books balance,', 'We will publish the audit,'])
    t.equal((await lookUp(app, 'Eastfield Port Authority'))[0]?.kind, 'organization')
  }
})

t.test('groups and unnamed speakers belong to their article: no slug, not in the shared list, listed by kind', async (t) => {
  const text = (n: number) => `"Our street floods every spring," residents said in week ${n}. "We are looking at it," a spokeswoman said. ` +
    `"Nobody listens," Campaigners said.`
  const make = (n: number) => article(`Floods ${n}`, text(n),
    [{ name: null, kind: 'group', aliases: ['residents'] }, { name: null, kind: 'unnamed', aliases: ['a spokeswoman'] }, { name: 'Campaigners' }],
    [
      { quote: 'Our street floods every spring,', mention: 'residents', speaker: 0, resolvedBy: 'unresolved' },
      { quote: 'We are looking at it,', mention: 'a spokeswoman', speaker: 1, resolvedBy: 'unresolved' },
      { quote: 'Nobody listens,', mention: 'Campaigners', speaker: 2, resolvedBy: 'unresolved' },
    ])
  const app = await appWith(t, [make(1), make(2)])
  const shared = (await json(app, '/speakers')).items
  t.same(shared, [], 'nobody in the shared list')
  const groups = (await json(app, '/speakers?kind=group')).items
  t.equal(groups.length, 4, 'residents and Campaigners, once per article')
  t.ok(groups.every((s: { kind: string, slug: string | null, source_id: number | null }) => s.kind === 'group' && s.slug === null && s.source_id !== null))
  const unnamed = (await json(app, '/speakers?kind=unnamed')).items
  t.equal(unnamed.length, 2, 'one spokeswoman per article')
  t.ok(unnamed.every((s: { kind: string }) => s.kind === 'unnamed'))
  t.same((await json(app, '/speakers?name=campaigners')).items, [], 'a group name does not find a shared speaker')
})

t.test('every quote says how its speaker was found; a correction by hand is manual and survives re-extraction', async (t) => {
  const text = '"We start on Monday," said Ines Varga, the site manager. "It will take a year," she added. "Then we open," said Oskar Lind.'
  const a = article('Works', text, [{ name: 'Ines Varga', title: 'site manager' }, { name: 'Oskar Lind' }], [
    { quote: 'We start on Monday,', mention: 'Ines Varga', speaker: 0, resolvedBy: 'name' },
    { quote: 'It will take a year,', mention: 'she', speaker: 0, resolvedBy: 'pronoun' },
    { quote: 'Then we open,', mention: 'Oskar Lind', speaker: 1, resolvedBy: 'name' },
  ])
  const app = await appWith(t, [a])
  const quotes = (await json(app, '/quotes?limit=10')).items
  const byText = (words: string) => quotes.find((q: { text: string }) => q.text === words)
  t.equal(byText('We start on Monday,').speaker.resolved_by, 'name')
  t.equal(byText('It will take a year,').speaker.resolved_by, 'pronoun')
  const detail = await json(app, `/quotes/${byText('It will take a year,').id}`)
  t.equal(detail.speaker.resolved_by, 'pronoun', 'GET /quotes/:id says it too')
  const source = await json(app, `/sources/${quotes[0].source_id}`)
  t.same(source.quotes.map((q: { speaker: { resolved_by: string } }) => q.speaker.resolved_by), ['name', 'pronoun', 'name'],
    'and GET /sources/:id')

  const oskarId = (await lookUp(app, 'Oskar Lind'))[0]!.id
  const patched = await app.inject({ method: 'PATCH', url: `/quotes/${byText('It will take a year,').id}`, payload: { speaker_id: oskarId } })
  t.equal(patched.statusCode, 200, patched.body)
  t.equal(patched.json().speaker.resolved_by, 'manual')
  const oskarQuotes = (await json(app, `/speakers/${oskarId}/quotes`)).items
  t.equal(oskarQuotes.find((q: { text: string }) => q.text === 'It will take a year,').speaker.resolved_by, 'manual',
    'GET /speakers/:id/quotes says it too')

  await app.db.articles.reextract(quotes[0].source_id, a.extraction)
  const again = (await json(app, '/quotes?limit=10')).items
  t.equal(again.find((q: { text: string }) => q.text === 'It will take a year,').speaker.resolved_by, 'manual', 'kept through re-extraction')
  t.equal(again.find((q: { text: string }) => q.text === 'We start on Monday,').speaker.resolved_by, 'name')
})

t.test('an extraction with an unknown resolved_by is refused as invalid, and nothing is stored', async (t) => {
  const a = article('Bad', '"Hello," said Ines Varga.', [{ name: 'Ines Varga' }], [{ quote: 'Hello,', mention: 'Ines Varga', speaker: 0 }])
  ;(a.extraction.quotes[0]!.speaker as { resolved_by: string }).resolved_by = 'guess'
  const app = await appWith(t, [])
  await t.rejects(async () => await app.db.ingest({ title: a.title, text: a.text }, a.extraction), { name: 'InvalidExtractionError', message: /resolved_by/ })
  t.equal(await app.db.sources.count(), 0)
})

t.test('a name with a title split off by hand makes a speaker named without it, and the split survives re-extraction', async (t) => {
  const app = await appWith(t, [halePlain, haleCouncillor, haleCllr])
  t.same(await quotesOf(app, 'margaret-hale'), ['Every ward loses something,', 'The bridge will reopen in May,', 'We have no choice this year,'])
  const split = await app.inject({ method: 'POST', url: '/speakers/margaret-hale/split', payload: { alias: 'Cllr Hale' } })
  t.equal(split.statusCode, 201, split.body)
  t.equal(split.json().name, 'Hale')
  t.equal(split.json().slug, 'hale')
  t.same(await quotesOf(app, 'hale'), ['The bridge will reopen in May,'])
  const bridge = (await app.db.sources.list({ limit: 10 }, { titleMatch: 'bridge' })).items[0]!
  await app.db.articles.reextract(bridge.id, haleCllr.extraction)
  t.same(await quotesOf(app, 'hale'), ['The bridge will reopen in May,'], 'still split after re-extraction')
  t.same(await quotesOf(app, 'margaret-hale'), ['Every ward loses something,', 'We have no choice this year,'])
})

t.test('an organisation with and without its legal suffix is one speaker, found by either name', async (t) => {
  const one = article('Recall', '"We are recalling the yoghurt," Brannock Dairies Ltd. said.', [{ name: 'Brannock Dairies Ltd.', kind: 'organization' }],
    [{ quote: 'We are recalling the yoghurt,', mention: 'Brannock Dairies Ltd.', speaker: 0 }])
  const two = article('Recall over', '"Shelves are full again," said Brannock Dairies.', [{ name: 'Brannock Dairies', kind: 'organization' }],
    [{ quote: 'Shelves are full again,', mention: 'Brannock Dairies', speaker: 0 }])
  for (const order of [[one, two], [two, one]]) {
    const app = await appWith(t, order)
    for (const name of ['Brannock Dairies', 'Brannock Dairies Ltd']) {
      const found = await lookUp(app, name)
      t.equal(found.length, 1, name)
      t.same(await quotesOf(app, found[0]!.id), ['Shelves are full again,', 'We are recalling the yoghurt,'])
    }
  }
})

t.test('a company with and without its trade is one speaker ("Prairie Central", "Prairie Central Railroad"); two fits stay apart', async (t) => {
  const full = article('Derailment', '"The line is safe," Prairie Central Railroad said.', [{ name: 'Prairie Central Railroad', kind: 'organization' }],
    [{ quote: 'The line is safe,', mention: 'Prairie Central Railroad', speaker: 0 }])
  const short = article('Derailment, day two', '"We will pay for the hotels," said Prairie Central.', [{ name: 'Prairie Central', kind: 'organization' }],
    [{ quote: 'We will pay for the hotels,', mention: 'Prairie Central', speaker: 0 }])
  for (const order of [[full, short], [short, full]]) {
    const app = await appWith(t, order)
    const found = await lookUp(app, 'Prairie Central Railroad')
    t.equal(found.length, 1, order.map((a) => a.title).join(', '))
    t.same(await quotesOf(app, found[0]!.id), ['The line is safe,', 'We will pay for the hotels,'])
  }
  const bank = article('Loans', '"Rates will rise," said Prairie Central Bank.', [{ name: 'Prairie Central Bank', kind: 'organization' }],
    [{ quote: 'Rates will rise,', mention: 'Prairie Central Bank', speaker: 0 }])
  const app = await appWith(t, [full, bank, short])
  for (const name of ['Prairie Central Railroad', 'Prairie Central Bank']) {
    const found = (await lookUp(app, name)).filter((s) => s.name === name)
    t.notOk((await quotesOf(app, found[0]!.id)).includes('We will pay for the hotels,'), `two companies are Prairie Central: not ${name}`)
  }
})

t.test('a lone first name is the known person with that first name and the surname of someone the article names', async (t) => {
  const known = article('Crossing', '"She will make it," said Leif Halvorsen.', [{ name: 'Leif Halvorsen' }],
    [{ quote: 'She will make it,', mention: 'Leif Halvorsen', speaker: 0 }])
  const family = article('Crossing, day two', '"I am cold," said Margit Halvorsen. "You let her do it," Leif said.', [{ name: 'Margit Halvorsen' }, { name: 'Leif' }],
    [{ quote: 'I am cold,', mention: 'Margit Halvorsen', speaker: 0 }, { quote: 'You let her do it,', mention: 'Leif', speaker: 1 }])
  const stranger = article('Ferry', '"The ferry is late," Leif said.', [{ name: 'Leif' }],
    [{ quote: 'The ferry is late,', mention: 'Leif', speaker: 0 }])
  const app = await appWith(t, [known, family, stranger])
  const leif = (await lookUp(app, 'Leif Halvorsen')).filter((s) => s.name === 'Leif Halvorsen')
  t.equal(leif.length, 1)
  t.same(await quotesOf(app, leif[0]!.id), ['She will make it,', 'You let her do it,'], '"Leif" beside Margit Halvorsen is Leif Halvorsen')
  const other = article('Other Leif', '"Nets are down," said Leif Berg.', [{ name: 'Leif Berg' }], [{ quote: 'Nets are down,', mention: 'Leif Berg', speaker: 0 }])
  const both = article('Harbour', '"Both boats are in," said Margit Halvorsen, with Anna Berg. "We waited," Leif said.',
    [{ name: 'Margit Halvorsen' }, { name: 'Anna Berg' }, { name: 'Leif' }],
    [{ quote: 'Both boats are in,', mention: 'Margit Halvorsen', speaker: 0 }, { quote: 'We waited,', mention: 'Leif', speaker: 2 }])
  const two = await appWith(t, [known, other, both])
  for (const name of ['Leif Halvorsen', 'Leif Berg']) {
    const found = (await lookUp(two, name)).filter((s) => s.name === name)
    t.notOk((await quotesOf(two, found[0]!.id)).includes('We waited,'), `two known Leifs fit: not ${name}`)
  }
})

t.test('a double surname is the person whose full name ends with it; two such people keep it apart', async (t) => {
  const full = article('Dam', '"The dam is safe," said Ana Lucía Carmona Ruiz, the regional engineer.', [{ name: 'Ana Lucía Carmona Ruiz', title: 'regional engineer' }],
    [{ quote: 'The dam is safe,', mention: 'Ana Lucía Carmona Ruiz', speaker: 0 }])
  const short = article('Dam again', '"We inspect it every month," Carmona Ruiz said.', [{ name: 'Carmona Ruiz' }],
    [{ quote: 'We inspect it every month,', mention: 'Carmona Ruiz', speaker: 0 }])
  const other = article('Mill', '"The mill will close," said Pedro Carmona Ruiz, the mill owner.', [{ name: 'Pedro Carmona Ruiz', title: 'mill owner' }],
    [{ quote: 'The mill will close,', mention: 'Pedro Carmona Ruiz', speaker: 0 }])
  const tomas = article('Bakery', '"Bread is up again," said Tomas Ruiz.', [{ name: 'Tomas Ruiz' }],
    [{ quote: 'Bread is up again,', mention: 'Tomas Ruiz', speaker: 0 }])
  for (const order of [[full, short, tomas], [short, tomas, full]]) {
    const app = await appWith(t, order)
    const ana = (await lookUp(app, 'Ana Lucía Carmona Ruiz'))
    t.equal(ana.length, 1)
    t.same(await quotesOf(app, ana[0]!.id), ['The dam is safe,', 'We inspect it every month,'], order.map((a) => a.title).join(', '))
    t.same(await quotesOf(app, (await lookUp(app, 'Tomas Ruiz'))[0]!.id), ['Bread is up again,'], 'another first name stays apart')
  }
  const app = await appWith(t, [full, other, short])
  for (const name of ['Ana Lucía Carmona Ruiz', 'Pedro Carmona Ruiz']) {
    const found = (await lookUp(app, name)).filter((s) => s.name === name)
    t.notOk((await quotesOf(app, found[0]!.id)).includes('We inspect it every month,'), `two people end with Carmona Ruiz: not ${name}`)
  }
})
