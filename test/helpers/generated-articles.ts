// Made-up news articles for load, crash and concurrency tests: deterministic from their number, each text different,
// each with a few attributed quotes (direct, interrupted, reported) so that ingesting one writes speakers and quotes.
// The wording is written for these tests; nothing comes from a real article.

export interface GeneratedArticle {
  title: string
  text: string
  url: string
  publisher: string
  published_at: string
}

const FIRST = ['Ann', 'Carlos', 'Mira', 'Tomas', 'Leila', 'Owen', 'Priya', 'Jonas', 'Ines', 'Kofi', 'Rosa', 'Dmitri', 'Hana', 'Felix']
const LAST = ['Lindqvist', 'Okafor', 'Brennan', 'Halvorsen', 'Moreau', 'Tanaka', 'Quiroga', 'Nakamura', 'Delacroix', 'Ferreira',
  'Whitlock', 'Abernathy', 'Castellano', 'Petrov', 'Sorensen']
const ROLES = ['Mayor', 'Councillor', 'Senator', 'Governor', 'Professor', 'Chief Executive', 'Minister']
const ORGS = ['the Harbor Transit Authority', 'the Riverside Teachers Union', 'the Northfield Chamber of Commerce', 'the Valley Water Board']
const TOPICS = ['the bridge repair', 'the school budget', 'the new bus line', 'the water rates', 'the library expansion', 'the park lease',
  'the flood barrier', 'the housing plan', 'the tram extension', 'the market hall']
const PUBLISHERS = ['Test Gazette', 'Example Herald', 'Sample Courier', 'Placeholder Post']
const CLAIMS = [
  'We cannot wait another year for this',
  'The numbers simply do not add up',
  'Every family in this district will feel the difference',
  'I have never seen a council move this fast',
  'This is a fair deal for the people who pay for it',
  'Nobody asked the neighbours what they wanted',
  'We will keep the doors open as long as we can',
  'The plan is late, but it is finally moving',
]
const REPORTED = ['the work would start in the spring', 'the cost had been underestimated', 'the vote was rushed',
  'more money would come from the state', 'residents would be consulted again', 'the contract was signed last week']

/** A small deterministic generator (mulberry32), so that article n is the same in every run. */
function random (seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let x = Math.imul(a ^ (a >>> 15), 1 | a)
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296
  }
}

/** Article number `n` (any non-negative integer); `size` paragraphs of quotes beyond the first two (default 3 to 6). */
export function generatedArticle (n: number, size?: number): GeneratedArticle {
  const rnd = random(n * 7919 + 17)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!
  const first = pick(FIRST)
  const last = pick(LAST)
  const other = `${pick(FIRST)} ${pick(LAST)}`
  const role = pick(ROLES)
  const org = pick(ORGS)
  const topic = pick(TOPICS)
  const day = 1 + (n % 28)
  const month = 1 + (Math.floor(n / 28) % 12)
  const paragraphs = [
    `${role} ${first} ${last} defended ${topic} on meeting day ${n} of the session, as residents filled the hall.`,
    `“${pick(CLAIMS)},” ${last} said. “${pick(CLAIMS)}.”`,
  ]
  const extra = size ?? 3 + Math.floor(rnd() * 4)
  for (let i = 0; i < extra; i++) {
    switch (Math.floor(rnd() * 4)) {
      case 0:
        paragraphs.push(`“${pick(CLAIMS)},” said ${other}, who spoke for ${org}. “${pick(CLAIMS)}.”`)
        break
      case 1:
        paragraphs.push(`${other} said ${pick(REPORTED)}.`)
        break
      case 2:
        paragraphs.push(`“${pick(CLAIMS)},” ${last} added, “and ${pick(CLAIMS).toLowerCase()}.”`)
        break
      default:
        paragraphs.push(`A spokesperson for ${org} said ${pick(REPORTED)}, according to a statement on item ${n}-${i}.`)
    }
  }
  paragraphs.push(`The council will meet again on day ${n + 1}.`)
  return {
    title: `${topic[0]!.toUpperCase()}${topic.slice(1)}: meeting ${n}`,
    text: paragraphs.join('\n\n'),
    url: `https://news.example/articles/${n}`,
    publisher: pick(PUBLISHERS),
    published_at: `2024-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}T09:00:00Z`,
  }
}

/** Articles `from` .. `from + count - 1`. */
export function generatedArticles (count: number, from = 0): GeneratedArticle[] {
  return Array.from({ length: count }, (_, i) => generatedArticle(from + i))
}
