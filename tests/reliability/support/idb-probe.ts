// Read-only looks at the raw IndexedDB, for counting rows and timing opens. Nothing here decrypts or
// writes: the vault stays the only way to client data.
import type { Page } from '@playwright/test';

export const CLIENT_DATA_TABLES = ['clients', 'screenings', 'drafts', 'decisions', 'followUps', 'plans', 'notes'];

/** Row counts per table; the connection is closed at once so it never holds up an upgrade. */
export function countRows(page: Page, tables: readonly string[] = CLIENT_DATA_TABLES): Promise<Record<string, number>> {
  return page.evaluate(
    (names) =>
      new Promise<Record<string, number>>((resolve, reject) => {
        const open = indexedDB.open('stapwijzer');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const present = names.filter((n) => db.objectStoreNames.contains(n));
          const tx = db.transaction(present, 'readonly');
          const out: Record<string, number> = {};
          for (const n of present) {
            const req = tx.objectStore(n).count();
            req.onsuccess = () => {
              out[n] = req.result;
            };
          }
          tx.oncomplete = () => {
            db.close();
            resolve(out);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    [...tables],
  );
}

export interface OpenTiming {
  version: number | undefined;
  startedAt: number;
  blockedAt: number | null;
  doneAt: number | null;
}

/** Before any script of the page runs: time every open of the app database, and any `blocked`. */
export async function recordDatabaseOpens(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const log: OpenTimingLike[] = [];
    interface OpenTimingLike {
      version: number | undefined;
      startedAt: number;
      blockedAt: number | null;
      doneAt: number | null;
    }
    (window as unknown as { __idbOpens: OpenTimingLike[] }).__idbOpens = log;
    const original = IDBFactory.prototype.open;
    IDBFactory.prototype.open = function (this: IDBFactory, name: string, version?: number) {
      const req = version === undefined ? original.call(this, name) : original.call(this, name, version);
      if (name === 'stapwijzer') {
        const entry: OpenTimingLike = { version, startedAt: performance.now(), blockedAt: null, doneAt: null };
        log.push(entry);
        req.addEventListener('blocked', () => {
          entry.blockedAt ??= performance.now();
        });
        req.addEventListener('success', () => {
          entry.doneAt = performance.now();
        });
      }
      return req;
    };
  });
}

export function databaseOpens(page: Page): Promise<OpenTiming[]> {
  return page.evaluate(() => (window as unknown as { __idbOpens?: OpenTiming[] }).__idbOpens ?? []);
}

/** The schema version installed on this device, in Dexie's numbering (IndexedDB version / 10). */
export function installedSchemaVersion(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('stapwijzer');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const v = open.result.version;
          open.result.close();
          resolve(Math.floor(v / 10));
        };
      }),
  );
}
