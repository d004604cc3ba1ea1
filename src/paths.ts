// Directories shipped with the package. This file sits one level below the project root
// both as src/paths.ts (tests) and as dist/paths.js (build), so the same URL works for both.
import { fileURLToPath } from 'node:url'
import { join } from 'node:path'

export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url))
export const MIGRATIONS_DIR = join(PROJECT_ROOT, 'migrations')
export const SEEDS_DIR = join(PROJECT_ROOT, 'seeds')
/** The pages' stylesheet and icon, served by src/routes/pages/assets.ts. */
export const PUBLIC_DIR = join(PROJECT_ROOT, 'public')
