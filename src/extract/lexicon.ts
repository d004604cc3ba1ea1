// Word lists the rules rely on. Lower-case; looked up by a token's lower-case form.

const set = (words: string): ReadonlySet<string> => new Set(words.trim().split(/\s+/))

/** Base forms of verbs of saying, with how their complement is introduced. */
export interface CueVerb {
  /** Takes an indirect object before its clause ("told reporters that …"). */
  object: boolean
  /** The content follows as a noun phrase or infinitive, not only as a clause ("called for X", "urged X to …"). */
  nominal: boolean
}

/** Verbs that report speech only before a that-clause, a colon or a quotation: "maintained that …", not "maintained the road". */
const THAT_ONLY: CueVerb = { object: false, nominal: false }

// Forms are spelled out: irregular forms are common among these verbs and a stemmer would over-match.
const CUE_VERBS: Array<[string[], CueVerb]> = [
  [['say', 'says', 'said', 'saying'], { object: false, nominal: false }],
  [['tell', 'tells', 'told', 'telling'], { object: true, nominal: false }],
  [['add', 'adds', 'added', 'adding'], { object: false, nominal: false }],
  [['reply', 'replies', 'replied', 'replying'], { object: false, nominal: false }],
  [['respond', 'responds', 'responded', 'responding'], { object: false, nominal: false }],
  [['answer', 'answers', 'answered', 'answering'], { object: false, nominal: false }],
  [['ask', 'asks', 'asked', 'asking'], { object: true, nominal: true }],
  [['write', 'writes', 'wrote', 'writing'], { object: false, nominal: false }],
  [['tweet', 'tweets', 'tweeted', 'tweeting'], { object: false, nominal: false }],
  [['post', 'posts', 'posted'], { object: false, nominal: false }],
  [['warn', 'warns', 'warned', 'warning'], { object: true, nominal: false }],
  [['insist', 'insists', 'insisted', 'insisting'], { object: false, nominal: false }],
  [['confirm', 'confirms', 'confirmed', 'confirming'], { object: false, nominal: true }],
  [['deny', 'denies', 'denied', 'denying'], { object: false, nominal: true }],
  [['note', 'notes', 'noted', 'noting'], { object: false, nominal: false }],
  [['suggest', 'suggests', 'suggested', 'suggesting'], { object: false, nominal: false }],
  [['announce', 'announces', 'announced', 'announcing'], { object: false, nominal: true }],
  [['argue', 'argues', 'argued', 'arguing'], { object: false, nominal: false }],
  [['claim', 'claims', 'claimed', 'claiming'], { object: false, nominal: false }],
  [['acknowledge', 'acknowledges', 'acknowledged', 'acknowledging'], { object: false, nominal: false }],
  [['admit', 'admits', 'admitted', 'admitting'], { object: false, nominal: false }],
  [['explain', 'explains', 'explained', 'explaining'], { object: false, nominal: false }],
  [['declare', 'declares', 'declared', 'declaring'], { object: false, nominal: false }],
  [['state', 'states', 'stated', 'stating'], { object: false, nominal: false }],
  [['report', 'reports', 'reported', 'reporting'], { object: false, nominal: false }],
  [['reveal', 'reveals', 'revealed', 'revealing'], { object: false, nominal: true }],
  [['disclose', 'discloses', 'disclosed', 'disclosing'], { object: false, nominal: true }],
  [['indicate', 'indicates', 'indicated', 'indicating'], { object: false, nominal: false }],
  [['continue', 'continues', 'continued'], { object: false, nominal: false }],
  [['conclude', 'concludes', 'concluded', 'concluding'], { object: false, nominal: false }],
  [['predict', 'predicts', 'predicted', 'predicting'], { object: false, nominal: false }],
  [['promise', 'promises', 'promised', 'promising'], { object: true, nominal: false }],
  [['vow', 'vows', 'vowed', 'vowing'], { object: false, nominal: false }],
  [['pledge', 'pledges', 'pledged', 'pledging'], { object: false, nominal: false }],
  [['urge', 'urges', 'urged', 'urging'], { object: false, nominal: true }],
  [['recall', 'recalls', 'recalled', 'recalling'], { object: false, nominal: false }],
  [['emphasize', 'emphasizes', 'emphasized', 'emphasizing', 'emphasise', 'emphasised'], { object: false, nominal: false }],
  [['stress', 'stresses', 'stressed', 'stressing'], { object: false, nominal: false }],
  [['assert', 'asserts', 'asserted', 'asserting'], { object: false, nominal: false }],
  [['contend', 'contends', 'contended', 'contending'], { object: false, nominal: false }],
  [['complain', 'complains', 'complained', 'complaining'], { object: false, nominal: false }],
  [['remark', 'remarks', 'remarked'], { object: false, nominal: false }],
  [['reiterate', 'reiterates', 'reiterated', 'reiterating'], { object: false, nominal: false }],
  [['repeat', 'repeats', 'repeated'], { object: false, nominal: false }],
  [['concede', 'concedes', 'conceded', 'conceding'], { object: false, nominal: false }],
  [['joke', 'jokes', 'joked', 'joking'], { object: false, nominal: false }],
  [['quip', 'quips', 'quipped'], { object: false, nominal: false }],
  // A verb of manner that features use for speech: "The other swimmers tease her that she swims “like a ferry”".
  [['tease', 'teases', 'teased'], { object: true, nominal: false }],
  [['shout', 'shouts', 'shouted', 'shouting'], { object: false, nominal: false }],
  [['yell', 'yells', 'yelled'], { object: false, nominal: false }],
  [['scream', 'screams', 'screamed'], { object: false, nominal: false }],
  [['chant', 'chants', 'chanted', 'chanting'], { object: false, nominal: false }],
  [['demand', 'demands', 'demanded', 'demanding'], { object: false, nominal: true }],
  [['accuse', 'accuses', 'accused', 'accusing'], { object: false, nominal: true }],
  [['criticize', 'criticizes', 'criticized', 'criticizing', 'criticise', 'criticised'], { object: false, nominal: true }],
  [['praise', 'praises', 'praised', 'praising'], { object: false, nominal: true }],
  [['describe', 'describes', 'described', 'describing'], { object: false, nominal: true }],
  [['mention', 'mentions', 'mentioned'], { object: false, nominal: true }],
  [['observe', 'observes', 'observed'], { object: false, nominal: false }],
  [['boast', 'boasts', 'boasted', 'boasting'], { object: false, nominal: false }],
  [['brag', 'brags', 'bragged'], { object: false, nominal: false }],
  [['testify', 'testifies', 'testified'], { object: false, nominal: false }],
  [['tout', 'touts', 'touted', 'touting'], { object: false, nominal: true }],
  [['counter', 'counters', 'countered'], { object: false, nominal: false }],
  [['retort', 'retorts', 'retorted'], { object: false, nominal: false }],
  [['whisper', 'whispers', 'whispered'], { object: false, nominal: false }],
  [['proclaim', 'proclaims', 'proclaimed'], { object: false, nominal: false }],
  [['echo', 'echoes', 'echoed'], { object: false, nominal: false }],
  [['allege', 'alleges', 'alleged', 'alleging'], { object: false, nominal: false }],
  [['caution', 'cautions', 'cautioned'], { object: true, nominal: false }],
  [['assure', 'assures', 'assured'], { object: true, nominal: false }],
  [['inform', 'informs', 'informed'], { object: true, nominal: false }],
  [['remind', 'reminds', 'reminded'], { object: true, nominal: false }],
  [['advise', 'advises', 'advised'], { object: true, nominal: false }],
  [['exclaim', 'exclaims', 'exclaimed'], { object: false, nominal: false }],
  [['wonder', 'wonders', 'wondered', 'wondering'], { object: false, nominal: false }],
  [['demur', 'demurs', 'demurred'], { object: false, nominal: false }],
  [['recount', 'recounts', 'recounted', 'recounting'], { object: false, nominal: false }],
  [['gloat', 'gloats', 'gloated'], { object: false, nominal: false }],
  [['muse', 'muses', 'mused'], { object: false, nominal: false }],
  [['mutter', 'mutters', 'muttered'], { object: false, nominal: false }],
  [['plead', 'pleads', 'pleaded'], { object: false, nominal: false }],
  [['scoff', 'scoffs', 'scoffed'], { object: false, nominal: false }],
  [['lament', 'laments', 'lamented', 'lamenting'], { object: false, nominal: false }],
  [['sing', 'sings', 'sang'], { object: false, nominal: false }],
  [['thunder', 'thundered'], { object: false, nominal: false }],
  [['cry', 'cries', 'cried'], { object: false, nominal: false }],
  [['snap', 'snapped'], { object: false, nominal: false }],
  [['interject', 'interjected'], { object: false, nominal: false }],
  [['chime', 'chimed'], { object: false, nominal: false }],
  [['speculate', 'speculates', 'speculated'], { object: false, nominal: false }],
  [['blast', 'blasts', 'blasted'], { object: false, nominal: true }],
  [['slam', 'slams', 'slammed'], { object: false, nominal: true }],
  [['pitch', 'pitches', 'pitched'], { object: false, nominal: true }],
  [['welcome', 'welcomes', 'welcomed'], { object: false, nominal: true }],
  [['agree', 'agrees', 'agreed'], { object: false, nominal: true }],
  // Verbs that report speech only with a that-clause, a colon or a quotation (THAT_ONLY_CUES): "maintained that …",
  // not "maintained the road".
  [['maintain', 'maintains', 'maintained', 'maintaining'], THAT_ONLY],
  [['reckon', 'reckons', 'reckoned'], THAT_ONLY],
  [['hint', 'hints', 'hinted', 'hinting'], THAT_ONLY],
  [['signal', 'signals', 'signaled', 'signalled', 'signaling', 'signalling'], THAT_ONLY],
  [['underline', 'underlines', 'underlined', 'underlining'], THAT_ONLY],
  [['underscore', 'underscores', 'underscored', 'underscoring'], THAT_ONLY],
  [['affirm', 'affirms', 'affirmed', 'reaffirm', 'reaffirms', 'reaffirmed'], THAT_ONLY],
  [['confide', 'confides', 'confided'], THAT_ONLY],
  [['comment', 'comments', 'commented', 'commenting'], THAT_ONLY],
  [['concur', 'concurs', 'concurred'], THAT_ONLY],
  [['swear', 'swears', 'swore'], THAT_ONLY],
  [['reason', 'reasons', 'reasoned'], THAT_ONLY],
  [['protest', 'protests', 'protested'], THAT_ONLY],
  [['opine', 'opines', 'opined'], THAT_ONLY],
]

