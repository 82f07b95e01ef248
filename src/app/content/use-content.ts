// Feature hooks over the content tables (STYLE habit 5: components read through hooks on useLiveQuery).
import { useLiveQuery } from 'dexie-react-hooks';
import type { ContentPack, PathwayId } from '../../domain';
import { verifiedActivePacks, verifiedPackVersion } from '../../runtime/content-integrity/verified-content';
import { appDb, currentSession, hasSession } from '../vault/vault-runtime';

// Every read re-hashes what is stored (R41); a licence pack's MAC needs the unlocked session.
const sessionOrNull = () => (hasSession() ? currentSession() : null);

/** The active pack of every pathway; undefined while loading (or while content is being imported). */
export function useActivePacks(): readonly ContentPack[] | undefined {
  return useLiveQuery(() => verifiedActivePacks(appDb(), sessionOrNull()), []);
}

/** The active pack of one pathway; undefined while loading, null when it is not installed. */
export function useActivePack(pathwayId: PathwayId | undefined): ContentPack | null | undefined {
  const packs = useActivePacks();
  if (packs === undefined) return undefined;
  return packs.find((p) => p.id === pathwayId) ?? null;
}

/** A specific stored pack version (for explaining an old result with its own content). */
export function usePackVersion(packId: string, contentVersion: string): ContentPack | null | undefined {
  return useLiveQuery(
    async () => (await verifiedPackVersion(appDb(), packId, contentVersion, sessionOrNull())) ?? null,
    [packId, contentVersion],
  );
}
