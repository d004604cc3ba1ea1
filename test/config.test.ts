import t from 'tap'
import { ConfigError, loadConfig, planExtraction, type ExtractionProbes } from '../src/config.js'

t.test('defaults', async (t) => {
  t.same(loadConfig({}), {
    port: 3000,
    host: '127.0.0.1',
    databasePath: './data/whosaid.db',
    readDatabaseUrl: null,
    cursorSecret: null,
    logLevel: 'info',
    seed: true,
    apiKey: null,
    rateLimitPerMinute: 1000,
    corsOrigin: null,
    bodyLimit: 2097152,
    batchBodyLimit: 104857600,
    trustProxy: false,
    extractTimeLimitMs: 10000,
    maxQuotations: 10000,
    replyCacheBytes: 33554432,
    extractIsolation: 'auto',
    extractWorkerNice: null,
    searchReaderNice: 10,
    searchReaders: 2,
    searchTimeLimitMs: 3000,
  })
  const empty = { PORT: '', HOST: '', DATABASE_PATH: '', LOG_LEVEL: '', SEED: '', API_KEY: '', RATE_LIMIT_PER_MINUTE: '', CORS_ORIGIN: '', BODY_LIMIT: '', BATCH_BODY_LIMIT: '', TRUST_PROXY: '', EXTRACT_TIME_LIMIT_MS: '', MAX_QUOTATIONS: '', REPLY_CACHE_BYTES: '', EXTRACT_WORKER_NICE: '', EXTRACT_ISOLATION: '', SEARCH_READER_NICE: '', SEARCH_READERS: '', SEARCH_TIME_LIMIT_MS: '', DATABASE_URL: '', DATABASE_READ_URL: '', CURSOR_SECRET: '' }
  t.same(loadConfig(empty), loadConfig({}), 'empty means unset')
})

