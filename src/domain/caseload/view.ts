/**
 * What the lists show from the caseload index: Vandaag's overdue / today / this week, the client list's
 * rows, and the indicators' input. The screens only render what these return (a screen never compares
 * a step, score or date: STYLE habit 15).
 */
import type { ClientIndicatorRecords, IndicatorSafetyEvent } from '../indicators';
import { addCalendarDays } from '../time';
import type { CaseloadEntry, CaseloadIndicators } from './types';

/** When the next follow-up falls, seen from `today`. */
export type DueWhen = 'overdue' | 'today' | 'week' | 'later';

/** Days after today that count as "deze week" on Vandaag. */
export const WEEK_DAYS = 7;

export interface CaseloadRow {
  readonly clientId: string;
  readonly alias: string;
  readonly code: string | null;
  readonly status: 'active' | 'archived';
  /** The responsible member's initials, when known. */
  readonly responsible: string | null;
  readonly pathwayId: string | null;
  readonly step: CaseloadEntry['step'];
  readonly safety: CaseloadEntry['safety'];
  readonly lastScore: CaseloadEntry['lastScore'];
  readonly next: CaseloadEntry['next'];
  readonly when: DueWhen | null;
}

/** `weekEnd` (today + WEEK_DAYS) may be passed in: a list of 10,000 rows computes it once. */
export function dueWhen(dueDate: string, today: string, weekEnd = addCalendarDays(today, WEEK_DAYS)): DueWhen {
  if (dueDate < today) return 'overdue';
  if (dueDate === today) return 'today';
  return dueDate <= weekEnd ? 'week' : 'later';
}

/** The row of a listed client; null for the anonymous entry (or records without a client). */
export function caseloadRow(
  entry: CaseloadEntry,
  today: string,
  weekEnd = addCalendarDays(today, WEEK_DAYS),
): CaseloadRow | null {
  const c = entry.client;
  if (c === null) return null;
  return {
    clientId: entry.key,
    alias: c.alias,
    code: c.code,
    status: c.status,
    responsible: c.responsible ?? null,
    pathwayId: entry.pathwayId,
    step: entry.step,
    safety: entry.safety,
    lastScore: entry.lastScore,
    next: entry.next,
    when: entry.next ? dueWhen(entry.next.dueDate, today, weekEnd) : null,
  };
}

export interface TodayCaseload {
  readonly overdue: readonly CaseloadRow[];
  readonly today: readonly CaseloadRow[];
  readonly week: readonly CaseloadRow[];
}

// One collator for every comparison: String.prototype.localeCompare with a locale sets one up per
// call (about 40 µs; a week of a team's caseload sorts hundreds of same-day rows). Same order.
const byAliasNl = new Intl.Collator('nl').compare;

const byDueThenSafety = (a: CaseloadRow, b: CaseloadRow): number => {
  const due = (a.next?.dueDate ?? '').localeCompare(b.next?.dueDate ?? '');
  if (due !== 0) return due;
  // An open emergency, then an open urgent signal, come first on the same day.
  const rank = (r: CaseloadRow) => (r.safety.level === 'emergency' ? 0 : r.safety.level === 'urgent' ? 1 : 2);
  return rank(a) - rank(b) || byAliasNl(a.alias, b.alias);
};

/** Active clients with an open follow-up overdue, due today or in the coming week, oldest first. */
export function todayCaseload(entries: Iterable<CaseloadEntry>, today: string): TodayCaseload {
  const overdue: CaseloadRow[] = [];
  const due: CaseloadRow[] = [];
  const week: CaseloadRow[] = [];
  const weekEnd = addCalendarDays(today, WEEK_DAYS);
  for (const e of entries) {
    const row = caseloadRow(e, today, weekEnd);
    if (row === null || row.status !== 'active' || row.when === null) continue;
    if (row.when === 'overdue') overdue.push(row);
    else if (row.when === 'today') due.push(row);
    else if (row.when === 'week') week.push(row);
  }
  return { overdue: overdue.sort(byDueThenSafety), today: due.sort(byDueThenSafety), week: week.sort(byDueThenSafety) };
}

/** The clients of one status, in index order (the list sorts by alias itself). */
export function listedClients(
  entries: Iterable<CaseloadEntry>,
  status: 'active' | 'archived',
  today: string,
): CaseloadRow[] {
  const out: CaseloadRow[] = [];
  const weekEnd = addCalendarDays(today, WEEK_DAYS);
  for (const e of entries) {
    const row = caseloadRow(e, today, weekEnd);
    if (row !== null && row.status === status) out.push(row);
  }
  return out;
}

/** The practice indicators' input, read from the index instead of every decrypted record. */
export function indicatorRecordsOf(parts: Iterable<CaseloadIndicators>): {
  clients: ClientIndicatorRecords[];
  safetyEvents: IndicatorSafetyEvent[];
} {
  const clients: ClientIndicatorRecords[] = [];
  const safetyEvents: IndicatorSafetyEvent[] = [];
  for (const part of parts) {
    const { screenings, decisions, followUps } = part;
    if (screenings.length + decisions.length + followUps.length > 0) clients.push({ screenings, decisions, followUps });
    for (const s of part.safetyEvents) safetyEvents.push(s);
  }
  return { clients, safetyEvents };
}

/** "Mijn cliënten / team" (issue 20): whose clients a list shows. */
export type CaseloadScope = 'mine' | 'team';

/**
 * The rows of one scope: the whole team's, or those whose responsible member has `initials`. A client
 * without a known responsible member (created before authors were recorded) counts as everyone's.
 */
export function rowsInScope<R extends Pick<CaseloadRow, 'responsible'>>(
  rows: readonly R[],
  scope: CaseloadScope,
  initials: string | null,
): R[] {
  if (scope === 'team' || initials === null) return [...rows];
  return rows.filter((r) => r.responsible === null || r.responsible === initials);
}

/** Vandaag in one scope. */
export function todayInScope<R extends Pick<CaseloadRow, 'responsible'>>(
  caseload: { readonly overdue: readonly R[]; readonly today: readonly R[]; readonly week: readonly R[] },
  scope: CaseloadScope,
  initials: string | null,
): { overdue: R[]; today: R[]; week: R[] } {
  return {
    overdue: rowsInScope(caseload.overdue, scope, initials),
    today: rowsInScope(caseload.today, scope, initials),
    week: rowsInScope(caseload.week, scope, initials),
  };
}
