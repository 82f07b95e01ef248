// Feature hooks over the client tables (STYLE habit 5). Each returns undefined while loading.
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
} from '../../db';
import type { ContentPack } from '../../domain';
import { verifiedPackVersion } from '../../runtime/content-integrity/verified-content';
import { useVault } from '../../runtime/vault/runtime-context';

/** The client, null when there is no such client (or it cannot be read). */
export function useClient(id: string): ClientRecord | null | undefined {
  const vault = useVault();
  return useLiveQuery(async () => (await getClient(vault.session(), id).catch(() => undefined)) ?? null, [id]);
}

export interface ClientHistory {
  screenings: ScreeningRecord[];
  decisions: DecisionRecord[];
  followUps: FollowUpRecord[];
  notes: NoteRecord[];
  plans: PlanRecord[];
  /** Rows that failed their integrity check: reported, never hidden (R22). */
  damaged: number;
  /** Every pack version that produced one of the screenings, keyed `${id}@${version}`. */
  packs: Map<string, ContentPack>;
}

export function useClientHistory(clientId: string): ClientHistory | undefined {
  const vault = useVault();
  return useLiveQuery(async () => {
    const session = vault.session();
    const [screenings, decisions, followUps, notes, plans] = await Promise.all([
      listScreenings(session, clientId),
      listDecisions(session, clientId),
      listFollowUps(session, clientId),
      listNotes(session, clientId),
      listPlans(session, clientId),
    ]);
    const packs = new Map<string, ContentPack>();
    for (const s of screenings.records) {
      const key = packKeyOf(s);
      if (packs.has(key)) continue;
      const pack = await verifiedPackVersion(vault.db, s.packId, s.packVersion, session);
      if (pack) packs.set(key, pack);
    }
    return {
      screenings: screenings.records,
      decisions: decisions.records,
      followUps: followUps.records,
      notes: notes.records,
      plans: plans.records,
      damaged: [screenings, decisions, followUps, notes, plans].reduce((n, r) => n + r.damaged.length, 0),
      packs,
    };
  }, [clientId]);
}

export function packKeyOf(s: { packId: string; packVersion: string }): string {
  return `${s.packId}@${s.packVersion}`;
}
