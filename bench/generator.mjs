// A seeded generator of synthetic news articles for the benchmarks. Article i of seed s is the same on every run and
// machine, and can be made on its own (a worker makes the articles it extracts). Bump GENERATOR_VERSION whenever the
// output changes: the cached datasets are keyed by it.
import { rng, splitmix32 } from './lib.mjs'

export const GENERATOR_VERSION = 3

const FEMALE = ['Mary', 'Patricia', 'Jennifer', 'Linda', 'Elizabeth', 'Barbara', 'Susan', 'Jessica', 'Sarah', 'Karen',
  'Lisa', 'Nancy', 'Betty', 'Sandra', 'Margaret', 'Ashley', 'Kimberly', 'Emily', 'Donna', 'Michelle', 'Carol',
  'Amanda', 'Melissa', 'Deborah', 'Stephanie', 'Rebecca', 'Sharon', 'Laura', 'Cynthia', 'Amy', 'Kathleen', 'Angela',
  'Shirley', 'Brenda', 'Emma', 'Anna', 'Pamela', 'Nicole', 'Samantha', 'Katherine', 'Christine', 'Helen', 'Debra',
  'Rachel', 'Carolyn', 'Janet', 'Maria', 'Catherine', 'Heather', 'Diane', 'Olivia', 'Julie', 'Joyce', 'Victoria',
  'Ruth', 'Virginia', 'Lauren', 'Kelly', 'Christina', 'Joan', 'Evelyn', 'Judith', 'Andrea', 'Hannah', 'Megan',
  'Cheryl', 'Jacqueline', 'Martha', 'Madison', 'Teresa', 'Gloria', 'Sara', 'Janice', 'Ann', 'Kathryn', 'Abigail',
  'Sophia', 'Frances', 'Jean', 'Alice', 'Judy', 'Isabella', 'Julia', 'Grace', 'Amber', 'Denise', 'Danielle',
  'Marilyn', 'Beverly', 'Charlotte', 'Natalie', 'Theresa', 'Diana', 'Brittany', 'Doris', 'Kayla', 'Alexis', 'Lori',
  'Marie', 'Ingrid', 'Yuki', 'Priya', 'Fatima', 'Leila', 'Mei', 'Aisha', 'Sofia', 'Elena', 'Chiara', 'Astrid']
const MALE = ['James', 'Robert', 'John', 'Michael', 'David', 'William', 'Richard', 'Joseph', 'Thomas', 'Charles',
  'Christopher', 'Daniel', 'Matthew', 'Anthony', 'Mark', 'Donald', 'Steven', 'Paul', 'Andrew', 'Joshua', 'Kenneth',
  'Kevin', 'Brian', 'George', 'Timothy', 'Ronald', 'Edward', 'Jason', 'Jeffrey', 'Ryan', 'Jacob', 'Gary', 'Nicholas',
  'Eric', 'Jonathan', 'Stephen', 'Larry', 'Justin', 'Scott', 'Brandon', 'Benjamin', 'Samuel', 'Gregory', 'Alexander',
  'Frank', 'Patrick', 'Raymond', 'Jack', 'Dennis', 'Jerry', 'Tyler', 'Aaron', 'Jose', 'Adam', 'Nathan', 'Henry',
  'Douglas', 'Zachary', 'Peter', 'Kyle', 'Ethan', 'Walter', 'Noah', 'Jeremy', 'Christian', 'Keith', 'Roger',
  'Terry', 'Gerald', 'Harold', 'Sean', 'Austin', 'Carl', 'Arthur', 'Lawrence', 'Dylan', 'Jesse', 'Jordan', 'Bryan',
  'Billy', 'Joe', 'Bruce', 'Gabriel', 'Logan', 'Albert', 'Willie', 'Alan', 'Juan', 'Wayne', 'Elijah', 'Randy', 'Roy',
  'Vincent', 'Ralph', 'Eugene', 'Russell', 'Bobby', 'Mason', 'Philip', 'Louis', 'Hiroshi', 'Rahul', 'Omar', 'Karim',
  'Wei', 'Mateo', 'Lars', 'Giovanni', 'Dmitri', 'Kwame']
