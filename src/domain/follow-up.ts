/**
 * The follow-up rule of CONTENT.md §3 [I]. With p the step the earlier screening routed to on its
 * own, c the step chosen at the earlier decision, n the step the new screening routes to (current
 * pack, its own context, persistent flags carried forward) and Δ = earlier total − new total, the
 * first branch that applies decides: not comparable → max(n, c); worse → one step up where the step
 * is `step-up`; improved → at most one step down; not improved (positive, step `step-up`, minDays
 * passed) → one step up; too early → c; low and steady → one step down; otherwise stay. A red flag or
 * a safety "yes" puts the safety path on top; the underlying step still comes from these branches.
 */
import { stepAdvice } from './advice';
import { dueFromInterval, intervalFor } from './follow-up-due';
import {
  type FollowUpOutcome,
  fail,
  ok,
  type Reason,
  type Recommendation,
  type Result,
  type ScreeningOutcome,
  type Versions,
} from './result';
import { evaluateScreening } from './routing';
import { isoInstant, toEpochMs, UTC } from './time';
import type {
  Answers,
  ContentPack,
  FollowUpBranch,
  FollowUpDecision,
  Instant,
  Pathway,
  RelapseIntake,
  ScreeningContext,
  Step,
} from './types';

const DAY_MS = 86_400_000;

/**
 * Calendar days from one instant to another, so a follow-up on its due day counts as the full interval
 * whatever the hour. UTC days, like the due dates of follow-up-due.ts; when those move to the
 * professional's time zone, this must use the same day function.
 */
function calendarDaysBetween(fromMs: number, toMs: number): number {
  const day = (ms: number) => Date.parse(isoInstant(ms).slice(0, 10));
  return Math.round((day(toMs) - day(fromMs)) / DAY_MS);
}

/** What a follow-up needs from the earlier screening and its decision; store both versions. */
export interface PreviousResult {
  readonly versions: Versions;
  /** Null when the earlier screening gave no score to compare (e.g. only a pre-screen). */
  readonly total: number | null;
  /** p: the step the earlier screening routed to on its own. */
  readonly routedStep: Step | null;
  /** c: the step chosen at the earlier decision (the proposal, or the professional's override). */
  readonly step: Step;
  /** When the earlier decision was made: "not improved" needs the step's minDays to have passed. */
  readonly decidedAt: Instant;
  /** The earlier yes/no answers; the persistent ones are carried forward. */
  readonly flags: Readonly<Record<string, boolean>>;
  /** The step a `keep` screening keeps (the latest burden step, CONTENT.md §3c). */
  readonly keptStep: Step | null;
}

export interface FollowUpInput {
  readonly pack: ContentPack;
  readonly previous: PreviousResult;
  readonly current: {
    /** Another instrument than the earlier one is allowed: the outcome is then "not comparable". */
    readonly instrumentId?: string;
    readonly answers: Answers;
    readonly context: ScreeningContext;
    /** Answers given now; a persistent question left out keeps its earlier answer. */
    readonly flags?: Readonly<Record<string, boolean>>;
    readonly intake?: RelapseIntake;
    readonly confirmedKeys?: readonly string[];
  };
  readonly now: Instant;
  /** The professional's IANA time zone: due dates are calendar days there (UTC when absent). */
  readonly timeZone?: string;
}

const routedStepOf = (outcome: ScreeningOutcome): Step | null => {
  const r = outcome.recommendation;
  return r.kind === 'step' ? r.step : r.kind === 'safety' ? r.underlyingStep : null;
};

/**
 * The earlier result as a follow-up needs it. `chosen` is the step the professional chose at that
 * decision ('safety' or absent: the screening's own step); null when the screening gave no step.
 */