/** Cue verbs that report speech only before a that-clause, a colon or a quotation (or after a quotation). */
export const THAT_ONLY_CUES: ReadonlySet<string> = new Set(
  CUE_VERBS.filter(([, verb]) => verb === THAT_ONLY).flatMap(([forms]) => forms),
)

export const CUE_VERB_FORMS: ReadonlyMap<string, CueVerb> = new Map(
  CUE_VERBS.flatMap(([forms, verb]) => forms.map((form) => [form, verb] as const)),
)

/** Verbs that need a particle to be a cue: "called for", "called on", "pointed out". */
export const PARTICLE_CUES: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['call', set('for on upon')], ['calls', set('for on upon')], ['called', set('for on upon')], ['calling', set('for on upon')],
  ['point', set('out to')], ['points', set('out to')], ['pointed', set('out to')], ['pointing', set('out to')],
  ['go', set('on')], ['goes', set('on')], ['went', set('on')],
  ['weigh', set('in')], ['weighed', set('in')],
  ['spell', set('out')], ['spelled', set('out')],
  ['put', set('it')], ['puts', set('it')],
  // "Hillary shot back, “…”", "he fired back", "she chimed in", "he cut in": a reply.
  ['shot', set('back')], ['shoots', set('back')], ['fired', set('back')], ['fires', set('back')], ['hit', set('back')], ['hits', set('back')],
  ['chimed', set('in')], ['chimes', set('in')], ['cut', set('in')], ['cuts', set('in')], ['spoke', set('up out')], ['speaks', set('up out')],
])

