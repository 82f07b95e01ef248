import { describe, expect, it } from 'vitest';
import { ANONYMOUS_KEY, groupCaseloadRecords, projectCaseloadEntry as projection } from './project';
import type {
  CaseloadDecisionInput,
  CaseloadFollowUpEventInput,
  CaseloadFollowUpInput,
  CaseloadRecords,
  CaseloadSafetyEventInput,
  CaseloadScreeningInput,
} from './types';
import { dueWhen, indicatorRecordsOf, listedClients, todayCaseload } from './view';

const TZ = 'Europe/Amsterdam';
const at = (iso: string) => Date.parse(iso);

const client = {
  id: 'c1',
  status: 'active' as const,
  data: { alias: 'Anna', code: 'A-1', pathwayIds: ['postpartum'] },
};

function screening(id: string, iso: string, total: number, extra: Partial<CaseloadScreeningInput['data']> = {}) {
  return {
    id,
    createdAt: at(iso),
    status: 'completed',
    data: {
      pathwayId: 'postpartum',
      instrumentId: 'epds',
      outcome: { score: { total }, reasons: [{ ruleId: `r-${total}` }] },
      ...extra,
    },
  } satisfies CaseloadScreeningInput;
}

function decision(screeningId: string, iso: string, chosen: CaseloadDecisionInput['data']['chosen']) {
  return {
    id: `d-${screeningId}`,
    createdAt: at(iso),
    screeningId,
    pathwayId: 'postpartum',
    data: { recommended: { kind: 'step', step: 1, administer: [] }, chosen },
  } satisfies CaseloadDecisionInput;
}

function followUp(id: string, dueDate: string, status: CaseloadFollowUpInput['status'], screeningId: string) {
  return {
    id,
    createdAt: at('2026-03-01T10:00:00Z'),
    pathwayId: 'postpartum',
    status,
    dueDate,
    data: { step: 1, screeningId, instrumentId: 'epds' },
  } satisfies CaseloadFollowUpInput;
}

const signal = (id: string, level: 'urgent' | 'emergency'): CaseloadSafetyEventInput => ({
  id,
  signalId: id,
  createdAt: at('2026-03-02T10:00:00Z'),
  data: { kind: 'signal', pathwayId: 'postpartum', signal: { level }, at: '2026-03-02T10:00:00Z' },
});
const action = (signalId: string): CaseloadSafetyEventInput => ({
  id: `a-${signalId}`,
  signalId,
  createdAt: at('2026-03-02T11:00:00Z'),
  data: { kind: 'action', action: 'called-huisarts', at: '2026-03-02T11:00:00Z' },
});

/** The entry with its indicator part beside it, as the tests read both. */
const projectCaseloadEntry = (key: string, r: CaseloadRecords, tz: string) => {
  const p = projection(key, r, tz);
  return { ...p.entry, indicators: p.indicators };
};

const records = (over: Partial<CaseloadRecords> = {}): CaseloadRecords => ({
  client,
  screenings: [],
  decisions: [],
  followUps: [],
  followUpEvents: [],
  safetyEvents: [],
  ...over,
});

