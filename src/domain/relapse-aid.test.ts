/** CONTENT.md §3b: the relapse decision aid returns every matching row's options. */
import { describe, expect, it } from 'vitest';
import { answersFor, bundledPack } from '../content/testing';
import { relapseDecisionAid } from './relapse-aid';
import { evaluateScreening } from './routing';
import type { RelapseIntake } from './types';

const NOW = '2025-03-03T09:00:00.000Z';
const pack = bundledPack('relapse-prevention');
const base: RelapseIntake = {
  episodes: 1,
  fullRemission: true,
  onAntidepressant: false,
  wantsToTaper: false,
  residualSymptoms: false,
  warningSigns: false,
};
function rows(intake: Partial<RelapseIntake>) {
  const r = relapseDecisionAid({ pack, intake: { ...base, ...intake }, now: NOW });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}
const ids = (intake: Partial<RelapseIntake>) => rows(intake).rows.map((r) => r.rowId);

describe('3b relapse prevention decision aid', () => {
  it('1 episode, full remission, no antidepressant → psycho-education, written plan, check-in, PCT optional', () => {
    expect(ids({})).toEqual(['aid.one-episode-no-ad']);
    expect(rows({}).rows[0]?.options).toHaveLength(4);
  });
  it('1 episode, on antidepressant → continue ≥ 6 months after remission, then guided tapering with a plan', () => {
    expect(ids({ onAntidepressant: true })).toEqual(['aid.one-episode-on-ad']);
    expect(rows({ onAntidepressant: true }).rows[0]?.sources).toEqual(['S30', 'S33']);
  });
  it('≥ 2 episodes → PCT (8 sessions, possibly guided self-help) or MBCT; antidepressant ≥ 1 year; plan', () => {
    expect(ids({ episodes: 2 })).toEqual(['aid.recurrent']);
  });
  it('≥ 3 episodes extends the ≥ 2 row: both rows are returned (MBCT especially; shared decision)', () => {
    expect(ids({ episodes: 3 })).toEqual(['aid.recurrent', 'aid.three-or-more']);
  });
  it('residual symptoms after antidepressant response → CBT rather than prevention-only; consider basis-GGZ', () => {
    expect(ids({ residualSymptoms: true, onAntidepressant: true })).toEqual([
      'aid.one-episode-on-ad',
      'aid.residual-symptoms',
    ]);
  });
  it('W8: residual symptoms without an antidepressant give no residual-symptoms row', () => {
    expect(ids({ residualSymptoms: true })).not.toContain('aid.residual-symptoms');
  });
  it('W8: one episode and a wish to taper after 6 months in remission → never stop abruptly, taper with the huisarts', () => {
    const out = rows({ onAntidepressant: true, wantsToTaper: true, remissionDate: '2024-09-01' });
    expect(out.rows.map((r) => r.rowId)).toEqual(['aid.one-episode-on-ad', 'aid.taper']);
    expect(out.rows[1]?.options.map((o) => o.nl)).toContain('Nooit abrupt stoppen');
  });
  it('W8: two episodes and a wish to taper after 12 months in remission → also PCT or MBCT during tapering', () => {
    expect(ids({ episodes: 2, onAntidepressant: true, wantsToTaper: true, remissionDate: '2024-01-01' })).toEqual([
      'aid.recurrent',
      'aid.taper',
      'aid.taper-recurrent',
    ]);
  });
  it('W8: the remission date counts: two episodes and 8 months in remission → "nog niet afbouwen: 8 maanden in remissie"', () => {
    const out = rows({ episodes: 2, onAntidepressant: true, wantsToTaper: true, remissionDate: '2024-07-01' });
    expect(out.rows.map((r) => r.rowId)).toEqual(['aid.recurrent', 'aid.taper-too-soon']);
    expect(out.rows[1]?.options[0]?.nl).toBe(
      'Nog niet afbouwen: 8 maanden in remissie (minimaal 6 bij één episode, 12 bij twee of meer)',
    );
  });
  it('W8: not in full remission → re-assess per NHG, step 2, and no tapering offered', () => {
    expect(ids({ fullRemission: false, onAntidepressant: true, wantsToTaper: true })).toEqual([
      'aid.one-episode-on-ad',
      'aid.taper-not-in-remission',
      'aid.not-in-remission',
    ]);
  });
  it('W8: one episode, not in remission, no antidepressant still gives a row', () => {
    expect(ids({ fullRemission: false })).toEqual(['aid.not-in-remission']);
  });
  it('warning signs return → re-assess per NHG and step up', () => {
    expect(ids({ warningSigns: true })).toContain('aid.warning-signs');
  });
  it('PHQ-9 ≥ 10 → re-assess per NHG and step up', () => {
    expect(ids({ phq9: answersFor('phq9', [2, 2, 2, 2, 2, 0, 0, 0, 0]) })).toContain('aid.warning-signs');
  });
  it('PHQ-9 item 9 ≥ 1 → safety', () => {
    const out = rows({ phq9: answersFor('phq9', [0, 0, 0, 0, 0, 0, 0, 0, 1]) });
    expect(out.safety).toBe(true);
    expect(out.rows.map((r) => r.rowId)).toContain('aid.suicidal-thoughts');
  });
  it('computes whole months since remission from `now`', () => {
    expect(rows({ remissionDate: '2024-09-03' }).monthsSinceRemission).toBe(6);
    expect(rows({ remissionDate: '2024-09-04' }).monthsSinceRemission).toBe(5);
  });
  it('refuses an intake with 0 episodes or a remission date in the future', () => {
    const zero = relapseDecisionAid({ pack, intake: { ...base, episodes: 0 }, now: NOW });
    const future = relapseDecisionAid({ pack, intake: { ...base, remissionDate: '2026-01-01' }, now: NOW });
    expect([zero.ok ? null : zero.error.code, future.ok ? null : future.error.code]).toEqual([
      'invalid-intake',
      'invalid-intake',
    ]);
  });
});

