// The quote attribution scores of the corpus README, computed from parsed records (no I/O).
// Agrees with the reference scorer /work/shared/eval/score.mjs; also returns per-document details for error analysis.
import { nameAgrees } from './names.js'
import { goldSpans, overlap, overlapRatio, predictionSpans, sameTrimmedBounds, spansOverlap, spansSize } from './spans.js'
import type {
  CountScores, DocumentDetails, GoldQuote, GoldQuoteOutcome, GoldRecord, PredictedQuote, PredictionRecord,
  PronounOutcome, PronounScores, ResolveRecord, ScoreResult, Scores, UnmatchedPrediction,
} from './types.js'

const MATCH_RATIO = 0.5
const PIECE_RATIO = 0.8

interface Tally {
  tp: number
  fp: number
  fn: number
  exactTp: number
  anyOverlapTp: number
  speakerJudged: number
  speakerRight: number
  endToEndTp: number
  missingDocuments: number
  /** Per gold type: [found, gold], in order of first appearance. */
  byType: Map<string, { found: number, gold: number }>
}

interface Match { gold: number, prediction: number, ratio: number }

export function score (
  gold: readonly GoldRecord[],
  predictions: readonly PredictionRecord[],
  resolve?: readonly ResolveRecord[],
): ScoreResult {
  const byId = predictionsById(predictions)
  const tally: Tally = {
    tp: 0, fp: 0, fn: 0, exactTp: 0, anyOverlapTp: 0, speakerJudged: 0, speakerRight: 0, endToEndTp: 0,
    missingDocuments: 0, byType: new Map(),
  }
  const documents = gold.map((record) => scoreDocument(record, byId.get(String(record.id)), tally))
  const pronouns = resolve ? resolvePronouns(resolve, byId) : undefined
  return { scores: summarise(gold.length, tally, pronouns), documents, ...(pronouns ? { pronouns } : {}) }
}

/** The last record wins when an id repeats. */
function predictionsById (predictions: readonly PredictionRecord[]): Map<string, PredictionRecord> {
  return new Map(predictions.map((r) => [String(r.id), r]))
}

function isScorable (q: PredictedQuote): boolean {
  return Number.isInteger(q.start) && Number.isInteger(q.end) && q.end > q.start
}

function scoreDocument (record: GoldRecord, predicted: PredictionRecord | undefined, tally: Tally): DocumentDetails {
  if (!predicted) tally.missingDocuments++
  const predictions = (predicted?.quotes ?? []).filter(isScorable)
  const candidates = overlappingPairs(record.quotes, predictions)
  const matchOf = matchOneToOne(candidates)
  const goldOutcomes = record.quotes.map((quote, gi) =>
    judgeGoldQuote(record, quote, gi, predictions, matchOf, candidates, tally))
  const unmatched = classifyUnmatched(record.quotes, predictions, matchOf)
  tally.fp += unmatched.filter((u) => u.status === 'false_positive').length
  return { id: String(record.id), predicted: predicted !== undefined, predictions, gold: goldOutcomes, unmatched }
}

/** Every (gold, prediction) pair sharing characters, best overlap first; ties keep gold-then-prediction order. */
function overlappingPairs (gold: readonly GoldQuote[], predictions: readonly PredictedQuote[]): Match[] {
  const pairs: Match[] = []
  gold.forEach((g, gi) => {
    const gs = goldSpans(g)
    predictions.forEach((p, pi) => {
      const ps = predictionSpans(p)
      if (spansOverlap(gs, ps) > 0) pairs.push({ gold: gi, prediction: pi, ratio: overlapRatio(gs, ps) })
    })
  })
  return pairs.sort((a, b) => b.ratio - a.ratio)
}

/** Greedy one-to-one matching over pairs sorted best first: gold index → prediction index. */
function matchOneToOne (pairs: readonly Match[]): Map<number, Match> {
  const matchOf = new Map<number, Match>()
  const usedPredictions = new Set<number>()
  for (const pair of pairs) {
    if (pair.ratio < MATCH_RATIO || matchOf.has(pair.gold) || usedPredictions.has(pair.prediction)) continue
    matchOf.set(pair.gold, pair)
    usedPredictions.add(pair.prediction)
  }
  return matchOf
}