describe('projectCaseloadEntry', () => {
  it('a client without records has its alias, its first pathway and nothing else', () => {
    const e = projectCaseloadEntry('c1', records(), TZ);
    expect(e.client).toEqual({ alias: 'Anna', code: 'A-1', status: 'active' });
    expect(e.pathwayId).toBe('postpartum');
    expect(e.step).toBeNull();
    expect(e.lastScore).toBeNull();
    expect(e.next).toBeNull();
    expect(e.safety).toEqual({ open: false, level: null });
    expect(e.rows).toEqual({
      clients: 1,
      screenings: 0,
      decisions: 0,
      followUps: 0,
      followUpEvents: 0,
      safetyEvents: 0,
    });
  });

  it('takes the step of the latest decision and the score of the latest completed screening', () => {
    const s1 = screening('s1', '2026-01-10T10:00:00Z', 14);
    const s2 = screening('s2', '2026-02-10T23:30:00Z', 9);
    const cancelled = { ...screening('s3', '2026-02-20T10:00:00Z', 20), status: 'cancelled' as const };
    const e = projectCaseloadEntry(
      'c1',
      records({
        screenings: [s2, s1, cancelled],
        decisions: [decision('s2', '2026-02-10T23:30:00Z', 1), decision('s1', '2026-01-10T10:00:00Z', 2)],
      }),
      TZ,
    );
    expect(e.step).toBe(1);
    // 23:30 UTC is the next day in Amsterdam: the day is the professional's calendar day.
    expect(e.lastScore).toEqual({ total: 9, instrumentId: 'epds', day: '2026-02-11' });
    expect(e.rows.screenings).toBe(3);
    // Screening ids are short per-client ids, and still link the decisions to their screenings.
    expect(e.indicators.screenings).toHaveLength(2);
    const ids = new Set(e.indicators.screenings.map((s) => s.id));
    expect(e.indicators.decisions.every((d) => ids.has(d.screeningId))).toBe(true);
    expect([...ids].every((id) => id.length <= 3)).toBe(true);
  });

  it('next is the earliest open follow-up; done and cancelled ones are not next', () => {
    const e = projectCaseloadEntry(
      'c1',
      records({
        followUps: [
          followUp('f1', '2026-03-01', 'done', 's1'),
          followUp('f2', '2026-04-20', 'open', 's2'),
          followUp('f3', '2026-04-10', 'open', 's2'),
          followUp('f4', '2026-02-01', 'cancelled', 's1'),
        ],
      }),
      TZ,
    );
    expect(e.next).toMatchObject({ followUpId: 'f3', dueDate: '2026-04-10', step: 1, instrumentId: 'epds' });
    expect(e.indicators.followUps).toHaveLength(4);
  });

  it('the events decide: a completed or cancelled follow-up is not next, a rescheduled one moves, indicators follow', () => {
    const ev = (id: string, data: CaseloadFollowUpEventInput['data']): CaseloadFollowUpEventInput => ({ id, data });
    const e = projectCaseloadEntry(
      'c1',
      records({
        followUps: [
          followUp('f1', '2026-03-01', 'open', 's1'),
          followUp('f2', '2026-03-05', 'open', 's1'),
          followUp('f3', '2026-03-10', 'open', 's2'),
          followUp('f4', '2026-04-01', 'open', 's2'),
        ],
        followUpEvents: [
          ev('e1', { kind: 'completed', followUpId: 'f1', screeningId: 's2', at: '2026-03-01T09:00:00Z' }),
          ev('e2', { kind: 'cancelled', followUpId: 'f2', at: '2026-03-02T09:00:00Z' }),
          ev('e3', { kind: 'rescheduled', followUpId: 'f3', dueDate: '2026-05-01', at: '2026-03-03T09:00:00Z' }),
        ],
      }),
      TZ,
    );
    expect(e.next).toMatchObject({ followUpId: 'f4', dueDate: '2026-04-01' });
    expect(e.rows.followUpEvents).toBe(3);
    expect(e.indicators.followUps.map((f) => [f.status, f.dueDate])).toEqual([
      ['done', '2026-03-01'],
      ['cancelled', '2026-03-05'],
      ['open', '2026-05-01'],
      ['open', '2026-04-01'],
    ]);
    const moved = projectCaseloadEntry(
      'c1',
      records({
        followUps: [followUp('f3', '2026-03-10', 'open', 's2'), followUp('f4', '2026-04-01', 'open', 's2')],
        followUpEvents: [
          ev('e3', { kind: 'rescheduled', followUpId: 'f3', dueDate: '2026-03-20', at: '2026-03-03T09:00:00Z' }),
        ],
      }),
      TZ,
    );
    expect(moved.next).toMatchObject({ followUpId: 'f3', dueDate: '2026-03-20' });
  });

  it('an open signal shows with its highest level; a signal with an action is closed', () => {
    const open = projectCaseloadEntry(
      'c1',
      records({ safetyEvents: [signal('x', 'urgent'), signal('y', 'emergency')] }),
      TZ,
    );
    expect(open.safety).toEqual({ open: true, level: 'emergency' });
    const closed = projectCaseloadEntry(
      'c1',
      records({ safetyEvents: [signal('x', 'urgent'), signal('y', 'emergency'), action('y')] }),
      TZ,
    );
    expect(closed.safety).toEqual({ open: true, level: 'urgent' });
    const none = projectCaseloadEntry('c1', records({ safetyEvents: [signal('x', 'urgent'), action('x')] }), TZ);
    expect(none.safety).toEqual({ open: false, level: null });
    expect(none.indicators.safetyEvents.map((s) => s.kind)).toEqual(['signal', 'action']);
  });

  it('groups records by client, anonymous safety events apart', () => {
    const groups = groupCaseloadRecords({
      clients: [client],
      screenings: [{ ...screening('s1', '2026-01-10T10:00:00Z', 3), clientId: 'c1' }],
      decisions: [],
      followUps: [{ ...followUp('f1', '2026-05-01', 'open', 's1'), clientId: 'c2' }],
      followUpEvents: [],
      safetyEvents: [{ ...signal('z', 'urgent'), clientId: null }],
    });
    expect([...groups.keys()].sort()).toEqual([ANONYMOUS_KEY, 'c1', 'c2'].sort());
    expect(groups.get('c2')?.client).toBeNull();
    expect(projectCaseloadEntry('c2', groups.get('c2') ?? records(), TZ).client).toBeNull();
  });
});