const SURNAMES = ['Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez',
  'Martinez', 'Hernandez', 'Lopez', 'Gonzalez', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson',
  'Martin', 'Lee', 'Perez', 'Thompson', 'White', 'Harris', 'Sanchez', 'Clark', 'Ramirez', 'Lewis', 'Robinson',
  'Walker', 'Young', 'Allen', 'King', 'Wright', 'Scott', 'Torres', 'Nguyen', 'Hill', 'Flores', 'Green', 'Adams',
  'Nelson', 'Baker', 'Hall', 'Rivera', 'Campbell', 'Mitchell', 'Carter', 'Roberts', 'Gomez', 'Phillips', 'Evans',
  'Turner', 'Diaz', 'Parker', 'Cruz', 'Edwards', 'Collins', 'Reyes', 'Stewart', 'Morris', 'Morales', 'Murphy',
  'Cook', 'Rogers', 'Gutierrez', 'Ortiz', 'Morgan', 'Cooper', 'Peterson', 'Bailey', 'Reed', 'Kelly', 'Howard',
  'Ramos', 'Kim', 'Cox', 'Ward', 'Richardson', 'Watson', 'Brooks', 'Chavez', 'Wood', 'James', 'Bennett', 'Gray',
  'Mendoza', 'Ruiz', 'Hughes', 'Price', 'Alvarez', 'Castillo', 'Sanders', 'Patel', 'Myers', 'Long', 'Ross', 'Foster',
  'Jimenez', 'Powell', 'Jenkins', 'Perry', 'Russell', 'Sullivan', 'Bell', 'Coleman', 'Butler', 'Henderson', 'Barnes',
  'Gonzales', 'Fisher', 'Vasquez', 'Simmons', 'Romero', 'Jordan', 'Patterson', 'Alexander', 'Hamilton', 'Graham',
  'Reynolds', 'Griffin', 'Wallace', 'Moreno', 'West', 'Cole', 'Hayes', 'Bryant', 'Herrera', 'Gibson', 'Ellis',
  'Tran', 'Medina', 'Aguilar', 'Stevens', 'Murray', 'Ford', 'Castro', 'Marshall', 'Owens', 'Harrison', 'Fernandez',
  'McDonald', 'Woods', 'Washington', 'Kennedy', 'Wells', 'Vargas', 'Henry', 'Chen', 'Freeman', 'Webb', 'Tucker',
  'Guzman', 'Burns', 'Crawford', 'Olson', 'Simpson', 'Porter', 'Hunter', 'Gordon', 'Mendez', 'Silva', 'Shaw',
  'Snyder', 'Mason', 'Dixon', 'Munoz', 'Hunt', 'Hicks', 'Holmes', 'Palmer', 'Wagner', 'Black', 'Robertson', 'Boyd',
  'Rose', 'Stone', 'Salazar', 'Fox', 'Warren', 'Mills', 'Meyer', 'Rice', 'Schmidt', 'Garza', 'Daniels', 'Ferguson',
  'Nichols', 'Stephens', 'Soto', 'Weaver', 'Ryan', 'Gardner', 'Payne', 'Grant', 'Dunn', 'Kelley', 'Spencer',
  'Hawkins', 'Arnold', 'Pierce', 'Vazquez', 'Hansen', 'Peters', 'Santos', 'Hart', 'Bradley', 'Knight', 'Elliott',
  'Cunningham', 'Duncan', 'Armstrong', 'Hudson', 'Carroll', 'Lane', 'Riley', 'Andrews', 'Alvarado', 'Ray', 'Delgado',
  'Berry', 'Perkins', 'Hoffman', 'Johnston', 'Matthews', 'Pena', 'Richards', 'Contreras', 'Willis', 'Carpenter',
  'Lawrence', 'Sandoval', 'Okafor', 'Tanaka', 'Kowalski', 'Novak', 'Lindqvist', 'Moretti', 'Haddad', 'Sato',
  'Ivanova', 'Mensah', 'Yilmaz', 'Dubois', 'Fischer', 'Rossi', 'Kaur', 'Singh', 'Nakamura', 'Petrov', 'Larsen']

