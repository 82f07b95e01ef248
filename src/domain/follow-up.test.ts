/** CONTENT.md §3 improved / not improved at a follow-up on the same instrument. */
import { describe, expect, it } from 'vitest';
import { answersFor, bundledPack, epdsTotal, yesCount } from '../content/testing';
import { evaluateFollowUp, type PreviousResult, toPrevious } from './follow-up';
import type { FollowUpOutcome } from './result';
import { evaluateScreening } from './routing';
import type { ContentPack, ScreeningContext, Step } from './types';

const NOW = '2025-03-03T09:00:00.000Z';
const LATER = '2025-03-17T09:00:00.000Z';
const postpartum = bundledPack('postpartum');
const caregivers = bundledPack('caregivers');
const relapse = bundledPack('relapse-prevention');
const pp: ScreeningContext = { phase: 'postpartum', weeks: 8 };
const none: ScreeningContext = { phase: 'none' };

function previous(
  pack: ContentPack,
  instrumentId: string,
  answers: Record<string, number>,
  context: ScreeningContext,
  step?: Step,
): PreviousResult {
  const r = evaluateScreening({ pack, instrumentId, answers, context, now: NOW });
  if (!r.ok) throw new Error(r.error.message);
  const p = toPrevious(r.value);
  if (p === null) throw new Error('no step');
  return step === undefined ? p : { ...p, step };
}
function followUp(
  pack: ContentPack,
  prev: PreviousResult,
  answers: Record<string, number>,
  context: ScreeningContext,
): FollowUpOutcome {
  const r = evaluateFollowUp({ pack, previous: prev, current: { answers, context }, now: LATER });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}
const summary = (o: FollowUpOutcome) => [o.improved, o.decision, o.proposedStep];

describe('postpartum follow-up (EPDS, minimal change 3 [I])', () => {
  it('step 1 not improved (EPDS 11 → 11) → step 2', () => {
    expect(summary(followUp(postpartum, previous(postpartum, 'epds', epdsTotal(11), pp), epdsTotal(11), pp))).toEqual([
      false,
      'step-up',
      2,
    ]);
  });

  it('step 1 with a drop of 2 that stays above the cut-off (EPDS 12 → 10) is not improved → step 2', () => {
    expect(summary(followUp(postpartum, previous(postpartum, 'epds', epdsTotal(12), pp), epdsTotal(10), pp))).toEqual([
      false,
      'step-up',
      2,
    ]);
  });

  it('step 1 improved below the entry cut-off (EPDS 12 → 8) → close at step 0', () => {
    const o = followUp(postpartum, previous(postpartum, 'epds', epdsTotal(12), pp), epdsTotal(8), pp);
    expect(summary(o)).toEqual([true, 'close', 0]);
    expect(o.reasons.map((r) => r.ruleId)).toContain('follow-up.below-entry-cutoff');
  });

  it('step 2 improved by at least 3 points but still ≥ 13 (EPDS 16 → 13) → stay at step 2', () => {
    const o = followUp(postpartum, previous(postpartum, 'epds', epdsTotal(16), pp), epdsTotal(13), pp);
    expect(summary(o)).toEqual([true, 'stay', 2]);
    expect(o.reasons.map((r) => r.ruleId)).toContain('follow-up.minimal-change');
  });

  it('step 2 improved to 10–12 (EPDS 14 → 11) → step down to step 1', () => {
    expect(summary(followUp(postpartum, previous(postpartum, 'epds', epdsTotal(14), pp), epdsTotal(11), pp))).toEqual([
      true,
      'step-down',
      1,
    ]);
  });

  it('not improved at step 3 stays capped at step 3', () => {
    const o = followUp(postpartum, previous(postpartum, 'epds', epdsTotal(15), pp, 3), epdsTotal(15), pp);
    expect(summary(o)).toEqual([false, 'stay', 3]);
    expect(o.reasons.map((r) => r.ruleId)).toContain('follow-up.capped-at-step-3');
  });

  it('not improved with a new score in a higher step takes that step (EPDS 10 → 14 from step 1 → step 2)', () => {
    expect(summary(followUp(postpartum, previous(postpartum, 'epds', epdsTotal(10), pp), epdsTotal(14), pp))).toEqual([
      false,
      'step-up',
      2,
    ]);
  });

  it('a red flag at the follow-up puts it on the safety path, due the next day', () => {
    const o = followUp(postpartum, previous(postpartum, 'epds', epdsTotal(11), pp), epdsTotal(6, 1), pp);
    expect([o.decision, o.proposedStep, o.followUp.date]).toEqual(['safety', 'safety', '2025-03-18']);
  });

  it('stores both versions and refuses a different instrument', () => {
    const prev = previous(postpartum, 'epds', epdsTotal(11), pp);
    expect(followUp(postpartum, prev, epdsTotal(11), pp).versions.previous).toEqual(prev.versions);
    const r = evaluateFollowUp({
      pack: postpartum,
      previous: prev,
      current: { instrumentId: 'whooley', answers: {}, context: pp },
      now: LATER,
    });
    expect(r.ok ? null : r.error.code).toBe('instrument-mismatch');
  });

  it('the follow-up date comes from the proposed step (step 2: 14 days)', () => {
    expect(followUp(postpartum, previous(postpartum, 'epds', epdsTotal(11), pp), epdsTotal(11), pp).followUp.date).toBe(
      '2025-03-31',
    );
  });
});

