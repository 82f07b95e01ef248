// Raw IndexedDB access for the attacks (R39, R41): what someone with a copied profile can read or
// change without the app. Each call opens, does one thing and closes, so it never blocks an upgrade.
import type { Page } from '@playwright/test';

/** One row of a store by key, as stored (structured-clone; bytes come back as plain arrays). */
export function readRow(page: Page, store: string, key: string): Promise<unknown> {
  return page.evaluate(
    ([s, k]) =>
      new Promise((resolve, reject) => {
        void indexedDB.databases().then((dbs) => {
          // Opening a database that does not exist would create it: look first.
          if (!dbs.some((d) => d.name === 'stapwijzer')) return resolve(undefined);
          const open = indexedDB.open('stapwijzer');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            const req = db.transaction(s, 'readonly').objectStore(s).get(k);
            req.onsuccess = () => {
              db.close();
              resolve(req.result);
            };
            req.onerror = () => reject(req.error);
          };
        });
      }),
    [store, key] as const,
  );
}

/** Every row of a store. */
export function readAll(page: Page, store: string): Promise<unknown[]> {
  return page.evaluate(
    (s) =>
      new Promise<unknown[]>((resolve, reject) => {
        const open = indexedDB.open('stapwijzer');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const req = db.transaction(s, 'readonly').objectStore(s).getAll();
          req.onsuccess = () => {
            db.close();
            resolve(req.result);
          };
          req.onerror = () => reject(req.error);
        };
      }),
    store,
  );
}

/** The R41 attack: remove every red flag from the stored copy of a pack, leaving its digest string as it was. */
export function removeStoredRedFlags(page: Page, packId: string): Promise<number> {
  return page.evaluate(
    (id) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('stapwijzer');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('packs', 'readwrite');
          const store = tx.objectStore('packs');
          let changed = 0;
          const req = store.getAll();
          req.onsuccess = () => {
            for (const row of req.result as { id: string; pack: { instruments: { redFlags: unknown[] }[] } }[]) {
              if (row.id !== id) continue;
              for (const instrument of row.pack.instruments) instrument.redFlags = [];
              store.put(row);
              changed++;
            }
          };
          tx.oncomplete = () => {
            db.close();
            resolve(changed);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    packId,
  );
}
