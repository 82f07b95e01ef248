/**
 * "Alle gegevens wissen" (R25): log the wipe, delete the database and the last backup download's file,
 * delete every Cache Storage cache
 * except Workbox's precache (the app shell and its service worker stay, so the app still starts
 * offline, into onboarding), remove the app's localStorage/sessionStorage keys, forget the vault
 * flag, then restart. Browser APIs are injectable for tests.
 */
import { appendAuditQuietly, auditSettled } from '../audit/audit-log';
import type { StapwijzerDb } from '../database';
import { forgetVault } from '../storage-health';
import { removeExportFile } from './export-file';

export interface WipeDeps {
  caches?: Pick<CacheStorage, 'keys' | 'delete'> | null;
  storages?: readonly Storage[];
  restart?: () => void;
}

const APP_KEY = /^stapwijzer/i;
const PRECACHE = /^workbox-precache/;

function defaultDeps(): Required<WipeDeps> {
  const storages: Storage[] = [];
  try {
    storages.push(localStorage, sessionStorage);
  } catch {
    // Storage disabled: nothing to clear.
  }
  return {
    caches: typeof caches === 'undefined' ? null : caches,
    storages,
    restart: () => location.replace('/'),
  };
}

export async function wipeAllData(db: StapwijzerDb, deps: WipeDeps = {}): Promise<void> {
  const d = { ...defaultDeps(), ...deps };
  await appendAuditQuietly(db, [{ action: 'wipe', recordId: null }]);
  await auditSettled(db);
  await db.delete({ disableAutoOpen: true });
  // The last download's file (the encrypted backup, export-file.ts).
  await removeExportFile();
  if (d.caches) {
    for (const name of await d.caches.keys()) if (!PRECACHE.test(name)) await d.caches.delete(name);
  }
  for (const storage of d.storages) {
    const keys: string[] = [];
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (key !== null && APP_KEY.test(key)) keys.push(key);
    }
    for (const key of keys) storage.removeItem(key);
  }
  forgetVault(db.name);
  d.restart();
}