// Titles written before a name ("Senator Mary Smith") and roles written as an apposition ("…, the mayor of Dover,").
const PREFIX_TITLES = ['Senator', 'Governor', 'Mayor', 'Representative', 'Secretary', 'Minister', 'Judge', 'General',
  'Professor', 'Commissioner', 'President', 'Chancellor', 'Ambassador', 'Sheriff', 'Councilwoman', 'Councilman', 'Dr.']
const PLACES = ['Dover', 'Springfield', 'Ashford', 'Riverton', 'Lakewood', 'Fairview', 'Greenville', 'Madison',
  'Georgetown', 'Clinton', 'Salem', 'Franklin', 'Bristol', 'Oakland', 'Milford', 'Kingston', 'Newport', 'Burlington',
  'Arlington', 'Chester', 'Marion', 'Hudson', 'Jackson', 'Auburn', 'Lexington', 'Camden', 'Dayton', 'Trenton']
const ROLES = ['the mayor of {place}', 'a spokesman for the {org}', 'a spokeswoman for the {org}', 'the chief executive of {company}',
  'a senior adviser to the governor', 'the head of the {org}', 'an economist at the {org}', 'a professor of {field} at {place} University',
  'the state treasurer', 'a member of the {place} city council', 'the district attorney', 'a lawyer for the family',
  'the police chief of {place}', 'the director of the {org}', 'a former ambassador', 'the union president',
  'an analyst at {company}', 'the chairman of the {org}', 'a researcher at the {org}', 'the party leader in {place}']
const FIELDS = ['economics', 'law', 'history', 'public health', 'political science', 'engineering', 'sociology', 'medicine']
const ORG_A = ['National', 'Federal', 'Northern', 'United', 'Regional', 'Central', 'Coastal', 'State', 'Western', 'Independent']
const ORG_B = ['Energy', 'Health', 'Transport', 'Farmers', 'Teachers', 'Water', 'Housing', 'Trade', 'Education', 'Labor', 'Finance', 'Safety']
const ORG_C = ['Council', 'Agency', 'Association', 'Union', 'Institute', 'Commission', 'Board', 'Authority', 'Alliance', 'Foundation']
const COMPANY_A = ['Acme', 'Northwind', 'Bluestone', 'Redwood', 'Silverline', 'Ironbridge', 'Greenfield', 'Brightwater',
  'Summit', 'Harbor', 'Pinecrest', 'Keystone', 'Oakridge', 'Highland', 'Sterling', 'Clearview']
const COMPANY_B = ['Industries', 'Holdings', 'Partners', 'Group', 'Capital', 'Systems', 'Energy', 'Motors', 'Foods', 'Bank', 'Media', 'Labs']
const PUBLISHERS = ['The Daily Ledger', 'Morning Courier', 'The Evening Standard Post', 'Capital Times', 'The Observer Herald',
  'Metro Wire', 'The Valley Sentinel', 'National Dispatch', 'The Harbor Gazette', 'Riverside Chronicle', 'The Tribune Review', 'Newsline']
const AGENCIES = ['Reuters', 'AP', 'AFP', 'Getty Images', 'Bloomberg', 'EPA', 'Staff photographer']
const GROUPS = ['officials', 'critics', 'analysts', 'residents', 'lawmakers', 'experts', 'economists', 'activists', 'investors', 'doctors']
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']

