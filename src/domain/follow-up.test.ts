/** CONTENT.md §3: the follow-up rule, one `it` per clinical situation. */
import { describe, expect, it } from 'vitest';
import { answersFor, bundledPack, epdsTotal, yesCount } from '../content/testing';
import { evaluateFollowUp, type PreviousResult, toPrevious } from './follow-up';
import type { FollowUpOutcome } from './result';
import { evaluateScreening } from './routing';
import type { ContentPack, ScreeningContext, Step } from './types';

const NOW = '2025-03-03T09:00:00.000Z';
const DAY = 86_400_000;
const daysLater = (days: number) => new Date(Date.parse(NOW) + days * DAY).toISOString();
const postpartum = bundledPack('postpartum');
const caregivers = bundledPack('caregivers');
const relapse = bundledPack('relapse-prevention');
const pp: ScreeningContext = { phase: 'postpartum', weeks: 8 };
const none: ScreeningContext = { phase: 'none' };
const phq9 = (total: number) =>
  answersFor('phq9', [3, 3, 3, 3, 3, 3, 3, 3].map((_, i) => Math.max(0, Math.min(3, total - 3 * i))).concat([0]));

interface Earlier {
  readonly pack: ContentPack;
  readonly instrumentId: string;
  readonly answers: Record<string, number>;
  readonly context?: ScreeningContext;
  readonly flags?: Record<string, boolean>;
  /** The step chosen at the earlier decision (an override); the proposal when absent. */
  readonly chosen?: Step;
}

function previous(e: Earlier): PreviousResult {
  const r = evaluateScreening({
    pack: e.pack,
    instrumentId: e.instrumentId,
    answers: e.answers,
    context: e.context ?? none,
    flags: e.flags ?? {},
    now: NOW,
  });
  if (!r.ok) throw new Error(r.error.message);
  const p = toPrevious(r.value, e.chosen);
  if (p === null) throw new Error('no step');
  return e.chosen === undefined ? p : { ...p, step: e.chosen };
}

function followUp(
  e: Earlier,
  answers: Record<string, number>,
  options: { days?: number; context?: ScreeningContext; flags?: Record<string, boolean>; instrumentId?: string } = {},
): FollowUpOutcome {
  const r = evaluateFollowUp({
    pack: e.pack,
    previous: previous(e),
    current: {
      answers,
      context: options.context ?? e.context ?? none,
      ...(options.flags === undefined ? {} : { flags: options.flags }),
      ...(options.instrumentId === undefined ? {} : { instrumentId: options.instrumentId }),
    },
    now: daysLater(options.days ?? 14),
  });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}
const proposal = (o: FollowUpOutcome) => [o.decision, o.proposedStep];

describe('W1: stable low scores are not stepped up', () => {
  it('relapse prevention: PHQ-9 3 → 3 stays at step 1 (being well on relapse prevention is the aim)', () => {
    const o = followUp({ pack: relapse, instrumentId: 'phq-9', answers: phq9(3) }, phq9(3), { days: 90 });
    expect(proposal(o)).toEqual(['stay', 1]);
  });
  it("caregivers: a caregiver's PHQ-9 3 → 3 does not propose step 3", () => {
    const o = followUp({ pack: caregivers, instrumentId: 'phq-9', answers: phq9(3) }, phq9(3), { days: 90 });
    expect(o.proposedStep).not.toBe(3);
    expect(o.proposedStep).toBe(0);
  });
  it('caregivers: CSI 0 → 0 stays at step 0', () => {
    const e = { pack: caregivers, instrumentId: 'csi', answers: yesCount('csi', 13, 0) };
    expect(proposal(followUp(e, yesCount('csi', 13, 0), { days: 90 }))).toEqual(['stay', 0]);
  });
  it('postpartum: EPDS 5 → 5 stays at step 0', () => {
    const e = { pack: postpartum, instrumentId: 'epds', answers: epdsTotal(5), context: pp };
    expect(proposal(followUp(e, epdsTotal(5), { days: 28 }))).toEqual(['stay', 0]);
  });
  it('caregivers: EDIZ-plus 2 → 2 stays at step 0', () => {
    const e = { pack: caregivers, instrumentId: 'ediz-plus', answers: yesCount('ediz', 15, 2) };
    expect(proposal(followUp(e, yesCount('ediz', 15, 2), { days: 90 }))).toEqual(['stay', 0]);
  });
});

