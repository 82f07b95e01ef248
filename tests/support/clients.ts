// Page helpers for the clients feature: create a client and add a note through the real UI, and
// read the raw IndexedDB rows without the app layer (for the at-rest and quota tests).
import { expect, type Page } from '@playwright/test';

/** Creates a client through the app's own navigation (a page load would lock the app). */
export async function createClientViaUi(page: Page, alias: string): Promise<string> {
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Cliënten' }).click();
  await page.getByRole('link', { name: 'Nieuwe cliënt' }).click();
  await page.getByRole('textbox', { name: 'Bijnaam of code' }).fill(alias);
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByRole('heading', { level: 1, name: alias, exact: true })).toBeVisible();
  const id = new URL(page.url()).pathname.split('/').pop();
  if (!id) throw new Error('no client id in the URL');
  return id;
}

export async function addNoteViaUi(page: Page, text: string): Promise<void> {
  const field = page.getByRole('textbox', { name: 'Nieuwe notitie' });
  await field.fill(text);
  await page.getByRole('button', { name: 'Notitie opslaan' }).click();
  await expect(field).toHaveValue('');
}

export interface RawDump {
  /** Every value of every store of every database, serialised (bytes as latin1 and as UTF-8 text). */
  text: string;
  /** Rows per `database/store`. */
  counts: Record<string, number>;
}

/** Reads every row of every object store of every IndexedDB database of the origin, raw. */
export function dumpIndexedDb(page: Page, onlyDb?: string): Promise<RawDump> {
  return page.evaluate(async (only) => {
    const toText = (value: unknown): string => {
      const bytesToText = (b: Uint8Array) => {
        let latin = '';
        for (const x of b) latin += String.fromCharCode(x);
        return `${latin} ${new TextDecoder('utf-8', { fatal: false }).decode(b)}`;
      };
      return JSON.stringify(value, (_k, v: unknown) => {
        if (v instanceof Uint8Array) return bytesToText(v);
        if (v instanceof ArrayBuffer) return bytesToText(new Uint8Array(v));
        return v;
      });
    };
    const names = (await indexedDB.databases()).map((d) => d.name).filter((n): n is string => !!n);
    let text = '';
    const counts: Record<string, number> = {};
    for (const name of names) {
      if (only && name !== only) continue;
      const db: IDBDatabase = await new Promise((resolve, reject) => {
        const req = indexedDB.open(name);
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      for (const store of Array.from(db.objectStoreNames)) {
        const rows: unknown[] = await new Promise((resolve, reject) => {
          const req = db.transaction(store, 'readonly').objectStore(store).getAll();
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
        counts[`${name}/${store}`] = rows.length;
        for (const row of rows) text += `${toText(row)}\n`;
      }
      db.close();
    }
    return { text, counts };
  }, onlyDb);
}
