/** CONTENT.md §4a, STYLE.md 16 (finding W10): due dates are calendar days in the professional's zone. */
import { describe, expect, it } from 'vitest';
import { bundledPack, epdsTotal } from '../content/testing';
import { evaluateScreening } from './routing';
import { addCalendarDays, calendarDay, dayAfter } from './time';

const AMS = 'Europe/Amsterdam';
const postpartum = bundledPack('postpartum');
const at = (iso: string) => Date.parse(iso);

function epdsDue(nowIso: string, item10 = 0): string | undefined {
  const r = evaluateScreening({
    pack: postpartum,
    instrumentId: 'epds',
    answers: epdsTotal(item10 > 0 ? 5 : 11, item10),
    context: { phase: 'postpartum', weeks: 6 },
    now: nowIso,
    timeZone: AMS,
  });
  if (!r.ok) throw new Error(r.error.message);
  return r.value.followUp?.date;
}

describe('a screening just after midnight in Amsterdam', () => {
  it('in winter (00:30 CET on 3 March = 23:30 UTC on 2 March) is on 3 March: the next-day safety follow-up is 4 March, not "today"', () => {
    expect(calendarDay(at('2026-03-02T23:30:00Z'), AMS)).toBe('2026-03-03');
    expect(epdsDue('2026-03-02T23:30:00Z', 1)).toBe('2026-03-04');
  });
  it('in summer (00:30 CEST on 3 July = 22:30 UTC on 2 July) is on 3 July; a 14-day interval is due on 17 July', () => {
    expect(calendarDay(at('2026-07-02T22:30:00Z'), AMS)).toBe('2026-07-03');
    expect(epdsDue('2026-07-02T22:30:00Z')).toBe('2026-07-17');
  });
  it('at 00:30 on 3 March with a 14-day interval is due on 17 March (CONTENT.md §4a)', () => {
    expect(epdsDue('2026-03-02T23:30:00Z')).toBe('2026-03-17');
  });
});

describe('a screening late in the evening in Amsterdam', () => {
  it('in winter (23:30 CET on 3 March = 22:30 UTC) stays on 3 March; the safety follow-up is 4 March', () => {
    expect(calendarDay(at('2026-03-03T22:30:00Z'), AMS)).toBe('2026-03-03');
    expect(epdsDue('2026-03-03T22:30:00Z', 1)).toBe('2026-03-04');
  });
  it('in summer (23:30 CEST on 3 July = 21:30 UTC) stays on 3 July; a 14-day interval is due on 17 July', () => {
    expect(calendarDay(at('2026-07-03T21:30:00Z'), AMS)).toBe('2026-07-03');
    expect(epdsDue('2026-07-03T21:30:00Z')).toBe('2026-07-17');
  });
});

describe('14-day intervals across the clock change', () => {
  it('across the last Sunday of March (29 March 2026, clocks forward) 14 days from 20 March at 00:30 is 3 April', () => {
    const now = { epochMs: at('2026-03-19T23:30:00Z'), timeZone: AMS };
    expect(dayAfter(now, 14)).toBe('2026-04-03');
    expect(epdsDue('2026-03-19T23:30:00Z')).toBe('2026-04-03');
  });
  it('across the last Sunday of March, 14 days from 20 March at 23:30 is 3 April', () => {
    expect(dayAfter({ epochMs: at('2026-03-20T22:30:00Z'), timeZone: AMS }, 14)).toBe('2026-04-03');
  });
  it('across the last Sunday of October (25 October 2026, clocks back) 14 days from 20 October at 00:30 is 3 November', () => {
    expect(dayAfter({ epochMs: at('2026-10-19T22:30:00Z'), timeZone: AMS }, 14)).toBe('2026-11-03');
    expect(epdsDue('2026-10-19T22:30:00Z')).toBe('2026-11-03');
  });
  it('across the last Sunday of October, 14 days from 20 October at 23:30 is 3 November', () => {
    expect(dayAfter({ epochMs: at('2026-10-20T21:30:00Z'), timeZone: AMS }, 14)).toBe('2026-11-03');
  });
  it('calendar arithmetic has no hours: adding 14 days to the day of the change keeps the weekday', () => {
    expect(addCalendarDays('2026-03-29', 14)).toBe('2026-04-12');
    expect(addCalendarDays('2026-10-25', 14)).toBe('2026-11-08');
  });
});
