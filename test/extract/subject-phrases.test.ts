// Who speaks when the words before the verb are more than a name (issue 12): a noun with a relative clause, a noun
// used as a modifier, a document named by an -ing noun, and an attribution set inside a dash aside. Every sentence
// here is invented for the test.
import { quotes } from '../helpers/quote-cases.js'

quotes('"Voters who backed Hale say …": the noun before "who" speaks, not the name inside the clause',
  'Voters who backed Margaret Hale say the party is split.', [
    { text: 'the party is split', name: null, mention: 'Voters', type: 'indirect' },
  ])

quotes('"Tenants who have written to the council about the repairs said …": the clause\'s object does not speak',
  'Tenants who have written to the council about the repairs said the landlord had ignored them.', [
    { text: 'the landlord had ignored them', name: null, mention: 'Tenants', type: 'indirect' },
  ])

quotes('"the engineers who Hale says …": right after "who" stands the clause\'s own subject, the speaker',
  'The bridge was closed by the engineers who Margaret Hale says were hired in May.', [
    { text: 'were hired in May', name: 'Margaret Hale', type: 'indirect' },
  ])

quotes('"Some state inspectors said …": a verb\'s base form between a determiner and a noun is a noun',
  'Some state inspectors said the dam had been neglected for years.', [
    { text: 'the dam had been neglected for years', name: null, mention: 'Some state inspectors', type: 'indirect' },
  ])

quotes('"The filing said …", "The ruling says …": documents named by an -ing noun speak as reports do',
  'The filing said the company had no assets of value. The ruling says the contract was void.', [
    { text: 'the company had no assets of value', name: null, type: 'indirect' },
    { text: 'the contract was void', name: null, type: 'indirect' },
  ])

quotes('an attribution inside a dash aside reports only up to the dash that closes it',
  'The nurses learned to spot trouble early - some ward managers said they know which shifts run short - and plan around it.', [
    { text: 'they know which shifts run short', name: null, type: 'indirect' },
  ])

quotes('a dash pair inside what was said, after the attribution, still belongs to it',
  'Margaret Hale said the repairs - all of them overdue - would start in June.', [
    { text: 'the repairs - all of them overdue - would start in June', name: 'Margaret Hale', type: 'indirect' },
  ])

quotes('"pledged to support the nominee": "to" before a bare verb is what was promised, not an aside',
  'It was a reversal for the senator, who had pledged to support the nominee. Looking tired, she vowed to finish the race.', [
    { text: 'to support the nominee', type: 'indirect' },
    { text: 'to finish the race', type: 'indirect' },
  ])

quotes('"said to reporters" is still an aside: the clause before is what was said',
  'The deal is off, Margaret Hale said to reporters.', [
    { text: 'The deal is off', name: 'Margaret Hale', type: 'indirect' },
  ])

quotes('"regular, pledged delegates": a participle before a bare noun is no inverted attribution; "said officials" is',
  'She won a majority of regular, pledged delegates. The plan is dead, said officials. It will pass, conceded aides.', [
    { text: 'The plan is dead', name: null, mention: 'officials', type: 'indirect' },
    { text: 'It will pass', name: null, mention: 'aides', type: 'indirect' },
  ])

quotes('"…, the race will be tight, said Dan Cole": a clause between commas is no apposition of the noun before it',
  'As the campaign moves to New Jersey, a state she hoped to carry, the race will be tight, said Dan Cole, an analyst in Newark.', [
    { text: 'As the campaign moves to New Jersey, a state she hoped to carry, the race will be tight', name: 'Dan Cole', type: 'indirect' },
  ])

quotes('an apposition with a relative clause keeps its auxiliary: "a teacher who has taught here for years"',
  'Ann Lee, a teacher who has taught here for years, said the school would close.', [
    { text: 'the school would close', name: 'Ann Lee', type: 'indirect' },
  ])

