// Notices (issue 18): each at most a tenth of a phone screen, part of the flow above the content —
// never over it, also while scrolling — and a dismissal lasts past a restart.
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { onboard, openUnlocked } from './support/onboard';

async function refusePersistentStorage(page: Page) {
  await page.context().addInitScript(() => {
    const storage = navigator.storage;
    Object.defineProperty(storage, 'persist', { configurable: true, value: async () => false });
    Object.defineProperty(storage, 'persisted', { configurable: true, value: async () => false });
  });
}

test('the storage notice takes ≤ 10 % of a 390×844 phone, sits above the content and covers nothing when scrolled; hidden, it stays hidden', async ({
  page,
  server,
}) => {
  await refusePersistentStorage(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(server.url);
  await onboard(page, { roles: [/verloskundige/i] });
  const banner = page.getByTestId('persist-banner');
  await openUnlocked(page, `${server.url}/screening`);
  await expect(page.getByRole('heading', { level: 1, name: 'Screening' })).toBeVisible();
  await expect(banner).toBeVisible();

  await test.step('Then it is one short band, above the heading, in the flow', async () => {
    const box = await banner.boundingBox();
    const heading = await page.getByRole('heading', { level: 1 }).boundingBox();
    expect(box?.height ?? 999).toBeLessThanOrEqual(84.4);
    expect(box && heading && box.y + box.height <= heading.y).toBe(true);
    expect(await banner.evaluate((el) => getComputedStyle(el.parentElement ?? el).position)).toBe('static');
  });

  await test.step('And scrolled to the end, no notice lies over the last button', async () => {
    const start = page.getByRole('button', { name: 'Screening starten' });
    await start.scrollIntoViewIfNeeded();
    const button = await start.boundingBox();
    const over = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.closest('.notices') !== null, {
      x: (button?.x ?? 0) + 10,
      y: (button?.y ?? 0) + 10,
    });
    expect(over).toBe(false);
  });

  await test.step('And "Verbergen" lasts past a restart', async () => {
    await banner.getByRole('button', { name: 'Verbergen' }).click();
    await expect(banner).toHaveCount(0);
    await openUnlocked(page, `${server.url}/screening`);
    await expect(page.getByRole('heading', { level: 1, name: 'Screening' })).toBeVisible();
    await expect(banner).toHaveCount(0);
  });
});
