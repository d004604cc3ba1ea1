// What every `whosaid` command module exports as its default.
export interface Command {
  summary: string
  /** Runs the command with its arguments (after the command name); resolves to the exit code. */
  run: (args: string[]) => Promise<number>
}
