// The pages in a real browser: Chromium (the Debian package) driven by puppeteer-core against a listening server.
// One browser for the whole file. What a person sees: the marked quotes and their speakers, the legend, search
// results, the try-it result; that no script error is logged, Tab reaches every quote, and hostile text stays text.
import { existsSync } from 'node:fs'
import t from 'tap'
import puppeteer, { type Browser, type Page } from 'puppeteer-core'
import type { App } from '../../src/app.js'
import { testApp } from '../helpers/app.js'
import { budgetArticle } from '../helpers/article.js'
import { HOSTILE_PUBLISHER, HOSTILE_TITLE, hostileArticle } from '../helpers/hostile-article.js'

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium'

if (!existsSync(CHROMIUM) && process.env['WHOSAID_REQUIRE_BROWSER'] !== '1') {
  // A clone without Chromium still runs every other test; CI (.ci/run) installs it and requires this file.
  t.plan(0, `no browser at ${CHROMIUM}: apt-get install chromium, or set CHROMIUM_PATH`)
  process.exit(0)
}

let app: App
let base: string
let browser: Browser
/** Console errors, page errors, failed requests and dialogs, from every page opened. */
const problems: string[] = []

t.before(async () => {
  app = await testApp()
  const { article, extraction } = budgetArticle()
  await app.db.ingest(article, extraction)
  const second = budgetArticle(' (later)')
  await app.db.ingest({ ...second.article, published_at: '2024-05-08T08:00:00.000Z' }, second.extraction)
  const hostile = hostileArticle()
  await app.db.ingest(hostile.article, hostile.extraction)
  base = await app.listen({ port: 0, host: '127.0.0.1' })
  browser = await puppeteer.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'], headless: true })
})

t.teardown(async () => {
  await browser?.close()
  await app?.close()
})

async function open (path: string, scheme: 'light' | 'dark' = 'light', width = 1200): Promise<Page> {
  const page = await browser.newPage()
  page.on('console', (message) => { if (message.type() === 'error' || message.type() === 'warn') problems.push(`${path}: console ${message.type()}: ${message.text()}`) })
  page.on('pageerror', (error) => { problems.push(`${path}: page error: ${String(error)}`) })
  page.on('requestfailed', (request) => { problems.push(`${path}: request failed: ${request.url()}`) })
  page.on('response', (response) => { if (response.status() >= 400 && !response.url().endsWith(path)) problems.push(`${path}: ${response.status()} for ${response.url()}`) })
  page.on('dialog', (dialog) => { problems.push(`${path}: a script opened a dialog: ${dialog.message()}`); void dialog.dismiss() })
  await page.setViewport({ width, height: 900 })
  await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }])
  await page.goto(base + path, { waitUntil: 'load' })
  return page
}

t.test('home: the most quoted speakers, the latest articles and the way to the docs', async (t) => {
  const page = await open('/')
  const speakers = await page.$$eval('ol.speakers li a', (links) => links.map((a) => a.textContent))
  t.same(speakers.slice(0, 2), ['Jane Doe', 'Acme Corp'])
  const articles = await page.$$eval('ul.articles li a', (links) => links.map((a) => a.textContent))
  t.same(articles, [HOSTILE_TITLE, 'City budget (later)', 'City budget'], 'newest first, the hostile title as text')
  t.ok(await page.$('a[href="/docs"]'), 'a link to the API docs')
  await page.close()
})

