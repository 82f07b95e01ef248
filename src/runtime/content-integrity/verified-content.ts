/**
 * The only way screens read content (R41): every pack row is re-hashed on every read and a tampered
 * one is refused (left out), then repaired — deleted and re-imported from the bundle — audited and
 * reported to the notice. Reads run inside live queries, so the repair (a write) is started outside
 * the query's zone by a timer.
 */

import { loadArchivedPack } from '../../content/archived-packs';
import {
  appendAuditQuietly,
  deletePackVersion,
  getPackVersionRow,
  listActivePackRows,
  type PackRow,
  restorePackVersion,
  type StapwijzerDb,
  type VaultSession,
} from '../../db';
import type { ContentPack } from '../../domain';
import { syncContent } from '../content/sync-content';
import { useContentRepairs } from './repair-store';
import { verifyPackRow } from './verify-pack';

// Each stored version is repaired at most once per session: if the bundle's own copy were refused
// (a shipped digest missing from the history), repairing again would loop; it stays refused instead.
const repaired = new Set<string>();

export async function repairPack(db: StapwijzerDb, row: PackRow): Promise<void> {
  if (repaired.has(row.key)) return;
  repaired.add(row.key);
  await deletePackVersion(db, row.key);
  await appendAuditQuietly(db, [{ action: 'content-repaired', recordId: null }]);
  await syncContent(db);
  // Not the bundle's current version: an earlier shipped one that stored screenings point at.
  if ((await getPackVersionRow(db, row.id, row.contentVersion)) === undefined) {
    const archived = await loadArchivedPack(row.id, row.contentVersion);
    // The digest proved it is the shipped version; the schema of its day validated it.
    if (archived !== null) await restorePackVersion(db, archived as ContentPack);
  }
  const restored = (await getPackVersionRow(db, row.id, row.contentVersion)) !== undefined;
  useContentRepairs.getState().add({ packId: row.id, contentVersion: row.contentVersion, restored });
}

function refuse(db: StapwijzerDb, row: PackRow): void {
  console.error('Stapwijzer: stored content was altered and is refused', row.key);
  setTimeout(() => void repairPack(db, row).catch(() => {}), 0);
}

async function trusted(db: StapwijzerDb, row: PackRow, session: VaultSession | null): Promise<boolean> {
  const verdict = await verifyPackRow(row, session);
  if (verdict === 'tampered') refuse(db, row);
  return verdict === 'shipped' || verdict === 'licensed';
}

/** The active packs that pass the check. */
export async function verifiedActivePacks(db: StapwijzerDb, session: VaultSession | null): Promise<ContentPack[]> {
  const rows = await listActivePackRows(db);
  const ok = await Promise.all(rows.map((row) => trusted(db, row, session)));
  return rows.filter((_, i) => ok[i]).map((row) => row.pack);
}

/** One stored pack version, if it passes the check. */
export async function verifiedPackVersion(
  db: StapwijzerDb,
  packId: string,
  contentVersion: string,
  session: VaultSession | null,
): Promise<ContentPack | undefined> {
  const row = await getPackVersionRow(db, packId, contentVersion);
  if (!row) return undefined;
  return (await trusted(db, row, session)) ? row.pack : undefined;
}
