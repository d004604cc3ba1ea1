// Shared by the crash, concurrency, shutdown and load tests: what a database must look like after anything happened
// to the server, and clients that stream batches or post articles over real HTTP.
import { request as httpRequest } from 'node:http'
import { readFileSync } from 'node:fs'
import Database from 'better-sqlite3'
import { extract } from '../../src/extract/index.js'
import type { GeneratedArticle } from './generated-articles.js'

/**
 * Everything wrong with a database file: SQLite's integrity and foreign key checks, the full-text indexes against
 * their tables, the speakers' quote counts against their quotes, and, given the articles that may have been sent,
 * any source whose text is not one of them or whose quotes are not exactly those its text gives (a half-stored
 * article). Empty when the database is sound.
 */
export function databaseProblems (path: string, articles: GeneratedArticle[] = []): string[] {
  const db = new Database(path)
  const problems: string[] = []
  try {
    db.pragma('busy_timeout = 5000')
    const integrity = db.pragma('integrity_check', { simple: true })
    if (integrity !== 'ok') problems.push(`integrity_check: ${String(integrity)}`)
    const foreign = db.pragma('foreign_key_check') as unknown[]
    if (foreign.length > 0) problems.push(`foreign_key_check: ${JSON.stringify(foreign.slice(0, 5))}`)
    for (const fts of ['quotes_fts', 'sources_fts']) {
      try {
        db.prepare(`INSERT INTO ${fts} (${fts}) VALUES ('integrity-check')`).run()
      } catch (err) {
        problems.push(`${fts} integrity-check: ${(err as Error).message}`)
      }
    }
    const counts = db.prepare(`SELECT s.id, s.quote_count, s.source_count,
        (SELECT count(*) FROM quotes q WHERE q.speaker_id = s.id) AS quotes,
        (SELECT count(DISTINCT q.source_id) FROM quotes q WHERE q.speaker_id = s.id) AS sources
      FROM speakers s WHERE s.merged_into IS NULL`).all() as Array<Record<string, number>>
    for (const row of counts) {
      if (row['quote_count'] !== row['quotes'] || row['source_count'] !== row['sources']) {
        problems.push(`speaker ${row['id']}: quote_count ${row['quote_count']}/${row['quotes']}, source_count ${row['source_count']}/${row['sources']}`)
      }
    }
    if (articles.length > 0) {
      const sent = new Set(articles.map((a) => a.text))
      const sources = db.prepare('SELECT id, text FROM sources').all() as Array<{ id: number, text: string }>
      const quotesOf = db.prepare('SELECT text, start_offset AS start, end_offset AS end, type FROM quotes WHERE source_id = ? ORDER BY start_offset, id')
      for (const source of sources) {
        if (!sent.has(source.text)) {
          problems.push(`source ${source.id} holds a text no client sent: ${JSON.stringify(source.text.slice(0, 80))}`)
          continue
        }
        const stored = quotesOf.all(source.id) as Array<{ text: string, start: number, end: number, type: string }>
        const expected = extract(source.text).quotes.map((q) => ({ text: q.text, start: q.start, end: q.end, type: q.type }))
          .sort((a, b) => a.start - b.start)
        if (JSON.stringify(stored) !== JSON.stringify(expected)) {
          problems.push(`source ${source.id} has ${stored.length} quotes, its text gives ${expected.length}`)
        }
      }
    }
  } finally {
    db.close()
  }
  return problems
}

/** Rows of a table, read through a connection of its own (the server may be running). */
export function countRows (path: string, table: string): number {
  const db = new Database(path, { readonly: true, fileMustExist: true })
  try {
    db.pragma('busy_timeout = 5000')
    return db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number
  } finally {
    db.close()
  }
}

/** The NDJSON lines of a batch request. */
export const ndjsonLines = (articles: GeneratedArticle[]): string[] => articles.map((a) => JSON.stringify(a))

export interface BatchResult {
  status?: number
  body: string
  /** Lines written to the socket before the answer (or the error). */
  linesSent: number
  error?: string
}

/**
 * POSTs NDJSON to /sources/batch, `perTick` lines at a time with `pauseMs` between, so that a batch takes a while to
 * arrive. `onProgress` is told how many lines have been written after each group.
 */
export function streamBatch (base: string, lines: string[], options: { perTick?: number, pauseMs?: number, onProgress?: (sent: number) => void } = {}): Promise<BatchResult> {
  const { perTick = 10, pauseMs = 0 } = options
  const url = new URL('/sources/batch', base)
  return new Promise((resolve) => {
    let linesSent = 0
    let settled = false
    const finish = (result: BatchResult): void => { if (!settled) { settled = true; resolve(result) } }
    const req = httpRequest({
      host: url.hostname, port: url.port, path: url.pathname, method: 'POST',
      headers: { 'content-type': 'application/x-ndjson' },
    }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk) => { body += chunk })
      res.on('end', () => finish({ status: res.statusCode, body, linesSent }))
      res.on('error', (err: NodeJS.ErrnoException) => finish({ status: res.statusCode, body, linesSent, error: err.code ?? err.message }))
    })
    req.on('error', (err: NodeJS.ErrnoException) => finish({ body: '', linesSent, error: err.code ?? err.message }))
    const pump = (): void => {
      if (settled || req.destroyed) return
      if (linesSent >= lines.length) { req.end(); return }
      const group = lines.slice(linesSent, linesSent + perTick).join('\n') + '\n'
      linesSent = Math.min(lines.length, linesSent + perTick)
      const more = req.write(group)
      options.onProgress?.(linesSent)
      const next = (): void => { setTimeout(pump, pauseMs) }
      if (more) next()
      else req.once('drain', next)
    }
    pump()
  })
}

/** POSTs one article to /sources; resolves with the status, or null when the connection failed. */
export async function postArticle (base: string, article: GeneratedArticle): Promise<{ status: number | null, body: any }> {
  try {
    const res = await fetch(`${base}/sources`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(article),
    })
    const text = await res.text()
    let body: unknown = text
    try { body = JSON.parse(text) } catch {}
    return { status: res.status, body }
  } catch {
    return { status: null, body: null }
  }
}

/** Resident set size of a process in bytes (Linux /proc). */
export function rssOf (pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = /^VmRSS:\s+(\d+) kB/m.exec(status)
  if (kb === null) throw new Error(`no VmRSS for process ${pid}`)
  return Number(kb[1]) * 1024
}
