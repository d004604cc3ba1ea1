// An extraction as bytes, for its trip from the extraction worker to the thread that stores it. Posted as an object,
// an extraction is cloned on the way out of the worker and again on the way to the writer thread, and both clones of
// a quote-dense article (thousands of quotes, tens of milliseconds each) ran on the main thread, holding every other
// request. Packed once on the worker (v8 serialization, the format structured cloning uses), its bytes are moved to
// the main thread, passed on as one block, and unpacked where the article is stored.
import { deserialize, serialize } from 'node:v8'
import type { Extraction } from '../extract/types.js'

export interface PackedExtraction {
  readonly packed: Uint8Array
}

/** What the store takes: the extraction, or the same packed. */
export type ExtractionInput = Extraction | PackedExtraction

/**
 * Quotes from which an extraction is worth packing. Below it, cloning costs tens of microseconds, and the bytes would
 * cost more: memory outside the JavaScript heap is reclaimed only when the collector gets to it, so packing every
 * article of a 10,000-article ingest raised its peak RSS by 30-50 MB. The most quotes a dev or suite article holds is 82.
 */
export const PACK_FROM_QUOTES = 200

/** Worth packing for its trip between threads (see PACK_FROM_QUOTES). */
export function worthPacking (extraction: Extraction): boolean {
  return extraction.quotes.length >= PACK_FROM_QUOTES
}

export function packExtraction (extraction: Extraction): PackedExtraction {
  const bytes = serialize(extraction)
  // A Buffer that shares its memory with others cannot be moved to another thread: give it memory of its own.
  const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : Uint8Array.prototype.slice.call(bytes)
  return { packed: new Uint8Array(own.buffer, own.byteOffset, own.byteLength) }
}

export function isPacked (input: ExtractionInput): input is PackedExtraction {
  return 'packed' in input
}

export function unpackExtraction (input: ExtractionInput): Extraction {
  return isPacked(input) ? deserialize(input.packed) as Extraction : input
}
