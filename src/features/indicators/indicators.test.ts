// A seeded caseload with known counts, written through the real repositories (encrypted) and read back
// through the loader: every figure equals the count this test keeps while it seeds.
import { describe, expect, it } from 'vitest';
import {
  cancelFollowUp,
  completeScreening,
  createClient,
  type DecisionPayload,
  listActivePacks,
  recordSafetyOutcome,
  recordSafetySignal,
  updateFollowUp,
  type VaultSession,
} from '../../db';
import {
  addCalendarDays,
  computeIndicators,
  evaluateScreening,
  type FollowUpBranch,
  type FollowUpOutcome,
  type Indicators,
  type IndicatorTableId,
  type Step,
} from '../../domain';
import { testRuntime } from '../../runtime/testing/test-runtime';
import { unlockedVault } from '../../runtime/testing/unlocked';
import { loadIndicatorRecords } from './load-indicators';

const TODAY = '2026-12-01';
const CONTEXT = { phase: 'postpartum', weeks: 6 } as const;
const dayMs = (day: string) => Date.parse(`${day}T10:00:00Z`);

/** The indicators read only the branch and the current step of a follow-up comparison. */
function followUpOutcome(branch: FollowUpBranch, currentStep: Step): FollowUpOutcome {
  return { branch, currentStep } as Partial<FollowUpOutcome> as FollowUpOutcome;
}

/** What the test expects, counted as it seeds: table → row → period → n. */
class Expected {
  readonly counts = new Map<string, number>();
  add(table: IndicatorTableId, row: string, period: string) {
    const k = `${table}|${row}|${period}`;
    this.counts.set(k, (this.counts.get(k) ?? 0) + 1);
  }
}