/** Nouns that end like adverbs ("a Clinton ally said", "the family says"). */
export const LY_NOUNS: ReadonlySet<string> = set('ally family assembly rally supply monopoly reply bully belly jelly lily fly anomaly homily')

/** Words that may stand between a speaker and its verb: "X also said", "X has repeatedly said". */
export const PRE_CUE_ADVERBS = set(`
  also has have had would will could did does do later previously repeatedly then again once recently
  publicly privately reportedly never often frequently still simply just first initially quickly immediately
  had long further separately flatly bluntly angrily quietly only already ultimately allegedly even
  now too subsequently earlier since long widely consistently openly explicitly specifically directly personally
  herself himself themselves itself generally privately formally officially instead
`)

/** Time words after a verb, before its clause: "said Thursday (that) …". */
export const TIME_WORDS = set(`
  monday tuesday wednesday thursday friday saturday sunday today yesterday tonight recently earlier later
  last this next week month year morning afternoon evening night weekend
  january february march april june july august september october november december
`)

export const PERSONAL_PRONOUNS: ReadonlyMap<string, 'male' | 'female' | 'plural' | 'neuter' | 'first'> = new Map([
  ['he', 'male'], ['she', 'female'], ['they', 'plural'], ['it', 'neuter'], ['i', 'first'], ['we', 'first'],
])

