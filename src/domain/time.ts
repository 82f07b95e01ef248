/**
 * Time helpers. The domain never reads the clock: `now` always arrives as a parameter, and with it
 * the professional's time zone, because a due date is a calendar day where she lives (STYLE.md 16):
 * a screening at 00:30 on 3 March in Amsterdam is on 3 March, not on 2 March (UTC).
 */
import type { Instant } from './types';

const DAY_MS = 86_400_000;

/** An instant together with the IANA time zone of the professional (e.g. Europe/Amsterdam). */
export interface ZonedNow {
  readonly epochMs: number;
  readonly timeZone: string;
}

/** Golden vectors and older callers give instants in UTC: their days are UTC days. */
export const UTC = 'UTC';

/** Epoch milliseconds of an instant, or null when it is not a valid time. */
export function toEpochMs(now: Instant): number | null {
  const ms = typeof now === 'number' ? now : Date.parse(now);
  return Number.isFinite(ms) ? ms : null;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True when `timeZone` is an IANA zone this runtime knows. */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The one function that turns an instant into a calendar day (YYYY-MM-DD) in a time zone. */
export function calendarDay(epochMs: number, timeZone: string): string {
  const parts = formatterFor(timeZone).formatToParts(epochMs);
  const part = (type: 'year' | 'month' | 'day') => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** Calendar arithmetic on a YYYY-MM-DD day: no hours, so a DST change never shifts the date. */
export function addCalendarDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, (d ?? 1) + days)).toISOString().slice(0, 10);
}

/** Whole calendar days from `from` to `to` (both YYYY-MM-DD); negative when `to` is earlier. */
export function calendarDaysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** The calendar day `days` after the day `now` falls on, in the professional's zone. */
export function dayAfter(now: ZonedNow, days: number): string {
  return addCalendarDays(calendarDay(now.epochMs, now.timeZone), days);
}

/** Calendar date (YYYY-MM-DD, UTC) `days` after `epochMs`. Kept for UTC callers; prefer `dayAfter`. */
export function isoDateAfter(epochMs: number, days: number): string {
  return dayAfter({ epochMs, timeZone: UTC }, days);
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
