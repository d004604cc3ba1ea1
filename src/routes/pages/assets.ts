// The pages' one stylesheet and icon, read once at start-up and revalidated by ETag.
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { FastifyPluginAsync } from 'fastify'
import { PUBLIC_DIR } from '../../paths.js'

const ASSETS = [
  { path: '/style.css', file: 'style.css', type: 'text/css; charset=utf-8' },
  { path: '/icon.svg', file: 'icon.svg', type: 'image/svg+xml' },
]

const assetRoutes: FastifyPluginAsync = async (fastify) => {
  for (const asset of ASSETS) {
    const body = readFileSync(join(PUBLIC_DIR, asset.file))
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 16)}"`
    fastify.get(asset.path, { schema: { hide: true } }, async (request, reply) => {
      reply.header('etag', etag).header('cache-control', 'public, max-age=300')
      if (request.headers['if-none-match'] === etag) return reply.code(304).send()
      return reply.type(asset.type).send(body)
    })
  }
}

export default assetRoutes
