import t from 'tap'
import { ConfigError, loadConfig } from '../src/config.js'

t.test('defaults', async (t) => {
  t.same(loadConfig({}), { port: 3000, host: '127.0.0.1', databasePath: './data/whosaid.db', logLevel: 'info', seed: true })
  t.same(loadConfig({ PORT: '', HOST: '', DATABASE_PATH: '', LOG_LEVEL: '', SEED: '' }), loadConfig({}), 'empty means unset')
})

t.test('values from the environment', async (t) => {
  t.same(loadConfig({ PORT: '8080', HOST: '0.0.0.0', DATABASE_PATH: '/data/w.db', LOG_LEVEL: 'DEBUG', SEED: 'false' }),
    { port: 8080, host: '0.0.0.0', databasePath: '/data/w.db', logLevel: 'debug', seed: false })
  t.equal(loadConfig({ PORT: '0' }).port, 0)
  t.equal(loadConfig({ PORT: '65535' }).port, 65535)
  t.equal(loadConfig({ SEED: '0' }).seed, false)
  t.equal(loadConfig({ SEED: 'TRUE' }).seed, true)
})

t.test('bad values give a message naming the variable and the value', async (t) => {
  for (const port of ['abc', '-1', '65536', '80.5', ' 80', '1e3']) {
    t.throws(() => loadConfig({ PORT: port }), new ConfigError(`PORT must be an integer from 0 to 65535, got "${port}"`), port)
  }
  t.throws(() => loadConfig({ LOG_LEVEL: 'loud' }), { name: 'ConfigError', message: /^LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got "loud"$/ })
  t.throws(() => loadConfig({ SEED: 'maybe' }), { name: 'ConfigError', message: 'SEED must be true or false, got "maybe"' })
})
