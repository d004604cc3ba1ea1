// What a worker thread of ours runs (extraction workers, search readers, the SQLite writer), for callers that choose
// other than the default: the tests start built modules, or threads without their test runner's preloads.

export interface ThreadModule {
  /** The module the thread runs (default: the one beside the code that starts it). */
  workerUrl?: URL | undefined
  /** Node options the thread starts with (default: this thread's, as Node passes them on). */
  execArgv?: string[] | undefined
}
