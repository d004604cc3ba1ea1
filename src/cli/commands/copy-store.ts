// `whosaid copy-store --from FILE --to URL`: moves a SQLite database into an empty PostgreSQL database, every row
// with its id, verified by the row counts of every table and a checksum of every quote before it commits.
import { existsSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { processIO, type Command } from '../command.js'
import { MIGRATIONS_DIR } from '../../paths.js'
import { isPostgresUrl, openStore, Store } from '../../store/index.js'
import { copySqliteToPostgres } from '../../store/postgres/copy.js'
import { PgStore } from '../../store/postgres/index.js'
import { UsageError, usageLines } from '../output.js'

const HELP = `usage: whosaid copy-store --from FILE --to URL [--json]

Copies the SQLite database FILE into the PostgreSQL database at URL
(postgres://user:password@host:5432/db), which is migrated first and must hold no
articles or speakers. Every row keeps its id, so links, slugs and cursors stay
valid. The copy is one transaction, verified before it commits: the row count of
every table and a SHA-256 checksum of every quote, read back from both databases.
FILE is migrated to the current schema first, as the server would. Stop the servers
writing FILE first: what they write during the copy is not in it.

  --from FILE   the SQLite database (whosaid backup makes a consistent copy of a live one)
  --to URL      the PostgreSQL database
  --json        print the counts and the checksum as JSON
`

const copyStoreCommand: Command = {
  summary: 'copy a SQLite database into an empty PostgreSQL database, verified',
  async run (args, io = processIO()) {
    const { stdout, stderr } = io
    let values
    try {
      ({ values } = parseArgs({
        args,
        options: { from: { type: 'string' }, to: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
        strict: true,
      }))
      if (values.help) {
        stdout.write(HELP)
        return 0
      }
      if (values.from === undefined || values.to === undefined) throw new UsageError('--from FILE and --to URL are required')
      if (!isPostgresUrl(values.to)) throw new UsageError(`--to must be a postgres:// URL, got "${values.to.replace(/:[^:@/]*@/, ':***@')}"`)
      if (!existsSync(values.from)) throw new UsageError(`no database at ${values.from}`)
    } catch (err) {
      stderr.write(`whosaid copy-store: ${(err as Error).message}\n${usageLines(HELP)}`)
      return 2
    }
    const source = Store.open({ path: values.from, migrationsDir: MIGRATIONS_DIR })
    try {
      const target = await openStore({ location: values.to, defaultMigrationsDir: MIGRATIONS_DIR })
      try {
        const report = await copySqliteToPostgres(source.db, target as PgStore)
        if (values.json) {
          stdout.write(JSON.stringify(report) + '\n')
        } else {
          for (const [table, count] of Object.entries(report.counts)) stdout.write(`${table.padEnd(22)} ${count}\n`)
          stdout.write(`quote checksum (sha256)  ${report.quoteChecksum}\ncopied and verified\n`)
        }
        return 0
      } finally {
        await target.close()
      }
    } catch (err) {
      stderr.write(`whosaid copy-store: ${(err as Error).message}\n`)
      return 1
    } finally {
      source.close()
    }
  },
}

export default copyStoreCommand
