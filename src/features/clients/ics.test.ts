import { describe, expect, it } from 'vitest';
import { followUpIcs, ICS_SUMMARY, icsFileName } from './ics';

const NOW = new Date('2026-03-01T10:20:30Z');

describe('follow-up .ics export', () => {
  const ics = followUpIcs('2026-03-31', 'abc-123', NOW);
  const lines = ics.split('\r\n');

  it('is an all-day event on the due date, ending the next day', () => {
    expect(lines).toContain('DTSTART;VALUE=DATE:20260331');
    expect(lines).toContain('DTEND;VALUE=DATE:20260401');
    expect(lines).toContain('DTSTAMP:20260301T102030Z');
  });

  it('has exactly the summary "Stapwijzer: vervolgcontact" and nothing about the client', () => {
    expect(ICS_SUMMARY).toBe('Stapwijzer: vervolgcontact');
    expect(lines.filter((l) => l.startsWith('SUMMARY'))).toEqual(['SUMMARY:Stapwijzer: vervolgcontact']);
    const keys = lines.map((l) => l.split(/[:;]/)[0]);
    expect(keys).not.toContain('DESCRIPTION');
    expect(keys).not.toContain('LOCATION');
    expect(keys).not.toContain('ATTENDEE');
  });

  it('uses CRLF line endings and one VEVENT in a VCALENDAR', () => {
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(1);
  });

  it('crosses month and year ends and leap days correctly', () => {
    expect(followUpIcs('2026-12-31', 'x', NOW)).toContain('DTEND;VALUE=DATE:20270101');
    expect(followUpIcs('2028-02-28', 'x', NOW)).toContain('DTEND;VALUE=DATE:20280229');
  });

  it('refuses a date that is not YYYY-MM-DD', () => {
    expect(() => followUpIcs('31-03-2026', 'x', NOW)).toThrow(TypeError);
  });

  it('names the file stapwijzer-vervolgcontact-YYYY-MM-DD.ics', () => {
    expect(icsFileName('2026-03-31')).toBe('stapwijzer-vervolgcontact-2026-03-31.ics');
  });
});
