import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime } from './dates';

describe('one date format', () => {
  it('shows a calendar day, an instant and epoch ms of the same day the same way, in Dutch and English', () => {
    const noon = new Date(2026, 2, 3, 12, 0).getTime();
    expect(formatDate('2026-03-03', 'nl')).toBe('3 maart 2026');
    expect(formatDate(noon, 'nl')).toBe('3 maart 2026');
    expect(formatDate(new Date(noon).toISOString(), 'nl')).toBe('3 maart 2026');
    expect(formatDate('2026-03-03', 'en')).toBe('3 March 2026');
  });

  it('adds the time to a moment in the same words', () => {
    expect(formatDateTime(new Date(2026, 2, 3, 14, 5).getTime(), 'nl')).toBe('3 maart 2026 om 14:05');
  });
});
