// What the start screen reads: clients (pseudonymous aliases) and, for ?followUp=<id>, the follow-up
// with the screening it follows.
import { useLiveQuery } from 'dexie-react-hooks';
import {
  type ClientRecord,
  type FollowUpRecord,
  getFollowUp,
  getScreening,
  listClients,
  listFollowUps,
  listScreenings,
  type ScreeningRecord,
} from '../../db';
import { useVault } from '../../runtime/vault/runtime-context';

export function useClients(): readonly ClientRecord[] | undefined {
  const vault = useVault();
  return useLiveQuery(async () => (await listClients(vault.session())).records, []);
}

/** Open follow-ups of one client (for "this is the follow-up of …"). */
export function useOpenFollowUps(clientId: string | null): readonly FollowUpRecord[] {
  const vault = useVault();
  return (
    useLiveQuery(async () => {
      if (clientId === null) return [];
      const { records } = await listFollowUps(vault.session(), clientId);
      return records.filter((f) => f.state === 'open');
    }, [clientId]) ?? []
  );
}

export interface FollowUpStart {
  followUp: FollowUpRecord;
  screening: ScreeningRecord | undefined;
}

/** The follow-up named in the URL; null when there is none or it cannot be found. */
export function useFollowUpStart(id: string | null): FollowUpStart | null | undefined {
  const vault = useVault();
  return useLiveQuery(async () => {
    if (id === null) return null;
    const followUp = await getFollowUp(vault.session(), id);
    if (followUp === undefined) return null;
    return { followUp, screening: await getScreening(vault.session(), followUp.data.screeningId) };
  }, [id]);
}

/**
 * The instrument of the client's latest screening on this pathway, preselected when a screening of a
 * known client starts (a follow-up repeats the instrument: the comparison needs the same one).
 */
export function useLastInstrument(clientId: string | null, pathwayId: string | null): string | null {
  const vault = useVault();
  return (
    useLiveQuery(async () => {
      if (clientId === null || pathwayId === null) return null;
      const { records } = await listScreenings(vault.session(), clientId);
      const latest = records
        .filter((r) => r.data.pathwayId === pathwayId)
        .sort((a, b) => b.data.outcome.evaluatedAt.localeCompare(a.data.outcome.evaluatedAt))[0];
      return latest?.data.outcome.versions.instrumentId ?? null;
    }, [clientId, pathwayId]) ?? null
  );
}
