/** Time helpers. The domain never reads the clock: `now` always arrives as a parameter. */
import type { Instant } from './types';

const DAY_MS = 86_400_000;

/** Epoch milliseconds of an instant, or null when it is not a valid time. */
export function toEpochMs(now: Instant): number | null {
  const ms = typeof now === 'number' ? now : Date.parse(now);
  return Number.isFinite(ms) ? ms : null;
}

/** Calendar date (YYYY-MM-DD, UTC) `days` after `epochMs`. */
export function isoDateAfter(epochMs: number, days: number): string {
  return new Date(epochMs + days * DAY_MS).toISOString().slice(0, 10);
}

export function isoInstant(epochMs: number): string {
  return new Date(epochMs).toISOString();
}

/** Whole calendar months between two instants (floor), used for "≥ 6 months after remission". */
export function wholeMonthsBetween(fromMs: number, toMs: number): number {
  const a = new Date(fromMs);
  const b = new Date(toMs);
  let months = (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + (b.getUTCMonth() - a.getUTCMonth());
  if (b.getUTCDate() < a.getUTCDate()) months -= 1;
  return months;
}
