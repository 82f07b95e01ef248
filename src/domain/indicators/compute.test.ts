import { describe, expect, it } from 'vitest';
import { bundledPack } from '../../content/testing';
import type { Recommendation } from '../result';
import { addCalendarDays } from '../time';
import { classifyFollowUp, computeIndicators, followUpFunnel, isPositive, overrideKind } from './compute';
import { periodOf, periodsEnding } from './periods';
import type { IndicatorDecision, IndicatorFollowUp } from './types';

const pack = bundledPack('postpartum');
const step1 = pack.pathway.followUp.steps[1];
const followUp = (over: Partial<IndicatorFollowUp> = {}): IndicatorFollowUp => ({
  pathwayId: 'postpartum',
  status: 'open',
  decidedDay: '2026-03-01',
  dueDate: addCalendarDays('2026-03-01', step1.defaultDays),
  step: 1,
  screeningId: 's',
  ...over,
});
const stepRec = (step: 0 | 1 | 2 | 3): Recommendation => ({ kind: 'step', step, administer: [] });
const decision = (recommended: Recommendation, chosen: IndicatorDecision['chosen']): IndicatorDecision => ({
  screeningId: 's',
  pathwayId: 'postpartum',
  day: '2026-03-01',
  recommended,
  chosen,
});

describe('follow-up on time, late, missed, open', () => {
  const f = followUp();
  it('on time: screened within the step window after the decision', () => {
    expect(classifyFollowUp(pack, f, addCalendarDays(f.decidedDay, step1.maxDays), '2026-12-01')).toBe('on-time');
  });
  it('on time: screened by the due date + 3 days, even outside the window', () => {
    expect(classifyFollowUp(pack, f, addCalendarDays(f.dueDate, 3), '2026-12-01')).toBe('on-time');
  });
  it('late: screened after the window and after due + 3', () => {
    const day = addCalendarDays(f.decidedDay, Math.max(step1.maxDays, step1.defaultDays + 3) + 1);
    expect(classifyFollowUp(pack, f, day, '2026-12-01')).toBe('late');
  });
  it('missed: open and more than 28 days past the due date', () => {
    expect(classifyFollowUp(pack, f, null, addCalendarDays(f.dueDate, 29))).toBe('missed');
  });
  it('open: open and 28 days past the due date', () => {
    expect(classifyFollowUp(pack, f, null, addCalendarDays(f.dueDate, 28))).toBe('open');
  });
  it('missed: closed without a screening', () => {
    expect(classifyFollowUp(pack, followUp({ status: 'done' }), null, f.dueDate)).toBe('missed');
  });
});

describe('overrides by kind', () => {
  const proposedDue = addCalendarDays('2026-03-01', step1.defaultDays);
  it('higher step', () => expect(overrideKind(pack, decision(stepRec(1), 2), null)).toBe('higher'));
  it('lower step', () => expect(overrideKind(pack, decision(stepRec(2), 1), null)).toBe('lower'));
  it('the safety path chosen over a step is higher', () =>
    expect(overrideKind(pack, decision(stepRec(3), 'safety'), null)).toBe('higher'));
  it('same step, another date', () =>
    expect(overrideKind(pack, decision(stepRec(1), 1), addCalendarDays(proposedDue, 1))).toBe('other-date'));
  it('same step, the proposed date', () =>
    expect(overrideKind(pack, decision(stepRec(1), 1), proposedDue)).toBe('as-proposed'));
  it('another instrument first: nothing to override', () =>
    expect(overrideKind(pack, decision({ kind: 'administer', instruments: ['epds'] }, 0), null)).toBeNull());
});

describe('positive screenings and periods', () => {
  it('positive when a rule of the screening is marked positive in the pack', () => {
    const rule = pack.pathway.rules.find((r) => r.positive === true);
    const other = pack.pathway.rules.find((r) => r.positive !== true);
    expect(rule).toBeDefined();
    const s = {
      id: 'a',
      pathwayId: 'postpartum' as const,
      day: '2026-01-01',
      previousScreeningId: null,
      followUp: null,
    };
    expect(isPositive(pack, { ...s, ruleIds: [rule?.id ?? ''] })).toBe(true);
    expect(isPositive(pack, { ...s, ruleIds: [other?.id ?? ''] })).toBe(false);
  });
  it('months and quarters, oldest first, ending with today', () => {
    expect(periodsEnding('2026-02-15', 'month', 3)).toEqual(['2025-12', '2026-01', '2026-02']);
    expect(periodsEnding('2026-02-15', 'quarter', 3)).toEqual(['2025-Q3', '2025-Q4', '2026-Q1']);
    expect(periodOf('2026-12-31', 'quarter')).toBe('2026-Q4');
  });
  it('a follow-up counts in the quarter of its due date; the funnel adds up', () => {
    const ind = computeIndicators({
      clients: [{ screenings: [], decisions: [], followUps: [followUp({ dueDate: '2026-04-02' })] }],
      safetyEvents: [],
      packs: [pack],
      today: '2026-12-01',
      granularity: 'quarter',
      periods: 4,
    });
    const table = ind.pathways[0]?.tables.find((t) => t.id === 'follow-ups');
    expect(table?.rows.find((r) => r.key === 'missed')?.counts).toEqual([0, 1, 0, 0]);
    expect(ind.periods).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    expect(table && followUpFunnel(table)).toEqual({ due: 1, screened: 0, onTime: 0 });
  });
});
