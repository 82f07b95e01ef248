/**
 * CONTENT.md §4 and §4a (findings S3, S5): the safety panel shows the safety level alone — the
 * signal's own card first, the pack's safety actions for that signal — and the underlying step's
 * actions separately, for after the safety assessment.
 */
import { describe, expect, it } from 'vitest';
import { answersFor, bundledPack, epdsTotal } from '../content/testing';
import { evaluateScreening } from './routing';
import {
  actionsAfterAssessment,
  checkSafetyAction,
  detectSafetySignals,
  safetyAdvice,
  signalsOf,
} from './safety-advice';
import type { ContentPack } from './types';

const postpartum = bundledPack('postpartum');
const caregivers = bundledPack('caregivers');
const NOW = '2026-03-03T09:00:00Z';

function outcome(pack: ContentPack, instrumentId: string, answers: Record<string, number>, flags = {}) {
  const context = pack.id === 'postpartum' ? { phase: 'postpartum' as const, weeks: 2 } : { phase: 'none' as const };
  const r = evaluateScreening({ pack, instrumentId, answers, context, flags, now: NOW });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('a suspected postpartum psychosis with a low EPDS (S3)', () => {
  const o = outcome(postpartum, 'epds', epdsTotal(4), { 'postpartum-psychosis': true });
  const advice = safetyAdvice(postpartum, signalsOf(postpartum, o));

  it('is an emergency whose first card is the psychosis emergency card, not the self-harm card', () => {
    expect(advice?.level).toBe('emergency');
    expect(advice?.cardIds[0]).toBe('pp-emergency-psychosis');
    expect(advice?.cardIds).not.toContain('pp-safety-self-harm');
  });
  it('lists no "normaliseren" and no "opnieuw screenen bij het volgende vaste contactmoment" among its safety actions', () => {
    const labels = advice?.actions.map((a) => a.label.nl).join(' | ') ?? '';
    expect(labels).not.toMatch(/Normaliseren|Opnieuw screenen/);
  });
  it('keeps the underlying step-0 actions apart, for after the safety assessment', () => {
    const after = actionsAfterAssessment(postpartum, o);
    expect(after?.step).toBe(0);
    expect(after?.actions.map((a) => a.nl).join(' ')).toMatch(/Normaliseren/);
  });
});

describe('self-harm thoughts together with a psychosis', () => {
  it('shows the psychosis card first and then the self-harm card', () => {
    const o = outcome(postpartum, 'epds', epdsTotal(6, 1), { 'postpartum-psychosis': true });
    expect(safetyAdvice(postpartum, signalsOf(postpartum, o))?.cardIds).toEqual([
      'pp-emergency-psychosis',
      'pp-safety-self-harm',
    ]);
  });
});

describe('an acute crisis in the care situation (S3, CONTENT.md §4)', () => {
  const o = outcome(caregivers, 'ediz-plus', answersFor('ediz', Array<number>(15).fill(0)), {
    'acute-crisis': true,
  });
  const advice = safetyAdvice(caregivers, signalsOf(caregivers, o));
  it('offers emergency respite or admission via huisarts or wijkteam, and Veilig Thuis', () => {
    const ids = advice?.actions.map((a) => a.id);
    expect(ids).toEqual(expect.arrayContaining(['respite-arranged', 'veilig-thuis-called']));
    expect(advice?.helpRoutes).toEqual(expect.arrayContaining(['wmo', 'veilig-thuis']));
  });
  it('does not say "opnieuw kijken over 3–6 maanden" among its safety actions', () => {
    expect(advice?.actions.map((a) => a.label.nl).join(' ')).not.toMatch(/3–6 maanden/);
  });
  it('shows the crisis card first', () => {
    expect(advice?.cardIds[0]).toBe('cg-safety');
  });
});

describe('a caregiver with thoughts of death (PHQ-9 item 9) but no care crisis', () => {
  it('is not offered the care-crisis actions', () => {
    const o = outcome(caregivers, 'phq-9', answersFor('phq9', [1, 1, 1, 1, 1, 1, 1, 1, 1]));
    const ids = safetyAdvice(caregivers, signalsOf(caregivers, o))?.actions.map((a) => a.id) ?? [];
    expect(ids).toContain('huisarts-informed');
    expect(ids).not.toContain('respite-arranged');
  });
});

describe('a red-flag item is a signal as soon as it is entered (S4)', () => {
  it('EPDS item 10 marked "soms" raises the self-harm signal before the other items are answered', () => {
    // Item 10 is printed from "vaak" (3) to "nooit" (0): position 2 is "hardly ever", score 1.
    const signals = detectSafetySignals({
      pack: postpartum,
      instrumentIds: ['epds'],
      answers: { epds: { 'epds-10': 2 } },
      flags: {},
    });
    expect(signals.map((s) => s.id)).toEqual(['epds.item-10']);
  });
  it('EPDS item 10 marked "nooit" raises nothing', () => {
    expect(
      detectSafetySignals({
        pack: postpartum,
        instrumentIds: ['epds'],
        answers: { epds: { 'epds-10': 3 } },
        flags: {},
      }),
    ).toEqual([]);
  });
  it('a yes to "tekenen van een postpartumpsychose?" is a signal before any item is answered', () => {
    const signals = detectSafetySignals({
      pack: postpartum,
      instrumentIds: [],
      answers: {},
      flags: { 'postpartum-psychosis': true },
    });
    expect(signals.map((s) => [s.id, s.level])).toEqual([['postpartum-psychosis', 'emergency']]);
  });
});

describe('"invoer gecorrigeerd" (CONTENT.md §4)', () => {
  const selfHarm = detectSafetySignals({
    pack: postpartum,
    instrumentIds: ['epds'],
    answers: { epds: { 'epds-10': 0 } },
    flags: {},
  });
  it('is refused while the corrected answers still raise the flag', () => {
    expect(
      checkSafetyAction({
        pack: postpartum,
        open: selfHarm,
        stillRaised: selfHarm,
        actionId: 'input-corrected',
        note: 'x',
      }),
    ).toBe('flag-still-raised');
  });
  it('is allowed with a note once the corrected answers no longer raise it', () => {
    const args = { pack: postpartum, open: selfHarm, stillRaised: [], actionId: 'input-corrected' };
    expect(checkSafetyAction({ ...args, note: '' })).toBe('note-required');
    expect(checkSafetyAction({ ...args, note: 'Item 10 per ongeluk verkeerd aangetikt' })).toBeNull();
  });
  it('"beoordeeld: geen acuut gevaar" needs a note; "huisarts geïnformeerd" does not', () => {
    const args = { pack: postpartum, open: selfHarm, stillRaised: selfHarm, note: '' };
    expect(checkSafetyAction({ ...args, actionId: 'assessed-no-acute-danger' })).toBe('note-required');
    expect(checkSafetyAction({ ...args, actionId: 'huisarts-informed' })).toBeNull();
    expect(checkSafetyAction({ ...args, actionId: null })).toBe('choose-an-action');
  });
});
