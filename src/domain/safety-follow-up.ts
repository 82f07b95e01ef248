/**
 * The follow-up date a professional may save (CONTENT.md §4): on the safety path it is the next day
 * [I] whatever underlying step is chosen, and a later day needs a recorded reason; no date lies in
 * the past; a date beyond the interval's maximum (of the safety path or the chosen step) asks to
 * confirm. Dates are calendar days in the professional's time zone.
 */
import { intervalFor } from './follow-up-due';
import { addCalendarDays, calendarDay, type ZonedNow } from './time';
import type { Pathway, Step } from './types';

export interface FollowUpDateInput {
  readonly pathway: Pathway;
  /** True when the outcome is on the safety path (a red flag or a yes to a safety question). */
  readonly safety: boolean;
  /** The step the professional chose (the proposal or an override), or the safety path itself. */
  readonly chosen: Step | 'safety';
  readonly now: ZonedNow;
}

/**
 * The date the screen proposes: the safety interval on the safety path, else the chosen step's.
 * `latest` is the chosen step's maximum (on the safety path a later day already needs a reason;
 * beyond the step's own maximum it also asks to confirm).
 */
export function proposedFollowUpDate(input: FollowUpDateInput): { date: string; latest: string } {
  const interval = intervalFor(input.pathway, input.safety ? 'safety' : input.chosen);
  // Following the safety path itself: the pathway's longest step interval is the outer limit.
  const maxDays =
    input.chosen === 'safety'
      ? Math.max(...input.pathway.followUp.steps.map((s) => s.maxDays))
      : intervalFor(input.pathway, input.chosen).maxDays;
  const today = calendarDay(input.now.epochMs, input.now.timeZone);
  return { date: addCalendarDays(today, interval.defaultDays), latest: addCalendarDays(today, maxDays) };
}

export type FollowUpDateProblem =
  | 'invalid'
  | 'in-the-past'
  /** A safety follow-up later than the next day: the reason is recorded with the decision. */
  | 'later-needs-reason'
  /** Beyond the interval's maximum: the professional confirms she means it. */
  | 'beyond-maximum-unconfirmed';

export function checkFollowUpDate(
  input: FollowUpDateInput & {
    readonly date: string;
    readonly reason: string;
    readonly confirmedBeyondMaximum: boolean;
  },
): FollowUpDateProblem | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.date) || Number.isNaN(Date.parse(`${input.date}T00:00:00Z`))) {
    return 'invalid';
  }
  const today = calendarDay(input.now.epochMs, input.now.timeZone);
  if (input.date < today) return 'in-the-past';
  const proposed = proposedFollowUpDate(input);
  if (input.safety && input.date > proposed.date && input.reason.trim() === '') return 'later-needs-reason';
  if (input.date > proposed.latest && !input.confirmedBeyondMaximum) return 'beyond-maximum-unconfirmed';
  return null;
}
