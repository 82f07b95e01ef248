// What "Vandaag" shows: open follow-ups due today or earlier, and unfinished screenings (drafts),
// each with the client's alias (decrypted here, in memory only).
import { useLiveQuery } from 'dexie-react-hooks';
import {
  type DraftRecord,
  type FollowUpRecord,
  getClient,
  listDrafts,
  listDueFollowUps,
  type VaultSession,
} from '../../db';
import { useVault } from '../../runtime/vault/runtime-context';

export interface DueFollowUp {
  followUp: FollowUpRecord;
  alias: string | null;
  overdue: boolean;
}

export interface OpenDraft {
  draft: DraftRecord;
  alias: string | null;
}

async function aliasOf(session: VaultSession, clientId: string | null): Promise<string | null> {
  if (!clientId) return null;
  const client = await getClient(session, clientId).catch(() => undefined);
  return client?.data.alias ?? null;
}

/** Follow-ups due on or before `today` (YYYY-MM-DD), oldest first; undefined while loading. */
export function useDueFollowUps(today: string): { items: DueFollowUp[]; damaged: number } | undefined {
  const vault = useVault();
  return useLiveQuery(async () => {
    const session = vault.session();
    const due = await listDueFollowUps(session, today);
    const items = await Promise.all(
      due.records.map(async (followUp) => ({
        followUp,
        alias: await aliasOf(session, followUp.clientId),
        overdue: followUp.dueDate < today,
      })),
    );
    return { items, damaged: due.damaged.length };
  }, [today]);
}

/** Unfinished screenings, newest first; undefined while loading. */
export function useOpenDrafts(): { items: OpenDraft[]; damaged: number } | undefined {
  const vault = useVault();
  return useLiveQuery(async () => {
    const session = vault.session();
    const drafts = await listDrafts(session);
    const items = await Promise.all(
      drafts.records.map(async (draft) => ({ draft, alias: await aliasOf(session, draft.clientId) })),
    );
    return { items, damaged: drafts.damaged.length };
  }, []);
}