t.test('article: every quote marked in its speaker\'s colour, details on hover, a legend linking to speakers', async (t) => {
  const page = await open('/ui/articles/1')
  const marks = await page.$$eval('.article-text mark.q', (elements) => elements.map((mark) => ({
    quote: mark.getAttribute('data-quote'),
    text: mark.textContent,
    colour: getComputedStyle(mark).borderBottomColor,
    style: getComputedStyle(mark).borderBottomStyle,
    visible: mark.getBoundingClientRect().width > 0,
  })))
  t.same(marks.map((m) => [m.quote, m.text]), [
    ['1', '1balanced and fair.'], ['2', '2We will fight this,'], ['3', '3It is not over,'], ['3', '3′not by a long way.'],
    ['4', '4the vote would happen Monday'],
  ], 'five marks for four quotes: the interrupted one in two parts with one number')
  t.ok(marks.every((m) => m.visible))
  t.same(marks.map((m) => m.style), ['dashed', 'solid', 'solid', 'solid', 'dotted'], 'mixed, direct and indirect look different')
  t.equal(marks[0]!.colour, marks[2]!.colour, 'Jane Doe\'s quotes share a colour')
  t.equal(marks[2]!.colour, marks[3]!.colour, 'both parts of the interrupted quote too')
  t.not(marks[0]!.colour, marks[1]!.colour, 'Acme Corp has another')

  const legend = await page.$$eval('.legend li a', (links) => links.map((a) => ({
    name: a.textContent,
    href: a.getAttribute('href'),
    colour: getComputedStyle(a.previousElementSibling!).backgroundColor,
  })))
  t.same(legend.map((l) => [l.name, l.href]), [
    ['Jane Doe', '/ui/speakers/jane-doe'], ['Acme Corp', '/ui/speakers/acme-corp'], ['unnamed speaker', '/ui/speakers/3'],
  ])
  t.equal(legend[0]!.colour, marks[0]!.colour, 'the legend shows the colour the marks use')

  const mention = await page.$eval('.article-text b.mention', (b) => b.textContent)
  t.equal(mention, 'Jane Doe', 'the speaker\'s mention is marked')

  const tipOf = (selector: string) => page.$eval(selector, (mark) => getComputedStyle(mark, '::after').content)
  t.equal(await tipOf('#quote-2'), 'none', 'no details until asked')
  await page.hover('#quote-2')
  const hovered = await tipOf('#quote-2')
  for (const line of ['Speaker: Acme Corp', 'Type: direct', 'Cue: said', 'Confidence: 0.95', 'Found by:']) t.match(hovered, line, `hover shows ${line}`)
  await page.focus('#quote-1')
  t.match(await tipOf('#quote-1'), 'Speaker: Jane Doe, Mayor', 'focus shows the details too')

  // Tab from the top of the page until every quote has had the focus.
  await page.goto(`${base}/ui/articles/1`)
  const quoteIds = await page.$$eval('mark.q[tabindex]', (elements) => elements.map((e) => e.id))
  const focused = new Set<string>()
  for (let i = 0; i < 60 && quoteIds.some((id) => !focused.has(id)); i++) {
    await page.keyboard.press('Tab')
    focused.add(await page.evaluate(() => document.activeElement?.id ?? ''))
  }
  t.same(quoteIds.filter((id) => !focused.has(id)), [], 'Tab reaches every quote')
  await page.close()
})

t.test('a phone: the legend above the text, no sideways scrolling', async (t) => {
  const page = await open('/ui/articles/1', 'light', 390)
  const { legendTop, textTop, scrollWidth } = await page.evaluate(() => ({
    legendTop: document.querySelector('.legend')!.getBoundingClientRect().top,
    textTop: document.querySelector('.article-text')!.getBoundingClientRect().top,
    scrollWidth: document.documentElement.scrollWidth,
  }))
  t.ok(legendTop < textTop)
  t.ok(scrollWidth <= 390, `page is ${scrollWidth}px wide`)
  await page.close()
})

t.test('speaker: names, titles and quotes newest first; the type filter works without script', async (t) => {
  const page = await open('/ui/speakers/jane-doe')
  t.equal(await page.$eval('h1', (h) => h.textContent), 'Jane Doe')
  t.match(await page.$eval('dl.facts', (dl) => dl.textContent), /Mayor[\s\S]*Doe[\s\S]*4 in 2 articles/)
  const sources = await page.$$eval('.quote-item .muted a[href^="/ui/articles/"]', (links) => links.map((a) => a.textContent))
  t.same(sources, ['City budget (later)', 'City budget (later)', 'City budget', 'City budget'], 'newest first')
  await page.select('select[name="type"]', 'mixed')
  await Promise.all([page.waitForNavigation(), page.click('.filters button')])
  t.match(page.url(), /\/ui\/speakers\/jane-doe\?type=mixed/)
  t.same(await page.$$eval('.quote-item blockquote', (quotes) => quotes.map((q) => q.textContent)), ['balanced and fair.', 'balanced and fair.'])
  await page.close()
})