quotes('"responded … by pointing to …": what was said comes from the verb after "by", not the words before it',
  'The campaign has responded to criticism on housing by pointing to her own record.', [
    { text: 'her own record', type: 'indirect' },
  ])

quotes('"…, “…,” saying they were …": a participle does not invert; its subject is the sentence\'s, its content the clause after it',
  'Mayor Ann Hale on Monday blamed the press for making a story out of the claim that the council “wasted millions,” saying reporters had misread the budget.', [
    { text: 'reporters had misread the budget', name: 'Ann Hale', type: 'indirect' },
  ])

quotes('a comma inside the closing quotation mark links the participle to the subject as one outside does',
  'Tenants had sued after the landlord scrapped what had been called the “winter fund,” saying that the cut hurt older residents.', [
    { text: 'that the cut hurt older residents', mention: 'Tenants', type: 'indirect' },
  ])

quotes('"One nurse at the clinic declined to …, saying …": a described subject up to its verb shares the participle',
  'One nurse at the clinic declined to speak on the record, saying it would cost her the job. The tenants had sued the landlord, saying the rent was too high.', [
    { text: 'it would cost her the job', mention: 'One nurse at the clinic', type: 'indirect' },
    { text: 'the rent was too high', mention: 'The tenants', type: 'indirect' },
  ])

quotes('"…, with three in 10 saying …": after "with" a participle has its own subject',
  'Residents shrugged off the change, with three in 10 saying it would make no difference to them. The mayor left early, with Ann Lee saying the talks had failed.', [
    { text: 'it would make no difference to them', mention: 'three in 10', type: 'indirect' },
    { text: 'the talks had failed', name: 'Ann Lee', type: 'indirect' },
  ])

quotes('"When Hale arrived and said …, the room fell silent": a cue in a fronted subordinate clause reports up to its comma',
  'When Margaret Hale arrived and said the plan was dead, the room fell silent. When the mayor later said she would “protect every library,” the crowd applauded.', [
    { text: 'the plan was dead', name: 'Margaret Hale', type: 'indirect' },
    { text: 'she would “protect every library,”', mention: 'the mayor', type: 'mixed' },
  ])

quotes('"After Cole fell ill, Ruiz emailed her, telling her …": once a comma closes the subordinate clause, the main subject speaks',
  'After Ann Cole fell ill, Tomás Ruiz emailed her, telling her the team would wait. Before the Paris talks, Ruiz took a softer line by saying he would listen.', [
    { text: 'the team would wait', name: 'Tomás Ruiz', type: 'indirect' },
    { text: 'he would listen', name: 'Tomás Ruiz', type: 'indirect' },
  ])

quotes('"with 94 percent of precincts reporting" reports nothing: the clause before it is whole',
  'Margaret Hale said she trailed by a few votes with 94 percent of precincts reporting.', [
    { text: 'she trailed by a few votes with 94 percent of precincts reporting', name: 'Margaret Hale', type: 'indirect' },
  ])

quotes('"telling her the team would wait": a clause after a short object is what was said, not an aside',
  'Tomás Ruiz emailed the mayor, telling her the team would wait.', [
    { text: 'the team would wait', name: 'Tomás Ruiz', type: 'indirect' },
  ])

quotes('an amount is no content: "said nothing", "said a lot"',
  'The minister said nothing. Her silence said a lot.', [])

quotes('"Rich Hale, a top operative who played … and is now running …, said": a described person with a long relative clause',
  'Rich Hale, a top party operative who played a major role in the 2008 win and is now running the early-vote effort in the county, said the postal vote was “critical.”', [
    { text: 'the postal vote was “critical.”', name: 'Rich Hale', type: 'mixed' },
  ])

quotes('"Another delegate on the slate, Jim Poole, said": a described role with its phrase, then the name that speaks',
  'Another delegate on the slate, Jim Poole, said he was only “leaning Cole.”', [
    { text: 'he was only “leaning Cole.”', name: 'Jim Poole', type: 'mixed' },
  ])