function judgeGoldQuote (
  record: GoldRecord, quote: GoldQuote, gi: number, predictions: readonly PredictedQuote[],
  matchOf: ReadonlyMap<number, Match>, candidates: readonly Match[], tally: Tally,
): GoldQuoteOutcome {
  const optional = quote.optional === true
  const type = countGoldType(tally, quote)
  const match = matchOf.get(gi)
  const outcome: GoldQuoteOutcome = {
    gold: gi, optional, prediction: null, overlap: 0, nearest: null, exact: false, speaker_right: null,
  }
  if (!match) {
    // pairs are sorted best first, so the first pair for this quote is its nearest prediction
    const nearest = candidates.find((c) => c.gold === gi)
    if (nearest) { outcome.nearest = nearest.prediction; outcome.overlap = nearest.ratio }
    if (!optional) {
      tally.fn++
      if (nearest) tally.anyOverlapTp++
    }
    return outcome
  }
  outcome.prediction = match.prediction
  outcome.overlap = match.ratio
  if (optional) return outcome
  const prediction = predictions[match.prediction]!
  tally.tp++
  tally.anyOverlapTp++
  type.found++
  outcome.exact = sameTrimmedBounds(record.text, goldSpans(quote), predictionSpans(prediction))
  if (outcome.exact) tally.exactTp++
  if (hasGoldSpeaker(quote)) {
    outcome.speaker_right = speakerRight(record, quote, prediction)
    tally.speakerJudged++
    if (outcome.speaker_right) tally.speakerRight++
  }
  // a quote without an annotated speaker counts end to end once found
  if (outcome.speaker_right !== false) tally.endToEndTp++
  return outcome
}

function countGoldType (tally: Tally, quote: GoldQuote): { found: number, gold: number } {
  const key = quote.type || 'unknown'
  let entry = tally.byType.get(key)
  if (!entry) { entry = { found: 0, gold: 0 }; tally.byType.set(key, entry) }
  if (quote.optional !== true) entry.gold++
  return entry
}

function hasGoldSpeaker (quote: GoldQuote): boolean {
  return Boolean(quote.speaker) || Number.isInteger(quote.speaker_start)
}

/**
 * With a resolved gold name (a `speaker_mention` beside `speaker`), the predicted name must agree with it.
 * With only the mention as written, overlapping mention offsets also count: the corpus does not say who "he" is.
 */
function speakerRight (record: GoldRecord, quote: GoldQuote, prediction: PredictedQuote): boolean {
  const speaker = prediction.speaker ?? {}
  const names = goldNames(record, quote)
  const resolved = 'speaker_mention' in quote && Boolean(quote.speaker)
  if (resolved) return nameAgrees(speaker.name, names)
  return mentionsOverlap(speaker.start, speaker.end, quote.speaker_start, quote.speaker_end) ||
    nameAgrees(speaker.name, names)
}

function mentionsOverlap (
  p0: number | null | undefined, p1: number | null | undefined, g0: number | null | undefined, g1: number | null | undefined,
): boolean {
  if (!Number.isInteger(p0) || !Number.isInteger(g0) || typeof p1 !== 'number' || typeof g1 !== 'number') return false
  return overlap(p0!, p1, g0!, g1) > 0
}

/**
 * The gold speaker's name and mention, widened by the record's speaker list: a listed speaker whose name or alias
 * is already among them adds all its names (and may thereby pull in a later listed speaker, as the reference does).
 */
function goldNames (record: GoldRecord, quote: GoldQuote): string[] {
  const names = [quote.speaker, quote.speaker_mention].filter((n): n is string => Boolean(n))
  for (const s of record.speakers ?? []) {
    const aliases = s.aliases ?? []
    if (names.includes(s.name) || aliases.some((a) => names.includes(a))) names.push(s.name, ...aliases)
  }
  return names
}

