/**
 * Earlier shipped versions of the packs, kept in the build because stored screenings may still
 * point at them (R41: a tampered stored copy of an old version is repaired from here, as the current
 * version is repaired from the bundle). Each file is loaded only when a repair needs it. They predate
 * today's pack schema, so they are not re-validated by it: their digest, checked against the shipped
 * history, proves each is exactly the version that schema of its day accepted.
 */
import { packDigest } from './digest';
import { isShippedDigest } from './packs/shipped-digests';

/** `${packId}@${contentVersion}` → the file of that shipped version. Append when a version is superseded. */
const ARCHIVE: Readonly<Record<string, () => Promise<{ default: unknown }>>> = {
  'postpartum@1.0.0': () => import('./packs/archive/postpartum@1.0.0.json'),
  'relapse-prevention@1.0.0': () => import('./packs/archive/relapse-prevention@1.0.0.json'),
  'caregivers@1.0.0': () => import('./packs/archive/caregivers@1.0.0.json'),
};

export function isArchived(packId: string, contentVersion: string): boolean {
  return `${packId}@${contentVersion}` in ARCHIVE;
}

/** The archived pack exactly as shipped, or null when this build keeps no such version (or it fails its digest). */
export async function loadArchivedPack(packId: string, contentVersion: string): Promise<unknown | null> {
  const load = ARCHIVE[`${packId}@${contentVersion}`];
  if (!load) return null;
  const json = (await load()).default;
  return isShippedDigest(packId, contentVersion, await packDigest(json)) ? json : null;
}