// Words of the quotations, roughly ordered from common to rare (drawn with a skew, so word frequencies are Zipf-like).
export const NOUNS = ['plan', 'budget', 'deal', 'bill', 'law', 'tax', 'economy', 'country', 'city', 'people', 'families',
  'jobs', 'workers', 'schools', 'children', 'government', 'program', 'policy', 'market', 'prices', 'wages', 'health care',
  'hospital', 'police', 'community', 'election', 'vote', 'campaign', 'agreement', 'talks', 'investigation', 'report',
  'decision', 'court', 'ruling', 'border', 'trade', 'tariffs', 'energy', 'climate', 'water', 'housing', 'rent', 'roads',
  'bridge', 'airport', 'railway', 'factory', 'company', 'industry', 'farmers', 'crops', 'drought', 'flooding', 'storm',
  'wildfire', 'vaccine', 'virus', 'pandemic', 'teachers', 'students', 'tuition', 'pension', 'retirees', 'veterans',
  'military', 'troops', 'ceasefire', 'sanctions', 'embassy', 'treaty', 'alliance', 'summit', 'negotiators', 'proposal',
  'amendment', 'reform', 'audit', 'deficit', 'debt', 'interest rates', 'inflation', 'recession', 'growth', 'exports',
  'imports', 'pipeline', 'grid', 'blackout', 'emissions', 'pollution', 'recycling', 'landfill', 'park', 'stadium',
  'museum', 'library', 'festival', 'orchestra', 'refugees', 'asylum', 'visa', 'passport', 'census', 'ballot',
  'recount', 'lawsuit', 'settlement', 'verdict', 'jury', 'prosecutors', 'defendant', 'witness', 'subpoena', 'hearing',
  'committee', 'senate', 'assembly', 'cabinet', 'ministry', 'regulator', 'watchdog', 'whistleblower', 'merger',
  'acquisition', 'shareholders', 'dividend', 'layoffs', 'strike', 'union', 'contract', 'overtime', 'minimum wage',
  'subsidy', 'loan', 'mortgage', 'bank', 'currency', 'bond', 'stock', 'satellite', 'rocket', 'telescope', 'algorithm',
  'software', 'privacy', 'data', 'cyberattack', 'hackers', 'ransomware', 'broadband', 'semiconductor', 'battery',
  'turbine', 'reactor', 'glacier', 'coral', 'forest', 'river', 'harbor', 'ferry', 'tunnel', 'highway', 'curfew',
  'lockdown', 'quarantine', 'clinic', 'surgeon', 'nurses', 'ambulance', 'pharmacy', 'insulin', 'opioids', 'tobacco',
  'lottery', 'casino', 'zoning', 'skyscraper', 'monument', 'archive', 'manuscript', 'orchard', 'vineyard', 'fishery']
export const ADJECTIVES = ['new', 'good', 'bad', 'important', 'serious', 'fair', 'difficult', 'simple', 'clear', 'strong',
  'weak', 'dangerous', 'safe', 'expensive', 'cheap', 'urgent', 'historic', 'reckless', 'responsible', 'unacceptable',
  'reasonable', 'ambitious', 'modest', 'realistic', 'unfair', 'generous', 'costly', 'careful', 'bold', 'honest',
  'transparent', 'secret', 'flawed', 'broken', 'durable', 'fragile', 'remarkable', 'disappointing', 'encouraging',
  'troubling', 'baffling', 'outrageous', 'sensible', 'pragmatic', 'unprecedented', 'overdue', 'premature', 'sweeping',
  'narrow', 'balanced', 'lopsided', 'sustainable', 'volatile', 'resilient', 'stubborn', 'credible', 'hollow']
export const VERBS = ['protect', 'fix', 'support', 'stop', 'build', 'cut', 'raise', 'lower', 'change', 'defend', 'review',
  'fund', 'expand', 'reduce', 'oppose', 'approve', 'reject', 'delay', 'finish', 'restore', 'replace', 'improve',
  'challenge', 'investigate', 'negotiate', 'overturn', 'modernize', 'dismantle', 'streamline', 'safeguard', 'audit',
  'subsidize', 'privatize', 'renegotiate', 'overhaul', 'scrap', 'revive', 'rebuild', 'reopen', 'shut down']
