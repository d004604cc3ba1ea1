// Reads the articles in a seeds directory: every NAME.txt with its metadata in NAME.json beside it.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Type, type Static } from '@sinclair/typebox'
import { Value } from '@sinclair/typebox/value'
import type { ArticleInput } from '../store/index.js'

const SeedMetadata = Type.Object({
  title: Type.String({ minLength: 1 }),
  publisher: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  url: Type.Optional(Type.Union([Type.String({ minLength: 1 }), Type.Null()])),
  published_at: Type.Optional(Type.Union([Type.String(), Type.Null()])),
}, { additionalProperties: false })
type SeedMetadata = Static<typeof SeedMetadata>

export class SeedError extends Error {
  override name = 'SeedError'
}

export interface SeedArticle extends ArticleInput {
  file: string
}

function readMetadata (path: string): SeedMetadata {
  let data: unknown
  try {
    data = JSON.parse(readFileSync(path, 'utf8'))
  } catch (err) {
    throw new SeedError(`cannot read seed metadata ${path}: ${(err as Error).message}`)
  }
  const problem = Value.Errors(SeedMetadata, data).First()
  if (problem) throw new SeedError(`seed metadata ${path}: ${problem.path || '/'} ${problem.message}`)
  const metadata = data as SeedMetadata
  if (metadata.published_at != null && Number.isNaN(Date.parse(metadata.published_at))) {
    throw new SeedError(`seed metadata ${path}: published_at must be an ISO 8601 date, got "${metadata.published_at}"`)
  }
  return metadata
}

export function readSeedArticles (dir: string): SeedArticle[] {
  let names: string[]
  try {
    names = readdirSync(dir).filter((name) => name.endsWith('.txt')).sort()
  } catch (err) {
    throw new SeedError(`cannot read seeds directory ${dir}: ${(err as Error).message}`)
  }
  return names.map((name) => {
    const metadata = readMetadata(join(dir, name.replace(/\.txt$/, '.json')))
    return {
      file: name,
      text: readFileSync(join(dir, name), 'utf8'),
      title: metadata.title,
      publisher: metadata.publisher ?? null,
      url: metadata.url ?? null,
      published_at: metadata.published_at == null ? null : new Date(metadata.published_at).toISOString(),
    }
  })
}
