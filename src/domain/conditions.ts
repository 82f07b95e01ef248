/** Evaluates the condition language of routing rules and decision-aid rows (pure data, no eval). */
import { trimesterOf } from './context';
import type { InstrumentScore } from './result';
import type { Condition, Cutoff, RelapseIntake, ScreeningContext, Threshold } from './types';

export interface Facts {
  readonly score: InstrumentScore | null;
  readonly context: ScreeningContext;
  readonly flags: Readonly<Record<string, boolean>>;
  readonly intake: RelapseIntake | null;
  /** Whole months since the intake's remission date; null when unknown. */
  readonly remissionMonths?: number | null;
  readonly cutoffs: readonly Cutoff[];
}

/** A cut-off's value in this context: the first matching override, else the default. */
export function resolveCutoff(cutoff: Cutoff, facts: Facts): number {
  for (const override of cutoff.overrides) {
    if (matches(override.when, facts)) return override.value;
  }
  return cutoff.value;
}

function threshold(value: Threshold, facts: Facts): number {
  if (typeof value === 'number') return value;
  const cutoff = facts.cutoffs.find((c) => c.id === value.cutoff);
  // Integrity checks refuse packs with unknown cut-off ids; NaN makes every comparison false.
  return cutoff === undefined ? Number.NaN : resolveCutoff(cutoff, facts);
}

function inRange(value: number, min: Threshold | undefined, below: Threshold | undefined, facts: Facts): boolean {
  if (min !== undefined && !(value >= threshold(min, facts))) return false;
  if (below !== undefined && !(value < threshold(below, facts))) return false;
  return true;
}

export function matches(condition: Condition, facts: Facts): boolean {
  switch (condition.kind) {
    case 'total':
      return (
        facts.score?.instrumentId === condition.instrument &&
        inRange(facts.score.total, condition.min, condition.below, facts)
      );
    case 'item': {
      if (facts.score?.instrumentId !== condition.instrument) return false;
      const item = facts.score.items.find((i) => i.itemId === condition.item);
      return item !== undefined && inRange(item.score, condition.min, condition.below, facts);
    }
    case 'band':
      return facts.score?.instrumentId === condition.instrument && facts.score.band.id === condition.band;
    case 'flag':
      return facts.flags[condition.flag] === true;
    case 'context': {
      if (facts.context.phase !== condition.phase) return false;
      if (condition.trimesters === undefined) return true;
      const trimester = trimesterOf(facts.context);
      return trimester !== null && condition.trimesters.includes(trimester);
    }
    case 'episodes':
      return (
        facts.intake !== null &&
        (condition.min === undefined || facts.intake.episodes >= condition.min) &&
        (condition.max === undefined || facts.intake.episodes <= condition.max)
      );
    case 'intake':
      return facts.intake !== null && facts.intake[condition.field] === condition.equals;
    case 'remission-months': {
      const months = facts.remissionMonths ?? null;
      return (
        months !== null &&
        (condition.min === undefined || months >= condition.min) &&
        (condition.below === undefined || months < condition.below)
      );
    }
    case 'remission-known':
      return (facts.remissionMonths !== undefined && facts.remissionMonths !== null) === condition.equals;
    case 'all':
      return condition.of.every((c) => matches(c, facts));
    case 'any':
      return condition.of.some((c) => matches(c, facts));
    case 'not':
      return !matches(condition.of, facts);
    default: {
      const exhaustive: never = condition;
      return exhaustive;
    }
  }
}

/** Cut-off ids a condition refers to, so the outcome can name them as reasons. */
export function cutoffsUsed(condition: Condition): string[] {
  switch (condition.kind) {
    case 'total':
      return [condition.min, condition.below].flatMap((t) =>
        t !== undefined && typeof t !== 'number' ? [t.cutoff] : [],
      );
    case 'all':
    case 'any':
      return condition.of.flatMap(cutoffsUsed);
    case 'not':
      return cutoffsUsed(condition.of);
    case 'item':
    case 'band':
    case 'flag':
    case 'context':
    case 'episodes':
    case 'intake':
    case 'remission-months':
    case 'remission-known':
      return [];
    default: {
      const exhaustive: never = condition;
      return exhaustive;
    }
  }
}
