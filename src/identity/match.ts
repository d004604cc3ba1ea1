// Which known person, if any, a person named in a new article is. Merging needs positive evidence
// and no contradiction: the same full name; the same surname with the same title; or a bare
// surname that exactly one known speaker bears, with no title disagreeing. A different first
// name always keeps two people apart.
import { titlesAgree, type PersonName } from './names.js'

export interface KnownPerson {
  id: number
  /** The speaker this one was merged into by hand, if any: a match on it resolves to that one. */
  survivor: number
  first: string | null
  title: string | null
}

export interface NewPerson extends PersonName {
  title: string | null
}

function onlySurvivor (people: KnownPerson[]): number | null {
  const survivors = new Set(people.map((person) => person.survivor))
  return survivors.size === 1 ? people[0]!.survivor : null
}

/** The id of the speaker to attribute to (after redirects), or null for a new speaker. */
export function matchPerson (person: NewPerson, known: KnownPerson[]): number | null {
  if (person.first !== null) {
    const sameName = known.find((candidate) => candidate.first === person.first)
    if (sameName) return sameName.survivor
    // "Donald Trump" with title President is the "Trump" known with title President.
    return onlySurvivor(known.filter((candidate) =>
      candidate.first === null && titlesAgree(candidate.title, person.title) === true))
  }
  const sameTitle = known.filter((candidate) => titlesAgree(candidate.title, person.title) === true)
  if (sameTitle.length > 0) return onlySurvivor(sameTitle)
  const survivor = onlySurvivor(known)
  if (survivor === null) return null
  return known.every((candidate) => titlesAgree(candidate.title, person.title) !== false) ? survivor : null
}
