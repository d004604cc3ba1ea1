// Unique speaker slugs: the name's slug, with -2, -3 … when another speaker has it or had it (an old slug still
// redirects to the speaker that had it).
import { slugify } from '../identity/names.js'
import type { Database } from './database.js'

export class Slugs {
  readonly #taken
  readonly #keep

  constructor (db: Database) {
    this.#taken = db.prepare<[{ slug: string }], number>(`SELECT 1 FROM speakers WHERE slug = @slug
      UNION ALL SELECT 1 FROM speaker_old_slugs WHERE slug = @slug`).pluck()
    this.#keep = db.prepare('INSERT OR IGNORE INTO speaker_old_slugs (slug, speaker_id) VALUES (?, ?)')
  }

  unique (name: string): string {
    const base = slugify(name)
    let slug = base
    for (let n = 2; this.#taken.get({ slug }) !== undefined; n++) slug = `${base}-${n}`
    return slug
  }

  /** Records a slug the speaker no longer goes by, so that links with it still find the speaker. */
  keepOld (slug: string, speakerId: number): void {
    this.#keep.run(slug, speakerId)
  }
}
