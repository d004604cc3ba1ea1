// `whosaid seed`: ingest the seed articles into a database now, whether or not it is empty.
import { parseArgs } from 'node:util'
import { processIO, type Command } from '../command.js'
import { databasePathFrom } from '../../config.js'
import { MIGRATIONS_DIR, SEEDS_DIR } from '../../paths.js'
import { seed } from '../../services/seed.js'
import { openStore } from '../../store/index.js'

const HELP = `usage: whosaid seed [--db PATH] [--dir DIR]

Ingests every DIR/*.txt article (metadata in the .json beside it) through the
same extraction path as the API. Articles already stored are left unchanged.

  --db PATH   database file or postgres:// URL (default: $DATABASE_URL, $DATABASE_PATH or ./data/whosaid.db)
  --dir DIR   seeds directory (default: the seeds/ shipped with whosaid)
`

const seedCommand: Command = {
  summary: 'ingest the seed articles into the database',
  async run (args, io = processIO()) {
    const { stdout, stderr, env } = io
    let values
    try {
      ({ values } = parseArgs({
        args,
        options: { db: { type: 'string' }, dir: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
        strict: true,
        allowPositionals: false,
      }))
    } catch (err) {
      stderr.write(`whosaid seed: ${(err as Error).message}\n\n${HELP}`)
      return 2
    }
    if (values.help) {
      stdout.write(HELP)
      return 0
    }
    const store = await openStore({ location: values.db ?? databasePathFrom(env), defaultMigrationsDir: MIGRATIONS_DIR })
    try {
      for (const article of await seed(store, values.dir ?? SEEDS_DIR)) {
        const what = article.status === 'existing' ? 'already stored' : 'ingested'
        stdout.write(`${article.file}: ${what} as source ${article.source_id} (${article.quote_count} quotes)\n`)
      }
    } finally {
      await store.close()
    }
    return 0
  },
}

export default seedCommand
