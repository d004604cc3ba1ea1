// Constructions of other outlets' house styles (issue 12): rank and office abbreviations before names, frames of
// attribution, questions, transcripts, run-together sentences, datelines and bios, headlines, and apostrophes that
// open no quotation. Every sentence here is invented for the test.
import { quotes } from '../helpers/quote-cases.js'

// --- Rank and office abbreviations before a name ---------------------------------------------------------------

quotes('"Coun." before a name ends no sentence; the councillor speaks',
  'Coun. Maria Delgado said the bylaw would be reviewed in the spring.', [
    { text: 'the bylaw would be reviewed in the spring', name: 'Maria Delgado', type: 'indirect' },
  ])

quotes('"Const." and "Sgt." after a quotation',
  '“The driver was not hurt,” said Const. Raj Patel. “We are asking for witnesses,” said Sgt. Leah Morin of the regional police.', [
    { text: 'The driver was not hurt,', name: 'Raj Patel', type: 'direct' },
    { text: 'We are asking for witnesses,', name: 'Leah Morin', type: 'direct' },
  ])

quotes('"Lt.-Gov." with its hyphen',
  'Lt.-Gov. Ann Whitford said the session would open on Tuesday.', [
    { text: 'the session would open on Tuesday', name: 'Ann Whitford', type: 'indirect' },
  ])

quotes('"Insp.", "Supt.", "Cpl." and "Det."',
  'Insp. Marc Dube said the search had ended. Supt. Alan Greer said two officers were hurt. Cpl. Jo Martel said the road was closed. Det. Karen Liu said no weapon was found.', [
    { text: 'the search had ended', name: 'Marc Dube' },
    { text: 'two officers were hurt', name: 'Alan Greer' },
    { text: 'the road was closed', name: 'Jo Martel' },
    { text: 'no weapon was found', name: 'Karen Liu' },
  ])

// --- Frames of attribution -------------------------------------------------------------------------------------

quotes('"X was quoted as saying “…”"',
  'Ann Hale was quoted as saying, “We never saw the report.”', [
    { text: 'We never saw the report.', name: 'Ann Hale', type: 'direct' },
  ])

quotes('"X was quoted as saying CLAUSE" without "that"',
  'The minister was quoted as saying the border would stay open.', [
    { text: 'the border would stay open', mention: 'The minister', type: 'indirect' },
  ])

quotes('"The reply from X was: “…”"',
  'The reply from Tom Ray was: “Not this year.”', [
    { text: 'Not this year.', name: 'Tom Ray', type: 'direct' },
  ])

quotes('"X wrote on X that …"',
  'Tom Ray wrote on X that the vote was a win for renters.', [
    { text: 'that the vote was a win for renters', name: 'Tom Ray', type: 'indirect' },
  ])

quotes('"X wrote in a Facebook post that …": "post" is the aside’s noun, not a verb',
  'Mayor Ann Hale wrote in a Facebook post that the pool would reopen in June.', [
    { text: 'that the pool would reopen in June', name: 'Ann Hale', type: 'indirect' },
  ])

quotes('"said in a news release CLAUSE": a determiner after the aside’s noun opens the clause',
  'Ann Hale said in a news release the pool would reopen. Tom Ray said in an interview with the Gazette the vote was close.', [
    { text: 'the pool would reopen', name: 'Ann Hale', type: 'indirect' },
    { text: 'the vote was close', name: 'Tom Ray', type: 'indirect' },
  ])

quotes('"X, in a statement read by her lawyer, said …": the aside between commas holds a passive participle',
  'Grace Olin, in a statement read by her lawyer, said she had done nothing wrong.', [
    { text: 'she had done nothing wrong', name: 'Grace Olin', type: 'indirect' },
  ])

quotes('"The company, in a news release, said …": a body named by its noun, an aside whose noun is also a verb',
  'The company, in a news release, said no jobs would be lost.', [
    { text: 'no jobs would be lost', mention: 'The company', type: 'indirect' },
  ])

quotes('an aside between commas without a verb of saying after it yields no quote',
  'The ferry, in a storm, sank near the pier.', [])

quotes('"X told the court that …" and without "that"',
  'Dr. Paul Ng told the court that the injuries were consistent with a fall. Olin told the court she had been asleep.', [
    { text: 'that the injuries were consistent with a fall', name: 'Paul Ng', type: 'indirect' },
    { text: 'she had been asleep', name: 'Olin', type: 'indirect' },
  ])

quotes('"X said in an email that …"',
  'Dana Whitlock said in an email that no jobs would be lost.', [
    { text: 'that no jobs would be lost', name: 'Dana Whitlock', type: 'indirect' },
  ])

quotes('"“…,” X said in a statement read by her lawyer."',
  '“I did nothing wrong,” Grace Olin said in a statement read by her lawyer.', [
    { text: 'I did nothing wrong,', name: 'Grace Olin', type: 'direct' },
  ])