t.test('values from the environment', async (t) => {
  t.same(loadConfig({ PORT: '8080', HOST: '0.0.0.0', DATABASE_PATH: '/data/w.db', LOG_LEVEL: 'DEBUG', SEED: 'false' }),
    { ...loadConfig({}), port: 8080, host: '0.0.0.0', databasePath: '/data/w.db', logLevel: 'debug', seed: false })
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

t.test('API_KEY', async (t) => {
  const key = 'a-long-enough-key-0123456789/+=='
  t.equal(loadConfig({ API_KEY: key }).apiKey, key)
  t.throws(() => loadConfig({ API_KEY: 'short' }),
    new ConfigError('API_KEY must be at least 16 characters long, got 5'))
  for (const bad of ['has a space in it 0123456789', 'tab\tinside-0123456789', 'non-ascii-ключ-0123456789']) {
    t.throws(() => loadConfig({ API_KEY: bad }),
      new ConfigError('API_KEY must be printable ASCII without spaces (it is sent as "Authorization: Bearer <key>")'), JSON.stringify(bad))
  }
  t.notMatch(String((() => { try { loadConfig({ API_KEY: 'secret' }) } catch (err) { return (err as Error).message } })()), /secret/,
    'the message never repeats the key')
})

t.test('RATE_LIMIT_PER_MINUTE, BODY_LIMIT, BATCH_BODY_LIMIT, EXTRACT_TIME_LIMIT_MS', async (t) => {
  t.same(loadConfig({ RATE_LIMIT_PER_MINUTE: '60', BODY_LIMIT: '1024', BATCH_BODY_LIMIT: '1048576', EXTRACT_TIME_LIMIT_MS: '2500' }),
    { ...loadConfig({}), rateLimitPerMinute: 60, bodyLimit: 1024, batchBodyLimit: 1048576, extractTimeLimitMs: 2500 })
  t.equal(loadConfig({ RATE_LIMIT_PER_MINUTE: '0' }).rateLimitPerMinute, 0, '0 turns rate limiting off')
  t.equal(loadConfig({ REPLY_CACHE_BYTES: '1048576' }).replyCacheBytes, 1048576)
  t.equal(loadConfig({ REPLY_CACHE_BYTES: '0' }).replyCacheBytes, 0, '0 turns the reply cache off')
  t.equal(loadConfig({ SEARCH_READERS: '0' }).searchReaders, 0, '0 searches in the main thread')
  t.equal(loadConfig({ SEARCH_TIME_LIMIT_MS: '250' }).searchTimeLimitMs, 250)
  t.equal(loadConfig({ MAX_QUOTATIONS: '500' }).maxQuotations, 500)
  t.throws(() => loadConfig({ MAX_QUOTATIONS: '0' }), new ConfigError('MAX_QUOTATIONS must be an integer of at least 1, got "0"'))
  t.throws(() => loadConfig({ SEARCH_TIME_LIMIT_MS: '0' }), new ConfigError('SEARCH_TIME_LIMIT_MS must be an integer of at least 1, got "0"'))
  t.throws(() => loadConfig({ SEARCH_READERS: 'two' }), new ConfigError('SEARCH_READERS must be an integer of at least 0, got "two"'))
  t.throws(() => loadConfig({ REPLY_CACHE_BYTES: '32MB' }), new ConfigError('REPLY_CACHE_BYTES must be an integer of at least 0, got "32MB"'))
  for (const bad of ['-1', 'ten', '1.5', '1e3', ' 5', '99999999999999999999']) {
    t.throws(() => loadConfig({ RATE_LIMIT_PER_MINUTE: bad }),
      new ConfigError(`RATE_LIMIT_PER_MINUTE must be an integer of at least 0, got "${bad}"`), bad)
  }
  for (const name of ['BODY_LIMIT', 'BATCH_BODY_LIMIT', 'EXTRACT_TIME_LIMIT_MS']) {
    t.throws(() => loadConfig({ [name]: '0' }), new ConfigError(`${name} must be an integer of at least 1, got "0"`))
    t.throws(() => loadConfig({ [name]: '2MB' }), new ConfigError(`${name} must be an integer of at least 1, got "2MB"`))
  }
})

t.test('SEARCH_READER_NICE', async (t) => {
  t.equal(loadConfig({ SEARCH_READER_NICE: '0' }).searchReaderNice, 0, '0 runs the readers as the server')
  t.equal(loadConfig({ SEARCH_READER_NICE: '19' }).searchReaderNice, 19)
  t.throws(() => loadConfig({ SEARCH_READER_NICE: '20' }), new ConfigError('SEARCH_READER_NICE must be an integer from 0 to 19, got "20"'))
})

t.test('EXTRACT_WORKER_NICE', async (t) => {
  t.equal(loadConfig({}).extractWorkerNice, null, 'not set: planExtraction chooses')
  t.equal(loadConfig({ EXTRACT_WORKER_NICE: '0' }).extractWorkerNice, 0, '0 runs the workers as the server')
  t.equal(loadConfig({ EXTRACT_WORKER_NICE: '19' }).extractWorkerNice, 19)
  t.throws(() => loadConfig({ EXTRACT_WORKER_NICE: '20' }), new ConfigError('EXTRACT_WORKER_NICE must be an integer from 0 to 19, got "20" (or "idle")'))
  t.throws(() => loadConfig({ EXTRACT_WORKER_NICE: '-5' }), new ConfigError('EXTRACT_WORKER_NICE must be an integer of at least 0, got "-5" (or "idle")'))
  t.equal(loadConfig({ EXTRACT_ISOLATION: 'process', EXTRACT_WORKER_NICE: 'idle' }).extractWorkerNice, 'idle')
  t.equal(loadConfig({ EXTRACT_WORKER_NICE: 'idle' }).extractWorkerNice, 'idle', 'with auto isolation')
  t.throws(() => loadConfig({ EXTRACT_ISOLATION: 'thread', EXTRACT_WORKER_NICE: 'idle' }), new ConfigError('EXTRACT_WORKER_NICE=idle needs process workers, not EXTRACT_ISOLATION=thread'))
})

t.test('EXTRACT_ISOLATION', async (t) => {
  t.equal(loadConfig({}).extractIsolation, 'auto', 'auto by default')
  t.equal(loadConfig({ EXTRACT_ISOLATION: 'process' }).extractIsolation, 'process')
  t.equal(loadConfig({ EXTRACT_ISOLATION: ' thread ' }).extractIsolation, 'thread')
  t.throws(() => loadConfig({ EXTRACT_ISOLATION: 'processes' }), new ConfigError('EXTRACT_ISOLATION must be "auto", "thread" or "process", got "processes"'))
})

t.test('planExtraction: processes under SCHED_IDLE where the server is alone in its CPU cgroup, threads at nice 10 elsewhere', async (t) => {
  const idle = (): { command: string[] } => ({ command: ['/usr/bin/chrt', '--idle', '0'] })
  const noIdle = (): { reason: string } => ({ reason: 'the chrt command (util-linux) is not on PATH' })
  const alone = (): null => null
  const shared = (): string => 'the server shares its CPU cgroup (/sys/fs/cgroup/cpu) with 80 other processes'
  const plan = (env: Record<string, string>, probes: ExtractionProbes): [string, unknown] => {
    const { isolation, nice } = planExtraction(loadConfig(env), probes)
    return [isolation, nice]
  }
  t.same(plan({}, { idle, sharedCgroup: alone }), ['process', 'idle'], 'by default, alone in a cgroup where SCHED_IDLE can be had')
  t.same(plan({}, { idle, sharedCgroup: shared }), ['thread', 10], 'by default, in a shared cgroup: SCHED_IDLE would wait for the others')
  t.same(plan({}, { idle: noIdle, sharedCgroup: alone }), ['thread', 10], 'by default, where SCHED_IDLE cannot be had')
  t.equal(planExtraction(loadConfig({}), { idle, sharedCgroup: shared }).reason, `no SCHED_IDLE: ${shared()}`, 'the reason is kept for the log')
  t.match(planExtraction(loadConfig({}), { idle: noIdle, sharedCgroup: alone }).reason, /chrt command .* not on PATH/)
  t.same(plan({ EXTRACT_ISOLATION: 'thread' }, { idle, sharedCgroup: alone }), ['thread', 10], 'threads when asked for')
  t.same(plan({ EXTRACT_WORKER_NICE: '5' }, { idle, sharedCgroup: alone }), ['thread', 5], 'a nice value set keeps threads: processes are for SCHED_IDLE')
  t.same(plan({ EXTRACT_ISOLATION: 'process' }, { idle, sharedCgroup: shared }), ['process', 'idle'], 'processes asked for: SCHED_IDLE whatever the cgroup')
  t.same(plan({ EXTRACT_ISOLATION: 'process' }, { idle: noIdle, sharedCgroup: alone }), ['process', 10], 'processes when asked for, at nice 10 without SCHED_IDLE')
  t.same(plan({ EXTRACT_ISOLATION: 'process', EXTRACT_WORKER_NICE: '19' }, { idle, sharedCgroup: alone }), ['process', 19])
  t.same(plan({ EXTRACT_WORKER_NICE: 'idle' }, { idle, sharedCgroup: shared }), ['process', 'idle'], 'idle asked for: as asked')
  t.throws(() => plan({ EXTRACT_WORKER_NICE: 'idle' }, { idle: noIdle, sharedCgroup: alone }),
    new ConfigError('EXTRACT_WORKER_NICE=idle cannot be had here: the chrt command (util-linux) is not on PATH'), 'idle asked for and not to be had: the server does not start')
  let asked = 0
  const counting: ExtractionProbes = { idle: () => { asked++; return idle() }, sharedCgroup: () => { asked++; return null } }
  planExtraction(loadConfig({ EXTRACT_ISOLATION: 'thread' }), counting)
  planExtraction(loadConfig({ EXTRACT_WORKER_NICE: '3' }), counting)
  t.equal(asked, 0, 'the machine is not probed when the settings decide')
})

t.test('CORS_ORIGIN', async (t) => {
  t.equal(loadConfig({ CORS_ORIGIN: '*' }).corsOrigin, '*')
  t.same(loadConfig({ CORS_ORIGIN: 'https://a.example' }).corsOrigin, ['https://a.example'])
  t.same(loadConfig({ CORS_ORIGIN: 'https://a.example, http://localhost:5173/ ,' }).corsOrigin,
    ['https://a.example', 'http://localhost:5173'], 'spaces, a trailing slash and empty items are dropped')
  for (const bad of ['a.example', 'https://a.example/app', 'ftp://a.example', 'null', 'https://A.example', 'https://a.example:443']) {
    t.throws(() => loadConfig({ CORS_ORIGIN: `https://ok.example,${bad}` }),
      new ConfigError(`CORS_ORIGIN must be * or a comma-separated list of origins like https://example.org, got "${bad}"`), bad)
  }
})

t.test('TRUST_PROXY', async (t) => {
  t.equal(loadConfig({ TRUST_PROXY: 'false' }).trustProxy, false)
  t.equal(loadConfig({ TRUST_PROXY: 'TRUE' }).trustProxy, true)
  t.equal(loadConfig({ TRUST_PROXY: '2' }).trustProxy, 2, 'a number of hops')
  t.same(loadConfig({ TRUST_PROXY: '10.0.0.1, 172.16.0.0/12,::1,fd00::/8' }).trustProxy, ['10.0.0.1', '172.16.0.0/12', '::1', 'fd00::/8'])
  for (const bad of ['proxy.example', '10.0.0.0/33', '10.0.0.1/8/1', '300.1.1.1', 'fd00::/129']) {
    t.throws(() => loadConfig({ TRUST_PROXY: bad }), new ConfigError(
      `TRUST_PROXY must be true, false, a number of hops or a comma-separated list of IP addresses or CIDR ranges, got "${bad}"`), bad)
  }
})

t.test('DATABASE_URL selects PostgreSQL over DATABASE_PATH; CURSOR_SECRET signs cursors', async (t) => {
  t.equal(loadConfig({ DATABASE_URL: 'postgres://u:p@db:5432/whosaid', DATABASE_PATH: '/data/w.db' }).databasePath,
    'postgres://u:p@db:5432/whosaid')
  t.equal(loadConfig({ DATABASE_URL: 'postgresql://db/whosaid' }).databasePath, 'postgresql://db/whosaid')
  t.throws(() => loadConfig({ DATABASE_URL: 'mysql://u:secret@db/whosaid' }), { name: 'ConfigError', message: /DATABASE_URL must be a PostgreSQL URL.*:\*\*\*@/ })
  t.notMatch((() => { try { loadConfig({ DATABASE_URL: 'mysql://u:secret@db/x' }) } catch (err) { return (err as Error).message } return '' })(), /secret/, 'the password is not echoed')
  t.equal(loadConfig({ CURSOR_SECRET: 'a'.repeat(32) }).cursorSecret, 'a'.repeat(32))
  t.throws(() => loadConfig({ CURSOR_SECRET: 'short' }), { name: 'ConfigError', message: /CURSOR_SECRET must be at least 16/ })
})

t.test('DATABASE_READ_URL names a PostgreSQL replica, only beside DATABASE_URL', async (t) => {
  t.equal(loadConfig({ DATABASE_URL: 'postgres://db/w', DATABASE_READ_URL: 'postgres://replica/w' }).readDatabaseUrl, 'postgres://replica/w')
  t.throws(() => loadConfig({ DATABASE_READ_URL: 'postgres://replica/w' }), { name: 'ConfigError', message: /DATABASE_READ_URL needs DATABASE_URL/ })
  t.throws(() => loadConfig({ DATABASE_URL: 'postgres://db/w', DATABASE_READ_URL: './replica.db' }), { name: 'ConfigError', message: /DATABASE_READ_URL must be a PostgreSQL URL/ })
})
