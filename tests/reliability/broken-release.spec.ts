// R30: a release with one precached file missing never installs, and v1 keeps working offline.

import { ROUTES_WITHOUT_DATA as ROUTES } from '../routes';
import { readPrecacheUrls } from '../support/build-output';
import { expect, openAndWaitForServiceWorker, test } from '../support/fixtures';
import { onboard, openUnlocked } from '../support/onboard';
import { expectControlled, navigateInApp, releaseDir, runningRelease, UPDATE_PROMPT } from './support/releases';

test('R30 a v2 with a missing precache entry never installs; v1 keeps working offline', async ({
  page,
  context,
  server,
}) => {
  await test.step('Given v1 is installed and I use it', async () => {
    await openAndWaitForServiceWorker(page, server.url);
    await page.reload(); // controlled from now on; the one-time "ready offline" toast is gone too
    await expectControlled(page);
    await onboard(page);
  });

  const missing = readPrecacheUrls(releaseDir('v2')).find((u) => /settings\.page-v2-.*\.js$/.test(u));
  if (!missing) throw new Error('v2 has no settings route chunk in its precache list');

  await test.step(`When a broken v2 is deployed: /${missing} answers 404`, async () => {
    server.setRoot(releaseDir('v2'));
    server.failPaths.add(`/${missing}`);
    const outcome = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      if (!registration) throw new Error('no registration');
      // The browser's own update check (at a navigation) may still be running with the v1 script: an
      // update() then joins it and finds nothing new. Ask again once each check has ended, until the
      // v2 worker shows (its install takes seconds: it fetches the whole precache).
      let worker = registration.installing;
      for (let check = 0; check < 5 && worker === null; check++) {
        await registration.update().catch(() => {});
        worker = registration.installing;
      }
      if (worker === null) return 'no installing worker';
      const installing = worker;
      return new Promise<string>((resolve) => {
        const settle = () => {
          if (installing.state !== 'installing') resolve(installing.state); // redundant, or installed (and on)
        };
        installing.addEventListener('statechange', settle);
        settle();
      });
    });
    expect(outcome, 'the broken v2 worker').toBe('redundant');
  });

  await test.step('Then no update waits and none is offered', async () => {
    const waiting = await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting ?? null);
    expect(waiting).toBeNull();
    expect(server.requests).toContain(`/${missing}`);
    await expect(page.getByText(UPDATE_PROMPT)).toHaveCount(0);
  });

  await test.step('And offline, v1 still opens every route', async () => {
    await server.close();
    await context.setOffline(true);
    await openUnlocked(page, server.url);
    expect(await runningRelease(page)).toBe('v1');
    for (const route of ROUTES) {
      await navigateInApp(page, route.url);
      await expect(page.getByRole('heading', { level: 1, name: route.heading })).toBeVisible();
    }
  });
});
