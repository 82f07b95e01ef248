/**
 * Imports validated content packs into the content table. Owns the content-version rules:
 * - a pack version is stored whole under `${id}@${contentVersion}`, in ONE strict transaction (the
 *   per-item tables of schema 1 and 2 were written but never read, and are gone since schema 3);
 * - a new version becomes active without touching any client table;
 * - an older version stays while any screening references it (screenings keep packId +
 *   packVersion in clear), so a stored result can always be explained with its own content.
 * Callers validate packs (src/content) before calling; this module trusts its input's shape.
 */
import type { ContentPack } from '../domain/types';
import type { StapwijzerDb } from './database';
import { withReopenRetry } from './retry';
import type { PackRow } from './types';

export function packKey(id: string, contentVersion: string): string {
  return `${id}@${contentVersion}`;
}

/** Writes one pack version and makes it the active version of its pack id. */
export async function importPack(
  db: StapwijzerDb,
  pack: ContentPack,
  now = Date.now(),
  extra: Pick<PackRow, 'licenceSeal'> = {},
): Promise<string> {
  const key = packKey(pack.id, pack.contentVersion);
  const row: PackRow = {
    key,
    id: pack.id,
    contentVersion: pack.contentVersion,
    schemaVersion: pack.schemaVersion,
    digest: pack.digest,
    active: 1,
    importedAt: now,
    pack,
    ...extra,
  };
  await withReopenRetry(db, () =>
    db.transaction('rw', db.packs, async () => {
      await db.packs.where('id').equals(pack.id).modify({ active: 0 });
      await db.packs.put(row);
    }),
  );
  return key;
}

/**
 * Puts back an earlier shipped version (a repaired tampered copy, R41) without making it active: the
 * screenings that reference it can be explained again, and the current version stays in use.
 */
export async function restorePackVersion(db: StapwijzerDb, pack: ContentPack, now = Date.now()): Promise<void> {
  const row: PackRow = {
    key: packKey(pack.id, pack.contentVersion),
    id: pack.id,
    contentVersion: pack.contentVersion,
    schemaVersion: pack.schemaVersion,
    digest: pack.digest,
    active: 0,
    importedAt: now,
    pack,
  };
  await withReopenRetry(db, () => db.packs.put(row));
}

/** Deletes one stored pack version (a tampered copy, R41); the bundle then restores it. */
export async function deletePackVersion(db: StapwijzerDb, key: string): Promise<void> {
  await withReopenRetry(db, () => db.packs.delete(key));
}

/**
 * Deletes inactive versions of `packId` that no screening references. Returns the pruned keys.
 * Since schema v5 a screening's pack version is sealed (R40) and this runs without the key, so once
 * any screening has the sealed shape no version is pruned: keeping an unused version costs a few
 * hundred kilobytes, deleting a used one would make old screenings unreadable.
 */
export async function pruneUnreferencedPacks(db: StapwijzerDb, packId: string): Promise<string[]> {
  return withReopenRetry(db, () =>
    db.transaction('rw', [db.packs, db.screenings], async () => {
      const versions = await db.packs.where('id').equals(packId).toArray();
      const pruned: string[] = [];
      if (versions.every((v) => v.active === 1)) return pruned;
      if (await db.screenings.filter((r) => 'kid' in r).first()) return pruned;
      for (const v of versions) {
        if (v.active === 1) continue;
        // Only legacy rows get here (checked above), whose pack fields are still in clear; the v1 index
        // over them was dropped in v10, so this is a scan (rare: a pack update before the migration).
        const refs = await db.screenings
          .filter((r) => 'packId' in r && r.packId === v.id && r.packVersion === v.contentVersion)
          .count();
        if (refs > 0) continue;
        await db.packs.delete(v.key);
        pruned.push(v.key);
      }
      return pruned;
    }),
  );
}

export interface SyncReport {
  imported: string[];
  pruned: string[];
}

/** Imports every bundled pack whose version (or digest) differs from the active one, then prunes. */
export async function syncBundledPacks(
  db: StapwijzerDb,
  packs: readonly ContentPack[],
  now = Date.now(),
): Promise<SyncReport> {
  const report: SyncReport = { imported: [], pruned: [] };
  for (const pack of packs) {
    const active = await withReopenRetry(db, () =>
      db.packs
        .where('id')
        .equals(pack.id)
        .filter((p) => p.active === 1)
        .first(),
    );
    if (active?.contentVersion === pack.contentVersion && active.digest === pack.digest) continue;
    report.imported.push(await importPack(db, pack, now));
    report.pruned.push(...(await pruneUnreferencedPacks(db, pack.id)));
  }
  return report;
}