/** Unmatched predictions over an optional gold quote, or mostly inside a matched one, are not held against the system. */
function classifyUnmatched (
  gold: readonly GoldQuote[], predictions: readonly PredictedQuote[], matchOf: ReadonlyMap<number, Match>,
): UnmatchedPrediction[] {
  const matchedPredictions = new Set([...matchOf.values()].map((m) => m.prediction))
  const unmatched: UnmatchedPrediction[] = []
  predictions.forEach((p, pi) => {
    if (matchedPredictions.has(pi)) return
    const ps = predictionSpans(p)
    const psize = spansSize(ps) || 1
    const onOptional = gold.some((g) => g.optional === true && spansOverlap(goldSpans(g), ps) > 0)
    // the outer content span, not the fragments: a piece may sit over the attribution between two fragments
    const pieceOfMatched = gold.some((g, gi) =>
      matchOf.has(gi) && spansOverlap([[g.content_start, g.content_end]], ps) / psize >= PIECE_RATIO)
    const status = onOptional ? 'on_optional' : pieceOfMatched ? 'piece_of_matched' : 'false_positive'
    unmatched.push({ prediction: pi, status })
  })
  return unmatched
}

/** For each named pronoun item: the prediction best covering its content (at least half) must name the referent. */
function resolvePronouns (items: readonly ResolveRecord[], byId: ReadonlyMap<string, PredictionRecord>): PronounOutcome[] {
  return items.filter((item) => Boolean(item.referent) && item.named !== false).map((item) => {
    // all of the document's predictions, as the reference does (not only the scorable ones)
    const prediction = bestCovering(item, byId.get(String(item.id))?.quotes ?? [])
    const right = prediction !== null && nameAgrees(prediction.speaker?.name, [item.referent!])
    return { item, prediction, right }
  })
}

function bestCovering (item: ResolveRecord, predictions: readonly PredictedQuote[]): PredictedQuote | null {
  const content: [number, number][] = [[item.content_start, item.content_end]]
  let best: PredictedQuote | null = null
  let bestRatio = 0
  for (const p of predictions) {
    const ps = predictionSpans(p)
    const ratio = spansOverlap(content, ps) / Math.max(spansSize(content), spansSize(ps) || 1)
    if (ratio > bestRatio) { bestRatio = ratio; best = p }
  }
  return bestRatio >= MATCH_RATIO ? best : null
}

const round3 = (x: number): number => Math.round(x * 1000) / 1000
const ratio = (part: number, whole: number): number => part / (whole || 1)
const f1 = (tp: number, fp: number, fn: number): number => (tp ? (2 * tp) / (2 * tp + fp + fn) : 0)

/** Precision and recall of `hits` among the system's answers and the gold quotes; misses count as both FP and FN. */
function countScores (hits: number, tally: Tally): CountScores {
  const { tp, fp, fn } = tally
  return {
    tp: hits,
    precision: round3(ratio(hits, tp + fp)),
    recall: round3(ratio(hits, tp + fn)),
    f1: round3(f1(hits, fp + tp - hits, fn + tp - hits)),
  }
}

function summarisePronouns (outcomes: readonly PronounOutcome[]): PronounScores {
  const found = outcomes.filter((o) => o.prediction !== null).length
  const right = outcomes.filter((o) => o.right).length
  return {
    items: outcomes.length,
    quotes_found: found,
    accuracy_on_found: round3(found ? right / found : 0),
    accuracy: round3(outcomes.length ? right / outcomes.length : 0),
  }
}

function summarise (documents: number, tally: Tally, pronouns: readonly PronounOutcome[] | undefined): Scores {
  const { tp, fp, fn } = tally
  return {
    documents,
    missing_documents: tally.missingDocuments,
    quote: { tp, fp, fn, precision: round3(ratio(tp, tp + fp)), recall: round3(ratio(tp, tp + fn)), f1: round3(f1(tp, fp, fn)) },
    quote_exact: countScores(tally.exactTp, tally),
    quote_any_overlap_recall: round3(ratio(tally.anyOverlapTp, tp + fn)),
    speaker_accuracy: round3(tally.speakerJudged ? tally.speakerRight / tally.speakerJudged : 0),
    end_to_end: countScores(tally.endToEndTp, tally),
    ...(pronouns ? { pronoun_resolution: summarisePronouns(pronouns) } : {}),
    recall_by_type: Object.fromEntries([...tally.byType].map(([type, v]) => [type, `${v.found}/${v.gold}`])),
  }
}
