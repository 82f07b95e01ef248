import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { navigateInApp } from './reliability/support/releases';
import { ROUTES } from './routes';
import { makeBackupFixture } from './support/backup-fixture';
import { restoreThroughUi } from './support/backup-page';
import { expect, test } from './support/fixtures';
import { onboard, PASSPHRASE } from './support/onboard';

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

/** Checks the page as it stands: every WCAG 2.2 A/AA violation axe finds, labelled. */
async function expectNoViolations(page: Page, label: string): Promise<void> {
  // The notices stick to the bottom of the viewport and cover whatever scrolls beneath them; at
  // the end of the page they sit below the content. Checking there proves every target can be
  // scrolled clear of them (room is kept), instead of failing on wherever the page first opened.
  // The end is where a scroll to the end stays put (content still loading would move it).
  await expect
    .poll(() =>
      page.evaluate(() => {
        const before = window.scrollY;
        window.scrollTo(0, document.documentElement.scrollHeight);
        return before === window.scrollY;
      }),
    )
    .toBe(true);
  const result = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  expect(
    result.violations.map(
      (v) =>
        `${label}: ${v.id} (${v.nodes.length}) ${v.nodes.map((n) => `${n.target.join(' ')} ${n.failureSummary}`).join(', ')}`,
    ),
  ).toEqual([]);
}

// The routes in three parts per viewport, each its own test: one test for all 17 took 20–30 s at
// load 10 and ran past 60 s at load 17; a part stays well inside the default timeout.
const PARTS = 3;
const size = Math.ceil(ROUTES.length / PARTS);
const parts = Array.from({ length: PARTS }, (_, i) => ROUTES.slice(i * size, (i + 1) * size));

for (const viewport of [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1280, height: 800 },
]) {
  for (const [i, routes] of parts.entries()) {
    const first = i === 0 ? 'onboarding, lock screen, ' : '';
    test(`axe finds no WCAG 2.2 A/AA violation on ${first}routes ${i + 1}/${PARTS} of the router (${viewport.name})`, async ({
      page,
      server,
    }) => {
      const fixture = await makeBackupFixture({ draft: true });
      const data = { clientId: fixture.clientId, draftId: fixture.draftId ?? '' };
      await page.setViewportSize({ width: viewport.width, height: viewport.height });
      await page.goto(server.url);
      await page.getByRole('heading', { level: 1, name: 'Welkom bij Stapwijzer' }).waitFor();
      if (i === 0) await expectNoViolations(page, 'onboarding');
      await onboard(page);
      await page.goto(server.url);
      await page.getByRole('heading', { level: 1, name: 'Stapwijzer is vergrendeld' }).waitFor();
      if (i === 0) await expectNoViolations(page, 'lock screen');
      await restoreThroughUi(page, server.url, fixture);
      for (const route of routes) {
        await test.step(route.path, async () => {
          await navigateInApp(page, route.url(data));
          await expect(page.getByRole('heading', { level: 1, name: route.heading })).toBeVisible();
          if (route.text) await expect(page.getByRole('main').getByText(route.text).first()).toBeVisible();
          await expectNoViolations(page, route.path);
        });
      }
    });
  }
}

test('the axe parts together cover every route of the router, each once', () => {
  expect(parts.flat().map((r) => r.path)).toEqual(ROUTES.map((r) => r.path));
});

test('unlocking and the navigation work with the keyboard alone', async ({ page, server }) => {
  await page.goto(server.url);
  await onboard(page);
  await page.goto(server.url);
  await test.step('The lock screen focuses its heading; Tab reaches the passphrase, Enter unlocks', async () => {
    await expect(page.getByRole('heading', { level: 1, name: 'Stapwijzer is vergrendeld' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Wachtzin')).toBeFocused();
    await page.keyboard.type(PASSPHRASE);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Vandaag' })).toBeFocused();
  });
  await test.step('From the top of the page, the skip link comes first and the menu opens Instellingen', async () => {
    // Move the focus navigation starting point to the top of the document, as after a fresh load.
    await page.evaluate(() => {
      document.body.tabIndex = -1;
      document.body.focus();
      document.body.removeAttribute('tabindex');
    });
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Naar de inhoud' })).toBeFocused();
    const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
    for (
      let i = 0;
      i < 10 &&
      !(await nav.getByRole('link', { name: 'Instellingen' }).evaluate((el) => el === document.activeElement));
      i++
    ) {
      await page.keyboard.press('Tab');
    }
    await expect(nav.getByRole('link', { name: 'Instellingen' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Instellingen' })).toBeFocused();
  });
});
