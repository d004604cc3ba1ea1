// SIGINT and SIGTERM taken by a long command while it runs (ingest, backup, reextract), so that it stops where its
// work is whole (an article stored, a copy removed) instead of where Node's default for the signal would end it.
import type { CommandIO } from './command.js'

/** Exit status of a command stopped by a signal, as a shell reports one killed by it (128 + its number). */
const SIGNAL_EXIT: Readonly<Partial<Record<NodeJS.Signals, number>>> = { SIGINT: 130, SIGTERM: 143 }

/** The exit status for `signal` (130 for anything unexpected, as for SIGINT). */
export function signalExit (signal: NodeJS.Signals): number {
  return SIGNAL_EXIT[signal] ?? 130
}

/**
 * Calls `onSignal` for each SIGINT or SIGTERM until the returned function is called, where `io` is the process's own
 * (io.signals); elsewhere (a command run by a test or another program) it takes nothing.
 */
export function takeSignals (io: Pick<CommandIO, 'signals'>, onSignal: (signal: NodeJS.Signals) => void): () => void {
  if (io.signals !== true) return () => {}
  const listener = (signal: NodeJS.Signals): void => onSignal(signal)
  process.on('SIGINT', listener)
  process.on('SIGTERM', listener)
  return () => {
    process.off('SIGINT', listener)
    process.off('SIGTERM', listener)
  }
}

/**
 * Lets the event loop turn once. Signal handlers run from it, and a command whose work is synchronous calls into
 * SQLite awaited as promises would otherwise not see a signal until it had finished.
 */
export function turnOfTheLoop (): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve))
}
