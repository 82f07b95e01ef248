import { calendarDay } from '../../domain';

/** The professional's IANA time zone (Europe/Amsterdam on a Dutch device), passed into the domain with `now`. */
export function deviceTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** Local calendar dates as `YYYY-MM-DD` (follow-ups are due on a day, not an instant). */
export function localDate(ms: number): string {
  return calendarDay(ms, deviceTimeZone());
}

/** A `YYYY-MM-DD` date for people: 14-03-2026 in Dutch, 2026-03-14 stays readable in English. */
export function showDate(date: string, language: 'nl' | 'en'): string {
  const [y, m, d] = date.split('-');
  return language === 'nl' ? `${d}-${m}-${y}` : date;
}
