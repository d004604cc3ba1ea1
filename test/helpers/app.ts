// An app on an in-memory database, without seeding, for app.inject() tests. Extraction runs in the
// test's own thread unless a test asks for workers (extractorWorkers), so each app starts no threads.
import { buildApp, type App, type AppOptions } from '../../src/app.js'
import { Store } from '../../src/store/index.js'

/** An app on SQLite: its store answers synchronously, so tests may read it without awaiting. */
export type SqliteApp = Omit<App, 'db'> & { db: Store }

export async function testApp (options: Partial<AppOptions> = {}): Promise<SqliteApp> {
  const app = await buildApp({ databasePath: ':memory:', seed: false, extractorWorkers: 0, ...options })
  if (!(app.db instanceof Store)) {
    await app.close()
    throw new Error('testApp is for SQLite; use storeApps (test/helpers/stores.ts) for the other stores')
  }
  return app as SqliteApp
}
