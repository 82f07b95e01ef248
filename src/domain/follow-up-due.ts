/** Follow-up dates come from the pathway's defaults per step (and the safety path: next day [I]). */
import type { FollowUpDue, Recommendation } from './result';
import { isoDateAfter } from './time';
import type { Interval, Pathway, Step } from './types';

export function intervalFor(pathway: Pathway, target: Step | 'safety'): Interval {
  return target === 'safety' ? pathway.followUp.safety : pathway.followUp.steps[target];
}

export function dueFromInterval(interval: Interval, nowMs: number): FollowUpDue {
  return {
    date: isoDateAfter(nowMs, interval.defaultDays),
    earliest: isoDateAfter(nowMs, interval.minDays),
    latest: isoDateAfter(nowMs, interval.maxDays),
    certainty: interval.certainty,
  };
}

/** Null when the next action is another instrument right now. */
export function dueDate(pathway: Pathway, recommendation: Recommendation, nowMs: number): FollowUpDue | null {
  switch (recommendation.kind) {
    case 'safety':
      return dueFromInterval(intervalFor(pathway, 'safety'), nowMs);
    case 'step':
      return dueFromInterval(intervalFor(pathway, recommendation.step), nowMs);
    case 'administer':
      return null;
    default: {
      const exhaustive: never = recommendation;
      return exhaustive;
    }
  }
}
