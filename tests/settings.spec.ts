import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './support/fixtures';
import { onboard, openUnlocked } from './support/onboard';

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

test('R10: when the browser refuses persistent storage, a banner warns and settings show persisted() and estimate()', async ({
  page,
  context,
  server,
}) => {
  await test.step('Given a browser whose navigator.storage.persist() answers false', async () => {
    await context.addInitScript(() => {
      const storage = navigator.storage;
      Object.defineProperty(storage, 'persist', { configurable: true, value: async () => false });
      Object.defineProperty(storage, 'persisted', { configurable: true, value: async () => false });
      Object.defineProperty(storage, 'estimate', {
        configurable: true,
        value: async () => ({ usage: 1_234_567, quota: 987_654_321 }),
      });
    });
  });

  await test.step('When I finish onboarding', async () => {
    await page.goto(server.url);
    await onboard(page);
  });

  const banner = page.getByTestId('persist-banner');
  await test.step('Then a persistent banner explains the risk', async () => {
    await expect(banner).toHaveText(/Deze browser mag je gegevens opruimen\. Maak vaak een back-up\./);
  });

  await test.step('And after a restart it is still there, and settings show the storage figures', async () => {
    await openUnlocked(page, `${server.url}/settings`);
    await expect(banner).toBeVisible();
    await expect(page.getByTestId('storage-persisted')).toHaveText(/^Uit\./);
    await expect(page.getByTestId('storage-usage')).toHaveText('1,2 MB');
    await expect(page.getByTestId('storage-quota')).toHaveText('987,7 MB');
  });

  await test.step('On a phone it takes at most a tenth of the screen, and "Verbergen" lasts past a restart', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    const box = await banner.boundingBox();
    expect(box?.height).toBeLessThanOrEqual(84.4);
    await banner.getByRole('button', { name: 'Verbergen' }).click();
    await expect(banner).toHaveCount(0);
    await openUnlocked(page, `${server.url}/settings`);
    await expect(page.getByTestId('storage-persisted')).toHaveText(/^Uit\./);
    await expect(banner).toHaveCount(0);
  });
});

test('axe finds no WCAG 2.2 A/AA violation on settings (phone), and the auto-lock choice survives a restart', async ({
  page,
  server,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(server.url);
  await onboard(page);
  await openUnlocked(page, `${server.url}/settings`);
  await expect(page.getByRole('heading', { level: 1, name: 'Instellingen' })).toBeVisible();
  await expect(page.getByTestId('storage-usage')).toHaveText(/MB|onbekend/);
  const result = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  expect(result.violations.map((v) => `settings: ${v.id} (${v.nodes.length})`)).toEqual([]);

  await page.getByRole('radio', { name: '2 minuten' }).check();
  await expect(page.getByText('Opgeslagen')).toBeVisible();
  await openUnlocked(page, `${server.url}/settings`);
  await expect(page.getByRole('radio', { name: '2 minuten' })).toBeChecked();
});