const PAST = { protect: 'protected', fix: 'fixed', support: 'supported', stop: 'stopped', build: 'built', cut: 'cut',
  raise: 'raised', lower: 'lowered', change: 'changed', defend: 'defended', review: 'reviewed', fund: 'funded',
  expand: 'expanded', reduce: 'reduced', oppose: 'opposed', approve: 'approved', reject: 'rejected', delay: 'delayed',
  finish: 'finished', restore: 'restored', replace: 'replaced', improve: 'improved', challenge: 'challenged',
  investigate: 'investigated', negotiate: 'negotiated', overturn: 'overturned', modernize: 'modernized',
  dismantle: 'dismantled', streamline: 'streamlined', safeguard: 'safeguarded', audit: 'audited',
  subsidize: 'subsidized', privatize: 'privatized', renegotiate: 'renegotiated', overhaul: 'overhauled', scrap: 'scrapped',
  revive: 'revived', rebuild: 'rebuilt', reopen: 'reopened', 'shut down': 'shut down' }
const TIMES = ['this year', 'next month', 'by the end of the year', 'before the election', 'within weeks', 'right away',
  'in the long run', 'over the next decade', 'this summer', 'by spring', 'as soon as possible', 'for years']
const CUES = ['said', 'said', 'said', 'said', 'told reporters', 'added', 'argued', 'warned', 'insisted', 'explained',
  'noted', 'stated', 'claimed', 'wrote', 'said in a statement', 'told the newspaper', 'said in an interview']
const INDIRECT_CUES = ['said', 'said', 'said', 'argued', 'warned', 'insisted', 'claimed', 'noted', 'told reporters', 'acknowledged']

/** Person k of the population: the same name, gender and role in every article that mentions them. */
export function person (k) {
  const r = rng(splitmix32(k ^ 0x5bd1e995))
  const female = r.chance(0.5)
  const first = female ? r.pick(FEMALE) : r.pick(MALE)
  // Shared surnames: many people carry the same common surname.
  const last = r.skewed(SURNAMES, 1.6)
  const prefix = r.chance(0.35) ? r.pick(PREFIX_TITLES) : null
  const role = prefix ? null : fill(r, r.pick(ROLES))
  return { k, name: `${first} ${last}`, first, last, female, prefix, role }
}

function org (r) { return `${r.pick(ORG_A)} ${r.pick(ORG_B)} ${r.pick(ORG_C)}` }
function company (r) { return `${r.pick(COMPANY_A)} ${r.pick(COMPANY_B)}` }

function fill (r, s) {
  return s.replace(/\{(\w+)\}/g, (_, slot) => {
    switch (slot) {
      case 'place': return r.pick(PLACES)
      case 'org': return org(r)
      case 'company': return company(r)
      case 'field': return r.pick(FIELDS)
      default: throw new Error(slot)
    }
  })
}

const cap = (s) => s[0].toUpperCase() + s.slice(1)

function noun (r) { return r.skewed(NOUNS, 1.8) }
function adj (r) { return r.skewed(ADJECTIVES, 1.5) }
function verb (r) { return r.skewed(VERBS, 1.5) }

/** One sentence that could be quoted, without final punctuation. */
function clause (r) {
  switch (r.int(10)) {
    case 0: return `we will ${verb(r)} the ${noun(r)} ${r.pick(TIMES)}`
    case 1: return `this ${noun(r)} is ${adj(r)} for the ${noun(r)}`
    case 2: return `the ${noun(r)} has never been more ${adj(r)}`
    case 3: return `nobody wants to ${verb(r)} the ${noun(r)}, but we have no choice`
    case 4: return `I think the ${noun(r)} is ${adj(r)} and the ${noun(r)} is ${adj(r)}`
    case 5: return `our ${noun(r)} cannot wait while they ${verb(r)} the ${noun(r)}`
    case 6: return `people deserve a ${adj(r)} ${noun(r)} and a ${adj(r)} ${noun(r)}`
    case 7: return `if we ${verb(r)} the ${noun(r)}, the ${noun(r)} will follow`
    case 8: return `it was a ${adj(r)} week for the ${noun(r)}`
    default: return `they promised to ${verb(r)} the ${noun(r)} and they did not`
  }
}

