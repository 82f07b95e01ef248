// Issue 18: at 320 px (the narrowest phone WCAG 1.4.10 reflow asks for) no route scrolls sideways,
// with the backup fixture's real data on every page.
import { navigateInApp } from './reliability/support/releases';
import { ROUTES } from './routes';
import { makeBackupFixture } from './support/backup-fixture';
import { restoreThroughUi } from './support/backup-page';
import { expect, test } from './support/fixtures';
import { onboard } from './support/onboard';

test('no route of the router scrolls sideways at 320 px wide', async ({ page, server }) => {
  const fixture = await makeBackupFixture({ draft: true });
  const data = { clientId: fixture.clientId, draftId: fixture.draftId ?? '' };
  await page.goto(server.url);
  await onboard(page);
  await restoreThroughUi(page, server.url, fixture);
  await page.setViewportSize({ width: 320, height: 640 });

  const wider: string[] = [];
  for (const route of ROUTES) {
    await navigateInApp(page, route.url(data));
    await expect(page.getByRole('heading', { level: 1, name: route.heading })).toBeVisible();
    if (route.text) await expect(page.getByRole('main').getByText(route.text).first()).toBeVisible();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    if (width > 320) {
      const culprits = await page.evaluate(() =>
        [...document.querySelectorAll('main *')]
          .filter((e) => e.getBoundingClientRect().right > 321)
          .slice(0, 3)
          .map((e) => `${e.tagName}.${e.className}#${e.id}`),
      );
      wider.push(`${route.path}: ${width} px (${culprits.join(', ')})`);
    }
  }
  expect(wider).toEqual([]);
});
