/** Months and quarters of calendar days (YYYY-MM-DD): the indicators never go finer than a month. */
import type { Granularity } from './types';

export function periodOf(day: string, granularity: Granularity): string {
  const month = day.slice(0, 7);
  if (granularity === 'month') return month;
  const m = Number(day.slice(5, 7));
  return `${day.slice(0, 4)}-Q${Math.ceil(m / 3)}`;
}

/** The `count` periods ending with the one `today` falls in, oldest first. */
export function periodsEnding(today: string, granularity: Granularity, count: number): string[] {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const step = granularity === 'month' ? 1 : 3;
  const out: string[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const index = year * 12 + (month - 1) - i * step;
    const y = Math.floor(index / 12);
    const m = (index % 12) + 1;
    out.push(periodOf(`${y}-${String(m).padStart(2, '0')}-01`, granularity));
  }
  return out;
}
