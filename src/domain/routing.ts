/**
 * Screening → recommendation. Every matching routing row is a reason; the highest step wins;
 * a red flag or a yes to a safety question puts the outcome on the safety path whatever the step.
 */
import { cutoffsUsed, type Facts, matches, resolveCutoff } from './conditions';
import { dueDate } from './follow-up-due';
import { fail, ok, type Reason, type Recommendation, type Result, type ScreeningOutcome } from './result';
import { scoreInstrument } from './score';
import { isoInstant, toEpochMs, UTC } from './time';
import type { Answers, ContentPack, Instant, SafetyLevel, ScreeningContext, Step } from './types';
import { checkContext, checkFlags, findInstrument } from './validate-input';

export interface ScreeningInput {
  readonly pack: ContentPack;
  readonly instrumentId: string;
  readonly answers: Answers;
  readonly context: ScreeningContext;
  /** Answers to the pathway's yes/no questions (e.g. "signs of a postpartum psychosis?"). */
  readonly flags?: Readonly<Record<string, boolean>>;
  readonly now: Instant;
  /** The professional's IANA time zone: due dates are calendar days there (UTC when absent). */
  readonly timeZone?: string;
}

const maxStep = (a: Step | null, b: Step): Step => (a === null || b > a ? b : a);

/** Scores, routes and dates one screening. */
export function evaluateScreening(input: ScreeningInput): Result<ScreeningOutcome> {
  const { pack, instrumentId, answers, context } = input;
  const flags = input.flags ?? {};
  const pathway = pack.pathway;
  const found = findInstrument(pack, instrumentId);
  if (!found.ok) return found;
  const instrument = found.value;
  const inputError = checkContext(pathway, context) ?? checkFlags(pathway, flags);
  if (inputError !== null) return fail(inputError);
  const nowMs = toEpochMs(input.now);
  if (nowMs === null)
    return fail({ code: 'invalid-now', field: 'now', message: `now is not a valid time: ${String(input.now)}` });
  const scored = scoreInstrument(instrument, answers);
  if (!scored.ok) return scored;
  const score = scored.value;

  const facts: Facts = { score, context, flags, intake: null, cutoffs: pathway.cutoffs };
  const bandDef = instrument.bands.find((b) => b.id === score.band.id);
  const reasons: Reason[] = [];
  if (bandDef !== undefined) {
    reasons.push({
      ruleId: `${instrument.id}.band.${bandDef.id}`,
      kind: 'band',
      label: bandDef.label,
      sources: bandDef.sources,
      certainty: bandDef.certainty,
    });
  }

  let step: Step | null = null;
  const administer: string[] = [];
  const cutoffIds = new Set<string>();
  for (const rule of pathway.rules) {
    if (!matches(rule.when, facts)) continue;
    reasons.push({
      ruleId: rule.id,
      kind: 'routing',
      label: rule.label,
      sources: rule.sources,
      certainty: rule.certainty,
    });
    for (const id of cutoffsUsed(rule.when)) cutoffIds.add(id);
    if (rule.outcome.kind === 'step') step = maxStep(step, rule.outcome.step);
    else if (!administer.includes(rule.outcome.instrument)) administer.push(rule.outcome.instrument);
  }
  for (const cutoff of pathway.cutoffs) {
    if (!cutoffIds.has(cutoff.id)) continue;
    const value = resolveCutoff(cutoff, facts);
    reasons.push({
      ruleId: `cutoff.${cutoff.id}=${value}`,
      kind: 'cutoff',
      label: cutoff.label,
      sources: cutoff.sources,
      certainty: cutoff.certainty,
    });
  }

  let safety: SafetyLevel | null = null;
  for (const hit of score.redFlags) {
    const rule = instrument.redFlags.find((r) => r.id === hit.ruleId);
    reasons.push({
      ruleId: hit.ruleId,
      kind: 'red-flag',
      label: hit.label,
      sources: rule?.sources ?? [],
      certainty: rule?.certainty ?? 'inference',
    });
    safety = safety === 'emergency' ? safety : hit.level;
  }
  for (const question of pathway.questions) {
    if (question.effect.kind !== 'safety' || flags[question.id] !== true) continue;
    reasons.push({
      ruleId: question.id,
      kind: 'safety-question',
      label: question.question,
      sources: question.sources,
      certainty: question.certainty,
    });
    safety = safety === 'emergency' ? safety : question.effect.level;
  }

  let recommendation: Recommendation;
  if (safety !== null) recommendation = { kind: 'safety', level: safety, underlyingStep: step };
  else if (step !== null) recommendation = { kind: 'step', step, administer };
  else if (administer.length > 0) recommendation = { kind: 'administer', instruments: administer };
  else {
    return fail({
      code: 'no-matching-rule',
      instrumentId,
      message: `pack ${pack.id}: no routing rule matches ${instrumentId} total ${score.total}`,
    });
  }

  return ok({
    score,
    recommendation,
    followUp: dueDate(pathway, recommendation, { epochMs: nowMs, timeZone: input.timeZone ?? UTC }),
    reasons,
    containsInference: reasons.some((r) => r.certainty === 'inference'),
    containsUnverified: reasons.some((r) => r.certainty === 'unverified'),
    versions: {
      packId: pack.id,
      packVersion: pack.contentVersion,
      instrumentId,
      instrumentVersion: instrument.version,
    },
    evaluatedAt: isoInstant(nowMs),
  });
}
