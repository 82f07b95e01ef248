// Feature hooks over the content tables (STYLE habit 5: components read through hooks on useLiveQuery).
import { useLiveQuery } from 'dexie-react-hooks';
import type { ContentPack, PathwayId } from '../../domain';
import { verifiedActivePacks } from '../content-integrity/verified-content';
import { useSession } from '../session-store';
import { useVault } from '../vault/runtime-context';

/** The active pack of every pathway; undefined while loading (or while content is being imported). */
export function useActivePacks(): readonly ContentPack[] | undefined {
  const vault = useVault();
  // Every read re-hashes what is stored (R41); a licence pack's MAC needs the unlocked session, so the
  // query runs again when the vault unlocks or locks.
  const status = useSession((s) => s.vaultStatus);
  return useLiveQuery(
    () => verifiedActivePacks(vault.db, status === 'unlocked' && vault.hasSession() ? vault.session() : null),
    [vault, status],
  );
}

/** The active pack of one pathway; undefined while loading, null when it is not installed. */
export function useActivePack(pathwayId: PathwayId | undefined): ContentPack | null | undefined {
  const packs = useActivePacks();
  if (packs === undefined) return undefined;
  return packs.find((p) => p.id === pathwayId) ?? null;
}
