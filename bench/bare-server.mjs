// The reference for the API benchmark: a bare Fastify server with the same routes as the real one, each answering
// from memory with a JSON body of the size that endpoint typically returns (PAYLOADS_FILE: { route: body }).
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { ROOT } from './lib.mjs'

const require = createRequire(path.join(ROOT, 'package.json'))
const Fastify = require('fastify')
const payloads = JSON.parse(fs.readFileSync(process.env.PAYLOADS_FILE, 'utf8'))
const app = Fastify({ logger: false })
for (const [route, body] of Object.entries(payloads)) {
  app.get(route, async (request, reply) => reply.type('application/json; charset=utf-8').send(body))
}
app.get('/health', async () => ({ status: 'ok' }))
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' })
process.once('SIGTERM', () => { void app.close().then(() => process.exit(0)) })