export function toPrevious(outcome: ScreeningOutcome, chosen?: Step | 'safety'): PreviousResult | null {
  const routed = routedStepOf(outcome);
  const step = typeof chosen === 'number' ? chosen : routed;
  if (step === null) return null;
  return {
    versions: outcome.versions,
    total: outcome.score.total,
    routedStep: routed,
    step,
    decidedAt: outcome.evaluatedAt,
    // Outcomes stored before the flags were kept carry none: nothing is carried forward then.
    flags: outcome.flags ?? {},
    keptStep: outcome.keptStep ?? null,
  };
}

/** The earlier answers to persistent questions, overridden by what was answered now (on purpose). */
export function carriedFlags(
  pathway: Pathway,
  earlier: Readonly<Record<string, boolean>>,
  now: Readonly<Record<string, boolean>>,
): Record<string, boolean> {
  const carried: Record<string, boolean> = {};
  for (const q of pathway.questions) {
    const value = earlier[q.id];
    if (q.effect.kind === 'routing' && q.effect.persistent && value !== undefined) carried[q.id] = value;
  }
  return { ...carried, ...now };
}

/** The answers a follow-up form starts with: persistent ones carried forward, all others unanswered. */
export function prefilledFlags(pathway: Pathway, earlier: Readonly<Record<string, boolean>>): Record<string, boolean> {
  return carriedFlags(pathway, earlier, {});
}

const STEPS: readonly Step[] = [0, 1, 2, 3];
const toStep = (n: number): Step => STEPS[Math.min(3, Math.max(0, n))] ?? 3;
const higher = (a: Step, b: Step): Step => (a >= b ? a : b);

interface Decided {
  readonly branch: FollowUpBranch;
  readonly step: Step;
  /** From step 3 a lower score proposes stepping down only in consultation with the clinician. */
  readonly withClinician: boolean;
  readonly capped: boolean;
}

interface RuleFacts {
  readonly comparable: boolean;
  readonly p: Step | null;
  readonly c: Step;
  readonly n: Step;
  readonly delta: number;
  readonly minimalChange: number;
  readonly positive: boolean;
  readonly stepsUp: boolean;
  readonly minDaysPassed: boolean;
}

/** Branches 2–8 of CONTENT.md §3, in order; the first that applies decides. */
function decideBranch(f: RuleFacts): Decided {
  const { c, n } = f;
  const up = (): { step: Step; capped: boolean } => ({ step: higher(n, toStep(c + 1)), capped: c === 3 });
  const down = (branch: FollowUpBranch): Decided =>
    c === 3
      ? { branch, step: 3, withClinician: n < 3, capped: false }
      : { branch, step: higher(n, toStep(c - 1)), withClinician: false, capped: false };
  if (!f.comparable || f.p === null)
    return { branch: 'not-comparable', step: higher(n, c), withClinician: false, capped: false };
  if (n > f.p || f.delta <= -f.minimalChange) {
    const next = f.stepsUp ? up() : { step: higher(n, c), capped: false };
    return { branch: 'worse', ...next, withClinician: false };
  }
  if (n < f.p || f.delta >= f.minimalChange) return down('improved');
  if (f.stepsUp && f.positive) {
    return f.minDaysPassed
      ? { branch: 'not-improved', ...up(), withClinician: false }
      : { branch: 'too-early', step: c, withClinician: false, capped: false };
  }
  if (!f.positive && n < c) return down('low-steady');
  return { branch: 'stay', step: higher(n, c), withClinician: false, capped: false };
}

function decisionOf(proposed: Step, current: Step): FollowUpDecision {
  if (proposed > current) return 'step-up';
  return proposed < current ? 'step-down' : 'stay';
}

