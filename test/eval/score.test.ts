import t from 'tap'
import { score } from '../../src/eval/score.js'
import type { GoldRecord, PredictionRecord } from '../../src/eval/types.js'
import { FILLER, at, goldQuote, goldRecord, predQuote } from './fixtures/records.js'

const TEXT = FILLER + FILLER + FILLER // 300 characters: offsets are all that matters here

function scoreOne (gold: GoldRecord, quotes: PredictionRecord['quotes']) {
  return score([gold], [{ id: gold.id, quotes }])
}

t.test('a prediction matches when the overlap covers at least half of the longer span', async (t) => {
  const gold = goldRecord('d', TEXT, [goldQuote([100, 120])])
  const half = scoreOne(gold, [predQuote([110, 130])]).scores // 10 shared of 20
  t.same(half.quote, { tp: 1, fp: 0, fn: 0, precision: 1, recall: 1, f1: 1 })
  const under = scoreOne(gold, [predQuote([111, 131])]).scores // 9 shared of 20
  t.same(under.quote, { tp: 0, fp: 1, fn: 1, precision: 0, recall: 0, f1: 0 })
  t.equal(under.quote_any_overlap_recall, 1, 'an overlap below half still counts for any-overlap recall')
  const longPrediction = scoreOne(gold, [predQuote([100, 141])]).scores // 20 shared of 41
  t.equal(longPrediction.quote.tp, 0, 'half of the longer span, not of the gold one')
})

t.test('matching is one-to-one, best overlap first', async (t) => {
  const gold = goldRecord('d', TEXT, [goldQuote([0, 40]), goldQuote([40, 60])])
  // p0 covers gold 1 wholly (ratio 1) and gold 0 not at all; p1 overlaps gold 0 by 30/40
  const result = scoreOne(gold, [predQuote([40, 60]), predQuote([10, 40])])
  t.equal(result.scores.quote.tp, 2)
  t.same(result.documents[0]!.gold.map((g) => g.prediction), [1, 0])

  // one prediction over two gold quotes goes to the one it overlaps more
  const wide = scoreOne(gold, [predQuote([5, 60])]) // gold 0: 35/55, gold 1: 20/55
  t.same(wide.documents[0]!.gold.map((g) => g.prediction), [0, null])
  t.same(wide.scores.quote, { tp: 1, fp: 0, fn: 1, precision: 1, recall: 0.5, f1: 0.667 })

  // two predictions over one gold quote: the better one is credited, the other is a false positive unless a piece
  const twice = scoreOne(goldRecord('d', TEXT, [goldQuote([0, 40])]), [predQuote([0, 30]), predQuote([0, 40])])
  t.same(twice.documents[0]!.gold[0]!.prediction, 1)
  t.same(twice.documents[0]!.unmatched, [{ prediction: 0, status: 'piece_of_matched' }])
  t.equal(twice.scores.quote.fp, 0)
})

t.test('fragments: a quote interrupted by its attribution is measured by its pieces', async (t) => {
  const fragments: Array<[number, number]> = [[0, 10], [40, 50]]
  const gold = goldRecord('d', TEXT, [goldQuote([0, 50], { content_fragments: fragments })])
  t.equal(scoreOne(gold, [predQuote([0, 50])]).scores.quote.tp, 0, 'the whole stretch is 50 long, the quote 20')
  t.equal(scoreOne(gold, [predQuote([0, 50], { fragments })]).scores.quote.tp, 1)
  const plainGold = goldRecord('d', TEXT, [goldQuote([0, 50])])
  t.equal(scoreOne(plainGold, [predQuote([0, 50], { fragments })]).scores.quote.tp, 0, 'predicted fragments count too')
})

t.test('exact bounds ignore quotation marks, punctuation and spaces at either end', async (t) => {
  const text = 'Ann Lee said: “We will build the bridge, and soon.” Then she left.'
  const content = at(text, 'We will build the bridge, and soon')
  const gold = goldRecord('d', text, [goldQuote(content)])
  const withMarks = at(text, '“We will build the bridge, and soon.” ')
  t.equal(scoreOne(gold, [predQuote(withMarks)]).scores.quote_exact.tp, 1)
  t.equal(scoreOne(gold, [predQuote([content[0], content[1] - 1])]).scores.quote_exact.tp, 0, 'one letter short')
  const r = scoreOne(gold, [predQuote([content[0] + 3, content[1]])])
  t.equal(r.scores.quote.tp, 1)
  t.equal(r.scores.quote_exact.tp, 0, 'a word short at the start')
  t.same(r.scores.quote_exact, { tp: 0, precision: 0, recall: 0, f1: 0 })
  t.equal(r.documents[0]!.gold[0]!.exact, false)
})

