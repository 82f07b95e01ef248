// Local calendar dates for display and for "due today". Follow-up due dates are stored as local
// YYYY-MM-DD strings, so they are compared as strings and shown without a time-zone shift.
import { calendarDay } from '../../domain';

/** The calendar date of `at` as YYYY-MM-DD in the professional's zone (the one function, STYLE 16). */
export function localDate(at: Date = new Date()): string {
  return calendarDay(at.getTime(), Intl.DateTimeFormat().resolvedOptions().timeZone);
}

// The display formats live in i18n, one for the whole app.
export { formatDate, formatShortDate } from '../../i18n/dates';
