/**
 * The practice indicators of issue 22, computed from plain per-client records (see types.ts) and the
 * content packs: pure and deterministic (`today` is a parameter). Today the feature feeds it by
 * decrypting the records through the repositories; once the storage issue's encrypted caseload index
 * exists it can feed the same input from there.
 *
 * Definitions (issue 22):
 * - a screening is positive when one of its own routing rules is marked `positive` in the pack;
 * - steps: the step chosen at each decision (or the safety path);
 * - a follow-up is on time when it was screened within the step's minDays–maxDays window after the
 *   decision or by the due date + 3 days; late when screened after that; missed when still open more
 *   than 28 days after the due date, or closed without a screening; otherwise still open;
 * - safety signals by what was recorded first: the action's id, "discarded", or still open;
 * - after "niet verbeterd": stepped up when the chosen step is above the step the client was in;
 * - overrides: a higher or lower step (the safety path ranks above step 3), or the same step with
 *   another follow-up date than the proposed one.
 */
import { intervalFor } from '../follow-up-due';
import type { Recommendation } from '../result';
import { addCalendarDays, calendarDaysBetween } from '../time';
import type { ContentPack, PathwayId, Step } from '../types';
import { periodOf, periodsEnding } from './periods';
import type {
  IndicatorDecision,
  IndicatorFollowUp,
  IndicatorInput,
  IndicatorScreening,
  Indicators,
  IndicatorTable,
  IndicatorTableId,
  PathwayIndicators,
} from './types';

export const STEP_KEYS = ['0', '1', '2', '3', 'safety'] as const;
export const FOLLOW_UP_KEYS = ['on-time', 'late', 'missed', 'open'] as const;
export const OVERRIDE_KEYS = ['higher', 'lower', 'other-date', 'as-proposed'] as const;
export const SCREENING_KEYS = ['positive', 'not-positive'] as const;
export const NOT_IMPROVED_KEYS = ['stepped-up', 'not-stepped-up'] as const;
/** Safety signals still without an action, and those discarded ("invoer gecorrigeerd" and the like). */
export const SAFETY_OPEN = 'open';
export const SAFETY_DISCARDED = 'discarded';

/** Days after the due date that still count as on time, and after which an open follow-up is missed. */
export const ON_TIME_GRACE_DAYS = 3;
export const MISSED_AFTER_DAYS = 28;

export type FollowUpClass = (typeof FOLLOW_UP_KEYS)[number];

/** The safety path ranks above step 3, so choosing it over a step is "higher". */
const rank = (s: Step | 'safety'): number => (s === 'safety' ? 4 : s);

function recommendedChoice(r: Recommendation): Step | 'safety' | null {
  if (r.kind === 'step') return r.step;
  if (r.kind === 'safety') return 'safety';
  return null;
}

export function classifyFollowUp(
  pack: ContentPack,
  followUp: IndicatorFollowUp,
  answeredOn: string | null,
  today: string,
): FollowUpClass {
  if (answeredOn !== null) {
    const interval = intervalFor(pack.pathway, followUp.step);
    const days = calendarDaysBetween(followUp.decidedDay, answeredOn);
    const inWindow = days >= interval.minDays && days <= interval.maxDays;
    const byGrace = answeredOn <= addCalendarDays(followUp.dueDate, ON_TIME_GRACE_DAYS);
    return inWindow || byGrace ? 'on-time' : 'late';
  }
  if (followUp.status !== 'open') return 'missed';
  return calendarDaysBetween(followUp.dueDate, today) > MISSED_AFTER_DAYS ? 'missed' : 'open';
}

export type OverrideKind = (typeof OVERRIDE_KEYS)[number];

/** Null for a decision whose proposal was another instrument first (nothing to override). */
export function overrideKind(
  pack: ContentPack,
  decision: IndicatorDecision,
  plannedDue: string | null,
): OverrideKind | null {
  const proposed = recommendedChoice(decision.recommended);
  if (proposed === null) return null;
  if (rank(decision.chosen) > rank(proposed)) return 'higher';
  if (rank(decision.chosen) < rank(proposed)) return 'lower';
  if (plannedDue === null) return 'as-proposed';
  // The date the result screen proposes: the safety interval on the safety path, else the chosen step's.
  const interval = intervalFor(pack.pathway, decision.recommended.kind === 'safety' ? 'safety' : decision.chosen);
  return plannedDue === addCalendarDays(decision.day, interval.defaultDays) ? 'as-proposed' : 'other-date';
}

export function isPositive(pack: ContentPack, screening: IndicatorScreening): boolean {
  const positive = new Set(pack.pathway.rules.filter((r) => r.positive === true).map((r) => r.id));
  return screening.ruleIds.some((id) => positive.has(id));
}