describe('postpartum follow-up (EPDS, minimal change 3 [I])', () => {
  const at = (total: number, chosen?: Step): Earlier => ({
    pack: postpartum,
    instrumentId: 'epds',
    answers: epdsTotal(total),
    context: pp,
    ...(chosen === undefined ? {} : { chosen }),
  });

  it('step 1 not improved after its 14 days (EPDS 11 → 11) → step 2, branch "niet verbeterd"', () => {
    const o = followUp(at(11), epdsTotal(11), { days: 14 });
    expect([o.branch, ...proposal(o)]).toEqual(['not-improved', 'step-up', 2]);
  });
  it('step 1 after only 7 days (EPDS 11 → 11) → too early to judge, stays at step 1', () => {
    const o = followUp(at(11), epdsTotal(11), { days: 7 });
    expect([o.branch, ...proposal(o)]).toEqual(['too-early', 'stay', 1]);
  });
  it('step 1 improved below the cut-off (EPDS 12 → 8) → step 0, never closed automatically', () => {
    const o = followUp(at(12), epdsTotal(8));
    expect([o.branch, ...proposal(o)]).toEqual(['improved', 'step-down', 0]);
    expect(o.decision).not.toBe('close');
    expect(o.followUp.date).toBe(daysLater(14 + 28).slice(0, 10));
  });
  it('step 2 improved to EPDS 5 steps down one step at a time (to step 1, not 0)', () => {
    const o = followUp(at(14), epdsTotal(5));
    expect([o.branch, ...proposal(o)]).toEqual(['improved', 'step-down', 1]);
  });
  it('step 2 dropped by 3 but still ≥ 13 (EPDS 16 → 13) → improved, stays at step 2', () => {
    expect(proposal(followUp(at(16), epdsTotal(13)))).toEqual(['stay', 2]);
  });
  it('worse (EPDS 11 → 14 at step 1) → step 2, branch "verslechterd"', () => {
    const o = followUp(at(11), epdsTotal(14));
    expect([o.branch, ...proposal(o)]).toEqual(['worse', 'step-up', 2]);
  });
  it('at step 3 a positive score that does not improve stays at step 3', () => {
    expect(proposal(followUp(at(15, 3), epdsTotal(15)))).toEqual(['stay', 3]);
  });
  it('from step 3 a lower score stays 3: stepping down only in consultation with the clinician', () => {
    const o = followUp(at(15, 3), epdsTotal(8));
    expect(proposal(o)).toEqual(['stay', 3]);
    expect(o.reasons.map((r) => r.ruleId)).toContain('follow-up.step-down-with-clinician');
  });
  it('an earlier override upward with a steady low score (EPDS 8 → 8 at step 2) → one step down, "afschalen?"', () => {
    const o = followUp(at(8, 2), epdsTotal(8));
    expect([o.branch, ...proposal(o)]).toEqual(['low-steady', 'step-down', 1]);
  });
  it('a red flag at the follow-up puts it on the safety path, due the next day; the step underneath still follows the rule', () => {
    const o = followUp(at(11), epdsTotal(11, 1));
    expect([o.decision, o.proposedStep, o.step, o.followUp.date]).toEqual(['safety', 'safety', 2, '2025-03-18']);
  });
  it('another instrument is not comparable: the step stays at least the earlier one and that instrument is offered', () => {
    const o = followUp(at(14), { 'whooley-1': 0, 'whooley-2': 0 }, { instrumentId: 'whooley' });
    expect([o.branch, o.proposedStep, o.offerInstrument]).toEqual(['not-comparable', 2, 'epds']);
  });
  it('stores both versions', () => {
    const o = followUp(at(11), epdsTotal(11));
    expect(o.versions.previous).toEqual(previous(at(11)).versions);
  });
});

