import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './support/fixtures';
import { ROUTES } from './routes';

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

for (const viewport of [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1280, height: 800 },
]) {
  test(`axe finds no WCAG 2.2 A/AA violation on any route (${viewport.name})`, async ({ page, server }) => {
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    for (const route of ROUTES) {
      await page.goto(server.url + route.path);
      await page.getByRole('heading', { level: 1, name: route.heading }).waitFor();
      const result = await new AxeBuilder({ page }).withTags(WCAG).analyze();
      const summary = result.violations.map((v) => `${route.path}: ${v.id} (${v.nodes.length})`);
      expect(summary).toEqual([]);
    }
  });
}

test('the navigation works with the keyboard alone', async ({ page, server }) => {
  await page.goto(server.url);
  await page.getByRole('heading', { level: 1, name: 'Vandaag' }).waitFor();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Naar de inhoud' })).toBeFocused();
  const settings = page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Instellingen' });
  await settings.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Instellingen' })).toBeFocused();
});