/** A reported clause for indirect speech ("the plan would cut taxes"). */
function reported (r) {
  switch (r.int(5)) {
    case 0: return `the ${noun(r)} would ${verb(r)} the ${noun(r)} ${r.pick(TIMES)}`
    case 1: return `the ${noun(r)} was ${adj(r)} and should be ${PAST[verb(r)]}`
    case 2: return `officials had ${PAST[verb(r)]} the ${noun(r)} without consulting the ${noun(r)}`
    case 3: return `the government needed to ${verb(r)} the ${noun(r)} ${r.pick(TIMES)}`
    default: return `the ${adj(r)} ${noun(r)} could ${verb(r)} the ${noun(r)}`
  }
}

function phrase (r) { return r.pick([`${adj(r)} ${noun(r)}`, `a ${adj(r)} mistake`, `${adj(r)} and ${adj(r)}`, `dead on arrival`, `a ${adj(r)} day`]) }

/** Population size for a dataset of n articles: more people for more articles, with a popular head. */
export function populationFor (n) { return Math.max(500, Math.min(60000, Math.round(n * 0.4))) }

/**
 * Article i of the given seed: { title, text, url, publisher, published_at }. About ten quotes, several speakers
 * (a popular head of people appears in many articles), pronoun follow-ups, page furniture.
 */