t.test('optional gold quotes are neither credited nor penalised', async (t) => {
  const gold = goldRecord('d', TEXT, [goldQuote([0, 40]), goldQuote([100, 140], { optional: true, type: 'indirect' })])
  const onOptional = scoreOne(gold, [predQuote([0, 40]), predQuote([100, 140])]).scores
  t.same(onOptional.quote, { tp: 1, fp: 0, fn: 0, precision: 1, recall: 1, f1: 1 })
  t.same(onOptional.recall_by_type, { direct: '1/1', indirect: '0/0' })
  const touchingOptional = scoreOne(gold, [predQuote([0, 40]), predQuote([130, 200])]).scores
  t.equal(touchingOptional.quote.fp, 0, 'lying over an optional quote at all is enough')
  const missed = scoreOne(gold, []).scores
  t.equal(missed.quote.fn, 1, 'an unfound optional quote is not a miss')
})

t.test('a prediction mostly (80%) inside a matched gold quote is a piece of it, not a false positive', async (t) => {
  const gold = goldRecord('d', TEXT, [goldQuote([0, 100])])
  const piece = scoreOne(gold, [predQuote([0, 100]), predQuote([90, 100])]) // wholly inside
  t.equal(piece.scores.quote.fp, 0)
  const straddling = scoreOne(gold, [predQuote([0, 100]), predQuote([92, 102])]) // 8 of 10 inside
  t.equal(straddling.scores.quote.fp, 0)
  const outside = scoreOne(gold, [predQuote([0, 100]), predQuote([93, 103])]) // 7 of 10 inside
  t.equal(outside.scores.quote.fp, 1)
  t.same(outside.documents[0]!.unmatched, [{ prediction: 1, status: 'false_positive' }])
  const unmatchedGold = scoreOne(goldRecord('d', TEXT, [goldQuote([0, 100]), goldQuote([200, 220])]), [predQuote([205, 210])])
  t.equal(unmatchedGold.scores.quote.fp, 1, 'inside an unmatched gold quote is still a false positive')
})

t.test('speaker: mention offsets overlap, or the name agrees with the mention as written', async (t) => {
  const text = 'Mr. Jones said the plan was dead. He added that nobody would pay for it.'
  const mention = at(text, 'He')
  const gold = goldRecord('d', text, [goldQuote(at(text, 'nobody would pay for it'), { speaker: 'He', speaker_start: mention[0], speaker_end: mention[1], type: 'indirect' })])
  const quote = at(text, 'nobody would pay for it')
  const right = scoreOne(gold, [predQuote(quote, { speaker: { name: 'Bob Jones', mention: 'He', start: mention[0], end: mention[1] } })])
  t.equal(right.scores.speaker_accuracy, 1, 'the mention points at the annotated pronoun')
  t.equal(right.documents[0]!.gold[0]!.speaker_right, true)
  const elsewhere = scoreOne(gold, [predQuote(quote, { speaker: { name: 'he', mention: 'Mr. Jones', start: 0, end: 9 } })])
  t.equal(elsewhere.scores.speaker_accuracy, 0, 'a pronoun name never agrees, even with a pronoun')
  t.same(elsewhere.scores.end_to_end, { tp: 0, precision: 0, recall: 0, f1: 0 })
  const none = scoreOne(gold, [predQuote(quote)])
  t.equal(none.documents[0]!.gold[0]!.speaker_right, false)

  const named = goldRecord('d', text, [goldQuote(at(text, 'the plan was dead'), { speaker: 'Mr. Jones', speaker_start: 0, speaker_end: 9 })])
  const byName = scoreOne(named, [predQuote(at(text, 'the plan was dead'), { speaker: { name: 'Bob Jones', start: 60, end: 63 } })])
  t.equal(byName.scores.speaker_accuracy, 1, 'word sets: "Bob Jones" contains "Jones" once "Mr." is ignored')
})

t.test('a gold quote without a speaker is not judged for the speaker but counts end to end', async (t) => {
  const gold = goldRecord('d', TEXT, [goldQuote([0, 40]), goldQuote([50, 90], { speaker: 'Kim', speaker_start: 95, speaker_end: 98 })])
  const r = scoreOne(gold, [predQuote([0, 40]), predQuote([50, 90], { speaker: { name: 'Lee' } })]).scores
  t.equal(r.speaker_accuracy, 0, 'one judged, wrong')
  t.equal(r.end_to_end.tp, 1)
  t.equal(r.documents, 1)
})