/** Plural nouns for people by their ending: "campaigners", "investigators", "residents", "employees". */
export const PEOPLE_PLURAL_ENDINGS = /(ers|ors|ists|ians|ents|ants|ees)$/

/** Lower-case words inside a person's name: "Paul de Vos", "Ursula von der Leyen". */
export const NAME_PARTICLES = set('de del la le van von der den bin ibn al da di du st')

/** Honorifics and titles that come before a name. Lower-case, without trailing period. */
export const TITLES = set(`
  mr mrs ms miss dr prof sen senator rep representative gov governor president vice secretary minister
  premier chancellor mayor judge justice gen general col colonel lt capt captain sgt adm admiral
  chairman chairwoman chair ambassador envoy commissioner director spokesman spokeswoman spokesperson
  king queen prince princess pope rev reverend father sir lord lady sheikh chief attorney
  speaker leader congressman congresswoman councilman councilwoman lawmaker candidate nominee
  pastor bishop cardinal rabbi imam coach officer detective sheriff superintendent professor
  ceo cfo founder host anchor moderator correspondent columnist analyst strategist adviser advisor
  pollster manager aide executive deputy officials official boss
  councillor councilor cllr alderman alderwoman mp mep msp
  coun const cst constable insp inspector supt cpl corporal det maj cmdr commander pte hon sergeant lieutenant
`)

/** Gender that an honorific or title fixes. */
export const TITLE_GENDER: ReadonlyMap<string, 'male' | 'female'> = new Map([
  ['mr', 'male'], ['mrs', 'female'], ['ms', 'female'], ['miss', 'female'], ['sir', 'male'], ['lord', 'male'],
  ['lady', 'female'], ['king', 'male'], ['queen', 'female'], ['prince', 'male'], ['princess', 'female'],
  ['spokesman', 'male'], ['spokeswoman', 'female'], ['chairman', 'male'], ['chairwoman', 'female'],
  ['congressman', 'male'], ['congresswoman', 'female'], ['councilman', 'male'], ['councilwoman', 'female'],
  ['father', 'male'], ['pope', 'male'], ['sheikh', 'male'], ['businessman', 'male'], ['businesswoman', 'female'],
])

/** Nouns that name a person by role: "the president", "the Florida senator". */
export const ROLE_NOUNS = set(`
  president senator governor secretary minister mayor candidate nominee spokesman spokeswoman spokesperson
  chairman chairwoman chair ambassador envoy commissioner director judge justice congressman congresswoman
  lawmaker leader speaker businessman businesswoman billionaire mogul frontrunner front-runner democrat republican
  official aide adviser advisor strategist pollster manager attorney lawyer prosecutor general chief officer
  premier chancellor king queen prince pope ceo founder host anchor moderator author columnist reporter
  writer economist analyst expert professor scientist researcher activist organizer voter supporter critic
  man woman source resident veteran student teacher mother father son daughter wife husband sheriff
  detective doctor physician executive representative rep sen gov deputy vice-president congressional
  nominee incumbent challenger contender hopeful rival opponent campaigner ex-president boss
  councillor councilor alderman investigator inspector engineer pilot skipper curator trustee treasurer
  owner shopkeeper chef nurse farmer driver swimmer coach captain cousin brother sister uncle aunt grandson
  granddaughter grandmother grandfather neighbour neighbor landlord tenant partner colleague friend member
`)