export function article (seed, i, population = 40000) {
  const r = rng(splitmix32(seed * 1000003 + i))
  const nSpeakers = 2 + r.int(4)
  const people = []
  const used = new Set()
  while (people.length < nSpeakers) {
    // Popularity is skewed: person 0 is in many articles, person population-1 in few.
    const k = Math.floor(Math.pow(r.next(), 2.2) * population)
    if (used.has(k)) continue
    const p = person(k)
    if (people.some((q) => q.last === p.last)) continue // keep surnames apart within one article
    used.add(k)
    people.push({ ...p, mentioned: false })
  }
  const theOrg = org(r)
  const place = r.pick(PLACES)
  const topic = noun(r)

  const year = 2014 + r.int(12)
  const month = 1 + r.int(12)
  const day = 1 + r.int(28)
  const published = new Date(Date.UTC(year, month - 1, day, r.int(24), r.int(60), r.int(60))).toISOString()

  const first = people[0]
  const title = `${first.last} ${r.pick(['vows to', 'moves to', 'refuses to', 'promises to', 'plans to'])} ${verb(r)} ${topic} ${r.pick(['plan', 'deal', 'rules', 'funding', 'bill'])} in ${place}`
  const paras = []
  paras.push(`${place} — The ${theOrg} on ${r.pick(WEEKDAYS)} announced a ${adj(r)} plan to ${verb(r)} the ${topic}, a move that drew ${r.pick(['praise', 'criticism', 'mixed reactions', 'protests'])} from ${r.pick(GROUPS)} and ${r.pick(GROUPS)}.`)
  if (r.chance(0.6)) paras.push(`Photo: ${r.pick(AGENCIES)}`)

  // First mention: full name with title or role; later: surname (with prefix title sometimes) or a pronoun.
  const nameOf = (p, subject = true) => {
    if (!p.mentioned) {
      p.mentioned = true
      if (p.prefix) return `${p.prefix} ${p.name}`
      return subject ? `${p.name}, ${p.role},` : p.name
    }
    return p.prefix && r.chance(0.4) ? `${p.prefix} ${p.last}` : p.last
  }
  const firstMention = (p) => { if (p.mentioned) return p.last; p.mentioned = true; return p.prefix ? `${p.prefix} ${p.name}` : p.name }
  const pron = (p) => (p.female ? 'she' : 'he')

  const nQuotes = 8 + r.int(5)
  let last = null
  for (let q = 0; q < nQuotes; q++) {
    // The lead speaker talks most.
    const p = r.chance(0.4) ? people[0] : r.pick(people)
    const cue = r.pick(CUES)
    const followUp = last === p && p.mentioned && r.chance(0.6)
    let para
    if (followUp) {
      switch (r.int(3)) {
        case 0: para = `“${cap(clause(r))},” ${pron(p)} ${r.pick(['added', 'said', 'continued', 'said later'])}.`; break
        case 1: para = `${cap(pron(p))} ${r.pick(INDIRECT_CUES)} that ${reported(r)}.`; break
        default: para = `“${cap(clause(r))}.” ${cap(pron(p))} said ${r.pick(['the', 'this'])} ${noun(r)} was “${phrase(r)}.”`
      }
    } else {
      switch (r.int(11)) {
        case 0: para = `“${cap(clause(r))},” ${firstMention(p)} ${cue}.`; break
        case 1: { const who = firstMention(p); para = `“${cap(clause(r))},” said ${who}${p.role && !p.prefix && who === p.name ? `, ${p.role}` : ''}.`; break }
        case 2: para = `${nameOf(p)} ${r.pick(['said', 'told reporters', 'wrote'])}: “${cap(clause(r))}.”`; break
        case 3: para = `“${cap(clause(r))},” ${firstMention(p)} ${cue}. “${cap(clause(r))}.”`; break
        case 4: para = `“${cap(clause(r))},” ${firstMention(p)} said, “${clause(r)}.”`; break
        case 5: para = `${nameOf(p)} said the ${noun(r)} was “${phrase(r)}” and that ${reported(r)}.`; break
        case 6: para = `${nameOf(p)} called the ${noun(r)} “${phrase(r)}.”`; break
        case 7: para = `${nameOf(p)} ${r.pick(INDIRECT_CUES)} that ${reported(r)}.`; break
        case 8: para = `According to ${firstMention(p)}, ${reported(r)}.`; break
        case 9: para = `The ${theOrg} said in a statement that ${reported(r)}.`; break
        default: para = `${cap(r.pick(GROUPS))} said ${reported(r)}, but ${firstMention(p)} ${r.pick(['disagreed', 'was not convinced'])}. “${cap(clause(r))},” ${pron(p)} said.`
      }
    }
    paras.push(para)
    last = p
    // Narrative and furniture between quotes.
    const extra = r.int(12)
    if (extra === 0) paras.push('Related Posts')
    else if (extra === 1) paras.push(`Sign up for our newsletter to get the latest on ${topic}.`)
    else if (extra === 2) paras.push('Advertisement')
    else if (extra === 3) paras.push(`The ${noun(r)} is expected to ${verb(r)} the ${noun(r)} ${r.pick(TIMES)}, according to documents reviewed by ${r.pick(PUBLISHERS)}.`)
    else if (extra === 4) paras.push(`The ${theOrg} has ${PAST[verb(r)]} ${r.int(40) + 2} similar programs since ${year - 1 - r.int(10)}.`)
    else if (extra === 5) paras.push(`Credit: ${r.pick(AGENCIES)}`)
  }
  if (r.chance(0.5)) paras.push(`Share this article`)
  const text = `${title}\n\n${paras.join('\n\n')}\n`
  const publisher = r.pick(PUBLISHERS)
  const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')
  return { title, text, url: `https://news.example/${year}/${String(month).padStart(2, '0')}/${seed}-${i}-${slug}`, publisher, published_at: published }
}

/** Words that occur in the generated quotations, for full-text queries. */
export function queryWords () {
  return [...NOUNS.filter((n) => !n.includes(' ')), ...ADJECTIVES, ...VERBS.filter((v) => !v.includes(' '))]
}

/** Names people are looked up by: full names and surnames from the population. */
export function queryNames (population, n, seed = 7) {
  const r = rng(seed)
  const out = []
  for (let i = 0; i < n; i++) {
    const p = person(Math.floor(Math.pow(r.next(), 2.2) * population))
    out.push(r.chance(0.5) ? p.name : p.last)
  }
  return out
}
