// R48: Cache Storage cleared on its own (IndexedDB intact): the app notices, re-caches when online and
// warns when offline — instead of silently losing offline use.
import type { Page } from '@playwright/test';
import { expect, openAndWaitForServiceWorker, test } from '../support/fixtures';
import { onboard, openUnlocked } from '../support/onboard';

const clearCacheStorage = (page: Page) =>
  page.evaluate(async () => {
    for (const key of await caches.keys()) await caches.delete(key);
  });

const cachedShell = (page: Page) =>
  page.evaluate(async () => {
    for (const key of await caches.keys()) {
      const hit = await (await caches.open(key)).match(new URL('index.html', location.origin).href, {
        ignoreSearch: true,
      });
      if (hit) return true;
    }
    return false;
  });

test('R48: with Cache Storage cleared, the app re-caches when online (and then opens offline) and warns when offline', async ({
  page,
  context,
  server,
}) => {
  test.setTimeout(120_000); // waits for the service worker to install, then to re-cache the whole precache
  await openAndWaitForServiceWorker(page, server.url);
  await onboard(page);
  const notice = page.getByTestId('offline-cache');

  await test.step('Given the browser cleared Cache Storage while Stapwijzer is open and offline', async () => {
    await context.setOffline(true);
    await clearCacheStorage(page);
    expect(await cachedShell(page)).toBe(false);
  });

  await test.step('Then it warns that offline use is gone until the device is online again', async () => {
    // Coming back into view is one of the moments the app checks.
    await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    await expect(notice).toContainText('je bent nu offline');
  });

  await test.step('When the device is online again, the files are stored again and it says so', async () => {
    await context.setOffline(false);
    await expect(notice).toContainText('opnieuw opgeslagen');
    expect(await cachedShell(page)).toBe(true);
  });

  await test.step('And Stapwijzer opens offline again, deep link included', async () => {
    await server.close();
    await context.setOffline(true);
    await openUnlocked(page, `${server.url}/clients`);
    await expect(page.getByRole('heading', { level: 1, name: 'Cliënten' })).toBeVisible();
  });
});

test('R48: Cache Storage cleared between visits is noticed at start and rebuilt while online', async ({
  page,
  server,
}) => {
  await openAndWaitForServiceWorker(page, server.url);
  await clearCacheStorage(page);
  await page.reload();
  await expect(page.getByTestId('offline-cache')).toContainText('opnieuw opgeslagen');
  expect(await cachedShell(page)).toBe(true);
});
