// Reads the caseload for the practice indicators: every screening, decision, follow-up and safety
// event, decrypted through the repositories and reduced to the plain records the pure domain module
// takes (src/domain/indicators). Once the storage issue's encrypted caseload index exists, that index
// can feed the same records (or the counts) without decrypting every record here.
import {
  type DecisionRecord,
  type FollowUpRecord,
  listAllDecisions,
  listAllFollowUps,
  listAllScreenings,
  listSafetyEvents,
  type SafetyEventRecord,
  type ScreeningRecord,
  type VaultSession,
} from '../../db';
import {
  type ClientIndicatorRecords,
  calendarDay,
  type IndicatorDecision,
  type IndicatorFollowUp,
  type IndicatorSafetyEvent,
  type IndicatorScreening,
  PATHWAY_IDS,
  type PathwayId,
} from '../../domain';

export interface IndicatorRecords {
  readonly clients: ClientIndicatorRecords[];
  readonly safetyEvents: IndicatorSafetyEvent[];
  /** Records that could not be decrypted (R22): counted, not hidden. */
  readonly damaged: number;
}

const pathwayOf = (id: string): PathwayId | null => PATHWAY_IDS.find((p) => p === id) ?? null;

function toScreening(s: ScreeningRecord, day: string, pathwayId: PathwayId): IndicatorScreening {
  const f = s.data.followUpOutcome;
  return {
    id: s.id,
    pathwayId,
    day,
    ruleIds: s.data.outcome.reasons.map((r) => r.ruleId),
    previousScreeningId: s.data.previousScreeningId ?? null,
    followUp: f ? { branch: f.branch, currentStep: f.currentStep } : null,
  };
}

function toDecision(d: DecisionRecord, day: string, pathwayId: PathwayId): IndicatorDecision {
  return { screeningId: d.screeningId, pathwayId, day, recommended: d.data.recommended, chosen: d.data.chosen };
}

function toFollowUp(f: FollowUpRecord, day: string, pathwayId: PathwayId): IndicatorFollowUp {
  return {
    pathwayId,
    status: f.state,
    dueDate: f.dueDate,
    decidedDay: day,
    step: f.data.step,
    screeningId: f.data.screeningId,
  };
}

function toSafetyEvent(e: SafetyEventRecord, timeZone: string): IndicatorSafetyEvent | null {
  const day = calendarDay(Date.parse(e.data.at), timeZone);
  switch (e.data.kind) {
    case 'signal':
      return { kind: 'signal', signalId: e.id, pathwayId: e.data.pathwayId, day };
    case 'action':
      return { kind: 'action', signalId: e.signalId, action: e.data.action, day };
    case 'discarded':
      return { kind: 'discarded', signalId: e.signalId, day };
    default:
      return null;
  }
}

export async function loadIndicatorRecords(session: VaultSession, timeZone: string): Promise<IndicatorRecords> {
  const [screenings, decisions, followUps, safety] = await Promise.all([
    listAllScreenings(session),
    listAllDecisions(session),
    listAllFollowUps(session),
    listSafetyEvents(session),
  ]);
  const byClient = new Map<
    string,
    { screenings: IndicatorScreening[]; decisions: IndicatorDecision[]; followUps: IndicatorFollowUp[] }
  >();
  const of = (clientId: string) => {
    let c = byClient.get(clientId);
    if (c === undefined) {
      c = { screenings: [], decisions: [], followUps: [] };
      byClient.set(clientId, c);
    }
    return c;
  };
  const day = (ms: number) => calendarDay(ms, timeZone);
  for (const s of screenings.records) {
    const p = pathwayOf(s.data.pathwayId);
    if (p) of(s.clientId).screenings.push(toScreening(s, day(s.createdAt), p));
  }
  for (const d of decisions.records) {
    const p = pathwayOf(d.pathwayId);
    if (p) of(d.clientId).decisions.push(toDecision(d, day(d.createdAt), p));
  }
  for (const f of followUps.records) {
    const p = pathwayOf(f.pathwayId);
    if (p) of(f.clientId).followUps.push(toFollowUp(f, day(f.createdAt), p));
  }
  const safetyEvents = safety.records.flatMap((e) => toSafetyEvent(e, timeZone) ?? []);
  return {
    clients: [...byClient.values()],
    safetyEvents,
    damaged: screenings.damaged.length + decisions.damaged.length + followUps.damaged.length + safety.damaged.length,
  };
}
