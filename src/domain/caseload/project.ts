/**
 * From one client's decrypted records to its caseload index entry: pure and deterministic (the time
 * zone that turns instants into calendar days is a parameter). Rebuilding the whole index and updating
 * one entry at a save both go through this one function, so they cannot disagree.
 */
import { deriveFollowUp } from '../follow-up-state';
import type { IndicatorDecision, IndicatorFollowUp, IndicatorSafetyEvent, IndicatorScreening } from '../indicators';
import { calendarDay } from '../time';
import { PATHWAY_IDS, type PathwayId, type SafetyLevel } from '../types';
import type {
  CaseloadEntry,
  CaseloadNext,
  CaseloadProjection,
  CaseloadRecords,
  CaseloadSafetyEventInput,
} from './types';

/** The entry of safety events raised in anonymous screenings (they belong to no client). */
export const ANONYMOUS_KEY = '~anonymous';

const pathwayOf = (id: string): PathwayId | null => PATHWAY_IDS.find((p) => p === id) ?? null;

/** The latest of a list by creation time (a later row wins a tie: it was written later). */
function latest<T extends { readonly createdAt: number }>(rows: readonly T[]): T | null {
  let out: T | null = null;
  for (const r of rows) if (out === null || r.createdAt >= out.createdAt) out = r;
  return out;
}

function openSafety(events: readonly CaseloadSafetyEventInput[]): CaseloadEntry['safety'] {
  const closed = new Set(events.filter((e) => e.data.kind !== 'signal').map((e) => e.signalId));
  let level: SafetyLevel | null = null;
  for (const e of events) {
    if (e.data.kind !== 'signal' || closed.has(e.id)) continue;
    if (level === null || e.data.signal.level === 'emergency') level = e.data.signal.level;
  }
  return { open: level !== null, level };
}

function indicatorSafetyEvent(e: CaseloadSafetyEventInput, timeZone: string): IndicatorSafetyEvent | null {
  const parsed = Date.parse(e.data.at);
  const day = calendarDay(Number.isNaN(parsed) ? e.createdAt : parsed, timeZone);
  switch (e.data.kind) {
    case 'signal': {
      const pathwayId = pathwayOf(e.data.pathwayId);
      return pathwayId ? { kind: 'signal', signalId: e.id, pathwayId, day } : null;
    }
    case 'action':
      return { kind: 'action', signalId: e.signalId, action: e.data.action, day };
    case 'discarded':
      return { kind: 'discarded', signalId: e.signalId, day };
    default:
      return null;
  }
}

