// Makes fastify.cursors: pagination cursors signed with the configured secret (CURSOR_SECRET) or else the
// database's own, so cursors stay valid across restarts and between servers sharing one database.
import fp from 'fastify-plugin'
import { Cursors } from '../routes/cursor.js'

declare module 'fastify' {
  interface FastifyInstance {
    cursors: Cursors
  }
}

export interface CursorsPluginOptions {
  /** The signing key; null uses the secret stored in the database. */
  secret: string | null
}

export default fp<CursorsPluginOptions>(async (fastify, options) => {
  fastify.decorate('cursors', new Cursors(options.secret ?? await fastify.db.cursorSecret()))
}, { name: 'cursors', dependencies: ['db'] })
