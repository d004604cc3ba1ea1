// Lines of an NDJSON stream, read as they arrive: no line is kept whole when it is over the line limit, and the
// stream is never buffered whole. Blank lines are skipped (their numbers still count).

/** The stream is over its limit: nothing more of it is read. */
export class StreamTooLargeError extends Error {
  override name = 'StreamTooLargeError'
  readonly statusCode = 413
  /** The last line read in full before the limit was reached. */
  readonly lastLine: number

  constructor (message: string, lastLine: number) {
    super(message)
    this.lastLine = lastLine
  }
}

export type NdjsonLine =
  | { line: number, text: string }
  /** A line that cannot be read (over the line limit, not UTF-8): an error for that line alone. */
  | { line: number, error: string }

export interface NdjsonOptions {
  /** Longest line in bytes (without its line break). */
  lineLimit: number
  /** Largest stream in bytes; more throws StreamTooLargeError. Default: no limit. */
  totalLimit?: number
}

const NEWLINE = 0x0a
const CARRIAGE_RETURN = 0x0d
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false })

export async function * readNdjsonLines (
  stream: AsyncIterable<Buffer | Uint8Array | string>, options: NdjsonOptions,
): AsyncGenerator<NdjsonLine> {
  const totalLimit = options.totalLimit ?? Infinity
  let parts: Buffer[] = []
  let length = 0
  let tooLong = false
  let line = 0
  let total = 0

  function finish (): NdjsonLine | null {
    line++
    const wasTooLong = tooLong
    const bytes = parts.length === 1 ? parts[0]! : Buffer.concat(parts, length)
    parts = []
    length = 0
    tooLong = false
    const end = bytes.length > 0 && bytes[bytes.length - 1] === CARRIAGE_RETURN ? bytes.length - 1 : bytes.length
    if (wasTooLong || end > options.lineLimit) {
      return { line, error: `line is longer than the limit of ${options.lineLimit} bytes` }
    }
    let text: string
    try {
      // The decoder drops a byte order mark at the start of each line it is given, which is what a BOM deserves.
      text = utf8.decode(bytes.subarray(0, end))
    } catch {
      return { line, error: 'line is not valid UTF-8' }
    }
    return text.trim() === '' ? null : { line, text }
  }

  function add (piece: Buffer): void {
    if (tooLong) return
    if (length + piece.length > options.lineLimit + 1) {
      // +1: a carriage return before the line feed does not count against the limit.
      tooLong = true
      parts = []
      length = 0
      return
    }
    parts.push(piece)
    length += piece.length
  }

  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk)
    total += buffer.length
    if (total > totalLimit) {
      throw new StreamTooLargeError(`the request is larger than the limit of ${totalLimit} bytes`, line)
    }
    let start = 0
    for (let newline = buffer.indexOf(NEWLINE, start); newline >= 0; newline = buffer.indexOf(NEWLINE, start)) {
      add(buffer.subarray(start, newline))
      start = newline + 1
      const item = finish()
      if (item !== null) yield item
    }
    if (start < buffer.length) add(buffer.subarray(start))
  }
  if (length > 0 || tooLong) {
    const item = finish()
    if (item !== null) yield item
  }
}
