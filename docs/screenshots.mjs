// Takes the screenshots in docs/screenshots/ (each page, light and dark) from the demo article in seeds/:
// npm run build && node docs/screenshots.mjs. Needs Chromium (CHROMIUM_PATH, default /usr/bin/chromium).
import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import puppeteer from 'puppeteer-core'
import { buildApp } from '../dist/app.js'

const out = fileURLToPath(new URL('./screenshots/', import.meta.url))
mkdirSync(out, { recursive: true })
const app = await buildApp({ databasePath: ':memory:', seed: true, extractorWorkers: 0 })
const base = await app.listen({ port: 0, host: '127.0.0.1' })
const browser = await puppeteer.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] })
const speaker = app.db.speakers.list({ limit: 1 }, { sort: 'quotes' }).items[0]
const TRY_TEXT = 'The council met late on Tuesday. "We need more time," said Mary Poppins, the city attorney. ' +
  'She said the vote would wait until May.\n\n"It is not over," Poppins added, "not by a long way."'

const pages = [
  { name: 'home', path: '/' },
  { name: 'article', path: '/ui/articles/1', focus: '#quote-2' },
  { name: 'speaker', path: `/ui/speakers/${speaker.slug ?? speaker.id}` },
  { name: 'search', path: '/ui/search?q=hostages' },
  { name: 'try', path: '/ui/try', paste: TRY_TEXT },
  { name: 'article-phone', path: '/ui/articles/1', width: 390, focus: '#quote-1' },
]
try {
  for (const shot of pages) {
    for (const scheme of ['light', 'dark']) {
      const page = await browser.newPage()
      await page.setViewport({ width: shot.width ?? 1200, height: shot.width ? 800 : 900 })
      await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }])
      await page.goto(base + shot.path)
      if (shot.paste) {
        await page.type('textarea[name="text"]', shot.paste)
        await Promise.all([page.waitForNavigation(), page.click('form.try button')])
      }
      if (shot.focus) await page.focus(shot.focus)
      await page.screenshot({ path: `${out}${shot.name}-${scheme}.png` })
      await page.close()
    }
  }
} finally {
  await browser.close()
  await app.close()
}
