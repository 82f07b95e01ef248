import { ROUTES } from './routes';
import { makeBackupFixture } from './support/backup-fixture';
import { restoreThroughUi } from './support/backup-page';
import { expect, openAndWaitForServiceWorker, test } from './support/fixtures';
import { onboard, openUnlocked } from './support/onboard';

test('after one online visit, every route of the router opens offline with its own content, deep links included', async ({
  page,
  context,
  server,
}) => {
  const fixture = await makeBackupFixture({ draft: true });
  const data = { clientId: fixture.clientId, draftId: fixture.draftId ?? '' };

  await test.step('Given I opened Stapwijzer once while online and restored a backup with a client', async () => {
    await openAndWaitForServiceWorker(page, server.url);
    await onboard(page);
    await expect(page.getByRole('heading', { level: 1, name: 'Vandaag' })).toBeVisible();
    await restoreThroughUi(page, server.url, fixture);
  });

  await test.step('When the server is gone, the HTTP cache evicted and the device offline', async () => {
    await server.close();
    // Only the precache may serve the app: a chunk the online visit happened to load must not pass
    // through the browser's HTTP cache, or a chunk missing from the precache would go unnoticed.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.clearBrowserCache');
    await cdp.detach();
    await context.setOffline(true);
  });

  for (const route of ROUTES) {
    await test.step(`Then ${route.path} still opens behind the lock, showing "${route.heading}"`, async () => {
      await openUnlocked(page, server.url + route.url(data));
      await expect(page.getByRole('heading', { level: 1, name: route.heading })).toBeVisible();
      if (route.text) await expect(page.getByRole('main').getByText(route.text).first()).toBeVisible();
      await expect(page.getByRole('main')).toBeVisible();
    });
  }
});

test('the offline-ready message shows once, not at every start', async ({ page, server }) => {
  await openAndWaitForServiceWorker(page, server.url);
  await expect(page.getByText('Stapwijzer is klaar om zonder internet te werken.')).toBeVisible();
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Welkom bij Stapwijzer' }).waitFor();
  await expect(page.getByText('Stapwijzer is klaar om zonder internet te werken.')).toHaveCount(0);
});
