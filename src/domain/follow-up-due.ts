/**
 * Follow-up dates come from the pathway's defaults per step (and the safety path: next day [I]).
 * Dates are calendar days in the professional's time zone (CONTENT.md §4a): `now` carries the zone.
 */
import type { FollowUpDue, Recommendation } from './result';
import { dayAfter, UTC, type ZonedNow } from './time';
import type { Interval, Pathway, Step } from './types';

export function intervalFor(pathway: Pathway, target: Step | 'safety'): Interval {
  return target === 'safety' ? pathway.followUp.safety : pathway.followUp.steps[target];
}

/** A bare epoch is read as UTC (golden vectors); the app always passes its zone. */
const zoned = (now: ZonedNow | number): ZonedNow => (typeof now === 'number' ? { epochMs: now, timeZone: UTC } : now);

export function dueFromInterval(interval: Interval, now: ZonedNow | number): FollowUpDue {
  const at = zoned(now);
  return {
    date: dayAfter(at, interval.defaultDays),
    earliest: dayAfter(at, interval.minDays),
    latest: dayAfter(at, interval.maxDays),
    certainty: interval.certainty,
  };
}

/** Null when the next action is another instrument right now. */
export function dueDate(pathway: Pathway, recommendation: Recommendation, now: ZonedNow | number): FollowUpDue | null {
  switch (recommendation.kind) {
    case 'safety':
      return dueFromInterval(intervalFor(pathway, 'safety'), now);
    case 'step':
      return dueFromInterval(intervalFor(pathway, recommendation.step), now);
    case 'administer':
      return null;
    default: {
      const exhaustive: never = recommendation;
      return exhaustive;
    }
  }
}
