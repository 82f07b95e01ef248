/**
 * Follow-up on the same instrument (CONTENT.md §3, [I]): improved = the new total is below the
 * entry cut-off of the current step (in the current context) or fell by at least the instrument's
 * minimal change. Improved → the new score's step (down or close);
 * not improved → max(new score's step, current step + 1), capped at 3. Safety overrides both.
 */
import { type Facts, resolveCutoff } from './conditions';
import { dueFromInterval, intervalFor } from './follow-up-due';
import {
  type FollowUpOutcome,
  fail,
  ok,
  type Reason,
  type Result,
  type ScreeningOutcome,
  type Versions,
} from './result';
import { evaluateScreening } from './routing';
import { UTC } from './time';
import type {
  Answers,
  ContentPack,
  FollowUpDecision,
  Instant,
  Pathway,
  ScreeningContext,
  Step,
  Threshold,
} from './types';

/** What a follow-up needs from the earlier result; store it (both versions are kept). */
export interface PreviousResult {
  readonly versions: Versions;
  readonly total: number;
  /** The step the person is in now (the earlier proposal, or what the professional chose). */
  readonly step: Step;
}

export interface FollowUpInput {
  readonly pack: ContentPack;
  readonly previous: PreviousResult;
  readonly current: {
    readonly instrumentId?: string;
    readonly answers: Answers;
    readonly context: ScreeningContext;
    readonly flags?: Readonly<Record<string, boolean>>;
  };
  readonly now: Instant;
  /** The professional's IANA time zone: due dates are calendar days there (UTC when absent). */
  readonly timeZone?: string;
}

/** The step the person is in after a screening outcome (a safety outcome keeps its underlying step). */
export function toPrevious(outcome: ScreeningOutcome): PreviousResult | null {
  const r = outcome.recommendation;
  const step = r.kind === 'step' ? r.step : r.kind === 'safety' ? r.underlyingStep : null;
  return step === null ? null : { versions: outcome.versions, total: outcome.score.total, step };
}

/**
 * The lowest total of this instrument that routes to `step` in this context, or null when no
 * total-based row leads there (e.g. EPDS never reaches step 3 by score): then only the minimal
 * change can show improvement.
 */
function entryCutoff(pathway: Pathway, instrumentId: string, step: Step, facts: Facts): number | null {
  let entry: number | null = null;
  const value = (t: Threshold | undefined): number => {
    if (t === undefined) return 0;
    if (typeof t === 'number') return t;
    const cutoff = pathway.cutoffs.find((c) => c.id === t.cutoff);
    return cutoff === undefined ? Number.POSITIVE_INFINITY : resolveCutoff(cutoff, facts);
  };
  for (const rule of pathway.rules) {
    if (rule.when.kind !== 'total' || rule.when.instrument !== instrumentId) continue;
    if (rule.outcome.kind !== 'step' || rule.outcome.step !== step) continue;
    const min = value(rule.when.min);
    entry = entry === null ? min : Math.min(entry, min);
  }
  return entry;
}

const clampStep = (n: number): Step => (n >= 3 ? 3 : n <= 0 ? 0 : n === 1 ? 1 : 2);

function decide(proposed: Step, currentStep: Step): FollowUpDecision {
  if (proposed > currentStep) return 'step-up';
  if (proposed === 0) return 'close';
  return proposed < currentStep ? 'step-down' : 'stay';
}

export function evaluateFollowUp(input: FollowUpInput): Result<FollowUpOutcome> {
  const { pack, previous, current } = input;
  const instrumentId = previous.versions.instrumentId;
  if (current.instrumentId !== undefined && current.instrumentId !== instrumentId) {
    return fail({
      code: 'instrument-mismatch',
      instrumentId: current.instrumentId,
      message: `a follow-up compares the same instrument: earlier ${instrumentId}, now ${current.instrumentId}`,
    });
  }
  const evaluated = evaluateScreening({
    pack,
    instrumentId,
    answers: current.answers,
    context: current.context,
    flags: current.flags ?? {},
    now: input.now,
    ...(input.timeZone === undefined ? {} : { timeZone: input.timeZone }),
  });
  if (!evaluated.ok) return evaluated;
  const outcome = evaluated.value;
  const r = outcome.recommendation;
  const newStep = r.kind === 'step' ? r.step : r.kind === 'safety' ? r.underlyingStep : null;
  if (newStep === null) {
    return fail({
      code: 'no-matching-rule',
      instrumentId,
      message: `${instrumentId} gives no step, so it cannot be used for a follow-up`,
    });
  }
  const instrument = pack.instruments.find((i) => i.id === instrumentId);
  const minimal = instrument?.minimalChange ?? {
    value: Number.POSITIVE_INFINITY,
    sources: [],
    certainty: 'inference' as const,
  };
  const improvement = pack.pathway.improvement;
  const currentStep = previous.step;
  const facts: Facts = {
    score: outcome.score,
    context: current.context,
    flags: current.flags ?? {},
    intake: null,
    cutoffs: pack.pathway.cutoffs,
  };
  const entry = entryCutoff(pack.pathway, instrumentId, currentStep, facts);
  const belowEntry = entry !== null && outcome.score.total < entry;
  const drop = previous.total - outcome.score.total;
  const enoughDrop = drop >= minimal.value;
  const improved = belowEntry || enoughDrop;

  const reasons: Reason[] = [...outcome.reasons];
  const rule = (ruleId: string, certainty = improvement.certainty): Reason => ({
    ruleId,
    kind: 'follow-up',
    label: improvement.label,
    sources: [...improvement.sources, ...(ruleId.endsWith('minimal-change') ? minimal.sources : [])],
    certainty,
  });
  if (belowEntry) reasons.push(rule('follow-up.below-entry-cutoff'));
  if (enoughDrop) reasons.push(rule('follow-up.minimal-change', minimal.certainty));
  if (!improved) reasons.push(rule('follow-up.not-improved'));
  if (previous.versions.instrumentVersion !== outcome.versions.instrumentVersion)
    reasons.push(rule('follow-up.instrument-version-changed'));

  const proposed: Step = improved ? newStep : clampStep(Math.max(newStep, currentStep + 1));
  if (!improved && currentStep + 1 > 3) reasons.push(rule('follow-up.capped-at-step-3'));
  const onSafety = r.kind === 'safety';
  const nowMs = Date.parse(outcome.evaluatedAt);
  return ok({
    improved,
    decision: onSafety ? 'safety' : decide(proposed, currentStep),
    currentStep,
    proposedStep: onSafety ? 'safety' : proposed,
    current: outcome,
    reasons,
    containsInference: reasons.some((x) => x.certainty === 'inference'),
    versions: { previous: previous.versions, current: outcome.versions },
    followUp: dueFromInterval(intervalFor(pack.pathway, onSafety ? 'safety' : proposed), {
      epochMs: nowMs,
      timeZone: input.timeZone ?? UTC,
    }),
  });
}