t.test('resolved-name gold (speaker_mention present): the predicted name must agree with the name', async (t) => {
  const text = 'Dana Ortiz, the mayor, spoke. “Taxes will fall,” she said. Officials said the vote was close.'
  const she = at(text, 'she')
  const quote = at(text, 'Taxes will fall')
  const record = goldRecord('d', text, [
    goldQuote(quote, { speaker: 'Dana Ortiz', speaker_mention: 'she', speaker_start: she[0], speaker_end: she[1] }),
  ], { speakers: [{ name: 'Dana Ortiz', aliases: ['Dana Ortiz', 'Ortiz', 'the mayor'] }] })
  const judge = (name: string | null, start = she[0], end = she[1]) =>
    scoreOne(record, [predQuote(quote, { speaker: { name, mention: 'she', start, end } })]).scores.speaker_accuracy
  t.equal(judge('she'), 0, 'pointing at the pronoun is not enough when the gold names the person')
  t.equal(judge('Ms. Ortiz'), 1)
  t.equal(judge('the Mayor', 0, 4), 1, 'an alias from the speakers list')
  t.equal(judge('Ortiz’s'), 1, 'possessive dropped')
  t.equal(judge('Dana Smith'), 0)

  const officials = at(text, 'Officials')
  const unnamed = goldRecord('d', text, [goldQuote(at(text, 'the vote was close'), {
    speaker: null, speaker_mention: 'Officials', speaker_start: officials[0], speaker_end: officials[1], type: 'indirect',
  })])
  const pointed = scoreOne(unnamed, [predQuote(at(text, 'the vote was close'), { speaker: { name: null, mention: 'Officials', start: officials[0], end: officials[1] } })])
  t.equal(pointed.scores.speaker_accuracy, 1, 'an unnamed gold speaker is judged by the mention')
})

t.test('pronoun resolution: the prediction over the quote must name the referent', async (t) => {
  const gold = [goldRecord('a', TEXT, []), goldRecord('b', TEXT, [])]
  const items = [
    { id: 'a', content_start: 0, content_end: 40, speaker_start: 45, speaker_end: 47, referent: 'Rosa Diaz', named: true },
    { id: 'a', content_start: 100, content_end: 140, referent: 'Rosa Diaz', named: true },
    { id: 'b', content_start: 0, content_end: 40, referent: 'Tom Wu', named: true },
    { id: 'b', content_start: 100, content_end: 140, referent: 'the protesters', named: false },
  ]
  const predictions: PredictionRecord[] = [
    { id: 'a', quotes: [predQuote([0, 40], { speaker: { name: 'Diaz' } }), predQuote([100, 119], { speaker: { name: 'Rosa Diaz' } })] },
    { id: 'b', quotes: [predQuote([5, 40], { speaker: { name: 'he', start: 45, end: 47 } }), predQuote([100, 140], { speaker: { name: 'protesters' } })] },
  ]
  const r = score(gold, predictions, items)
  t.same(r.scores.pronoun_resolution, { items: 3, quotes_found: 2, accuracy_on_found: 0.5, accuracy: 0.333 })
  t.same(r.pronouns!.map((p) => p.right), [true, false, false])
  t.equal(r.pronouns![1]!.prediction, null, 'a prediction covering less than half is not the quote')
  t.notOk('pronoun_resolution' in score(gold, predictions).scores, 'absent without resolve records')
})

t.test('documents without predictions and invalid predicted spans', async (t) => {
  const gold = [goldRecord('a', TEXT, [goldQuote([0, 40])]), goldRecord('b', TEXT, [goldQuote([0, 40], { type: 'mixed' })])]
  const r = score(gold, [{ id: 'a', quotes: [predQuote([0, 40]), predQuote([60, 50]), predQuote([70, 70])] }, { id: 'zzz', quotes: [predQuote([0, 9])] }])
  t.equal(r.scores.missing_documents, 1)
  t.same(r.scores.quote, { tp: 1, fp: 0, fn: 1, precision: 1, recall: 0.5, f1: 0.667 })
  t.same(r.scores.recall_by_type, { direct: '1/1', mixed: '0/1' })
  t.equal(r.documents[0]!.predictions.length, 1, 'empty and reversed spans are not scored')
  t.equal(r.documents[1]!.predicted, false)
  t.same(score(gold, [{ id: 1 as unknown as string, quotes: [] }]).scores.missing_documents, 2)
})

t.test('numeric ids match predictions by their string form', async (t) => {
  const r = score([goldRecord('7', TEXT, [goldQuote([0, 40])])], [{ id: 7, quotes: [predQuote([0, 40])] }])
  t.equal(r.scores.quote.tp, 1)
})