describe('3b step from PHQ-9 monitoring only', () => {
  const step = (scores: number[], intake: Partial<RelapseIntake> = {}) => {
    const r = evaluateScreening({
      pack,
      instrumentId: 'phq-9',
      answers: answersFor('phq9', scores),
      context: { phase: 'none' },
      intake: { ...base, ...intake },
      now: NOW,
    });
    return r.ok ? r.value.recommendation : null;
  };
  it('PHQ-9 below 10 → stay on relapse prevention (step 1), check in 90 days', () => {
    expect(step([1, 1, 1, 1, 1, 1, 1, 1, 0])).toEqual({ kind: 'step', step: 1, administer: [] });
  });
  it('PHQ-9 ≥ 10 → re-assess and step up (step 2)', () => {
    expect(step([2, 2, 2, 2, 2, 0, 0, 0, 0])).toEqual({ kind: 'step', step: 2, administer: [] });
  });
  it('W4: "warning signs back?" is asked once, in the intake: yes with PHQ-9 5 → step 2, re-assess within 14 days', () => {
    const r = evaluateScreening({
      pack,
      instrumentId: 'phq-9',
      answers: answersFor('phq9', [1, 1, 1, 1, 1, 0, 0, 0, 0]),
      context: { phase: 'none' },
      intake: { ...base, warningSigns: true },
      now: NOW,
    });
    expect(r.ok && [r.value.recommendation, r.value.followUp?.date]).toEqual([
      { kind: 'step', step: 2, administer: [] },
      '2025-03-17',
    ]);
    expect(pack.pathway.questions.map((q) => q.question.nl)).not.toContain(
      'Zijn vroege waarschuwingssignalen uit het signaleringsplan terug?',
    );
  });
  it('not in full remission → step 2, as for warning signs', () => {
    expect(step([1, 1, 0, 0, 0, 0, 0, 0, 0], { fullRemission: false })).toEqual({
      kind: 'step',
      step: 2,
      administer: [],
    });
  });
  it('PHQ-9 item 9 ≥ 1 → safety path', () => {
    expect(step([0, 0, 0, 0, 0, 0, 0, 0, 1])).toEqual({ kind: 'safety', level: 'urgent', underlyingStep: 1 });
  });
});