t.test('search: typed in the header box, results with the words marked, speaker and article on each', async (t) => {
  const page = await open('/')
  await page.type('header input[name="q"]', 'fight')
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')])
  t.same(await page.$$eval('.results mark.hit', (marks) => marks.map((m) => m.textContent)), ['fight', 'fight'])
  const meta = await page.$$eval('.results .quote-item .muted', (items) => items.map((p) => p.textContent ?? ''))
  t.ok(meta.every((text) => /Acme Corp/.test(text) && /City budget/.test(text)))
  await Promise.all([page.waitForNavigation(), page.click('.results .quote-item .muted a[href^="/ui/articles/"]')])
  t.equal(await page.evaluate(() => document.querySelector(':target')?.textContent), '2We will fight this,', 'the link lands on the quote in the article')
  await page.close()
})

t.test('try it: pasted text comes back with its quotes marked, and nothing is stored', async (t) => {
  const before = await app.db.sources.count()
  const page = await open('/ui/try')
  await page.type('textarea[name="text"]', 'The hearing ran late. "We need more time," said Mary Poppins, the city attorney.')
  await Promise.all([page.waitForNavigation(), page.click('form.try button')])
  t.same(await page.$$eval('.result mark.q[tabindex]', (marks) => marks.map((m) => m.textContent)), ['1We need more time,'])
  t.same(await page.$$eval('.result .legend li bdi', (names) => names.map((n) => n.textContent)), ['Mary Poppins'])
  t.equal(await app.db.sources.count(), before)
  await page.close()
})

t.test('a hostile article renders as text: no script, no element or attribute from its fields', async (t) => {
  const page = await open('/ui/articles/3')
  t.equal(await page.$eval('h1', (h) => h.textContent), HOSTILE_TITLE)
  t.match(await page.$eval('.meta', (p) => p.textContent), HOSTILE_PUBLISHER)
  const found = await page.evaluate(() => ({
    scripts: document.querySelectorAll('script, img, svg, iframe, object').length,
    handlers: [...document.querySelectorAll('*')].flatMap((e) => [...e.attributes].map((a) => a.name)).filter((n) => n.startsWith('on')),
    javascriptLinks: [...document.querySelectorAll('a')].filter((a) => a.protocol === 'javascript:').length,
    marks: [...document.querySelectorAll('.article-text mark.q')].map((m) => m.textContent),
  }))
  t.same(found.scripts, 0)
  t.same(found.handlers, [])
  t.same(found.javascriptLinks, 0)
  t.same(found.marks, ['1<script>alert(1)</script> is what we found,', '2Click <a href="javascript:alert(2)">here</a> now,'])
  await page.close()
})

t.test('API docs: every route once, and Authorize takes the bearer key for the writes', async (t) => {
  const page = await open('/docs')
  await page.waitForSelector('.btn.authorize')
  const operations = await page.$$eval('.opblock', (blocks) => blocks.map((b) =>
    `${b.querySelector('.opblock-summary-method')?.textContent} ${b.querySelector('.opblock-summary-path')?.textContent}`))
  t.ok(operations.includes('GET /speakers') && operations.includes('POST /sources'))
  t.equal(new Set(operations).size, operations.length, 'no route listed twice')
  t.notOk(operations.some((op) => op.includes('/ui')), 'pages are not API routes')
  await page.click('.btn.authorize')
  await page.waitForSelector('.modal-ux')
  t.match(await page.$eval('.modal-ux', (modal) => modal.textContent), /apiKey\s*\(http, Bearer\)/)
  await page.close()
})

t.test('no page logged a script error, failed a request or opened a dialog', async (t) => {
  t.same(problems, [])
})
