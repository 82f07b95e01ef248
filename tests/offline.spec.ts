import { ROUTES } from './routes';
import { expect, openAndWaitForServiceWorker, test } from './support/fixtures';
import { onboard, openUnlocked } from './support/onboard';

test('after one online visit, every route opens offline with its own heading, deep links included', async ({
  page,
  context,
  server,
}) => {
  await test.step('Given I opened Stapwijzer once while online', async () => {
    await openAndWaitForServiceWorker(page, server.url);
    await onboard(page);
    await expect(page.getByRole('heading', { level: 1, name: 'Vandaag' })).toBeVisible();
  });

  await test.step('When the server is gone and the device is offline', async () => {
    await server.close();
    await context.setOffline(true);
  });

  for (const route of ROUTES) {
    await test.step(`Then ${route.path} still opens behind the lock, showing "${route.heading}"`, async () => {
      await openUnlocked(page, server.url + route.path);
      await expect(page.getByRole('heading', { level: 1, name: route.heading })).toBeVisible();
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