describe('W2/W3: the actions and cards are those of the proposed step', () => {
  it('after a step-up to step 2 the actions are step 2\'s ("Beoordeling door huisarts…"), not step 1\'s', () => {
    const o = followUp({ pack: postpartum, instrumentId: 'epds', answers: epdsTotal(11), context: pp }, epdsTotal(11));
    expect(o.proposedStep).toBe(2);
    expect(o.advice.step).toBe(2);
    expect(o.advice.actions.map((a) => a.nl)).toEqual(postpartum.pathway.steps[2].actions.map((a) => a.nl));
    expect(o.advice.actions.map((a) => a.nl).join(' ')).not.toMatch(/mamacafé/);
  });
});

describe('W9: the decision records the proposal as the advice', () => {
  it("at a follow-up on the safety path the recorded advice underneath is the proposal (step 2), not the score's own step 1", () => {
    const o = followUp(
      { pack: postpartum, instrumentId: 'epds', answers: epdsTotal(11), context: pp },
      epdsTotal(11, 1),
    );
    expect(o.current.recommendation).toMatchObject({ kind: 'safety', underlyingStep: 1 });
    expect(o.recommendation).toEqual({ kind: 'safety', level: 'urgent', underlyingStep: 2 });
  });
  it('at a follow-up the recorded advice is the proposed step', () => {
    const o = followUp({ pack: postpartum, instrumentId: 'epds', answers: epdsTotal(11), context: pp }, epdsTotal(11));
    expect(o.recommendation).toEqual({ kind: 'step', step: 2, administer: [] });
  });
});

describe('persistent routing flags are carried forward', () => {
  const history = { 'psychiatric-history-severe': true };
  it('a mother at step 3 for a severe psychiatric history with EPDS 8 at the follow-up stays at step 3 (not "close")', () => {
    const e: Earlier = { pack: postpartum, instrumentId: 'epds', answers: epdsTotal(11), context: pp, flags: history };
    const o = followUp(e, epdsTotal(8), { flags: {} });
    expect(proposal(o)).toEqual(['stay', 3]);
    expect(o.current.flags).toMatchObject(history);
  });
  it('a transient question (medication question) is not carried forward', () => {
    const e: Earlier = {
      pack: postpartum,
      instrumentId: 'epds',
      answers: epdsTotal(11),
      context: pp,
      flags: { 'medication-question': true },
    };
    expect(followUp(e, epdsTotal(11), { flags: {} }).current.flags).toEqual({});
  });
  it('a persistent answer changed on purpose at the follow-up wins over the carried one', () => {
    const e: Earlier = { pack: postpartum, instrumentId: 'epds', answers: epdsTotal(11), context: pp, flags: history };
    expect(followUp(e, epdsTotal(11), { flags: { 'psychiatric-history-severe': false } }).newStep).toBe(1);
  });
});

describe('weeks of gestation carried forward recompute the cut-off', () => {
  it('EPDS 10 at 12 weeks is step 0 (cut-off 11); EPDS 10 again 4 weeks later at 16 weeks counts as positive', () => {
    const e: Earlier = {
      pack: postpartum,
      instrumentId: 'epds',
      answers: epdsTotal(10),
      context: { phase: 'pregnant', gestationWeeks: 12 },
    };
    const o = followUp(e, epdsTotal(10), { days: 28, context: { phase: 'pregnant', gestationWeeks: 16 } });
    expect([o.previousStep, o.newStep, o.branch, o.proposedStep]).toEqual([0, 1, 'worse', 1]);
  });
});