/** Plural nouns for groups that speak without a name: "officials said", "critics say". */
export const GROUP_NOUNS = set(`
  officials aides advisers advisors analysts experts critics supporters opponents sources observers
  lawmakers legislators leaders republicans democrats conservatives liberals progressives activists voters
  residents protesters protestors demonstrators economists scientists researchers strategists pollsters
  investigators prosecutors police authorities diplomats people members staffers organizers organisers
  advocates insiders allies donors delegates residents witnesses historians scholars doctors parents
  students teachers workers employees executives insiders others some many most both few several
  americans commentators pundits respondents spokesmen spokespeople representatives senators governors
  candidates officers agents troops soldiers crowd audience
  campaigners neighbours neighbors shoppers commuters councillors merchants shopkeepers traders farmers tenants
  passengers patients nurses families survivors relatives locals villagers businesses attorneys lawyers
`)

/** Head words that make a noun phrase an organisation. */
export const ORG_HEADS = set(`
  office ministry department campaign committee party agency administration council commission court
  company corporation corp inc llc group organization organisation institute university college network
  newspaper union association foundation bureau service police army navy military embassy government
  cabinet senate house congress parliament assembly team staff board center centre fund bank
  times post journal news tribune herald guardian telegraph magazine press radio television tv
  politico cnn msnbc nbc abc cbs fox bbc reuters ap afp breitbart bloomberg axios npr pbs
  hamas hezbollah isis taliban nato fbi cia nsa dhs doj epa irs pentagon kremlin gop dnc rnc
  coalition alliance caucus movement federation chamber club society project poll survey study report
  white secretariat cbo gao un eu imf county city township
  railroad railway railways airline airlines museum authority trust hospital library church partners holdings
  foods securities guild borough
`)

/** Multi-word organisation names commonly quoted as speakers. */
export const ORG_NAMES = set(`
  white-house
`)

/** News agencies and photo services that appear in credit lines. */
export const CREDIT_AGENCIES = set(`
  ap afp reuters getty images shutterstock epa efe anadolu bloomberg xinhua upi pa zuma sipa alamy
  corbis newscom polaris redux wireimage filmmagic ap/photo ap-photo photo file via courtesy dpa tass ansa
  rex istock istockphoto
`)

/** Words that never belong to a speaker noun phrase: they end it when read backwards from the verb. */
export const NP_STOPPERS = set(`
  and or but nor so yet because although though while whereas if unless until when whenever where after before
  since as than that which whom whose what why how whether
  in on at by with from into onto upon over under about against between among through during without within
  across behind beyond toward towards near off out up down via per like
  is are was were be been being am do does did done has have had having will would shall should can could may might must
  not no never it its this these those there here then thus also
  to
`)

/** Determiners and possessives that open a descriptive noun phrase. */
export const DETERMINERS = set(`
  the a an his her their its our my your one some many several two three four five six seven eight nine ten
  other another each every both most few
`)

/** Capitalised words that start sentences but are not names. */
export const NON_NAME_CAPITALS = set(`
  the a an and but or so yet for nor in on at by with from to of as if when while after before since because
  although though however meanwhile moreover still also then there here this that these those it its he she they
  we i you his her their our my your who what where why how which whether today yesterday tomorrow
  monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
  september october november december mr mrs ms dr
  not no yes all some many most both each every any one two three four five six seven eight nine ten
  according asked said says told added even just only once instead indeed perhaps later earlier now
  last next first second third new former late current
`)

/** Abbreviations whose period does not end a sentence. */
export const ABBREVIATIONS = set(`
  mr mrs ms dr prof sen rep gov gen col lt capt sgt adm rev st jr sr co corp inc ltd no vs etc
  jan feb mar apr jun jul aug sep sept oct nov dec mt ft pres supt dept est approx fig
  coun const cst insp cpl det maj cmdr pte hon atty
`)

/** A word that names an occupation or role: a known one, or one with an agent suffix ("shopkeeper", "campaigner"). */
export function isRoleWord (w: string): boolean {
  return ROLE_NOUNS.has(w) || TITLES.has(w) || (w.length > 5 && /(er|or|ist|ian|ant|ent)$/.test(w))
}

/** Participles with which the writer comments on what came before (", suggesting …", ", echoing …"), often no one's words. */
export const WRITERS_PARTICIPLES = new Set(['echoing', 'citing', 'referring', 'pointing', 'prompting', 'drawing', 'sparking', 'triggering', 'signaling', 'signalling', 'reflecting', 'suggesting', 'underscoring', 'highlighting', 'setting', 'raising', 'fueling', 'fuelling'])

