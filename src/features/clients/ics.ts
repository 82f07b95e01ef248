// A follow-up as an iCalendar file for the professional's own agenda. The event leaves the device,
// so it carries no client detail at all: no alias, no pathway, no step — only the date and a fixed title.

export const ICS_SUMMARY = 'Stapwijzer: vervolgcontact';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function compact(date: Date): string {
  return date.toISOString().slice(0, 10).replaceAll('-', '');
}

function stamp(date: Date): string {
  return `${date.toISOString().slice(0, 19).replaceAll('-', '').replaceAll(':', '')}Z`;
}

/** An all-day VEVENT on `dueDate` (YYYY-MM-DD); `uid` must not be derived from client data. */
export function followUpIcs(dueDate: string, uid: string, now: Date): string {
  const m = DATE.exec(dueDate);
  if (!m) throw new TypeError(`dueDate must be YYYY-MM-DD, got ${dueDate}`);
  // Calendar arithmetic in UTC so no time zone or DST shifts the day.
  const start = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  const end = new Date(start.getTime() + 86_400_000);
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Stapwijzer//NL',
    'CALSCALE:GREGORIAN',
    'BEGIN:VEVENT',
    `UID:${uid}@stapwijzer`,
    `DTSTAMP:${stamp(now)}`,
    `DTSTART;VALUE=DATE:${compact(start)}`,
    `DTEND;VALUE=DATE:${compact(end)}`,
    `SUMMARY:${ICS_SUMMARY}`,
    'TRANSP:TRANSPARENT',
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n');
}

export function icsFileName(dueDate: string): string {
  return `stapwijzer-vervolgcontact-${dueDate}.ics`;
}
