// Feature hooks over the content tables (STYLE habit 5: components read through hooks on useLiveQuery).
import { useLiveQuery } from 'dexie-react-hooks';
import { listActivePacks } from '../../db';
import type { ContentPack, PathwayId } from '../../domain';
import { useDb } from '../vault/runtime-context';

/** The active pack of every pathway; undefined while loading (or while content is being imported). */
export function useActivePacks(): readonly ContentPack[] | undefined {
  const db = useDb();
  return useLiveQuery(() => listActivePacks(db), [db]);
}

/** The active pack of one pathway; undefined while loading, null when it is not installed. */
export function useActivePack(pathwayId: PathwayId | undefined): ContentPack | null | undefined {
  const packs = useActivePacks();
  if (packs === undefined) return undefined;
  return packs.find((p) => p.id === pathwayId) ?? null;
}
