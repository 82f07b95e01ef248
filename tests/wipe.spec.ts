import { CANARY, makeBackupFixture } from './support/backup-fixture';
import { restoreThroughUi } from './support/backup-page';
import { expect, openAndWaitForServiceWorker, test } from './support/fixtures';
import { onboard, openUnlocked } from './support/onboard';

/** Whether the download's file (src/db/backup/export-file.ts) is in the origin private file system. */
const OPFS_EXPORT_EXISTS = async (): Promise<boolean> => {
  try {
    const root = await navigator.storage.getDirectory();
    await (await root.getDirectoryHandle('stapwijzer-backup-download')).getFileHandle('backup.json');
    return true;
  } catch {
    return false;
  }
};

test('R25: "Alle gegevens wissen" deletes the database and client data, and the app starts offline into onboarding', async ({
  page,
  context,
  server,
}) => {
  const fixture = await makeBackupFixture();
  // No file picker (a phone's browser): the backup is a download, whose file waits in OPFS.
  await page.addInitScript(() => Object.defineProperty(window, 'showSaveFilePicker', { value: undefined }));

  await test.step('Given Stapwijzer with a client, installed for offline use', async () => {
    await openAndWaitForServiceWorker(page, server.url);
    await onboard(page);
    await restoreThroughUi(page, server.url, fixture);
  });

  const vaultIdBefore = await page.evaluate(() =>
    Object.keys(localStorage).filter((k) => k.startsWith('stapwijzer:') && k.endsWith(':vault-id')),
  );
  expect(vaultIdBefore.length).toBe(1);

  await test.step('And a backup downloaded (its file waits in the origin private file system)', async () => {
    await openUnlocked(page, `${server.url}/settings/backup`);
    await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Back-up downloaden' }).click(),
    ]);
    await expect(page.getByText(/Back-up opgeslagen als/)).toBeVisible();
    expect(await page.evaluate(OPFS_EXPORT_EXISTS)).toBe(true);
  });

  await test.step('When I go offline and delete all data, typing WISSEN to confirm', async () => {
    await context.setOffline(true);
    await openUnlocked(page, `${server.url}/settings/backup`);
    const button = page.getByRole('button', { name: 'Alle gegevens wissen' });
    await expect(button).toBeDisabled();
    await page.getByLabel('Typ WISSEN om te bevestigen').fill('WISSEN');
    await button.click();
  });

  await test.step('Then the app restarts offline into onboarding', async () => {
    await expect(page.getByRole('heading', { level: 1, name: 'Welkom bij Stapwijzer' })).toBeVisible();
  });

  await test.step('And the database is gone (R25): indexedDB lists no stapwijzer database, no vault flag', async () => {
    // The app starts into onboarding without opening a database: opening one would create it.
    const names = await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));
    expect(names).not.toContain('stapwijzer');
    const flags = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.endsWith(':vault-id')));
    expect(flags).toEqual([]);
  });

  await test.step('And the backup download’s file is gone', async () => {
    expect(await page.evaluate(OPFS_EXPORT_EXISTS)).toBe(false);
  });

  await test.step('And no cache holds client data; the precache (app shell) stays', async () => {
    const scan = await page.evaluate(async (canary) => {
      const names = await caches.keys();
      let hits = 0;
      for (const name of names) {
        const cache = await caches.open(name);
        for (const request of await cache.keys()) {
          const response = await cache.match(request);
          if (response && (await response.clone().text()).includes(canary)) hits++;
        }
      }
      return { names, hits };
    }, CANARY);
    expect(scan.hits).toBe(0);
    expect(scan.names.some((n) => n.startsWith('workbox-precache'))).toBe(true);
  });
});