quotes('"X said in a statement read by her lawyer that …"',
  'Grace Olin said in a statement read by her lawyer that she had done nothing wrong.', [
    { text: 'that she had done nothing wrong', name: 'Grace Olin', type: 'indirect' },
  ])

quotes('"according to a news release from X" after its clause',
  'The driver was 42, according to a news release from Halton police.', [
    { text: 'The driver was 42', type: 'indirect' },
  ])

quotes('"according to a news release from X" before its clause',
  'According to a news release from Halton police, the driver was 42.', [
    { text: 'the driver was 42', type: 'indirect' },
  ])

quotes('"“…,” was the verdict of one fan": an unnamed speaker',
  '“Worth every penny,” was the verdict of one fan outside the arena.', [
    { text: 'Worth every penny,', name: null, type: 'direct' },
  ])

// --- Questions put by a speaker ----------------------------------------------------------------------------------

quotes('"“…?” asked Hale." — the question is the asker’s',
  '“Who pays for the repairs?” asked Ann Hale.', [
    { text: 'Who pays for the repairs?', name: 'Ann Hale', type: 'direct' },
  ])

quotes('"…, asks X, “…”": an inverted cue between commas introduces the quotation after it',
  'And now, asks Tom Ray, “who is checking the meters?” Still, says Ann Hale, “we are paying.”', [
    { text: 'who is checking the meters?', name: 'Tom Ray', type: 'direct' },
    { text: 'we are paying.', name: 'Ann Hale', type: 'direct' },
  ])

quotes('"X asks: “…”"',
  'Dana Whitlock asks: “Why did nobody warn us?”', [
    { text: 'Why did nobody warn us?', name: 'Dana Whitlock', type: 'direct' },
  ])

// --- Transcripts ------------------------------------------------------------------------------------------------

// --- Transcripts ------------------------------------------------------------------------------------------------

quotes('"Q." and "A." with a dot: the answers are the interviewee’s named in the introduction',
  'Maya Chen spoke to the Gazette after the race.\n\nQ. What went wrong at the start?\n\nA. My chain slipped. I lost ten seconds.', [
    { text: 'What went wrong at the start', name: null },
    { text: 'My chain slipped. I lost ten seconds', name: 'Maya Chen' },
  ])

quotes('"Q:" and "A:" labels after an introduction naming the interviewee',
  'Maya Chen spoke to the Gazette after the race.\n\nQ: Will you ride again?\n\nA: Next year, if my knee holds.', [
    { text: 'Will you ride again', name: null },
    { text: 'Next year, if my knee holds', name: 'Maya Chen' },
  ])

quotes('an introduction naming two people gives the answers to neither',
  'Maya Chen and Tom Ray spoke to the Gazette.\n\nQ: Will you ride again?\n\nA: Next year.', [
    { text: 'Will you ride again', name: null },
    { text: 'Next year', name: null },
  ])

quotes('a paragraph opening with an initial is no answer when no question is labelled',
  'A. J. Hale said the ferry would run.\n\nA. J. Hale said the pool would close.', [
    { text: 'the ferry would run', mention: 'A. J. Hale' },
    { text: 'the pool would close', mention: 'A. J. Hale' },
  ])

// --- Run-together sentences --------------------------------------------------------------------------------------

// --- Transcripts ------------------------------------------------------------------------------------------------

quotes('"Q." and "A." with a dot: the answers are the interviewee’s named in the introduction',
  'Maya Chen spoke to the Gazette after the race.\n\nQ. What went wrong at the start?\n\nA. My chain slipped. I lost ten seconds.', [
    { text: 'What went wrong at the start', name: null },
    { text: 'My chain slipped. I lost ten seconds', name: 'Maya Chen' },
  ])

quotes('"Q:" and "A:" labels after an introduction naming the interviewee',
  'Maya Chen spoke to the Gazette after the race.\n\nQ: Will you ride again?\n\nA: Next year, if my knee holds.', [
    { text: 'Will you ride again', name: null },
    { text: 'Next year, if my knee holds', name: 'Maya Chen' },
  ])

quotes('an introduction naming two people gives the answers to neither',
  'Maya Chen and Tom Ray spoke to the Gazette.\n\nQ: Will you ride again?\n\nA: Next year.', [
    { text: 'Will you ride again', name: null },
    { text: 'Next year', name: null },
  ])

quotes('a paragraph opening with an initial is no answer when no question is labelled',
  'A. J. Hale said the ferry would run.\n\nA. J. Hale said the pool would close.', [
    { text: 'the ferry would run', mention: 'A. J. Hale' },
    { text: 'the pool would close', mention: 'A. J. Hale' },
  ])

// --- Run-together sentences --------------------------------------------------------------------------------------

quotes('a missing space after a full stop between a word and a capitalised one splits the sentence',
  '“We will win this,” he said.Ann Hale added that the polls were wrong.', [
    { text: 'We will win this,', type: 'direct' },
    { text: 'that the polls were wrong', name: 'Ann Hale', type: 'indirect' },
  ])

