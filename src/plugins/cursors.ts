// Makes fastify.cursors: pagination cursors signed with the database's own secret, so cursors
// stay valid across restarts and between servers sharing one database.
import fp from 'fastify-plugin'
import { Cursors } from '../routes/cursor.js'

declare module 'fastify' {
  interface FastifyInstance {
    cursors: Cursors
  }
}

export default fp(async (fastify) => {
  fastify.decorate('cursors', new Cursors(fastify.db.cursorSecret()))
}, { name: 'cursors', dependencies: ['db'] })