async function seed(session: VaultSession, expected: Expected) {
  const packs = await listActivePacks(testRuntime().db);
  const found = packs.find((p) => p.id === 'postpartum');
  const instrument = found?.instruments.find((i) => i.id === 'epds');
  if (!found || !instrument) throw new Error('no postpartum pack with the EPDS');
  const pack = found;
  const epds = instrument;
  const flagged = new Set(epds.redFlags.map((r) => r.itemId));
  const interval = (s: Step | 'safety') =>
    s === 'safety' ? pack.pathway.followUp.safety : pack.pathway.followUp.steps[s];

  /** One completed screening (every scored item at `position`), its decision and follow-up. */
  async function screen(args: {
    clientId: string;
    day: string;
    position: number;
    chosen?: (proposed: Step | 'safety') => Step | 'safety';
    dueShift?: number;
    previous?: { id: string; followUp: FollowUpOutcome };
  }) {
    const answers = Object.fromEntries(
      epds.items.map((it) => [it.id, it.scored && !flagged.has(it.id) ? args.position : 0]),
    );
    const r = evaluateScreening({
      pack,
      instrumentId: 'epds',
      answers,
      context: CONTEXT,
      now: dayMs(args.day),
    });
    if (!r.ok) throw new Error(r.error.message);
    const outcome = r.value;
    const rec = outcome.recommendation;
    const proposed: Step | 'safety' = rec.kind === 'step' ? rec.step : 'safety';
    const chosen = args.chosen ? args.chosen(proposed) : proposed;
    const due = addCalendarDays(
      args.day,
      interval(rec.kind === 'safety' ? 'safety' : chosen).defaultDays + (args.dueShift ?? 0),
    );
    const decision: DecisionPayload = { recommended: rec, chosen, reasons: [...outcome.reasons] };
    const month = args.day.slice(0, 7);
    expected.add('screenings', outcome.positive ? 'positive' : 'not-positive', month);
    expected.add('steps', String(chosen), month);
    const rank = (s: Step | 'safety') => (s === 'safety' ? 4 : s);
    expected.add(
      'overrides',
      rank(chosen) > rank(proposed)
        ? 'higher'
        : rank(chosen) < rank(proposed)
          ? 'lower'
          : args.dueShift
            ? 'other-date'
            : 'as-proposed',
      month,
    );
    return completeScreening(
      session,
      {
        screening: {
          clientId: args.clientId,
          packId: pack.id,
          packVersion: pack.contentVersion,
          instrumentId: 'epds',
          instrumentVersion: epds.version,
          data: {
            pathwayId: 'postpartum',
            instrumentId: 'epds',
            answers,
            context: CONTEXT,
            flags: {},
            outcome,
            ...(args.previous
              ? { previousScreeningId: args.previous.id, followUpOutcome: args.previous.followUp }
              : {}),
          },
        },
        decision: { pathwayId: 'postpartum', data: decision },
        followUp: {
          pathwayId: 'postpartum',
          dueDate: due,
          data: { step: chosen, instrumentId: 'epds', screeningId: '' },
        },
      },
      dayMs(args.day),
    ).then(async (done) => {
      // The follow-up names the screening it follows up (as saveScreening does).
      const f = done.followUp;
      if (!f) throw new Error('no follow-up');
      const data = { ...f.data, screeningId: done.screening.id };
      const fu = await updateFollowUp(session, f, data, dayMs(args.day));
      return { ...done, followUp: fu, due };
    });
  }

  const months = ['2026-03', '2026-05', '2026-06', '2026-09', '2026-10'];
  for (let i = 0; i < 23; i++) {
    const client = await createClient(session, { alias: `C${i}` });
    const month = months[i % months.length] ?? '2026-03';
    const day = `${month}-${String(3 + (i % 20)).padStart(2, '0')}`;
    const position = i % 4; // 0..3: low to high scores
    const first = await screen({
      clientId: client.id,
      day,
      position,
      ...(i % 7 === 3 ? { chosen: (p) => (p === 'safety' || p === 3 ? p : ((p + 1) as Step)) } : {}),
      ...(i % 5 === 4 ? { dueShift: 2 } : {}),
    });
    const due = first.due;
    const dueMonth = due.slice(0, 7);
    // The follow-up's fate, by construction.
    const fate = i % 4;
    if (fate === 0 && due < TODAY) {
      // Screened two days after the due date: on time (due + 3).
      const at = addCalendarDays(due, 2);
      const followUp = followUpOutcome(i % 8 === 0 ? 'not-improved' : 'improved', 1);
      const chosenUp = i % 16 === 0;
      await screen({
        clientId: client.id,
        day: at,
        position,
        chosen: chosenUp ? () => 2 : () => 1,
        previous: { id: first.screening.id, followUp },
      });
      // The second screening's own follow-up stays open (counted below by its own due date).
      expected.add('follow-ups', 'on-time', dueMonth);
      if (followUp.branch === 'not-improved')
        expected.add('not-improved', chosenUp ? 'stepped-up' : 'not-stepped-up', at.slice(0, 7));
      continue;
    }
    if (fate === 1 && due < TODAY) {
      // Closed without a screening: missed.
      await cancelFollowUp(session, first.followUp);
      expected.add('follow-ups', 'missed', dueMonth);
      continue;
    }
    if (fate === 2 && addCalendarDays(due, 40) < TODAY) {
      // Screened 40 days late, outside the window: late.
      const at = addCalendarDays(due, 40);
      const interval0 = interval(first.followUp.data.step);
      const days = (Date.parse(at) - Date.parse(day)) / 86_400_000;
      await screen({
        clientId: client.id,
        day: at,
        position,
        previous: { id: first.screening.id, followUp: followUpOutcome('improved', 0) },
      });
      expected.add('follow-ups', days <= interval0.maxDays ? 'on-time' : 'late', dueMonth);
      continue;
    }
    // Left open: missed after 28 days, else still open.
    const overdue = (Date.parse(TODAY) - Date.parse(due)) / 86_400_000;
    expected.add('follow-ups', overdue > 28 ? 'missed' : 'open', dueMonth);
  }
  return { pack };
}