quotes('after a determiner or number a verb\'s form is the noun: "familiar with the planning", "all five states"',
  'A person familiar with the planning said the meeting will focus on unity. Majorities in all five states said they want the bridge rebuilt.', [
    { text: 'the meeting will focus on unity', mention: 'A person familiar with the planning', type: 'indirect' },
    { text: 'they want the bridge rebuilt', type: 'indirect' },
  ])

quotes('examples set off by commas belong to the noun before them: "the biggest hawks, like Cole and Ruiz, say …"',
  'Even the council\'s biggest hawks, like Cole and Ruiz, say the cuts should be deeper. Tenants, including Ms. Lee, said the heating had failed.', [
    { text: 'the cuts should be deeper', mention: 'the council\'s biggest hawks', type: 'indirect' },
    { text: 'the heating had failed', mention: 'Tenants', type: 'indirect' },
  ])

quotes('"Said Ann Lee, who grew up here, “…”": a sentence opened by "Said" inverts, with a relative clause before the quotation',
  'Said Dorothy Poole, who grew up on the street, “We were all so proud of him.”', [
    { text: 'We were all so proud of him.', name: 'Dorothy Poole', type: 'direct' },
  ])

quotes('"“…,” said one of those advisers": a determiner after "one of" belongs to the described speaker',
  '“There is no path left,” said one of those advisers, who spoke on condition of anonymity.', [
    { text: 'There is no path left,', mention: 'one of those advisers', type: 'direct' },
  ])

quotes('"Hale took the stage Tuesday at the Grand Hotel and called …": a day after the words is no part of the name',
  'Hale took the stage Tuesday at the Grand Hotel in Leeds and called the budget “rotten to the core.”', [
    { text: 'the budget “rotten to the core.”', mention: 'Hale', type: 'mixed' },
  ])

quotes('"Speaking earlier Tuesday in Leeds, Hale insisted …": a participle opening the sentence is no name; "Boreing said" is one',
  'Speaking earlier Tuesday in Leeds, Ann Hale insisted that the vote was fair. Boreing said the members would still meet.', [
    { text: 'that the vote was fair', name: 'Ann Hale', type: 'indirect' },
    { text: 'the members would still meet', mention: 'Boreing', type: 'indirect' },
  ])

quotes('"clapping, chanting and waving balloons": a verb joined to the cue by "and" is no content of it',
  'Supporters gathered outside, clapping, singing, chanting and waving red balloons.', [])

quotes('"…, but Cole did not say when": the writer on what the speaker left out is no part of what was said',
  'Cole said the council stopped the practice, but Cole did not say when. Hale said the fund was closed, though she declined to elaborate.', [
    { text: 'the council stopped the practice', mention: 'Cole', type: 'indirect' },
    { text: 'the fund was closed', mention: 'Hale', type: 'indirect' },
  ])

quotes('a cue in a subordinate clause later in the sentence reports up to that clause\'s comma; a quotation after it goes on',
  'Among those who said they cared most about honesty, most backed Hale. After all, while he insisted that he never said it, that was the implication. ' +
  'Asked about the army, Ruiz said that under the last government, “the generals have been reduced to rubble.”', [
    { text: 'they cared most about honesty', type: 'indirect' },
    { text: 'that he never said it', type: 'indirect' },
    { text: 'about the army', name: null, type: 'indirect' },
    { text: 'that under the last government, “the generals have been reduced to rubble.”', name: 'Ruiz', type: 'mixed' },
  ])

quotes('a cue inside a short noun phrase that opens the content is part of it: "saying anybody who complains about …"',
  'Hale mocked the complaint, saying anybody who complains about a microphone “is not having a good night.” ' +
  'She pointed to reports that Ruiz called the winner “a fraud” as proof of his temper.', [
    { text: 'anybody who complains about a microphone “is not having a good night.”', name: 'Hale', type: 'mixed' },
    { text: 'reports that Ruiz called the winner “a fraud” as proof of his temper', type: 'mixed' },
  ])

