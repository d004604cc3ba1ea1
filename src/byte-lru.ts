// A map from keys to byte strings that keeps the most recently used entries within a number of bytes.

interface Sized {
  /** Bytes this value holds in memory (its key's are counted by the map). */
  readonly bytes: number
}

/** Per entry on top of its key and value: the Map slot, the entry object, its fields. */
const ENTRY_OVERHEAD_BYTES = 96

export class ByteLru<V extends Sized> {
  private readonly entries = new Map<string, V>()
  private used = 0

  /** maxBytes bounds the sum of the entries' sizes (keys as two bytes a character, values' own `bytes`, overhead). */
  constructor (readonly maxBytes: number) {}

  get size (): number { return this.entries.size }
  get bytes (): number { return this.used }

  /** The value for key, which becomes the most recently used. */
  get (key: string): V | undefined {
    const value = this.entries.get(key)
    if (value === undefined) return undefined
    // A Map iterates in insertion order: re-inserting moves the entry to the young end.
    this.entries.delete(key)
    this.entries.set(key, value)
    return value
  }

  /** The least recently used key, the next to go. */
  oldestKey (): string | undefined {
    return this.entries.keys().next().value
  }

  /** Whether a value of `bytes` under `key` fits without dropping another entry. */
  fits (key: string, bytes: number): boolean {
    return this.used + sizeOf(key, { bytes }) <= this.maxBytes
  }

  /** Stores value under key, dropping the least recently used entries to stay within maxBytes; false if it can never fit. */
  set (key: string, value: V): boolean {
    const size = sizeOf(key, value)
    this.delete(key)
    if (size > this.maxBytes) return false
    while (this.used + size > this.maxBytes) {
      const oldest = this.entries.keys().next().value as string
      this.delete(oldest)
    }
    this.entries.set(key, value)
    this.used += size
    return true
  }

  delete (key: string): void {
    const value = this.entries.get(key)
    if (value === undefined) return
    this.entries.delete(key)
    this.used -= sizeOf(key, value)
  }

  clear (): void {
    this.entries.clear()
    this.used = 0
  }
}

function sizeOf (key: string, value: Sized): number {
  return key.length * 2 + value.bytes + ENTRY_OVERHEAD_BYTES
}