/** Per-period counters for one table, keyed by row. */
class Counter {
  private readonly rows = new Map<string, number[]>();
  constructor(
    private readonly index: ReadonlyMap<string, number>,
    keys: readonly string[],
  ) {
    for (const key of keys) this.row(key);
  }
  private row(key: string): number[] {
    let row = this.rows.get(key);
    if (row === undefined) {
      row = new Array<number>(this.index.size).fill(0);
      this.rows.set(key, row);
    }
    return row;
  }
  add(key: string, period: string): void {
    const i = this.index.get(period);
    if (i === undefined) return;
    const row = this.row(key);
    row[i] = (row[i] ?? 0) + 1;
  }
  table(id: IndicatorTableId): IndicatorTable {
    return { id, rows: [...this.rows].map(([key, counts]) => ({ key, counts })) };
  }
}

export function computeIndicators(input: IndicatorInput): Indicators {
  const periods = periodsEnding(input.today, input.granularity, input.periods);
  const index = new Map(periods.map((p, i) => [p, i]));
  const at = (day: string) => periodOf(day, input.granularity);
  const pathways: PathwayIndicators[] = [];
  for (const pack of input.packs) {
    const pathwayId: PathwayId = pack.id;
    const screenings = new Counter(index, SCREENING_KEYS);
    const steps = new Counter(index, STEP_KEYS);
    const followUps = new Counter(index, FOLLOW_UP_KEYS);
    const notImproved = new Counter(index, NOT_IMPROVED_KEYS);
    const overrides = new Counter(index, OVERRIDE_KEYS);
    const safety = new Counter(index, [...pack.pathway.safety.actions.map((a) => a.id), SAFETY_DISCARDED, SAFETY_OPEN]);

    for (const client of input.clients) {
      const answeredBy = new Map<string, string>();
      for (const s of client.screenings) {
        if (s.previousScreeningId === null) continue;
        const earlier = answeredBy.get(s.previousScreeningId);
        if (earlier === undefined || s.day < earlier) answeredBy.set(s.previousScreeningId, s.day);
      }
      const decisionOf = new Map(client.decisions.map((d) => [d.screeningId, d]));
      const plannedDue = new Map(client.followUps.map((f) => [f.screeningId, f.dueDate]));

      for (const s of client.screenings) {
        if (s.pathwayId !== pathwayId) continue;
        screenings.add(isPositive(pack, s) ? 'positive' : 'not-positive', at(s.day));
        if (s.followUp?.branch === 'not-improved') {
          const d = decisionOf.get(s.id);
          const up = d !== undefined && rank(d.chosen) > s.followUp.currentStep;
          notImproved.add(up ? 'stepped-up' : 'not-stepped-up', at(s.day));
        }
      }
      for (const d of client.decisions) {
        if (d.pathwayId !== pathwayId) continue;
        steps.add(String(d.chosen), at(d.day));
        const kind = overrideKind(pack, d, plannedDue.get(d.screeningId) ?? null);
        if (kind !== null) overrides.add(kind, at(d.day));
      }
      for (const f of client.followUps) {
        if (f.pathwayId !== pathwayId) continue;
        followUps.add(classifyFollowUp(pack, f, answeredBy.get(f.screeningId) ?? null, input.today), at(f.dueDate));
      }
    }

    // A signal counts once, in the period it was raised, by what was recorded first.
    const outcome = new Map<string, { day: string; key: string }>();
    for (const e of input.safetyEvents) {
      if (e.kind === 'signal') continue;
      const key = e.kind === 'action' ? e.action : SAFETY_DISCARDED;
      const first = outcome.get(e.signalId);
      if (first === undefined || e.day < first.day) outcome.set(e.signalId, { day: e.day, key });
    }
    for (const e of input.safetyEvents) {
      if (e.kind !== 'signal' || e.pathwayId !== pathwayId) continue;
      safety.add(outcome.get(e.signalId)?.key ?? SAFETY_OPEN, at(e.day));
    }

    pathways.push({
      pathwayId,
      tables: [
        screenings.table('screenings'),
        steps.table('steps'),
        followUps.table('follow-ups'),
        safety.table('safety'),
        notImproved.table('not-improved'),
        overrides.table('overrides'),
      ],
    });
  }
  return { periods, pathways };
}

/** Per-period totals of a table (its rows are exclusive, so they add up). */
export function periodTotals(table: IndicatorTable): number[] {
  const out: number[] = [];
  for (const row of table.rows) {
    row.counts.forEach((n, i) => {
      out[i] = (out[i] ?? 0) + n;
    });
  }
  return out;
}

/** The follow-up funnel of a period (or all, summed): due → screened → screened on time. */
export function followUpFunnel(table: IndicatorTable): { due: number; screened: number; onTime: number } {
  const sum = (key: string) => table.rows.find((r) => r.key === key)?.counts.reduce((a, b) => a + b, 0) ?? 0;
  const onTime = sum('on-time');
  const screened = onTime + sum('late');
  return { due: screened + sum('missed') + sum('open'), screened, onTime };
}
