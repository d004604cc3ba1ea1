// An article's detail as GET /sources/:id and POST /sources give it: the source, its first quotes, and a cursor to the
// rest (a few hundred at most are read and serialised per request, however many the article has).
import type { FastifyInstance } from 'fastify'
import type { DataStore, SourceDetail } from '../../store/index.js'

export async function sourceDetail (fastify: FastifyInstance, store: DataStore, source: SourceDetail) {
  const page = await store.quotes.ofSource(source.id)
  return { ...source, quotes: page.items, quotes_next_cursor: fastify.cursors.encode('quotes:position', page.next) }
}
