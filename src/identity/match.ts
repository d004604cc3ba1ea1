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

/**
 * The id of the speaker to attribute to (after redirects), or null for a new speaker. `otherFirstNames`: people with
 * this surname and another first name are known (they need not be in `known`); a full name then takes over a speaker
 * known by surname alone only when a title says it is the same person.
 */
export function matchPerson (person: NewPerson, known: KnownPerson[], otherFirstNames = false): number | null {
  if (person.first !== null) {
    const sameName = known.find((candidate) => candidate.first === person.first)
    if (sameName) return sameName.survivor
    const bare = known.filter((candidate) => candidate.first === null)
    // "Donald Trump" with title President is the "Trump" known with title President.
    const sameTitle = onlySurvivor(bare.filter((candidate) => titleFits(candidate, person.title) === true))
    if (sameTitle !== null || otherFirstNames) return sameTitle
    // "Aoife Brennan" is the "Brennan" known so far when nobody else bears the name and neither has a title, as a bare
    // "Brennan" is a known "Aoife Brennan": the same people whichever article came first. A title on one side only is
    // no evidence: "Lara Trump" does not take over the "Trump" known as President.
    const survivor = onlySurvivor(bare)
    const untitled = person.title === null && bare.every((candidate) => candidate.titles.length === 0)
    return survivor !== null && untitled ? survivor : null
  }
  const sameTitle = known.filter((candidate) => titleFits(candidate, person.title) === true)
  if (sameTitle.length > 0) return onlySurvivor(sameTitle)
  const survivor = onlySurvivor(known)
  if (survivor === null) return null
  return known.every((candidate) => titleFits(candidate, person.title) !== false) ? survivor : null
}