describe('caseload views', () => {
  const today = '2026-04-10';
  const entry = (key: string, alias: string, due: string | null, status: 'active' | 'archived' = 'active') =>
    projectCaseloadEntry(
      key,
      records({
        client: { id: key, status, data: { alias } },
        followUps: due ? [followUp(`f-${key}`, due, 'open', 's')] : [],
      }),
      TZ,
    );

  it('dueWhen splits overdue, today, the coming seven days and later', () => {
    expect(dueWhen('2026-04-09', today)).toBe('overdue');
    expect(dueWhen('2026-04-10', today)).toBe('today');
    expect(dueWhen('2026-04-17', today)).toBe('week');
    expect(dueWhen('2026-04-18', today)).toBe('later');
  });

  it('Vandaag lists active clients by when their next follow-up falls, oldest first', () => {
    const v = todayCaseload(
      [
        entry('a', 'Bea', '2026-04-01'),
        entry('b', 'Cor', '2026-03-01'),
        entry('c', 'Dina', today),
        entry('d', 'Eva', '2026-04-12'),
        entry('e', 'Fem', '2026-05-01'),
        entry('f', 'Gea', null),
        entry('g', 'Hil', today, 'archived'),
      ],
      today,
    );
    expect(v.overdue.map((r) => r.alias)).toEqual(['Cor', 'Bea']);
    expect(v.today.map((r) => r.alias)).toEqual(['Dina']);
    expect(v.week.map((r) => r.alias)).toEqual(['Eva']);
  });

  it('the client list takes one status and skips the anonymous entry', () => {
    const anon = projectCaseloadEntry(ANONYMOUS_KEY, { ...records(), client: null }, TZ);
    const entries = [entry('a', 'Bea', null), entry('b', 'Cor', null, 'archived'), anon];
    expect(listedClients(entries, 'active', today).map((r) => r.alias)).toEqual(['Bea']);
    expect(listedClients(entries, 'archived', today).map((r) => r.alias)).toEqual(['Cor']);
  });

  it('the indicators read the entries: every client with records, every safety event', () => {
    const withScreening = projectCaseloadEntry(
      'c1',
      records({ screenings: [screening('s1', '2026-01-10T10:00:00Z', 3)], safetyEvents: [signal('x', 'urgent')] }),
      TZ,
    );
    const anon = projectCaseloadEntry(
      ANONYMOUS_KEY,
      { ...records(), client: null, safetyEvents: [signal('z', 'urgent')] },
      TZ,
    );
    const input = indicatorRecordsOf([withScreening, entry('b', 'Cor', null), anon].map((e) => e.indicators));
    expect(input.clients).toHaveLength(1);
    expect(input.safetyEvents.map((e) => e.signalId).sort()).toEqual(['x', 'z']);
  });
});
