// Unique speaker slugs: the name's slug, with -2, -3 … when another speaker already has it.
import { slugify } from '../identity/names.js'
import type { Database } from './database.js'

export class Slugs {
  readonly #taken

  constructor (db: Database) {
    this.#taken = db.prepare<[string], number>('SELECT 1 FROM speakers WHERE slug = ?').pluck()
  }

  unique (name: string): string {
    const base = slugify(name)
    let slug = base
    for (let n = 2; this.#taken.get(slug) !== undefined; n++) slug = `${base}-${n}`
    return slug
  }
}
