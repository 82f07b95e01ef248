// Storage at rest and under pressure for client records: no plaintext in IndexedDB or on disk (R18),
// and a full disk gives a clear Dutch message with nothing half-written (R8).

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { TEXT_LIMITS } from '../src/ui/text-limits';
import { launchProfile } from './support/chromium';
import { addNoteViaUi, createClientViaUi, dumpIndexedDb } from './support/clients';
import { expect, test, watch } from './support/fixtures';
import { onboard, openUnlocked } from './support/onboard';

const ALIAS = 'CANARY-7F3A';
const NOTE = 'CANARY-NOTE-91B2';
// Long and without repetition, so leveldb's Snappy block compression cannot fold it.
const CONTROL = 'CONTROL-CANARY-55AA-q7Wm2xZr9LkT4vBn8HcJ3pYd6FgS1aQe';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    try {
      return statSync(path).isDirectory() ? filesUnder(path) : [path];
    } catch {
      return [];
    }
  });
}

/** Files under `dir` containing `needle` as UTF-8/Latin-1 or UTF-16LE bytes. */
function scanProfile(dir: string, needle: string): string[] {
  const forms = [Buffer.from(needle, 'latin1'), Buffer.from(needle, 'utf16le')];
  return filesUnder(dir)
    .filter((file) => {
      try {
        const bytes = readFileSync(file);
        return forms.some((form) => bytes.includes(form));
      } catch {
        return false;
      }
    })
    .map((file) => relative(dir, file));
}

