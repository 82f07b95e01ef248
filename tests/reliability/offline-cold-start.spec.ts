// R29: after one online session, a cold start OFFLINE (browser closed, relaunched on the same profile
// with no network and no server) renders every route and the data. tests/offline.spec.ts covers routes
// in the same tab; this one restarts the browser, the case of a professional opening the app next day.

import { ROUTES_WITHOUT_DATA as ROUTES } from '../routes';
import { launchProfile } from '../support/chromium';
import { expect, test, watch } from '../support/fixtures';
import { unlock } from '../support/onboard';
import { navigateInApp } from './support/releases';
import { installV1 } from './support/update-flow';

test('R29 a cold start offline, browser restarted, renders every route and the saved client', async ({
  page,
  context,
  server,
  profileDir,
  guard,
}) => {
  await test.step('Given I used Stapwijzer online once and created a client', async () => {
    await installV1(page, server);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Cliënten' }).click();
    await page.getByRole('link', { name: 'Nieuwe cliënt' }).click();
    await page.getByRole('textbox', { name: 'Bijnaam of code' }).fill('R29 Koude Start');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'R29 Koude Start' })).toBeVisible();
    await context.close();
  });

  await test.step('When the browser starts again with no network and no server', async () => {
    await server.close();
  });
  const cold = await launchProfile(profileDir);
  try {
    await watch(cold, guard);
    await cold.setOffline(true);
    const fresh = cold.pages()[0] ?? (await cold.newPage());

    await test.step('Then the app opens, unlocks and shows the client', async () => {
      await fresh.goto(`${server.url}/clients`);
      await unlock(fresh);
      await expect(fresh.getByRole('heading', { level: 1, name: 'Cliënten' })).toBeVisible();
      await expect(fresh.getByText('R29 Koude Start')).toBeVisible();
    });

    await test.step('And every route renders', async () => {
      for (const route of ROUTES) {
        await navigateInApp(fresh, route.url);
        await expect(fresh.getByRole('heading', { level: 1, name: route.heading })).toBeVisible();
      }
    });
  } finally {
    await cold.close();
  }
});
