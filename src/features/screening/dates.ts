import { calendarDay } from '../../domain';

/** The professional's IANA time zone (Europe/Amsterdam on a Dutch device), passed into the domain with `now`. */
export function deviceTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** Local calendar dates as `YYYY-MM-DD` (follow-ups are due on a day, not an instant). */
export function localDate(ms: number): string {
  return calendarDay(ms, deviceTimeZone());
}
