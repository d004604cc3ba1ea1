// Which known person, if any, a person named in a new article is. Merging needs positive evidence
// and no contradiction: the same full name; the same surname with a title that agrees with one the
// known person was given; or a bare surname that exactly one known speaker bears, with no title
// disagreeing. A different first name always keeps two people apart.
import type { PersonName } from './names.js'
import { titlesAgree } from './titles.js'

export interface KnownPerson {
  id: number
  /** The speaker this one was merged into by hand, if any: a match on it resolves to that one. */
  survivor: number
  first: string | null
  /** Every title the articles gave it, and those written before its names ("Cllr" of "Cllr Hale"). */
  titles: string[]
}

export interface NewPerson extends PersonName {
  title: string | null
}

/** Whether a title agrees with any of a known person's titles (true), with none while clashing with all (false). */
function titleFits (known: KnownPerson, title: string | null): boolean | null {
  const answers = known.titles.map((knownTitle) => titlesAgree(knownTitle, title))
  if (answers.includes(true)) return true
  return answers.length > 0 && answers.every((answer) => answer === false) ? false : null
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
      candidate.first === null && titleFits(candidate, person.title) === true))
  }
  const sameTitle = known.filter((candidate) => titleFits(candidate, person.title) === true)
  if (sameTitle.length > 0) return onlySurvivor(sameTitle)
  const survivor = onlySurvivor(known)
  if (survivor === null) return null
  return known.every((candidate) => titleFits(candidate, person.title) !== false) ? survivor : null
}
