// Safety signals in the app: stored the moment the engine detects them (R46), read live, so Vandaag,
// the runner and the result all see the same open signals; "open" is derived in src/db.
import { useLiveQuery } from 'dexie-react-hooks';
import {
  getClient,
  linkSignalsToClient,
  listOpenSignals,
  recordSafetySignal,
  type SafetySignalRecord,
  signalIdFor,
  type VaultSession,
} from '../../db';
import type { PathwayId, SafetySignal } from '../../domain';
import { useVault } from '../../runtime/vault/runtime-context';

/** Stores each signal once for this draft (a repeated detection writes nothing); resolves to their ids. */
export async function recordSignals(
  session: VaultSession,
  args: {
    draftId: string;
    clientId: string | null;
    pathwayId: PathwayId;
    signals: readonly SafetySignal[];
    handedToClient: boolean;
  },
): Promise<string[]> {
  const at = new Date().toISOString();
  const ids: string[] = [];
  for (const s of args.signals) {
    const signalId = await signalIdFor(session, args.draftId, s.id);
    ids.push(signalId);
    await recordSafetySignal(
      session,
      { signalId, clientId: args.clientId },
      {
        kind: 'signal',
        pathwayId: args.pathwayId,
        signal: { id: s.id, kind: s.kind, level: s.level, label: { nl: s.label.nl, en: s.label.en } },
        draftId: args.draftId,
        ...(args.handedToClient ? { handedToClient: true } : {}),
        at,
      },
    );
  }
  return ids;
}

/**
 * Once the screening has a client: the signals raised in its draft before she was chosen or created
 * (a "Ja" on the start screen) are linked to her, so her page and Vandaag name her (issue 13).
 */
export async function linkDraftSignals(session: VaultSession, draftId: string, clientId: string): Promise<void> {
  const open = await listOpenSignals(session);
  const ids = open.records.filter((r) => r.data.draftId === draftId).map((r) => r.id);
  await linkSignalsToClient(session, ids, clientId);
}

export interface OpenSignal {
  record: SafetySignalRecord;
  alias: string | null;
}

/** Every open signal, oldest first, with the client's alias; undefined while loading. */
export function useOpenSignals(): { items: OpenSignal[]; damaged: number } | undefined {
  const vault = useVault();
  return useLiveQuery(async () => {
    const session = vault.session();
    const open = await listOpenSignals(session);
    const items = await Promise.all(
      open.records.map(async (record) => {
        const client = record.clientId ? await getClient(session, record.clientId).catch(() => undefined) : undefined;
        return { record, alias: client?.data.alias ?? null };
      }),
    );
    return { items, damaged: open.damaged.length };
  }, []);
}

/** The open signals raised in one draft; undefined while loading. */
export function useDraftSignals(draftId: string | null): SafetySignalRecord[] | undefined {
  const vault = useVault();
  return useLiveQuery(async () => {
    if (draftId === null) return [];
    const open = await listOpenSignals(vault.session());
    return open.records.filter((r) => r.data.draftId === draftId);
  }, [draftId]);
}

/** The signal facts of stored records, as the domain takes them. */
export function asSignals(records: readonly SafetySignalRecord[]): SafetySignal[] {
  return records.map((r) => r.data.signal);
}
