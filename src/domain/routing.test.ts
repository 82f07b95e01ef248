/** CONTENT.md §3a, §3c and §4: one `it` per routing row, in clinical language. */
import { describe, expect, it } from 'vitest';
import { answersFor, bundledPack, epdsTotal, yesCount } from '../content/testing';
import type { ScreeningOutcome } from './result';
import { evaluateScreening, type ScreeningInput } from './routing';
import type { ScreeningContext } from './types';

const NOW = '2025-03-03T09:00:00.000Z';
const postpartum = bundledPack('postpartum');
const caregivers = bundledPack('caregivers');
const pp = (weeks: number): ScreeningContext => ({ phase: 'postpartum', weeks });
const trimester = (t: 1 | 2 | 3): ScreeningContext => ({ phase: 'pregnant', trimester: t });

function run(input: Omit<ScreeningInput, 'now'>): ScreeningOutcome {
  const r = evaluateScreening({ ...input, now: NOW });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}
const epds = (total: number, context: ScreeningContext, item10 = 0, flags: Record<string, boolean> = {}) =>
  run({ pack: postpartum, instrumentId: 'epds', answers: epdsTotal(total, item10), context, flags });
const ruleIds = (o: ScreeningOutcome) =>
  o.reasons.filter((r) => r.kind !== 'band' && r.kind !== 'cutoff').map((r) => r.ruleId);

