// Loads the handover summary of one client: the latest completed screening with its decision, the
// active plan, the next open follow-up and the latest note — and nothing more.
import { useLiveQuery } from 'dexie-react-hooks';
import {
  type ClientRecord,
  type DecisionRecord,
  type FollowUpRecord,
  getClient,
  listDecisions,
  listFollowUps,
  listNotes,
  listPlans,
  listScreenings,
  type NoteRecord,
  type PlanRecord,
  type ScreeningRecord,
  type VaultSession,
} from '../../db';
import { useVault } from '../../runtime/vault/runtime-context';

export interface HandoverSummary {
  client: ClientRecord;
  screening: ScreeningRecord | null;
  decision: DecisionRecord | null;
  plan: PlanRecord | null;
  followUp: FollowUpRecord | null;
  note: NoteRecord | null;
  /** Totals of the completed screenings with the latest one's instrument, oldest first (the last four). */
  trend: { at: string; total: number }[];
}

const newest = <T extends { createdAt: number }>(items: T[]): T | null =>
  items.reduce<T | null>((a, b) => (a === null || b.createdAt >= a.createdAt ? b : a), null);

export async function loadHandover(session: VaultSession, clientId: string): Promise<HandoverSummary | null> {
  const client = await getClient(session, clientId);
  if (!client) return null;
  const [screenings, decisions, plans, followUps, notes] = await Promise.all([
    listScreenings(session, clientId),
    listDecisions(session, clientId),
    listPlans(session, clientId),
    listFollowUps(session, clientId),
    listNotes(session, clientId),
  ]);
  const screening = newest(screenings.records.filter((s) => s.status === 'completed'));
  return {
    client,
    screening,
    decision: screening ? (decisions.records.find((d) => d.screeningId === screening.id) ?? null) : null,
    plan: newest(plans.records.filter((p) => p.status === 'active')),
    followUp: followUps.records.find((f) => f.state === 'open') ?? null,
    note: newest(notes.records),
    trend: screening ? trendOf(screenings.records, screening) : [],
  };
}

function trendOf(records: readonly ScreeningRecord[], latest: ScreeningRecord): { at: string; total: number }[] {
  const instrument = latest.data.outcome.score.instrumentId;
  return records
    .filter((r) => r.status === 'completed' && r.data.outcome.score.instrumentId === instrument)
    .map((r) => ({ at: r.data.outcome.evaluatedAt, total: r.data.outcome.score.total }))
    .sort((a, b) => a.at.localeCompare(b.at))
    .slice(-4);
}

/** undefined while loading, null when the client does not exist. */
export function useHandover(clientId: string): HandoverSummary | null | undefined {
  const vault = useVault();
  return useLiveQuery(() => loadHandover(vault.session(), clientId), [clientId]);
}
