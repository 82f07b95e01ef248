// One date format everywhere (issue 18): "3 maart 2026", and with a time "3 maart 2026 om 14:05",
// through Intl.DateTimeFormat (the browser ships the Dutch and English names; see format.ts on why no
// i18n library). A YYYY-MM-DD calendar day is read as that local day, never shifted by a time zone.
import type { Language } from './translate';

const LOCALES: Record<Language, string> = { nl: 'nl-NL', en: 'en-GB' };

function toDate(value: string | number): Date {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)
    ? new Date(Number(value.slice(0, 4)), Number(value.slice(5, 7)) - 1, Number(value.slice(8, 10)))
    : new Date(value);
}

const STYLES = {
  long: { dateStyle: 'long' },
  dateTime: { dateStyle: 'long', timeStyle: 'short' },
  short: { day: 'numeric', month: 'short' },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;

// One formatter per language and style: setting one up costs far more than formatting with it, and
// Vandaag formats a date for each of hundreds of rows in a team's caseload.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(language: Language, style: keyof typeof STYLES): Intl.DateTimeFormat {
  const key = `${language}:${style}`;
  let f = formatters.get(key);
  if (f === undefined) {
    f = new Intl.DateTimeFormat(LOCALES[language], STYLES[style]);
    formatters.set(key, f);
  }
  return f;
}

/** "3 maart 2026" for a YYYY-MM-DD date, an ISO instant or epoch ms. */
export function formatDate(value: string | number, language: Language): string {
  return formatter(language, 'long').format(toDate(value));
}

/** "3 maart 2026 om 14:05": for moments (audit events, backups, confirmations). */
export function formatDateTime(value: string | number, language: Language): string {
  return formatter(language, 'dateTime').format(toDate(value));
}

/** "3 mrt": only where space is short (chart axes), always next to a full date elsewhere. */
export function formatShortDate(value: string | number, language: Language): string {
  return formatter(language, 'short').format(toDate(value));
}