describe('3a pregnancy and postpartum', () => {
  it('Whooley negative (no to both core questions) → step 0, EPDS optional', () => {
    const o = run({
      pack: postpartum,
      instrumentId: 'whooley',
      answers: { 'whooley-1': 0, 'whooley-2': 0 },
      context: pp(6),
    });
    expect(o.recommendation).toEqual({ kind: 'step', step: 0, administer: [] });
    expect(ruleIds(o)).toEqual(['pp.whooley-negative']);
  });

  it('Whooley positive (yes to either core question) → administer the EPDS now, no follow-up date', () => {
    for (const answers of [
      { 'whooley-1': 1, 'whooley-2': 0 },
      { 'whooley-1': 0, 'whooley-2': 1 },
    ]) {
      const o = run({ pack: postpartum, instrumentId: 'whooley', answers, context: pp(6) });
      expect(o.recommendation).toEqual({ kind: 'administer', instruments: ['epds'] });
      expect(o.followUp).toBeNull();
    }
  });

  it('Whooley help question steers the conversation, not the score', () => {
    const o = run({
      pack: postpartum,
      instrumentId: 'whooley',
      answers: { 'whooley-1': 0, 'whooley-2': 0, 'whooley-help': 1 },
      context: pp(6),
    });
    expect([o.score.total, o.recommendation.kind]).toEqual([0, 'step']);
  });

  it('EPDS 0–9 postpartum with item 10 = 0 → step 0, re-screen at the next routine contact (28 days)', () => {
    for (const total of [0, 5, 9]) {
      const o = epds(total, pp(8));
      expect(o.recommendation).toEqual({ kind: 'step', step: 0, administer: [] });
      expect(o.followUp?.date).toBe('2025-03-31');
    }
  });

  it('EPDS 10–12 postpartum with item 10 = 0 → step 1, follow-up in 14 days (range 2–4 weeks)', () => {
    for (const total of [10, 11, 12]) {
      const o = epds(total, pp(8));
      expect(o.recommendation).toEqual({ kind: 'step', step: 1, administer: [] });
      expect(o.followUp).toEqual({
        date: '2025-03-17',
        earliest: '2025-03-17',
        latest: '2025-03-31',
        certainty: 'inference',
      });
      expect(o.containsInference).toBe(true);
    }
  });

  it('EPDS 10 in the first trimester stays step 0: the trimester-1 cut-off is 11', () => {
    const o = epds(10, trimester(1));
    expect(o.recommendation).toEqual({ kind: 'step', step: 0, administer: [] });
    expect(o.reasons.some((r) => r.ruleId === 'cutoff.epds-entry=11')).toBe(true);
  });

  it('EPDS 11–12 in the first trimester → step 1', () => {
    expect(epds(11, trimester(1)).recommendation).toEqual({ kind: 'step', step: 1, administer: [] });
  });

  it('EPDS 10 in trimester 2 or 3 → step 1: the later cut-off is 10', () => {
    for (const t of [2, 3] as const) {
      const o = epds(10, trimester(t));
      expect(o.recommendation).toEqual({ kind: 'step', step: 1, administer: [] });
      expect(o.reasons.some((r) => r.ruleId === 'cutoff.epds-entry=10' && r.sources.includes('S9'))).toBe(true);
    }
  });

  it('EPDS ≥ 13 → step 2 in every context (huisarts / POH-GGZ assessment)', () => {
    for (const context of [pp(4), trimester(1), trimester(2), trimester(3)]) {
      expect(epds(13, context).recommendation).toEqual({ kind: 'step', step: 2, administer: [] });
    }
  });

  it.each([
    ['diagnosed-moderate-severe', 'diagnosed moderate/severe depression'],
    ['no-response-step-2', 'no response to step 2'],
    ['psychiatric-history-severe', 'a severe psychiatric history'],
    ['medication-question', 'medication questions in pregnancy or lactation'],
  ])('%s (%s) → step 3, specialist GGZ / POP-poli; every matching row is a reason', (flag) => {
    const o = epds(11, pp(8), 0, { [flag]: true });
    expect(o.recommendation).toEqual({ kind: 'step', step: 3, administer: [] });
    expect(ruleIds(o)).toEqual(['pp.epds-light', `pp.${flag}`]);
  });

  it('any other psychiatric history → at least step 2 (the history row is narrowed [I])', () => {
    const o = epds(5, pp(8), 0, { 'psychiatric-history-other': true });
    expect(o.recommendation).toEqual({ kind: 'step', step: 2, administer: [] });
  });

  it('EPDS item 10 ≥ 1 with a low total → safety path (same-day assessment), whatever the total', () => {
    for (const item10 of [1, 2, 3]) {
      const o = epds(item10, pp(8), item10);
      expect(o.recommendation).toEqual({ kind: 'safety', level: 'urgent', underlyingStep: 0 });
      expect(o.followUp?.date).toBe('2025-03-04');
    }
  });

  it('"signs of a postpartum psychosis?" answered yes → safety path (emergency), even with a low EPDS', () => {
    const o = epds(2, pp(1), 0, { 'postpartum-psychosis': true });
    expect(o.recommendation).toEqual({ kind: 'safety', level: 'emergency', underlyingStep: 0 });
    expect(o.reasons.find((r) => r.ruleId === 'postpartum-psychosis')?.sources).toEqual(['S70']);
  });

  it('psychosis emergency outranks an urgent item-10 red flag', () => {
    expect(epds(20, pp(2), 2, { 'postpartum-psychosis': true }).recommendation).toEqual({
      kind: 'safety',
      level: 'emergency',
      underlyingStep: 2,
    });
  });

  it('the outcome names the pack and instrument versions and the EPDS key is marked unverified', () => {
    const o = epds(11, pp(8));
    expect(o.versions).toEqual({
      packId: 'postpartum',
      packVersion: '1.1.0',
      instrumentId: 'epds',
      instrumentVersion: '1.0.0',
    });
    expect(o.score.keyVerified).toBe(false);
  });
});

