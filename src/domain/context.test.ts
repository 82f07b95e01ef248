/** CONTENT.md §3a: pregnancy as weeks of gestation, the trimester derived, a context carried forward. */
import { describe, expect, it } from 'vitest';
import { carryContext, trimesterOf, trimesterOfWeeks } from './context';

const DAY = 86_400_000;
const AT = Date.parse('2025-03-03T09:00:00.000Z');

describe('weeks of gestation', () => {
  it.each([
    [0, 1],
    [13, 1],
    [14, 2],
    [27, 2],
    [28, 3],
    [41, 3],
  ] as const)('%i weeks of gestation is trimester %i', (weeks, trimester) => {
    expect(trimesterOfWeeks(weeks)).toBe(trimester);
  });

  it('a context stored before weeks of gestation keeps its trimester', () => {
    expect(trimesterOf({ phase: 'pregnant', trimester: 2 })).toBe(2);
  });

  it('a follow-up 4 weeks later moves 12 weeks of gestation on to 16: from trimester 1 to trimester 2', () => {
    const carried = carryContext({ phase: 'pregnant', gestationWeeks: 12 }, AT, AT + 28 * DAY);
    expect(carried).toEqual({ context: { phase: 'pregnant', gestationWeeks: 16 }, askBirth: false });
  });

  it('once the pregnancy reaches 40 weeks the app asks whether she has given birth', () => {
    expect(carryContext({ phase: 'pregnant', gestationWeeks: 37 }, AT, AT + 21 * DAY).askBirth).toBe(true);
  });

  it('weeks after birth move on too; a trimester-only context cannot be moved on and is asked again', () => {
    expect(carryContext({ phase: 'postpartum', weeks: 6 }, AT, AT + 14 * DAY).context).toEqual({
      phase: 'postpartum',
      weeks: 8,
    });
    expect(carryContext({ phase: 'pregnant', trimester: 1 }, AT, AT + 14 * DAY).context).toBeNull();
  });
});

describe('carryContext in calendar days', () => {
  it("two weeks later at an earlier hour is still two weeks, in the professional's zone", () => {
    const monday10 = Date.parse('2026-03-02T09:00:00Z'); // 10:00 in Amsterdam
    const twoWeeksLater9 = Date.parse('2026-03-16T08:00:00Z'); // 09:00 in Amsterdam
    const postpartum = { phase: 'postpartum' as const, weeks: 6 };
    expect(carryContext(postpartum, monday10, twoWeeksLater9, 'Europe/Amsterdam').context).toEqual({
      phase: 'postpartum',
      weeks: 8,
    });
    // 13 calendar days is one whole week.
    expect(carryContext(postpartum, monday10, twoWeeksLater9 - 86_400_000, 'Europe/Amsterdam').context).toEqual({
      phase: 'postpartum',
      weeks: 7,
    });
  });
});
