// "Hulp nu" (issue 18): one tap from every screen to 113, 0800-0113 and 112, offline and without a
// finished screening — on the lock screen too, where the regional numbers are still sealed.
import type { Page } from '@playwright/test';
import type { RoutePath } from '../src/app/route-paths';
import { navigateInApp } from './reliability/support/releases';
import { ROUTES_WITHOUT_DATA } from './routes';
import { expect, openAndWaitForServiceWorker, test } from './support/fixtures';
import { onboard, unlock } from './support/onboard';

// "Laat zien aan cliënt" hands the device to the client: the shell shows no professional controls.
const HANDED_TO_CLIENT: readonly RoutePath[] = ['/cards/:cardId/show'];

async function expectHelpNow(page: Page, regional: RegExp): Promise<void> {
  await page.getByRole('button', { name: 'Hulp nu' }).click();
  const panel = page.getByRole('region', { name: 'Hulp nu', exact: true });
  await expect(panel).toBeFocused();
  await expect(panel.getByRole('link', { name: /^113 / }).first()).toHaveAttribute('href', 'tel:113');
  await expect(panel.getByRole('link', { name: /^0800-0113/ }).first()).toHaveAttribute('href', 'tel:08000113');
  await expect(panel.getByRole('link', { name: /^112 / }).first()).toHaveAttribute('href', 'tel:112');
  await expect(panel.getByText(regional).first()).toBeVisible();
  await panel.getByRole('button', { name: 'Sluiten' }).click();
  await expect(panel).toHaveCount(0);
}

test('"Hulp nu" opens the urgent numbers offline on the lock screen and on every route of the router', async ({
  page,
  context,
  server,
}) => {
  await openAndWaitForServiceWorker(page, server.url);
  await onboard(page, { roles: [/verloskundige/i] });
  await expect(page.getByRole('heading', { level: 1, name: 'Vandaag' })).toBeVisible();
  await server.close();
  await context.setOffline(true);

  await test.step('on the lock screen, where the regional numbers are still sealed', async () => {
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Stapwijzer is vergrendeld' })).toBeVisible();
    await expectHelpNow(page, /Regionale nummers zie je na het ontgrendelen/);
    await unlock(page);
  });

  for (const route of ROUTES_WITHOUT_DATA) {
    await test.step(`on ${route.path}`, async () => {
      await navigateInApp(page, route.url);
      await expect(page.getByRole('heading', { level: 1, name: route.heading })).toBeVisible();
      if (HANDED_TO_CLIENT.includes(route.path))
        await expect(page.getByRole('button', { name: 'Hulp nu' })).toHaveCount(0);
      else await expectHelpNow(page, /nog niet ingesteld/);
    });
  }
});
