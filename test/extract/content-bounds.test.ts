// Where what was said begins and ends (issue 12): the words around a verb of saying that belong to the speaker and
// those that are the writer's. Every sentence here is invented for the test.
import { quotes } from '../helpers/quote-cases.js'

quotes('a clause before an inserted attribution is the first part of a quotation it opens ("If …, Hale said, “…”")',
  'If the levy passes, Margaret Hale said, “the pool reopens in June.”', [
    { text: 'If the levy passes', name: 'Margaret Hale', type: 'mixed' },
  ])

quotes('a linking word or phrase before an inserted attribution is the speaker\'s ("Instead,", "In other words,")',
  'The pool opened late this year. Instead, Margaret Hale said, “we will stay open until October.” ' +
  'In other words, she added, “nobody loses a week of swimming.”', [
    { text: 'Instead', name: 'Margaret Hale', type: 'mixed' },
    { text: 'In other words', name: 'Margaret Hale', type: 'mixed' },
  ])

quotes('a front that sets the scene of a quotation is the writer\'s ("In a statement …", "As the crowd jeered, …")',
  'In a statement on Monday, Margaret Hale said, “The pool reopens in June.” ' +
  'As the crowd jeered, Hale said, “Please let the speakers finish.”', [
    { text: 'The pool reopens in June.', name: 'Margaret Hale', type: 'direct' },
    { text: 'Please let the speakers finish.', name: 'Margaret Hale', type: 'direct' },
  ])

quotes('the clause before a participle of saying is the writer\'s ("Hale thanked the volunteers, saying, “…”")',
  'Margaret Hale thanked the volunteers, saying, “You kept the pool alive.”', [
    { text: 'You kept the pool alive.', name: 'Margaret Hale', type: 'direct' },
  ])

quotes('a lead-in that ends in a colon is not part of the front',
  'The council took the vote at noon: If the levy passes, Margaret Hale said, “the pool reopens in June.”', [
    { text: 'If the levy passes', name: 'Margaret Hale', type: 'mixed' },
  ])

quotes('what was said is the object of the verb\'s preposition ("warned of", "argued against", "remarked upon")',
  'Margaret Hale warned of a long winter for the pool. Tom Reyes argued against closing it. Ana Ruiz remarked upon the cost of the repairs.', [
    { text: 'a long winter for the pool', name: 'Margaret Hale', type: 'indirect' },
    { text: 'closing it', name: 'Tom Reyes', type: 'indirect' },
    { text: 'the cost of the repairs', name: 'Ana Ruiz', type: 'indirect' },
  ])

quotes('a phrase of what or how long between the verb and a "that" is the writer\'s ("said of the plan that", "said for weeks")',
  'Margaret Hale said of the plan that it was too slow. Tom Reyes has said for weeks the pool is safe.', [
    { text: 'that it was too slow', name: 'Margaret Hale', type: 'indirect' },
    { text: 'the pool is safe', name: 'Tom Reyes', type: 'indirect' },
  ])

quotes('the addressee of a request stays in what was asked ("urged voters to …", "accused Reyes of …")',
  'Margaret Hale urged voters to reject the levy. She accused Tom Reyes of hiding the costs.', [
    { text: 'voters to reject the levy', name: 'Margaret Hale', type: 'indirect' },
    { text: 'Tom Reyes of hiding the costs', name: 'Margaret Hale', type: 'indirect' },
  ])

quotes('a gloss after a comma at the end of what was said is the writer\'s (", also known as …", ", double the number …")',
  'Margaret Hale said the council would tackle the Northern Relief Road, also known as the bypass. ' +
  'Tom Reyes said 40 percent of tenants backed the plan, double the number who did last year.', [
    { text: 'the council would tackle the Northern Relief Road', name: 'Margaret Hale', type: 'indirect' },
    { text: '40 percent of tenants backed the plan', name: 'Tom Reyes', type: 'indirect' },
  ])

quotes('a front before an inserted attribution stays with what was said ("Beyond that, he said, …", "In his state, Hale said, …")',
  'Beyond that, Margaret Hale said, the council may be following a lead. In his state, Tom Reyes said, the programs cut crime.', [
    { text: 'Beyond that', name: 'Margaret Hale', type: 'indirect' },
    { text: 'In his state', name: 'Tom Reyes', type: 'indirect' },
  ])

quotes('a subject opened by "these" or "former" still ends the clause before it ("…, these people said.")',
  'The plan would fail, these people said. Many days, former employees said, the manager stayed past midnight.', [
    { text: 'The plan would fail', name: null, type: 'indirect' },
    { text: 'Many days', name: null, type: 'indirect' },
  ])

quotes('the addressee inside an inserted attribution ("Instead, Hale told the Echo, …")',
  'Instead, Margaret Hale told the Echo, the pool would open in May.', [
    { text: 'Instead', name: 'Margaret Hale', type: 'indirect' },
  ])

quotes('a verb of saying after an article and an adjective is a noun ("delivered a snappy retort: “…”"), and the speaker is the sentence\'s subject',
  'Margaret Hale delivered a snappy retort: “No one is closing this pool.” Nearly a third say they do not know. The spokesman tweets that it is fine.', [
    { text: 'No one is closing this pool.', name: 'Margaret Hale', type: 'direct' },
    { text: 'they do not know', name: null, type: 'indirect' },
    { text: 'that it is fine', name: null, mention: 'The spokesman', type: 'indirect' },
  ])

quotes('after a quotation that closes, a concession, an example or a dash aside is the writer\'s comment',
  'Margaret Hale said the bypass was “a terrible mistake,” although she still drives on it. ' +
  'Tom Reyes said the tenants would “fight it to the end” -- all without naming the landlord. ' +
  'Ana Ruiz posted two words - “So sad” - with a link to the report.', [
    { text: 'the bypass was “a terrible mistake,”', name: 'Margaret Hale', type: 'mixed' },
    { text: 'the tenants would “fight it to the end”', name: 'Tom Reyes', type: 'mixed' },
    { text: 'two words - “So sad” - with a link to the report', name: 'Ana Ruiz', type: 'mixed' },
  ])

quotes('a day\'s possessive or a bare "this" after the verb opens what was said ("said Monday\'s ruling …", "told reporters this was …")',
  'Margaret Hale said Monday\'s ruling would change the race. Tom Reyes told reporters this was the last chance. Ana Ruiz said this week that the pool would open.', [
    { text: 'Monday\'s ruling would change the race', name: 'Margaret Hale', type: 'indirect' },
    { text: 'this was the last chance', name: 'Tom Reyes', type: 'indirect' },
    { text: 'that the pool would open', name: 'Ana Ruiz', type: 'indirect' },
  ])

quotes('an interrupted quote does not take in the next speaker\'s words ("…," Ebeling said, and her husband cut in. "…")',
  '“We were happy there,” Rosa Ebeling said, and her husband cut in. “We still are.”', [
    { text: 'We were happy there,', name: 'Rosa Ebeling', type: 'direct' },
    { text: 'We still are.', mention: 'her husband', type: 'direct' },
  ])
