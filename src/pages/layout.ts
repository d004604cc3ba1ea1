// The frame of every page: head, header with the search box, main, footer. No script: pages work without one.
import { html, type Html } from './html.js'

export const STYLESHEET_PATH = '/ui/style.css'

export interface PageFrame {
  title: string
  /** The search box's current words, kept in it on the search page. */
  query?: string
  main: Html
}

export function layout (frame: PageFrame): string {
  return `<!doctype html>\n${html`<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${frame.title} · whosaid</title>
<link rel="stylesheet" href="${STYLESHEET_PATH}">
<link rel="icon" href="/ui/icon.svg" type="image/svg+xml">
</head>
<body>
<header class="top">
<a class="brand" href="/">whosaid</a>
<form class="search" action="/ui/search" method="get" role="search">
<input type="search" name="q" value="${frame.query ?? ''}" placeholder="Speaker or words said" aria-label="Search speakers and quotes" maxlength="200">
<button type="submit">Search</button>
</form>
<nav><a href="/ui/try">Try it</a> <a href="/docs">API docs</a></nav>
</header>
<main>
${frame.main}
</main>
<footer>whosaid finds who said what in news articles. <a href="/docs">API documentation</a> · <a href="/docs/json">OpenAPI JSON</a></footer>
</body>
</html>`.value}\n`
}

/** A short date for people: 2026-03-01. */
export const day = (iso: string | null): string => iso === null ? 'undated' : iso.slice(0, 10)
