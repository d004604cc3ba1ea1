// A map from keys to byte strings kept in one buffer allocated once, oldest first out.
//
// The reply cache used to keep each reply in a Buffer of its own. Under a stream of distinct pages (a speaker's
// quotes, 13 KB each) every kept reply lived long enough to reach the old generation and then died there: the
// collector ran a full mark-compact every second or two to free them (5 against 1 in 8 s without the cache), with
// pauses of 5-30 ms. Here the bytes go into one slab written as a ring, so keeping a reply allocates nothing the
// collector sees; a hit is copied out (a young object, freed by the next scavenge), because a socket may still hold
// the bytes it was given when the ring comes round to write over them.
//
// The ring drops entries in the order they were stored. A hit on an entry in the older half moves it to the young
// end (a second chance), so that a reply asked for all the time is not dropped once a lap, as it would be in FIFO order.

/** Per entry on top of its key and bytes: the Map slot, the entry object, its fields. */
const ENTRY_OVERHEAD_BYTES = 96

interface Slot<M> {
  meta: M
  offset: number
  length: number
  /** `written` when it was stored: how far the ring has gone since tells its age. */
  stored: number
}

export class ReplySlab<M> {
  /** In the order stored, which is also the order of their offsets in the ring from the oldest on. */
  private readonly slots = new Map<string, Slot<M>>()
  private slab: Buffer | null = null
  private head = 0
  private written = 0
  private used = 0

  /** maxBytes bounds the sum of the entries' sizes (keys as two bytes a character, their bytes, overhead) and the slab. */
  constructor (readonly maxBytes: number) {}

  get size (): number { return this.slots.size }
  get bytes (): number { return this.used }

  /** A copy of key's bytes with its metadata; an old entry moves to the young end. */
  get (key: string): (M & { body: Buffer }) | undefined {
    const slot = this.slots.get(key)
    if (slot === undefined) return undefined
    const body = Buffer.from(this.slab!.subarray(slot.offset, slot.offset + slot.length))
    if (this.written - slot.stored > this.maxBytes / 2) this.set(key, body, slot.meta)
    return { ...slot.meta, body }
  }

  /** The oldest key, the next to go. */
  oldestKey (): string | undefined {
    return this.slots.keys().next().value
  }

  /** Whether `bytes` under `key` fit within maxBytes without dropping another entry's count. */
  fits (key: string, bytes: number): boolean {
    return this.used + sizeOf(key, bytes) <= this.maxBytes
  }

  /**
   * Stores `body` (a string is stored as UTF-8) under key, dropping the oldest entries to stay within maxBytes and to
   * make room in the ring; false if it can never fit.
   */
  set (key: string, body: string | Uint8Array, meta: M): boolean {
    this.delete(key)
    const length = typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength
    const size = sizeOf(key, length)
    if (size > this.maxBytes) return false
    this.slab ??= Buffer.allocUnsafeSlow(this.maxBytes)
    let start = this.head
    // The ring's end is too short for it: what lies there is the oldest, dropped, and it is written at the start.
    const skipFrom = start + length > this.maxBytes ? start : -1
    if (skipFrom >= 0) {
      this.written += this.maxBytes - start
      start = 0
    }
    for (;;) {
      const [oldestKey, oldest] = this.slots.entries().next().value ?? []
      if (oldest === undefined) break
      const overlaps = oldest.offset < start + length && oldest.offset + oldest.length > start
      if (!overlaps && !(skipFrom >= 0 && oldest.offset >= skipFrom) && this.used + size <= this.maxBytes) break
      this.delete(oldestKey!)
    }
    if (typeof body === 'string') this.slab.write(body, start, 'utf8')
    else this.slab.set(body, start)
    this.slots.set(key, { meta, offset: start, length, stored: this.written })
    this.head = start + length
    this.written += length
    this.used += size
    return true
  }

  delete (key: string): void {
    const slot = this.slots.get(key)
    if (slot === undefined) return
    this.slots.delete(key)
    this.used -= sizeOf(key, slot.length)
  }

  /** Drops every entry; the slab is kept for the next ones. */
  clear (): void {
    this.slots.clear()
    this.used = 0
    this.head = 0
  }
}

function sizeOf (key: string, bytes: number): number {
  return key.length * 2 + bytes + ENTRY_OVERHEAD_BYTES
}
