/** Local calendar dates as `YYYY-MM-DD` (follow-ups are due on a day, not an instant). */
export function localDate(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** A `YYYY-MM-DD` date for people: 14-03-2026 in Dutch, 2026-03-14 stays readable in English. */
export function showDate(date: string, language: 'nl' | 'en'): string {
  const [y, m, d] = date.split('-');
  return language === 'nl' ? `${d}-${m}-${y}` : date;
}