export function projectCaseloadEntry(key: string, records: CaseloadRecords, timeZone: string): CaseloadProjection {
  const day = (ms: number) => calendarDay(ms, timeZone);
  const completed = records.screenings.filter((s) => s.status === 'completed');
  const lastScreening = latest(completed);
  const lastDecision = latest(records.decisions);

  // The stored status stays 'open' and the stored date is the planned one: the events decide.
  const followUpsNow = records.followUps.map((f) => ({ f, derived: deriveFollowUp(f, records.followUpEvents) }));
  let next: CaseloadNext | null = null;
  for (const { f, derived } of followUpsNow) {
    if (derived.state !== 'open') continue;
    if (next === null || derived.dueDate < next.dueDate) {
      next = {
        followUpId: f.id,
        dueDate: derived.dueDate,
        pathwayId: f.pathwayId,
        instrumentId: f.data.instrumentId,
        step: f.data.step,
      };
    }
  }

  // Screening ids only link a client's own records: short per-client ids keep the index small.
  const shortIds = new Map(completed.map((s, i) => [s.id, `#${i.toString(36)}`]));
  const sid = (id: string) => shortIds.get(id) ?? id;
  const screenings: IndicatorScreening[] = [];
  for (const s of completed) {
    const pathwayId = pathwayOf(s.data.pathwayId);
    if (pathwayId === null) continue;
    const f = s.data.followUpOutcome;
    screenings.push({
      id: sid(s.id),
      pathwayId,
      day: day(s.createdAt),
      ruleIds: s.data.outcome.reasons.map((r) => r.ruleId),
      previousScreeningId: s.data.previousScreeningId === undefined ? null : sid(s.data.previousScreeningId),
      followUp: f ? { branch: f.branch, currentStep: f.currentStep } : null,
    });
  }
  const decisions: IndicatorDecision[] = [];
  for (const d of records.decisions) {
    const pathwayId = pathwayOf(d.pathwayId);
    if (pathwayId === null) continue;
    decisions.push({
      screeningId: sid(d.screeningId),
      pathwayId,
      day: day(d.createdAt),
      recommended: d.data.recommended,
      chosen: d.data.chosen,
    });
  }
  const followUps: IndicatorFollowUp[] = [];
  for (const { f, derived } of followUpsNow) {
    const pathwayId = pathwayOf(f.pathwayId);
    if (pathwayId === null) continue;
    followUps.push({
      pathwayId,
      status: derived.state,
      dueDate: derived.dueDate,
      decidedDay: day(f.createdAt),
      step: f.data.step,
      screeningId: sid(f.data.screeningId),
    });
  }

  const client = records.client;
  const entry: CaseloadEntry = {
    key,
    client: client
      ? {
          alias: client.data.alias,
          code: client.data.code ?? null,
          status: client.status,
          ...(client.createdBy ? { responsible: client.createdBy } : {}),
        }
      : null,
    pathwayId: lastDecision?.pathwayId ?? lastScreening?.data.pathwayId ?? client?.data.pathwayIds?.[0] ?? null,
    step: lastDecision?.data.chosen ?? null,
    safety: openSafety(records.safetyEvents),
    lastScore: lastScreening
      ? {
          total: lastScreening.data.outcome.score.total,
          instrumentId: lastScreening.data.instrumentId,
          day: day(lastScreening.createdAt),
        }
      : null,
    next,
    rows: {
      clients: client ? 1 : 0,
      screenings: records.screenings.length,
      decisions: records.decisions.length,
      followUps: records.followUps.length,
      followUpEvents: records.followUpEvents.length,
      safetyEvents: records.safetyEvents.length,
    },
  };
  return {
    entry,
    indicators: {
      screenings,
      decisions,
      followUps,
      safetyEvents: records.safetyEvents.flatMap((e) => indicatorSafetyEvent(e, timeZone) ?? []),
    },
  };
}

/** Groups records of many clients by client id (rebuild): anonymous safety events under ANONYMOUS_KEY. */
export function groupCaseloadRecords(all: {
  readonly clients: readonly NonNullable<CaseloadRecords['client']>[];
  readonly screenings: readonly (CaseloadRecords['screenings'][number] & { readonly clientId: string })[];
  readonly decisions: readonly (CaseloadRecords['decisions'][number] & { readonly clientId: string })[];
  readonly followUps: readonly (CaseloadRecords['followUps'][number] & { readonly clientId: string })[];
  readonly followUpEvents: readonly (CaseloadRecords['followUpEvents'][number] & { readonly clientId: string })[];
  readonly safetyEvents: readonly (CaseloadRecords['safetyEvents'][number] & { readonly clientId: string | null })[];
}): Map<string, CaseloadRecords> {
  type Mutable = {
    client: CaseloadRecords['client'];
    screenings: CaseloadRecords['screenings'][number][];
    decisions: CaseloadRecords['decisions'][number][];
    followUps: CaseloadRecords['followUps'][number][];
    followUpEvents: CaseloadRecords['followUpEvents'][number][];
    safetyEvents: CaseloadRecords['safetyEvents'][number][];
  };
  const out = new Map<string, Mutable>();
  const of = (key: string): Mutable => {
    let g = out.get(key);
    if (g === undefined) {
      g = { client: null, screenings: [], decisions: [], followUps: [], followUpEvents: [], safetyEvents: [] };
      out.set(key, g);
    }
    return g;
  };
  for (const c of all.clients) of(c.id).client = c;
  for (const s of all.screenings) of(s.clientId).screenings.push(s);
  for (const d of all.decisions) of(d.clientId).decisions.push(d);
  for (const f of all.followUps) of(f.clientId).followUps.push(f);
  for (const e of all.followUpEvents) of(e.clientId).followUpEvents.push(e);
  for (const e of all.safetyEvents) of(e.clientId ?? ANONYMOUS_KEY).safetyEvents.push(e);
  return out;
}