export function evaluateFollowUp(input: FollowUpInput): Result<FollowUpOutcome> {
  const { pack, previous, current } = input;
  const pathway = pack.pathway;
  const instrumentId = current.instrumentId ?? previous.versions.instrumentId;
  const flags = carriedFlags(pathway, previous.flags, current.flags ?? {});
  const evaluated = evaluateScreening({
    pack,
    instrumentId,
    answers: current.answers,
    context: current.context,
    flags,
    keptStep: previous.keptStep,
    ...(current.intake === undefined ? {} : { intake: current.intake }),
    ...(current.confirmedKeys === undefined ? {} : { confirmedKeys: current.confirmedKeys }),
    now: input.now,
    ...(input.timeZone === undefined ? {} : { timeZone: input.timeZone }),
  });
  if (!evaluated.ok) return evaluated;
  const outcome = evaluated.value;
  const n = routedStepOf(outcome);
  if (n === null) {
    return fail({
      code: 'no-matching-rule',
      instrumentId,
      message: `${instrumentId} gives no step, so it cannot be used for a follow-up`,
    });
  }
  const nowMs = Date.parse(outcome.evaluatedAt);
  const decidedMs = toEpochMs(previous.decidedAt);
  if (decidedMs === null) {
    return fail({
      code: 'invalid-now',
      field: 'decidedAt',
      message: `not a valid time: ${String(previous.decidedAt)}`,
    });
  }
  const instrument = pack.instruments.find((i) => i.id === instrumentId);
  const minimal = instrument?.minimalChange ?? { value: Number.POSITIVE_INFINITY, sources: [], certainty: 'inference' };
  const comparable =
    previous.versions.instrumentId === instrumentId &&
    previous.versions.instrumentVersion === outcome.versions.instrumentVersion &&
    previous.total !== null;
  const c = previous.step;
  const decided = decideBranch({
    comparable,
    p: previous.routedStep,
    c,
    n,
    delta: previous.total === null ? 0 : previous.total - outcome.score.total,
    minimalChange: minimal.value,
    positive: outcome.positive,
    stepsUp: pathway.steps[c].whenNotImproved === 'step-up',
    minDaysPassed: calendarDaysBetween(decidedMs, nowMs) >= pathway.followUp.steps[c].minDays,
  });

  const improvement = pathway.improvement;
  const reasons: Reason[] = [...outcome.reasons];
  const rule = (ruleId: string, label = improvement.label, extraSources: readonly string[] = []): Reason => ({
    ruleId,
    kind: 'follow-up',
    label,
    sources: [...improvement.sources, ...extraSources],
    certainty: improvement.certainty,
  });
  const usesChange = decided.branch === 'worse' || decided.branch === 'improved';
  reasons.push(
    rule(`follow-up.${decided.branch}`, improvement.branches[decided.branch], usesChange ? minimal.sources : []),
  );
  if (decided.withClinician)
    reasons.push(rule('follow-up.step-down-with-clinician', improvement.branches['step-down-with-clinician']));
  if (decided.capped) reasons.push(rule('follow-up.capped-at-step-3'));

  const r = outcome.recommendation;
  const recommendation: Recommendation =
    r.kind === 'safety'
      ? { kind: 'safety', level: r.level, underlyingStep: decided.step }
      : { kind: 'step', step: decided.step, administer: r.kind === 'step' ? r.administer : [] };
  const onSafety = r.kind === 'safety';
  return ok({
    branch: decided.branch,
    improved: decided.branch === 'improved',
    decision: onSafety ? 'safety' : decisionOf(decided.step, c),
    currentStep: c,
    previousStep: previous.routedStep,
    newStep: n,
    step: decided.step,
    proposedStep: onSafety ? 'safety' : decided.step,
    recommendation,
    offerInstrument: comparable ? null : previous.versions.instrumentId,
    current: outcome,
    reasons,
    containsInference: reasons.some((x) => x.certainty === 'inference'),
    versions: { previous: previous.versions, current: outcome.versions },
    followUp: dueFromInterval(intervalFor(pathway, onSafety ? 'safety' : decided.step), {
      epochMs: nowMs,
      timeZone: input.timeZone ?? UTC,
    }),
    advice: stepAdvice(pack, decided.step),
  });
}
