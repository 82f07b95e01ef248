// Local calendar dates for display and for "due today". Follow-up due dates are stored as local
// YYYY-MM-DD strings, so they are compared as strings and shown without a time-zone shift.
import { calendarDay } from '../../domain';
import type { Language } from '../../i18n/translate';

/** The calendar date of `at` as YYYY-MM-DD in the professional's zone (the one function, STYLE 16). */
export function localDate(at: Date = new Date()): string {
  return calendarDay(at.getTime(), Intl.DateTimeFormat().resolvedOptions().timeZone);
}

const LOCALES: Record<Language, string> = { nl: 'nl-NL', en: 'en-GB' };

/** "3 maart 2026" for a YYYY-MM-DD date, an ISO instant or epoch ms. */
export function formatDate(value: string | number, language: Language): string {
  const date =
    typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)
      ? new Date(Number(value.slice(0, 4)), Number(value.slice(5, 7)) - 1, Number(value.slice(8, 10)))
      : new Date(value);
  return new Intl.DateTimeFormat(LOCALES[language], { day: 'numeric', month: 'long', year: 'numeric' }).format(date);
}

export function formatShortDate(value: string | number, language: Language): string {
  return new Intl.DateTimeFormat(LOCALES[language], { day: 'numeric', month: 'short' }).format(new Date(value));
}
