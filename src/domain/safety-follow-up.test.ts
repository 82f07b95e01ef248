/** CONTENT.md §4 (finding S2): the follow-up of a safety outcome is the next day, whatever step is chosen. */
import { describe, expect, it } from 'vitest';
import { bundledPack } from '../content/testing';
import { checkFollowUpDate, proposedFollowUpDate } from './safety-follow-up';

const pathway = bundledPack('postpartum').pathway;
// 10:00 on 3 March 2026 in Amsterdam.
const now = { epochMs: Date.parse('2026-03-03T09:00:00Z'), timeZone: 'Europe/Amsterdam' };
const check = (over: Partial<Parameters<typeof checkFollowUpDate>[0]>) =>
  checkFollowUpDate({
    pathway,
    safety: true,
    chosen: 'safety',
    now,
    date: '2026-03-04',
    reason: '',
    confirmedBeyondMaximum: false,
    ...over,
  });

describe('a mother with thoughts of self-harm (EPDS item 10) on the safety path', () => {
  it('is followed up the next day when the professional follows the safety path', () => {
    expect(proposedFollowUpDate({ pathway, safety: true, chosen: 'safety', now }).date).toBe('2026-03-04');
  });
  it.each([0, 1, 2, 3] as const)(
    'is still followed up the next day when step %i is chosen as the underlying step',
    (step) => {
      expect(proposedFollowUpDate({ pathway, safety: true, chosen: step, now }).date).toBe('2026-03-04');
    },
  );
  it('may be seen later only with a recorded reason', () => {
    expect(check({ date: '2026-03-06' })).toBe('later-needs-reason');
    expect(check({ date: '2026-03-06', reason: 'Huisarts ziet haar vandaag; wij bellen vrijdag' })).toBeNull();
  });
  it('can never get a follow-up date in the past', () => {
    expect(check({ date: '2026-03-02' })).toBe('in-the-past');
    expect(check({ date: '2026-03-02', reason: 'x', confirmedBeyondMaximum: true })).toBe('in-the-past');
  });
  it('may be followed up today (the same day is not in the past)', () => {
    expect(check({ date: '2026-03-03' })).toBeNull();
  });
});

describe('a mother at step 1 without a safety signal', () => {
  it('gets the step interval, and a date beyond its maximum (28 days) asks to confirm', () => {
    const input = { pathway, safety: false, chosen: 1 as const, now };
    expect(proposedFollowUpDate(input).date).toBe('2026-03-17');
    expect(check({ ...input, date: '2026-03-31' })).toBeNull();
    expect(check({ ...input, date: '2026-04-01' })).toBe('beyond-maximum-unconfirmed');
    expect(check({ ...input, date: '2026-04-01', confirmedBeyondMaximum: true })).toBeNull();
  });
  it('refuses a date that is not a calendar date', () => {
    expect(check({ safety: false, chosen: 1, date: '2026-02-31x' })).toBe('invalid');
  });
});
