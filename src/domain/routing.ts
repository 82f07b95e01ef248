/**
 * Screening → recommendation. Every matching routing row is a reason; the highest step wins;
 * a red flag or a yes to a safety question puts the outcome on the safety path whatever the step.
 */
import { stepAdvice } from './advice';
import { findBand } from './bands';
import { cutoffsUsed, type Facts, matches, resolveCutoff } from './conditions';
import { dueDate } from './follow-up-due';
import { fail, ok, type Reason, type Recommendation, type Result, type ScreeningOutcome } from './result';
import { isKeyVerified, scoreInstrument } from './score';
import { isoInstant, toEpochMs, UTC, wholeMonthsBetween } from './time';
import type {
  Answers,
  ContentPack,
  Instant,
  Instrument,
  Pathway,
  RelapseIntake,
  SafetyLevel,
  ScreeningContext,
  Step,
} from './types';
import { checkContext, checkFlags, findInstrument } from './validate-input';

export interface ScreeningInput {
  readonly pack: ContentPack;
  readonly instrumentId: string;
  readonly answers: Answers;
  readonly context: ScreeningContext;
  /** Answers to the pathway's yes/no questions (e.g. "signs of a postpartum psychosis?"). */
  readonly flags?: Readonly<Record<string, boolean>>;
  /** Relapse prevention: the intake, whose answers (warning signs back, not in remission) route too. */
  readonly intake?: RelapseIntake;
  /** The step a `keep` rule keeps (the latest EDIZ-plus / CSI step, §3c); 0 when there is none. */
  readonly keptStep?: Step | null;
  /** Instruments whose scoring key the practice confirmed against its licensed form (settings). */
  readonly confirmedKeys?: readonly string[];
  readonly now: Instant;
  /** The professional's IANA time zone: due dates are calendar days there (UTC when absent). */
  readonly timeZone?: string;
}

/** The instrument's bands, or the pathway's override for this context (labels follow the cut-off). */
function bandsFor(pathway: Pathway, instrument: Instrument, facts: Facts): Instrument['bands'] {
  const override = pathway.bandOverrides?.find((o) => o.instrument === instrument.id && matches(o.when, facts));
  return override?.bands ?? instrument.bands;
}

function remissionMonths(intake: RelapseIntake | undefined, nowMs: number): number | null {
  if (intake?.remissionDate === undefined) return null;
  const at = toEpochMs(intake.remissionDate);
  return at === null || at > nowMs ? null : wholeMonthsBetween(at, nowMs);
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
  const keyVerified = isKeyVerified(instrument, input.confirmedKeys ?? []);
  const base: Facts = {
    score: scored.value,
    context,
    flags,
    intake: input.intake ?? null,
    remissionMonths: remissionMonths(input.intake, nowMs),
    cutoffs: pathway.cutoffs,
  };
  const bands = bandsFor(pathway, instrument, base);
  const band = findBand(bands, scored.value.total) ?? scored.value.band;
  const score = { ...scored.value, band, keyVerified };
  const facts: Facts = { ...base, score };
  const bandDef = bands.find((b) => b.id === score.band.id);
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
  let positive = false;
  let kept = false;
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
    if (rule.positive === true) positive = true;
    if (rule.outcome.kind === 'step') step = maxStep(step, rule.outcome.step);
    else if (rule.outcome.kind === 'keep') kept = true;
    else if (!administer.includes(rule.outcome.instrument)) administer.push(rule.outcome.instrument);
  }
  // A screening that sets no step of its own keeps the step given earlier (0 when there is none).
  if (kept) step = maxStep(step, input.keptStep ?? 0);
  const keptStep = pathway.keepsStepOf?.includes(instrument.id) === true ? step : (input.keptStep ?? null);
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
    containsUnverified: !keyVerified || reasons.some((r) => r.certainty === 'unverified'),
    versions: {
      packId: pack.id,
      packVersion: pack.contentVersion,
      instrumentId,
      instrumentVersion: instrument.version,
    },
    evaluatedAt: isoInstant(nowMs),
    advice: step === null ? null : stepAdvice(pack, step),
    positive,
    keptStep,
    flags,
  });
}