describe('relapse-prevention follow-up (PHQ-9, minimal change 5)', () => {
  it('PHQ-9 12 → 6: below 10, improved → step down to relapse prevention (step 1)', () => {
    const prev = previous(relapse, 'phq-9', answersFor('phq9', [2, 2, 2, 2, 1, 1, 1, 1, 0]), none);
    expect(summary(followUp(relapse, prev, answersFor('phq9', [1, 1, 1, 1, 1, 1, 0, 0, 0]), none))).toEqual([
      true,
      'step-down',
      1,
    ]);
  });
  it('PHQ-9 14 → 12: dropped less than 5, still ≥ 10 → not improved, step 3', () => {
    const prev = previous(relapse, 'phq-9', answersFor('phq9', [2, 2, 2, 2, 2, 2, 1, 1, 0]), none);
    expect(summary(followUp(relapse, prev, answersFor('phq9', [2, 2, 2, 2, 1, 1, 1, 1, 0]), none))).toEqual([
      false,
      'step-up',
      3,
    ]);
  });
  it('PHQ-9 22 → 16: dropped by 5 or more → improved, stays at step 2', () => {
    const prev = previous(relapse, 'phq-9', answersFor('phq9', [3, 3, 3, 3, 3, 3, 2, 2, 0]), none);
    expect(summary(followUp(relapse, prev, answersFor('phq9', [2, 2, 2, 2, 2, 2, 2, 2, 0]), none))).toEqual([
      true,
      'stay',
      2,
    ]);
  });
});

describe('caregivers follow-up (EDIZ-plus and CSI, minimal change 2 [I])', () => {
  it('EDIZ-plus 6 → 5 at step 1: not improved → step 2', () => {
    expect(
      summary(
        followUp(
          caregivers,
          previous(caregivers, 'ediz-plus', yesCount('ediz', 15, 6), none),
          yesCount('ediz', 15, 5),
          none,
        ),
      ),
    ).toEqual([false, 'step-up', 2]);
  });
  it('EDIZ-plus 6 → 4 at step 1: improved by 2 → stay at step 1', () => {
    expect(
      summary(
        followUp(
          caregivers,
          previous(caregivers, 'ediz-plus', yesCount('ediz', 15, 6), none),
          yesCount('ediz', 15, 4),
          none,
        ),
      ),
    ).toEqual([true, 'stay', 1]);
  });
  it('EDIZ-plus 10 → 3: improved → close at step 0', () => {
    expect(
      summary(
        followUp(
          caregivers,
          previous(caregivers, 'ediz-plus', yesCount('ediz', 15, 10), none),
          yesCount('ediz', 15, 3),
          none,
        ),
      ),
    ).toEqual([true, 'close', 0]);
  });
  it('CSI unchanged at 8 (step 2): not improved → step 3', () => {
    expect(
      summary(
        followUp(caregivers, previous(caregivers, 'csi', yesCount('csi', 13, 8), none), yesCount('csi', 13, 8), none),
      ),
    ).toEqual([false, 'step-up', 3]);
  });
});
