// The extractor's version, in a module of its own: the threads that store and serve read it without loading the
// extractor (its lexicons and name lists cost a process tens of megabytes).

/** Bumped whenever the extractor's output may change, so stored sources can be re-extracted. */
export const EXTRACTOR_VERSION = '1.9.0'
