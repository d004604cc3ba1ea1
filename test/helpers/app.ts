// An app on an in-memory database, without seeding, for app.inject() tests.
import { buildApp, type App, type AppOptions } from '../../src/app.js'

export async function testApp (options: Partial<AppOptions> = {}): Promise<App> {
  return buildApp({ databasePath: ':memory:', seed: false, ...options })
}