describe('3c informal caregivers', () => {
  const cg = (instrumentId: string, answers: Record<string, number>, flags: Record<string, boolean> = {}) =>
    run({ pack: caregivers, instrumentId, answers, context: { phase: 'none' }, flags });

  it('EDIZ-plus 0–3 → step 0, recognition and information, re-check in 3–6 months', () => {
    for (const n of [0, 1, 3]) {
      const o = cg('ediz-plus', yesCount('ediz', 15, n));
      expect(o.recommendation).toEqual({ kind: 'step', step: 0, administer: [] });
      expect([o.followUp?.date, o.followUp?.latest]).toEqual(['2025-06-01', '2025-08-30']);
    }
  });

  it('CSI < 7 → step 0', () => {
    expect(cg('csi', yesCount('csi', 13, 6)).recommendation).toEqual({ kind: 'step', step: 0, administer: [] });
  });

  it('EDIZ-plus 4–8 → step 1, conversation with mantelzorgconsulent / wijkteam', () => {
    for (const n of [4, 8])
      expect(cg('ediz-plus', yesCount('ediz', 15, n)).recommendation).toEqual({
        kind: 'step',
        step: 1,
        administer: [],
      });
  });

  it('EDIZ-plus ≥ 9 (overloaded) → step 2, individual support and Wmo conversation', () => {
    for (const n of [9, 15])
      expect(cg('ediz-plus', yesCount('ediz', 15, n)).recommendation).toEqual({
        kind: 'step',
        step: 2,
        administer: [],
      });
  });

  it('CSI ≥ 7 (high strain) → step 2', () => {
    for (const n of [7, 13])
      expect(cg('csi', yesCount('csi', 13, n)).recommendation).toEqual({ kind: 'step', step: 2, administer: [] });
  });

  it('PHQ-2 ≥ 3 → administer the PHQ-9 now', () => {
    expect(cg('phq-2', answersFor('phq2', [2, 1])).recommendation).toEqual({
      kind: 'administer',
      instruments: ['phq-9'],
    });
  });

  it('W5: PHQ-2 < 3 sets no step of its own: without a burden screening that is step 0', () => {
    expect(cg('phq-2', answersFor('phq2', [1, 1])).recommendation).toEqual({ kind: 'step', step: 0, administer: [] });
  });

  it.each([0, 1, 2] as const)('W5: PHQ-2 < 3 or PHQ-9 < 10 on burden step %i keeps the burden step', (burden) => {
    for (const [instrumentId, answers] of [
      ['phq-2', answersFor('phq2', [1, 1])],
      ['phq-9', answersFor('phq9', [1, 1, 1, 1, 1, 1, 1, 1, 0])],
    ] as const) {
      const o = run({ pack: caregivers, instrumentId, answers, context: { phase: 'none' }, keptStep: burden });
      expect(o.recommendation).toEqual({ kind: 'step', step: burden, administer: [] });
      expect(o.keptStep).toBe(burden);
    }
  });

  it('PHQ-9 ≥ 10 → step 3, huisarts → POH-GGZ / basis-GGZ / specialist GGZ', () => {
    expect(cg('phq-9', answersFor('phq9', [2, 2, 2, 2, 2, 0, 0, 0, 0])).recommendation).toEqual({
      kind: 'step',
      step: 3,
      administer: [],
    });
  });

  it('PHQ-9 item 9 ≥ 1 → safety path (the underlying step is the burden step, here none: 0)', () => {
    expect(cg('phq-9', answersFor('phq9', [0, 0, 0, 0, 0, 0, 0, 0, 1])).recommendation).toEqual({
      kind: 'safety',
      level: 'urgent',
      underlyingStep: 0,
    });
  });

  it('"acute crisis in the care situation?" answered yes → safety path, whatever the burden score', () => {
    const o = cg('ediz-plus', yesCount('ediz', 15, 0), { 'acute-crisis': true });
    expect(o.recommendation).toEqual({ kind: 'safety', level: 'urgent', underlyingStep: 0 });
  });
});

