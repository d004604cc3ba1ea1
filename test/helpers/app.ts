// An app on a fresh database, without seeding, for app.inject() tests: SQLite in memory, or PostgreSQL when the run
// tests that store (test/helpers/stores.ts). Extraction runs in the test's own thread unless a test asks for
// workers (extractorWorkers), and the store writes there too unless a test asks for its writer thread (writerThread),
// so each app starts no threads but its search readers (on a file); those it starts go without tap's bookkeeping
// (THREAD_EXEC_ARGV).
import { buildApp, type App, type AppOptions } from '../../src/app.js'
import { Store } from '../../src/store/index.js'
import { testDatabaseLocation } from './stores.js'
import { THREAD_EXEC_ARGV } from './threads.js'

/** An app on SQLite: its store answers synchronously, so tests of SQLite's own behaviour may read it directly. */
export type SqliteApp = Omit<App, 'db'> & { db: Store }

/** An app on the store under test; its store's answers are awaited. */
export async function testApp (options: Partial<AppOptions> = {}): Promise<App> {
  return await buildApp({ databasePath: await testDatabaseLocation(), seed: false, extractorWorkers: 0, writerThread: false, threadExecArgv: THREAD_EXEC_ARGV, ...options })
}

/** An app on SQLite in memory, whichever store the run tests. */
export async function sqliteTestApp (options: Partial<AppOptions> = {}): Promise<SqliteApp> {
  const app = await buildApp({ databasePath: ':memory:', seed: false, extractorWorkers: 0, writerThread: false, threadExecArgv: THREAD_EXEC_ARGV, ...options })
  if (!(app.db instanceof Store)) throw new Error('sqliteTestApp opened another store')
  return app as SqliteApp
}
