import AxeBuilder from '@axe-core/playwright';
import { ROUTES } from './routes';
import { expect, test } from './support/fixtures';
import { onboard, openUnlocked, PASSPHRASE } from './support/onboard';

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

for (const viewport of [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1280, height: 800 },
]) {
  test(`axe finds no WCAG 2.2 A/AA violation on any route (${viewport.name})`, async ({ page, server }) => {
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    const check = async (label: string) => {
      const result = await new AxeBuilder({ page }).withTags(WCAG).analyze();
      expect(result.violations.map((v) => `${label}: ${v.id} (${v.nodes.length})`)).toEqual([]);
    };
    await page.goto(server.url);
    await page.getByRole('heading', { level: 1, name: 'Welkom bij Stapwijzer' }).waitFor();
    await check('onboarding');
    await onboard(page);
    await page.goto(server.url);
    await page.getByRole('heading', { level: 1, name: 'Stapwijzer is vergrendeld' }).waitFor();
    await check('lock screen');
    for (const route of ROUTES) {
      await openUnlocked(page, server.url + route.path);
      await page.getByRole('heading', { level: 1, name: route.heading }).waitFor();
      await check(route.path);
    }
  });
}

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