describe('§4 safety path', () => {
  it('schedules the follow-up for the next day and names 113, the 113 professional line, huisarts and 112', () => {
    const o = epds(5, pp(8), 1);
    expect(o.followUp?.date).toBe('2025-03-04');
    expect(postpartum.pathway.safety.helpRoutes).toEqual(
      expect.arrayContaining(['113', '113-professionals', 'huisarts', 'huisartsenpost', '112']),
    );
  });

  it('offers recorded actions including an honest "assessed: no acute danger" that requires a note', () => {
    for (const pack of [postpartum, caregivers, bundledPack('relapse-prevention')]) {
      const actions = pack.pathway.safety.actions;
      expect(actions.find((a) => a.id === 'assessed-no-acute-danger')?.requiresNote).toBe(true);
      expect(actions.map((a) => a.id)).toEqual(
        expect.arrayContaining(['huisarts-informed', '113-called-with-client', 'crisis-service-contacted']),
      );
    }
  });

  it('ships only verified phone numbers: 113, 0800-0113, 112 and Veilig Thuis 0800-2000; not the 11-digit 113 professionals line', () => {
    const numbers = new Set(
      (['postpartum', 'relapse-prevention', 'caregivers'] as const).flatMap((id) =>
        bundledPack(id).helpRoutes.flatMap((h) => h.phones.map((p) => p.number)),
      ),
    );
    expect([...numbers].sort()).toEqual(['0800-0113', '0800-2000', '112', '113']);
  });
});

describe('band labels, weeks of gestation and the EPDS key confirmation', () => {
  it('in trimester 1 a total of 10 is not labelled "10–12: verhoogd" beside step 0: the label follows the cut-off', () => {
    const o = epds(10, { phase: 'pregnant', gestationWeeks: 10 });
    expect(o.recommendation).toEqual({ kind: 'step', step: 0, administer: [] });
    expect(o.score.band.label.nl).not.toMatch(/verhoogd/i);
    expect(epds(11, { phase: 'pregnant', gestationWeeks: 10 }).score.band.label.nl).toBe('Verhoogd (11–12)');
    expect(epds(10, pp(8)).score.band.label.nl).toBe('Verhoogd (10–12)');
  });

  it('pregnancy is stored as weeks of gestation and the trimester derived: EPDS 10 at 13 weeks is step 0, at 14 weeks step 1', () => {
    expect(epds(10, { phase: 'pregnant', gestationWeeks: 13 }).recommendation).toMatchObject({ step: 0 });
    expect(epds(10, { phase: 'pregnant', gestationWeeks: 14 }).recommendation).toMatchObject({ step: 1 });
  });

  it('W11: once the practice confirmed the EPDS key, the outcome no longer says the key is unverified', () => {
    const before = epds(11, pp(8));
    const after = run({
      pack: postpartum,
      instrumentId: 'epds',
      answers: epdsTotal(11),
      context: pp(8),
      confirmedKeys: ['epds'],
    });
    expect([before.score.keyVerified, before.containsUnverified]).toEqual([false, true]);
    expect([after.score.keyVerified, after.containsUnverified]).toEqual([true, false]);
  });
});

describe('advice of the recommended step (CONTENT.md §4a)', () => {
  it('a step-3 result never lists the step-0 "normaliseren" actions of the score row', () => {
    const o = epds(8, pp(8), 0, { 'psychiatric-history-severe': true });
    expect(o.recommendation).toMatchObject({ step: 3 });
    const actions = o.advice?.actions.map((a) => a.nl) ?? [];
    expect(actions.join(' ')).not.toMatch(/Normaliseren/);
    expect(actions).toContain('Verwijzing naar specialistische GGZ of de POP-poli');
  });

  it('the cards come from the pack: professional tip cards from step 1, none for the professional at step 0', () => {
    const step0 = epds(5, pp(8)).advice?.cardIds ?? [];
    const step1 = epds(11, pp(8)).advice?.cardIds ?? [];
    expect(step0).not.toContain('pp-tip-light-help');
    expect(step1).toContain('pp-tip-light-help');
  });
});
