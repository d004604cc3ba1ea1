// Whether a predicted speaker name agrees with a gold one: word sets after normalising, one containing the other.

// Articles and honorifics carry no identity: "Mr. Obama" agrees with "Obama".
const IGNORED_WORDS = new Set(['the', 'a', 'an', 'mr', 'mrs', 'ms', 'dr'])
// A pronoun names nobody, so a pronoun never agrees with anything.
const PRONOUNS = new Set(['he', 'she', 'they', 'i', 'we', 'it', 'him', 'her', 'his'])

/** Lower-case ASCII words without accents, possessive 's, punctuation, articles or honorifics. */
export function nameWords (name: string | null | undefined): string[] {
  if (typeof name !== 'string') return []
  return name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/[’']s\b/g, '')
    .replace(/[^a-z0-9 ]+/g, ' ')
    .split(/\s+/)
    .filter((w) => w !== '' && !IGNORED_WORDS.has(w))
}

function isNameless (words: readonly string[]): boolean {
  return words.length === 0 || words.every((w) => PRONOUNS.has(w))
}

function containsAll (set: ReadonlySet<string>, words: readonly string[]): boolean {
  return words.every((w) => set.has(w))
}

export function nameAgrees (predicted: string | null | undefined, goldNames: readonly string[]): boolean {
  const p = nameWords(predicted)
  if (isNameless(p)) return false
  const pSet = new Set(p)
  return goldNames.some((goldName) => {
    const g = nameWords(goldName)
    if (isNameless(g)) return false
    return containsAll(pSet, g) || containsAll(new Set(g), p)
  })
}