quotes('"In one tweet Friday, Hale said: …", "in a series of Twitter posts": after a preposition and a number or a name, a noun',
  'In one tweet Friday, Ann Hale said: “Did the council read the report?” In a series of Twitter posts Sunday, Tom Ruiz wrote: “The answer is no.” ' +
  'One in three say they will vote for her.', [
    { text: 'Did the council read the report?', name: 'Ann Hale', type: 'direct' },
    { text: 'The answer is no.', name: 'Tom Ruiz', type: 'direct' },
    { text: 'they will vote for her', mention: 'One in three', type: 'indirect' },
  ])

quotes('"“…?” In a post Sunday, …" starts a new sentence: a cue word after a determiner is a noun, no attribution of the quote',
  'Hale said: “Did the council read it?” In a post Sunday, Ruiz wrote: “No.”', [
    { text: 'Did the council read it?', name: 'Hale', type: 'direct' },
    { text: 'No.', name: 'Ruiz', type: 'direct' },
  ])

quotes('"said of the plan, “…”": what the words are about stands before the quotation and is no part of it',
  'Margaret Hale said of the plan, “It is dead.”', [
    { text: 'It is dead.', name: 'Margaret Hale', type: 'direct' },
  ])

quotes('"…, but would not say when" without its subject still ends what was said',
  'Ann Hale confirmed there is a deadline, but would not say when.', [
    { text: 'there is a deadline', name: 'Ann Hale', type: 'indirect' },
  ])

quotes('the writer\'s participles after a quotation ("described as “positive,” suggesting …") share no subject',
  'Ann Hale is leading the talks, with the discussions described as “positive,” suggesting a deal could come soon.', [])

quotes('"Voters who heard his speeches, on television or at events, said …": the noun the clause describes speaks across an aside',
  'Some voters who heard his speeches, on television or at town halls, said he had less energy now. The mayor, at a briefing, said the road was shut.', [
    { text: 'he had less energy now', name: null, mention: 'Some voters', type: 'indirect' },
    { text: 'the road was shut', name: null, mention: 'The mayor', type: 'indirect' },
  ])

quotes('"veterans interviewed at rallies this week, including Mr. Jebens, said …": the noun a participle describes speaks',
  'Numerous veterans interviewed at rallies in Ohio this week, including Mr. Lund, said they had no problem with the plan.', [
    { text: 'they had no problem with the plan', name: null, mention: 'Numerous veterans', type: 'indirect' },
  ])

quotes('"Sen. Ann Hale (D-Ore.), said …": a stray comma after a party tag does not hide the speaker; an apposition\'s does',
  'Sen. Ann Hale (D-Ore.), said that she had not read the bill. Tom Reyes, chairman of Harbor Watch (a tenants\' group), said the rent was too high.', [
    { text: 'that she had not read the bill', name: 'Ann Hale', type: 'indirect' },
    { text: 'the rent was too high', name: 'Tom Reyes', type: 'indirect' },
  ])

quotes('"…, a boss invited her to lunch": an article opening a clause with its own verb is no gloss of what was said',
  'Margaret Hale said when she was earning $24,000 a year, a boss invited her to lunch. Tom Reyes said the pool would close, a decision that angered swimmers.', [
    { text: 'when she was earning $24,000 a year, a boss invited her to lunch', name: 'Margaret Hale', type: 'indirect' },
    { text: 'the pool would close', name: 'Tom Reyes', type: 'indirect' },
  ])

quotes('"The chief executive, Marcus Lind, visited … and told families that …": a role, the name in apposition, then the verbs',
  'The railway\'s chief executive, Marcus Lind, visited evacuees on Wednesday and told families eating lunch in the hall that the company would pay.', [
    { text: 'that the company would pay', name: 'Marcus Lind', type: 'indirect' },
  ])

