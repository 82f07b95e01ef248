/** Read access to stored content: the active pack version, or the exact version a screening used. */
import type { ContentPack } from '../../domain/types';
import { packKey } from '../content-import';
import type { StapwijzerDb } from '../database';
import { withReopenRetry } from '../retry';
import type { PackRow } from '../types';

export function getActivePack(db: StapwijzerDb, packId: string): Promise<PackRow | undefined> {
  return withReopenRetry(db, () =>
    db.packs
      .where('id')
      .equals(packId)
      .filter((p) => p.active === 1)
      .first(),
  );
}

/** The active pack rows as stored (digest, licence seal): for re-hashing before use (R41). */
export function listActivePackRows(db: StapwijzerDb): Promise<PackRow[]> {
  return withReopenRetry(db, () => db.packs.filter((p) => p.active === 1).toArray());
}

/** One stored pack version's row, as stored. */
export function getPackVersionRow(db: StapwijzerDb, packId: string, contentVersion: string) {
  return withReopenRetry(db, () => db.packs.get(packKey(packId, contentVersion)));
}

export async function listActivePacks(db: StapwijzerDb): Promise<ContentPack[]> {
  const rows = await withReopenRetry(db, () => db.packs.filter((p) => p.active === 1).toArray());
  return rows.map((r) => r.pack);
}

/** The pack exactly as it was when a screening was made (kept until no screening references it). */
export async function getPackVersion(db: StapwijzerDb, packId: string, contentVersion: string) {
  const row = await withReopenRetry(db, () => db.packs.get(packKey(packId, contentVersion)));
  return row?.pack;
}
