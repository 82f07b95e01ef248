// The relapse-prevention plan as the builder edits it, and how a revision keeps earlier versions.
import type { PlanPayload } from '../../db';

export type PlanContent = Omit<PlanPayload, 'history' | 'revisedAt' | 'intake'>;

/** A new version dated `now`; the current version (if any) moves into `history`, newest last. */
export function revisePlan(current: PlanPayload | null, next: PlanContent, now: string): PlanPayload {
  if (!current) return { ...next, revisedAt: now };
  const { history = [], ...snapshot } = current;
  return {
    ...next,
    ...(current.intake ? { intake: current.intake } : {}),
    revisedAt: now,
    history: [...history, { revisedAt: current.revisedAt, snapshot }],
  };
}

/** Lines of a textarea as list items: trimmed, empty lines dropped. */
export function toLines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
}