quotes('"told investigators" with nothing after it reports no words: the plural noun is the addressee',
  'Ann Hale declined to say what the crew had told investigators. Tom Reyes told residents the pool would open.', [
    { text: 'the pool would open', name: 'Tom Reyes', type: 'indirect' },
  ])

quotes('shares and long described subjects speak: "About two-thirds, 67 percent, say …", "Majorities in all five states say …"',
  'About two-thirds, 67 percent, say they will vote for the levy. Majorities in all five wards say they want a new pool. ' +
  'A person familiar with the planning for Thursday’s meeting says the vote will be close.', [
    { text: 'they will vote for the levy', name: null, mention: 'About two-thirds', type: 'indirect' },
    { text: 'they want a new pool', name: null, mention: 'Majorities in all five wards', type: 'indirect' },
    { text: 'the vote will be close', name: null, mention: 'A person familiar with the planning for Thursday’s meeting', type: 'indirect' },
  ])

quotes('"While old Iowa political hands say …, …": the subject of a clause a subordinator opens',
  'While old Iowa political hands say there is a benefit in visiting every county, the cost is high.', [
    { text: 'there is a benefit in visiting every county', name: null, mention: 'old Iowa political hands', type: 'indirect' },
  ])

quotes('"…, Anthony says, and she felt free to …": after an inserted attribution, ", and" with a subject of its own goes on',
  'She read every draft of his speeches, Ann Lee says, and she felt free to cut whole pages.', [
    { text: 'She read every draft of his speeches', name: 'Ann Lee', type: 'indirect' },
  ])

quotes('"The trust\'s CEO, Ruth Okafor, said …": a title in capitals is a role, and the name after it speaks',
  'The Harbour Trust\'s CEO, Ruth Okafor, said the two firms had agreed on the terms. Its CFO, Tom Reyes, said the deal would close in May.', [
    { text: 'the two firms had agreed on the terms', name: 'Ruth Okafor', type: 'indirect' },
    { text: 'the deal would close in May', name: 'Tom Reyes', type: 'indirect' },
  ])

quotes('"One of the family\'s lawyers, Ann Cole, said …": after "one of" the role is the plural noun, and the name speaks',
  'One of the family\'s lawyers, Ann Cole, said the footage showed him leaving the car when asked to do so by officers.', [
    { text: 'the footage showed him leaving the car when asked to do so by officers', name: 'Ann Cole', type: 'indirect' },
  ], { count: 1 })

quotes('"… without reporters asking him to …": a participle after "without" stays in the clause it stands in',
  'Tom Reyes said he cannot walk down the street without reporters asking him to resign.', [
    { text: 'he cannot walk down the street without reporters asking him to resign', name: 'Tom Reyes', type: 'indirect' },
  ], { count: 1 })

quotes('"That person said …": a demonstrative opening the sentence is a determiner; after a verb "that" joins a clause',
  'A source close to the mayor said she would run. That person said the council had not been told. Officials said that person was wrong.', [
    { text: 'she would run', name: null, mention: 'A source close to the mayor', type: 'indirect' },
    { text: 'the council had not been told', name: null, mention: 'That person', type: 'indirect' },
    { text: 'that person was wrong', name: null, mention: 'Officials', type: 'indirect' },
  ])

quotes('"CLAUSE, said X, who … in St. Louis." and "…, said X, director of Y, a group that …": what follows the speaker describes them',
  'The plan will fail, said Lee Okafor, who teaches law at Washington University in St. Louis. ' +
  'The vote was fair, said Ann Cole, director of the tenants\' union, a group that broke away in May and backed the levy.', [
    { text: 'The plan will fail', name: 'Lee Okafor', type: 'indirect' },
    { text: 'The vote was fair', name: 'Ann Cole', type: 'indirect' },
  ])