describe('W5: caregivers, a PHQ on a burden step keeps the burden step', () => {
  const burden = (yes: number): Earlier => ({
    pack: caregivers,
    instrumentId: 'ediz-plus',
    answers: yesCount('ediz', 15, yes),
  });
  it.each([
    [0, 2],
    [1, 6],
    [2, 10],
  ] as const)('on burden step %i (EDIZ-plus %i) a PHQ-9 of 6 keeps that step', (step, yes) => {
    const o = followUp(burden(yes), phq9(6), { instrumentId: 'phq-9', days: 90 });
    expect(o.proposedStep).toBe(step);
  });
  it('on burden step 1 a negative PHQ-2 keeps step 1', () => {
    expect(followUp(burden(6), answersFor('phq2', [1, 1]), { instrumentId: 'phq-2', days: 90 }).proposedStep).toBe(1);
  });
  it('a PHQ-9 of 12 on burden step 1 → step 3', () => {
    expect(followUp(burden(6), phq9(12), { instrumentId: 'phq-9' }).proposedStep).toBe(3);
  });
  it('after PHQ-9 12 (step 3) a PHQ-9 of 6 lowers only in consultation: stays 3', () => {
    const e: Earlier = { pack: caregivers, instrumentId: 'phq-9', answers: phq9(12) };
    expect(followUp(e, phq9(6)).proposedStep).toBe(3);
  });
});

describe('relapse-prevention follow-up (PHQ-9, minimal change 5)', () => {
  const at = (total: number): Earlier => ({ pack: relapse, instrumentId: 'phq-9', answers: phq9(total) });
  it('PHQ-9 12 → 6: improved → step down to relapse prevention (step 1)', () => {
    expect(proposal(followUp(at(12), phq9(6)))).toEqual(['step-down', 1]);
  });
  it('PHQ-9 14 → 12 after 14 days: dropped less than 5, still ≥ 10 → not improved, step 3', () => {
    expect(proposal(followUp(at(14), phq9(12)))).toEqual(['step-up', 3]);
  });
  it('PHQ-9 22 → 16: dropped by 5 or more → improved, stays at step 2', () => {
    expect(proposal(followUp(at(22), phq9(16)))).toEqual(['stay', 2]);
  });
});

describe('caregivers follow-up (EDIZ-plus and CSI, minimal change 2 [I])', () => {
  const ediz = (yes: number): Earlier => ({
    pack: caregivers,
    instrumentId: 'ediz-plus',
    answers: yesCount('ediz', 15, yes),
  });
  it('EDIZ-plus 6 → 5 at step 1 after 6 weeks: not improved → step 2', () => {
    expect(proposal(followUp(ediz(6), yesCount('ediz', 15, 5), { days: 42 }))).toEqual(['step-up', 2]);
  });
  it('EDIZ-plus 6 → 4 at step 1: improved by 2 → stays at step 1', () => {
    expect(proposal(followUp(ediz(6), yesCount('ediz', 15, 4), { days: 42 }))).toEqual(['stay', 1]);
  });
  it('EDIZ-plus 10 → 3: improved → one step down (step 1), not closed', () => {
    expect(proposal(followUp(ediz(10), yesCount('ediz', 15, 3), { days: 28 }))).toEqual(['step-down', 1]);
  });
  it('CSI unchanged at 8 (step 2) after 4 weeks: not improved → step 3', () => {
    const e: Earlier = { pack: caregivers, instrumentId: 'csi', answers: yesCount('csi', 13, 8) };
    expect(proposal(followUp(e, yesCount('csi', 13, 8), { days: 28 }))).toEqual(['step-up', 3]);
  });
});

describe('"at least minDays" counts calendar days', () => {
  it('a follow-up on its due day, earlier in the day than the first screening, is not "too early"', () => {
    const prev = previous({ pack: postpartum, instrumentId: 'epds', answers: epdsTotal(11), context: pp });
    const r = evaluateFollowUp({
      pack: postpartum,
      previous: { ...prev, decidedAt: '2025-03-03T15:00:00.000Z' },
      current: { answers: epdsTotal(11), context: pp },
      now: '2025-03-17T08:00:00.000Z',
    });
    expect(r.ok && [r.value.branch, r.value.proposedStep]).toEqual(['not-improved', 2]);
  });
});