/** Finite auxiliaries: after a noun or an object they make a clause, not an apposition or an aside. */
/** Nouns of a thing said that take a that-clause of what was said (the cue stage collects them: findCues). */
export const FRAME_NOUNS: ReadonlySet<string> = new Set(['claim', 'claims', 'warning', 'warnings', 'assertion', 'assertions', 'suggestion', 'insistence',
  'argument', 'contention', 'allegation', 'allegations', 'assurance', 'assurances', 'declaration', 'admission', 'prediction',
  'complaint', 'boast', 'accusation', 'charge', 'statement', 'remark', 'remarks', 'promise', 'promises', 'pledge', 'vow',
  'vows', 'threat', 'threats'])

/** Words that take a verb of saying as their infinitive and leave its subject before them: "are more likely to say". */
export const INFINITIVE_FRAMES: ReadonlySet<string> = new Set(['likely', 'unlikely', 'willing', 'unwilling', 'quick', 'eager', 'inclined',
  'ready', 'prepared', 'expected', 'wants', 'wanted', 'want', 'plans', 'planned', 'plan', 'tried', 'tries', 'began', 'begins', 'continued',
  'continues', 'continue', 'refused', 'on', 'hoped', 'hopes', 'seemed', 'seems', 'appeared', 'appears', 'happy', 'careful', 'sure',
  'bound', 'going', 'able'])

export const FINITE_AUXILIARIES = new Set(['is', 'are', 'was', 'were', 'will', 'would', 'has', 'have', 'had', 'can', 'could', 'should', 'must', 'does', 'did', 'do', 'shall'])

/** Nouns of speech that carry a quotation in a nominal frame: "“…,” was the verdict of one fan", "Hale's response was: “…”". */
export const NOMINAL_SPEECH_NOUNS: ReadonlySet<string> = new Set(['verdict', 'reply', 'response', 'answer', 'retort', 'reaction', 'message',
  'comment', 'view', 'advice', 'assessment', 'explanation', 'warning', 'plea', 'promise', 'conclusion', 'summary', 'rejoinder'])

/** Verbs of saying in the present that come before their speaker: "Asks Hale: “…”", "…, says Ann Lee, “…”". */
export const INVERTED_CUES: ReadonlySet<string> = new Set(['asks', 'says', 'adds', 'explains', 'recalls', 'insists', 'notes', 'concludes', 'continues', 'replies'])

/** "called Ohio “one of …”": verbs of naming that are speech with a quotation after them (the cue scan, cues.ts). */
export const CALL_VERBS: ReadonlySet<string> = new Set(['call', 'calls', 'called', 'calling', 'dubbed', 'labeled', 'labelled', 'branded'])
/** "Graham called both candidates “crazy”": naming what someone is, as a verb with an object (cues.ts). */
export const NAMING_VERBS: ReadonlySet<string> = new Set(['called', 'calls', 'call', 'calling'])
/** "“…,” reads the editorial": what a text says (cues.ts). */
export const READING_VERBS: ReadonlySet<string> = new Set(['read', 'reads'])
/** "“…,” she laughs": verbs of manner, verbs of saying right after a quotation (cues.ts). */
export const MANNER_VERBS: ReadonlySet<string> = new Set(['laughs', 'laughed', 'smiles', 'smiled', 'shrugs', 'shrugged', 'sighs', 'sighed', 'grins', 'grinned',
  'chuckles', 'chuckled', 'beams', 'beamed', 'winces', 'winced', 'snorts', 'snorted', 'groans', 'groaned', 'deadpans', 'deadpanned'])
/** Every word the cue scan's checks look up (findCues): a word outside all of them can only be a verb after a quotation. */
export const CUE_WORDS: ReadonlySet<string> = new Set(['according', ...READING_VERBS, ...CALL_VERBS, ...NAMING_VERBS, ...PARTICLE_CUES.keys(),
  ...MANNER_VERBS, ...CUE_VERB_FORMS.keys()])
/** Words that may carry a nominal frame ("asks", "response", "was"; frames.ts), which the cue scan notes. */
export const NOMINAL_FRAME_WORDS: ReadonlySet<string> = new Set([...INVERTED_CUES, ...NOMINAL_SPEECH_NOUNS, 'was'])