test('R18: canaries in an alias and a note are found neither in raw IndexedDB values nor on disk', async ({
  page,
  server,
  context,
  profileDir,
}) => {
  await test.step('Given a client with alias CANARY-7F3A and a note CANARY-NOTE-91B2', async () => {
    await page.goto(server.url);
    await onboard(page);
    await createClientViaUi(page, ALIAS);
    await addNoteViaUi(page, NOTE);
  });
  await test.step('And a control canary stored in clear, in a separate database and in localStorage', async () => {
    await page.evaluate(async (control) => {
      localStorage.setItem('control-canary', control);
      await new Promise<void>((resolve, reject) => {
        const req = indexedDB.open('control', 1);
        req.onupgradeneeded = () => req.result.createObjectStore('rows');
        req.onsuccess = () => {
          const tx = req.result.transaction('rows', 'readwrite');
          tx.objectStore('rows').put({ text: control }, 1);
          tx.oncomplete = () => {
            req.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
        req.onerror = () => reject(req.error);
      });
    }, CONTROL);
  });
  await test.step('Then a raw read of every row of every store finds the control but no canary', async () => {
    const dump = await dumpIndexedDb(page);
    expect(Object.keys(dump.counts)).toContain('stapwijzer/clients');
    expect(dump.counts['stapwijzer/clients']).toBe(1);
    expect(dump.counts['stapwijzer/notes']).toBe(1);
    expect(dump.text.includes(CONTROL), 'the scan finds the clear control canary').toBe(true);
    expect(dump.text.split(ALIAS).length - 1, 'alias hits in raw IndexedDB').toBe(0);
    expect(dump.text.split(NOTE).length - 1, 'note hits in raw IndexedDB').toBe(0);
  });
  await test.step('And after closing the browser, a byte scan of the profile finds the control but no canary', async () => {
    await context.close();
    const control = scanProfile(profileDir, CONTROL);
    test.info().annotations.push({ type: 'control canary found in', description: control.join(', ') });
    console.log(`R18 control canary found in: ${control.join(', ')}`);
    expect(control.length, 'the byte scan finds the control canary somewhere').toBeGreaterThan(0);
    expect(scanProfile(profileDir, ALIAS), 'files containing the alias canary').toEqual([]);
    expect(scanProfile(profileDir, NOTE), 'files containing the note canary').toEqual([]);
  });
});

async function notesSnapshot(page: import('@playwright/test').Page) {
  const dump = await dumpIndexedDb(page, 'stapwijzer');
  const rows = await page.evaluate(async () => {
    const db: IDBDatabase = await new Promise((resolve, reject) => {
      const req = indexedDB.open('stapwijzer');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const all: unknown[] = await new Promise((resolve, reject) => {
      const req = db.transaction('notes', 'readonly').objectStore('notes').getAll();
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    db.close();
    return JSON.stringify(all, (_k, v: unknown) => (v instanceof Uint8Array ? Array.from(v) : v));
  });
  return { count: dump.counts['stapwijzer/notes'], hash: createHash('sha256').update(rows).digest('hex') };
}

test('R8: with the quota cut, saving a large note says "Onvoldoende opslagruimte…", writes nothing and keeps the text; after restoring, saving works without reload', async ({
  page: first,
  server,
  context,
  profileDir,
  guard,
}) => {
  await first.goto(server.url);
  await onboard(first);
  await createClientViaUi(first, 'Quota Q');
  await addNoteViaUi(first, 'Een kleine notitie die past.');
  const clientUrl = first.url();
  const origin = new URL(server.url).origin;
  // Unique filler: not compressible. A note is at most TEXT_LIMITS.note characters (R47), so the quota
  // below is cut to the current usage itself rather than leaving room for a smaller note.
  const big = await first.evaluate((length) => {
    const bytes = new Uint8Array(length);
    for (let i = 0; i < bytes.length; i += 65_536) crypto.getRandomValues(bytes.subarray(i, i + 65_536));
    return Array.from(bytes, (b) => String.fromCharCode(97 + (b % 26))).join('');
  }, TEXT_LIMITS.note);

  // Chromium's IndexedDB caches the space left in the bucket for about 30 s once the database is
  // open, so a quota cut while the app runs is only seen later. A browser started with the cut
  // already in place sees it from the first write: restart, cut, then open the app.
  await context.close();
  const browser = await launchProfile(profileDir);
  await watch(browser, guard);
  const page = browser.pages()[0] ?? (await browser.newPage());
  const cdp = await browser.newCDPSession(page);
  try {
    await test.step('Given the quota is cut to the current usage', async () => {
      // estimate() may report a padded quota; the DevTools protocol reports the real usage.
      const { usage } = await cdp.send('Storage.getUsageAndQuota', { origin });
      await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: usage });
      await openUnlocked(page, clientUrl);
      await expect(page.getByRole('heading', { level: 1, name: 'Quota Q' })).toBeVisible();
    });
    const before = await notesSnapshot(page);
    await test.step('When I save a large note', async () => {
      await page.getByRole('textbox', { name: 'Nieuwe notitie' }).fill(big);
      await page.getByRole('button', { name: 'Notitie opslaan' }).click();
    });
    await test.step('Then the Dutch quota message shows, the text stays and nothing was written', async () => {
      await expect(page.getByRole('alert').filter({ hasText: 'Onvoldoende opslagruimte op dit apparaat.' })).toHaveText(
        'Onvoldoende opslagruimte op dit apparaat. Maak ruimte vrij of maak een back-up en verwijder oude gegevens.',
      );
      await expect(page.getByRole('status').filter({ hasText: /^Opgeslagen$/ })).toHaveCount(0);
      expect((await page.getByRole('textbox', { name: 'Nieuwe notitie' }).inputValue()).length).toBe(big.length);
      expect(await notesSnapshot(page)).toEqual(before);
    });
    await test.step('When the quota is restored, the next save works without a reload', async () => {
      await cdp.send('Storage.overrideQuotaForOrigin', { origin });
      await page.getByRole('button', { name: 'Notitie opslaan' }).click();
      await expect(page.getByRole('status').filter({ hasText: /^Opgeslagen$/ })).toBeVisible();
      await expect(page.getByRole('textbox', { name: 'Nieuwe notitie' })).toHaveValue('');
      const after = await notesSnapshot(page);
      expect(after.count).toBe((before.count ?? 0) + 1);
    });
  } finally {
    await browser.close();
  }
});
