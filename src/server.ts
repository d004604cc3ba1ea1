// Runs the service: configuration from the environment, listen, and a graceful stop on SIGINT/SIGTERM.
import { env, exit, stderr, stdout } from 'node:process'
import { buildApp } from './app.js'
import { ConfigError, loadConfig, planExtraction, type Config, type ExtractionPlan } from './config.js'
import { prettyLogStream } from './log-format.js'
import { cpuCgroupShared } from './services/cpu-cgroup.js'
import { idleScheduling } from './services/extractor-process.js'
import { lowerHelperThreads } from './services/helper-threads.js'

let config: Config
let extraction: ExtractionPlan
try {
  config = loadConfig(env)
  extraction = planExtraction(config, { idle: idleScheduling, sharedCgroup: cpuCgroupShared })
} catch (err) {
  if (!(err instanceof ConfigError)) throw err
  stderr.write(`whosaid: configuration error: ${err.message}\n`)
  exit(1)
}

// Before any worker thread starts: V8's helper threads, which collect the workers' garbage, go at the workers'
// priority. Process workers collect their own, and this process's helpers then work for the request thread alone.
if (extraction.isolation === 'thread' && typeof extraction.nice === 'number') lowerHelperThreads(extraction.nice)

let app: Awaited<ReturnType<typeof buildApp>> | undefined
let stopping = false
// Installed before start-up begins: a SIGTERM while the database is opened, migrated or seeded, or between listening
// and the lines logged after it, waits for start-up to end and then stops as gracefully as later (Node's default for
// the signal would kill the process where it stands).
process.once('SIGINT', (signal) => { void stop(signal) })
process.once('SIGTERM', (signal) => { void stop(signal) })

const started = start()

async function start (): Promise<void> {
  try {
    app = await buildApp(
      {
        databasePath: config.databasePath,
        cursorSecret: config.cursorSecret,
        readDatabaseUrl: config.readDatabaseUrl,
        seed: config.seed,
        // Without a key, src/plugins/auth.ts logs a warning that writes are open.
        apiKey: config.apiKey,
        rateLimitPerMinute: config.rateLimitPerMinute,
        corsOrigin: config.corsOrigin,
        bodyLimit: config.bodyLimit,
        batchBodyLimit: config.batchBodyLimit,
        trustProxy: config.trustProxy,
        extractTimeLimitMs: config.extractTimeLimitMs,
        maxQuotations: config.maxQuotations,
        replyCacheBytes: config.replyCacheBytes,
        extractIsolation: extraction.isolation,
        extractWorkerNice: extraction.nice,
        searchReaderNice: config.searchReaderNice,
        searchReaders: config.searchReaders,
        searchTimeLimitMs: config.searchTimeLimitMs,
      },
      // JSON lines for collectors and files; one readable line per entry when a person watches a terminal.
      stdout.isTTY ? { level: config.logLevel, stream: prettyLogStream(stdout) } : { level: config.logLevel },
    )
    // Stopped while starting: no listening at all.
    if (stopping) return
    const address = await app.listen({ port: config.port, host: config.host })
    app.log.info(`Pages for people at ${address}/ · API documentation at ${address}/docs`)
    const where = extraction.isolation === 'process' ? 'child processes' : 'worker threads'
    app.log.info(`Extraction in ${where} ${extraction.nice === 'idle' ? 'under SCHED_IDLE' : `at nice ${extraction.nice}`} (${extraction.reason})`)
  } catch (err) {
    // Start-up failures (bad migration, seed file, port in use) are reported by message alone.
    stderr.write(`whosaid: cannot start: ${err instanceof Error ? err.message : String(err)}\n`)
    exit(1)
  }
}

async function stop (signal: NodeJS.Signals): Promise<void> {
  if (stopping) return
  stopping = true
  await started
  if (app === undefined) exit(0)
  app.log.info({ signal }, 'shutting down')
  try {
    // Stops accepting connections, lets in-flight requests finish, then closes the database.
    await app.close()
    exit(0)
  } catch (err) {
    app.log.error({ err }, 'error while shutting down')
    exit(1)
  }
}
