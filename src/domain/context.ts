/**
 * The perinatal context of a screening. Pregnancy is stored as weeks of gestation and the trimester
 * is derived, so a follow-up weeks later recomputes it (and with it the EPDS cut-off, CONTENT.md §3a).
 */
import { calendarDay, calendarDaysBetween } from './time';
import type { ScreeningContext, Trimester } from './types';

const DAY_MS = 86_400_000;

/** Weeks of gestation at which a pregnancy counts as carried to term: then ask whether she gave birth. */
export const TERM_WEEKS = 40;
/** The app accepts weeks of gestation up to this value (post-term pregnancies end by 42 weeks). */
export const MAX_GESTATION_WEEKS = 42;

/** Trimester from completed weeks of gestation: 1 up to 13+6, 2 from 14 to 27+6, 3 from 28 weeks [I]. */
export function trimesterOfWeeks(weeks: number): Trimester {
  if (weeks < 14) return 1;
  return weeks < 28 ? 2 : 3;
}

/** The trimester of a pregnancy context (derived from the weeks of gestation when they are known). */
export function trimesterOf(context: ScreeningContext): Trimester | null {
  if (context.phase !== 'pregnant') return null;
  return context.gestationWeeks === undefined ? context.trimester : trimesterOfWeeks(context.gestationWeeks);
}

export interface CarriedContext {
  /** The earlier context moved on by the whole weeks that passed; null when it cannot be (trimester only). */
  readonly context: ScreeningContext | null;
  /** True when the pregnancy has reached term by now: the app asks whether she has given birth. */
  readonly askBirth: boolean;
}

/**
 * The earlier screening's context as it stands now, to be shown for confirmation at a follow-up. The
 * weeks passed are counted in calendar days of the professional's zone when it is given: screened on
 * a Monday at 10:00, two weeks later on Monday at 09:00 is two weeks, not one (issue 18).
 */
export function carryContext(
  earlier: ScreeningContext,
  earlierMs: number,
  nowMs: number,
  timeZone?: string,
): CarriedContext {
  const days =
    timeZone === undefined
      ? Math.floor((nowMs - earlierMs) / DAY_MS)
      : calendarDaysBetween(calendarDay(earlierMs, timeZone), calendarDay(nowMs, timeZone));
  const weeks = Math.max(0, Math.floor(days / 7));
  switch (earlier.phase) {
    case 'pregnant': {
      if (earlier.gestationWeeks === undefined) return { context: null, askBirth: false };
      const gestationWeeks = Math.min(MAX_GESTATION_WEEKS, earlier.gestationWeeks + weeks);
      return { context: { phase: 'pregnant', gestationWeeks }, askBirth: gestationWeeks >= TERM_WEEKS };
    }
    case 'postpartum':
      return { context: { phase: 'postpartum', weeks: earlier.weeks + weeks }, askBirth: false };
    case 'none':
      return { context: earlier, askBirth: false };
    default: {
      const exhaustive: never = earlier;
      return exhaustive;
    }
  }
}