/** Follow-ups planned by the second screenings: each still open; counted from the store's due dates. */
function count(ind: Indicators, table: IndicatorTableId, row: string, period: string): number {
  const t = ind.pathways.find((p) => p.pathwayId === 'postpartum')?.tables.find((x) => x.id === table);
  const i = ind.periods.indexOf(period);
  return t?.rows.find((r) => r.key === row)?.counts[i] ?? 0;
}

describe('practice indicators on a seeded caseload', () => {
  it('every figure equals the count the seed kept', async () => {
    const session = await unlockedVault();
    const expected = new Expected();
    const { pack } = await seed(session, expected);
    // Safety: three signals in June (one acted on, one discarded, one open) and an anonymous one in May.
    const action = pack.pathway.safety.actions[0]?.id ?? 'x';
    const signal = (id: string, day: string, clientId: string | null) =>
      recordSafetySignal(
        session,
        { signalId: id, clientId },
        {
          kind: 'signal',
          pathwayId: 'postpartum',
          signal: { id: 'r', kind: 'red-flag', level: 'urgent', label: { nl: 'x', en: 'x' } },
          draftId: null,
          at: `${day}T09:00:00Z`,
        },
      );
    await signal('s1', '2026-06-02', null);
    await recordSafetyOutcome(session, [{ signalId: 's1' }], null, {
      kind: 'action',
      action,
      at: '2026-06-02T10:00:00Z',
    });
    await signal('s2', '2026-06-05', null);
    await recordSafetyOutcome(session, [{ signalId: 's2' }], null, {
      kind: 'discarded',
      what: 'x',
      at: '2026-06-06T10:00:00Z',
    });
    await signal('s3', '2026-06-09', null);
    await signal('s4', '2026-05-01', null);
    expected.add('safety', action, '2026-06');
    expected.add('safety', 'discarded', '2026-06');
    expected.add('safety', 'open', '2026-06');
    expected.add('safety', 'open', '2026-05');

    const records = await loadIndicatorRecords(session, 'UTC');
    const packs = await listActivePacks(testRuntime().db);
    const ind = computeIndicators({ ...records, packs, today: TODAY, granularity: 'month', periods: 12 });
    expect(records.damaged).toBe(0);

    // Follow-ups of the second screenings: open, by their own due dates (the test reads them back).
    for (const c of records.clients) {
      for (const f of c.followUps) {
        const answered = c.screenings.some((s) => s.previousScreeningId === f.screeningId);
        const isSecond = c.screenings.find((s) => s.id === f.screeningId)?.previousScreeningId != null;
        if (isSecond && !answered && f.status === 'open') {
          const overdue = (Date.parse(TODAY) - Date.parse(f.dueDate)) / 86_400_000;
          expected.add('follow-ups', overdue > 28 ? 'missed' : 'open', f.dueDate.slice(0, 7));
        }
      }
    }
    const checked: string[] = [];
    for (const [key, n] of expected.counts) {
      const [table, row, period] = key.split('|') as [IndicatorTableId, string, string];
      if (!ind.periods.includes(period)) continue;
      expect({ key, n: count(ind, table, row, period) }).toEqual({ key, n });
      checked.push(key);
    }
    // And nothing is counted that the seed did not make.
    for (const p of ind.pathways.filter((x) => x.pathwayId === 'postpartum')) {
      for (const t of p.tables) {
        for (const r of t.rows) {
          r.counts.forEach((n, i) => {
            expect({ key: `${t.id}|${r.key}|${ind.periods[i]}`, n }).toEqual({
              key: `${t.id}|${r.key}|${ind.periods[i]}`,
              n: expected.counts.get(`${t.id}|${r.key}|${ind.periods[i]}`) ?? 0,
            });
          });
        }
      }
    }
    expect(checked.length).toBeGreaterThan(20);
    expect(
      count(ind, 'screenings', 'positive', '2026-03') + count(ind, 'screenings', 'not-positive', '2026-03'),
    ).toBeGreaterThan(0);
  });
});
