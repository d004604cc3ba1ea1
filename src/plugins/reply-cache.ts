// Repeated reads of the JSON API are answered from memory: the bytes, type and ETag of a 200 reply are kept under the
// request's URL and sent again, without routing to the handler, until the database changes. Every request first asks
// the store whether anything was written since the last request (SQLite: src/store/change-counter.ts, this process's
// own writes and commits by any other connection or process); if so, the whole cache is dropped. An entry therefore never
// outlives the state it was read from, and a cached reply is byte for byte the one the handler would build.
//
// The key is the method and the URL as sent (path and query string): the API's replies depend on nothing else in the
// request. The hooks that depend on headers (CORS, rate limit, auth, security headers, If-None-Match) run before and
// after it as for any request. Memory is bounded by REPLY_CACHE_BYTES, least recently used entries going first.
//
// A reply over 4 KB (a page of quotes) that would push others out is kept only when its URL was asked for more often
// recently than the least recently used reply it would replace (RequestCounts; the admission rule of TinyLFU). A
// page asked for once, or a scan through many pages each asked for as rarely as the ones kept, would otherwise
// replace a reply that is asked for again: copying, keeping and collecting those pages cost every request more than
// the cache saved, and their copies left for the garbage collector held tens of megabytes and brought a full
// collection every second (bench/RESULTS.md, "Reply cache admission").
// A least recently used reply that keeps out a page asked for less than half as often loses half its count: it was
// popular once and is asked for no more (it is the least recently used), and without this one stale favourite kept
// every new page out until two generations of other URLs had passed (seconds of misses after traffic moved from
// speakers' pages to searches, bench/RESULTS.md, fourteenth stop). Pages asked for about as often still leave the
// ones kept in place.
import type { FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { ByteLru } from '../byte-lru.js'

export interface ReplyCachePluginOptions {
  /** Bytes of replies kept (keys and bookkeeping included); 0 turns the cache off. */
  maxBytes: number
}

interface CachedReply {
  readonly body: Buffer
  readonly contentType: string
  readonly etag: string
  readonly bytes: number
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The reply cache, or null when it is turned off; its size and bytes are read by tests and the benchmark. */
    replyCache: ByteLru<CachedReply> | null
  }
  interface FastifyRequest {
    /** The cache generation this request was looked up in; -1 when the request is not cached (or was a hit). */
    replyCacheGeneration: number
  }
}

// Routes whose replies are read from the database alone. Not /health (it reports the process), nor the pages for
// people (/ui, /: they negotiate on Accept and are sent no-store).
const CACHED_ROUTE = /^\/(quotes|speakers|sources)(\/|$)/

/** A single reply larger than this share of the cache is not kept: it would push out many smaller ones. */
const LARGEST_SHARE = 8

/**
 * Replies up to this size are kept at once: copying and keeping them costs little (Node allocates them from a shared
 * pool), and they are the lookups most often repeated (a speaker by name, one quote).
 */
const SMALL_REPLY_BYTES = 4096

/** URLs whose requests are counted (two generations of this many each): about 100 bytes apiece. */
const COUNTED_URLS = 16_384

/**
 * How often each URL was asked for recently, in two generations: when the newer one holds `perGeneration` URLs it
 * becomes the older and the older is forgotten, so memory stays bounded. A URL asked for again while in the older
 * generation moves to the newer one with half its count, so that a page popular an hour ago does not keep out one
 * popular now.
 */
export class RequestCounts {
  #newer = new Map<string, number>()
  #older = new Map<string, number>()

  constructor (private readonly perGeneration: number = COUNTED_URLS) {}

  /** Counts a request for `url`; its count, this request included. */
  add (url: string): number {
    let count = this.#newer.get(url)
    if (count === undefined) {
      const before = this.#older.get(url)
      if (before !== undefined) this.#older.delete(url)
      if (this.#newer.size >= this.perGeneration) {
        this.#older = this.#newer
        this.#newer = new Map()
      }
      count = before === undefined ? 0 : before >> 1
    }
    this.#newer.set(url, ++count)
    return count
  }

  /** The recent requests for `url` (0 once forgotten). */
  count (url: string): number {
    return this.#newer.get(url) ?? this.#older.get(url) ?? 0
  }

  /** Halves the count of `url` (down to 1): a lead that is not renewed fades. */
  halve (url: string): void {
    const generation = this.#newer.has(url) ? this.#newer : this.#older
    const count = generation.get(url)
    if (count !== undefined && count > 1) generation.set(url, count >> 1)
  }
}

export default fp<ReplyCachePluginOptions>(async (fastify, options) => {
  // A store that cannot tell cheaply whether the database changed gets no cache rather than stale replies.
  const changes = options.maxBytes > 0 ? fastify.reads.changeWatch() : null
  if (changes === null) {
    fastify.decorate('replyCache', null)
    return
  }
  const cache = new ByteLru<CachedReply>(options.maxBytes)
  const counts = new RequestCounts()
  let generation = 0
  /**
   * A large reply is kept when it fits, or when its URL was asked for more often than the reply it would push out; a
   * reply that keeps out one asked for less than half as often loses half its lead.
   */
  const admits = (url: string, bytes: number): boolean => {
    if (cache.fits(url, bytes)) return true
    const oldest = cache.oldestKey()
    if (oldest === undefined) return true
    const mine = counts.count(url)
    const theirs = counts.count(oldest)
    if (mine > theirs) return true
    if (theirs > 2 * mine) counts.halve(oldest)
    return false
  }
  fastify.decorate('replyCache', cache)
  fastify.decorateRequest('replyCacheGeneration', -1)

  fastify.addHook('onRequest', (request: FastifyRequest, reply: FastifyReply, done: () => void) => {
    const route = request.routeOptions.url
    if (request.method !== 'GET' || route === undefined || !CACHED_ROUTE.test(route)) {
      done()
      return
    }
    if (changes.moved()) {
      cache.clear()
      generation++
    }
    counts.add(request.url)
    const hit = cache.get(request.url)
    if (hit === undefined) {
      request.replyCacheGeneration = generation
      done()
      return
    }
    // The ETag plugin's onSend still answers If-None-Match with 304.
    reply.header('etag', hit.etag).type(hit.contentType).send(hit.body)
  })

  // Registered after the ETag plugin, so the reply's tag is set (or the reply already turned into a 304).
  fastify.addHook('onSend', (request: FastifyRequest, reply: FastifyReply, payload: unknown, done: (err: null, payload?: unknown) => void) => {
    // A reply read while the cache was dropped may come from before the write: it is not kept.
    // A body the route sent as bytes (store-built JSON, src/routes/page-json.ts) is kept as it is: nothing writes to it.
    const body = typeof payload === 'string' || Buffer.isBuffer(payload) ? payload : null
    if (request.replyCacheGeneration === generation && reply.statusCode === 200 && body !== null) {
      const bytes = typeof body === 'string' ? Buffer.byteLength(body) : body.length
      const etag = reply.getHeader('etag')
      const contentType = reply.getHeader('content-type')
      if (typeof etag === 'string' && typeof contentType === 'string' && bytes <= options.maxBytes / LARGEST_SHARE &&
        (bytes <= SMALL_REPLY_BYTES || admits(request.url, bytes))) {
        cache.set(request.url, { body: typeof body === 'string' ? Buffer.from(body) : body, contentType, etag, bytes })
      }
    }
    done(null, payload)
  })
}, { name: 'reply-cache', dependencies: ['db', 'etag'] })
