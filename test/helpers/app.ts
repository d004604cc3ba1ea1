// An app on an in-memory database, without seeding, for app.inject() tests. Extraction runs in the
// test's own thread unless a test asks for workers (extractorWorkers), so each app starts no threads.
import { buildApp, type App, type AppOptions } from '../../src/app.js'

export async function testApp (options: Partial<AppOptions> = {}): Promise<App> {
  return buildApp({ databasePath: ':memory:', seed: false, extractorWorkers: 0, ...options })
}