quotes('a full stop inside a name or a number joins its parts ("example.com", "3.5")',
  'Ann Hale said example.com had lost 3.5 per cent of its readers.', [
    { text: 'example.com had lost 3.5 per cent of its readers', name: 'Ann Hale', type: 'indirect' },
  ])

// --- Datelines, bios and file credits ----------------------------------------------------------------------------

quotes('"OTTAWA (CP) — " is no part of the first sentence’s subject or content',
  'OTTAWA (CP) — Finance Minister Ann Hale says the deficit will shrink next year.', [
    { text: 'the deficit will shrink next year', name: 'Ann Hale', type: 'indirect' },
  ])

quotes('"LONDON, Ont. — " and an agency dash "WASHINGTON (Reuters) -"',
  'LONDON, Ont. — Police said a man was arrested.\n\nWASHINGTON (Reuters) - The White House said the talks would resume.', [
    { text: 'a man was arrested', mention: 'Police', type: 'indirect' },
    { text: 'the talks would resume', mention: 'The White House', type: 'indirect' },
  ])

quotes('a dateline with state and agency is no part of the reported clause after it, and its agency names no one',
  'PORT ELLIS, Ont. (Harbour Wire) — The ferry will run all winter, the harbour master said Tuesday.', [
    { text: 'The ferry will run all winter', mention: 'the harbour master', name: null, type: 'indirect' },
  ])

quotes('the agency of a dateline is no person a later role could be',
  'Ferry halted\n\nPORT ELLIS, Ont. (Meridian Wire) — The ferry will not run for a week, the town’s fire chief said Wednesday.\n\nIce was thin near the pier, Ann Hale said at a briefing.', [
    { text: 'The ferry will not run for a week', mention: 'the town’s fire chief', name: 'Ann Hale', type: 'indirect' },
    { text: 'Ice was thin near the pier', name: 'Ann Hale', type: 'indirect' },
  ])

quotes('nor a bare dateline before a clause reported after it',
  'OTTAWA — The deficit will shrink next year, Finance Minister Ann Hale said.', [
    { text: 'The deficit will shrink next year', name: 'Ann Hale', type: 'indirect' },
  ])

quotes('an author bio and "With files from …" are no quotes',
  'Ann Hale said the ferry would run all winter.\n\nJane Doe is a reporter for the Harbour Gazette.\n\nWith files from The Canadian Press', [
    { text: 'the ferry would run all winter', name: 'Ann Hale', type: 'indirect' },
  ])

quotes('"— With a file from …" ends the indirect content before it',
  'Ann Hale said the ferry would run all winter. — With a file from Reuters', [
    { text: 'the ferry would run all winter', name: 'Ann Hale', type: 'indirect' },
  ])

// --- Headlines ----------------------------------------------------------------------------------------------------

quotes('a title-case headline without a full stop is no quote',
  'Ferry Will Run All Winter, Harbour Board Says\n\nThe harbour board said on Monday that the ferry would run all winter.', [
    { text: 'that the ferry would run all winter', type: 'indirect' },
  ])

quotes('a sentence-case headline without a full stop reports no one’s words',
  'Harbour board says ferry will run all winter; fares rise\n\nThe harbour board said on Monday that the ferry would run all winter.', [
    { text: 'that the ferry would run all winter', type: 'indirect' },
  ])

quotes('a first line that ends as a sentence does is no headline',
  'The harbour board said the ferry would run all winter.\n\nFares will rise in May.', [
    { text: 'the ferry would run all winter', type: 'indirect' },
  ])

// --- Apostrophes that open no quotation ------------------------------------------------------------------------

quotes('decade apostrophes open no single-quoted quotation',
  'The mill had 400 workers in the ’90s and 200 in the \'80s, Ann Hale said. ‘It was a different town,’ she said.', [
    { text: 'The mill had 400 workers in the ’90s and 200 in the \'80s', name: 'Ann Hale', type: 'indirect' },
    { text: 'It was a different town,', name: 'Ann Hale', type: 'direct' },
  ])

quotes('elisions (’em, ’til, rock ’n’ roll) open no quotation',
  'The band played rock ’n’ roll ’til dawn and the crowd loved ’em, Tom Ray said. ‘Best night in years,’ he said.', [
    { text: 'The band played rock ’n’ roll ’til dawn and the crowd loved ’em', name: 'Tom Ray', type: 'indirect' },
    { text: 'Best night in years,', name: 'Tom Ray', type: 'direct' },
  ])

// --- Not quotes ----------------------------------------------------------------------------------------------------

// --- Not quotes ----------------------------------------------------------------------------------------------------

quotes('approval, a market move and a scene are no quotes',
  'The union welcomed the decision. Prices rose 0.3 per cent in May. As news of the allegations began to surface, the board met.', [])
