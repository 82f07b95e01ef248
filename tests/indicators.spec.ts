// Praktijkcijfers in a real Chromium: two screenings made through the UI show up in the figures, the
// screen has no axe violation at phone and desktop width (screenshots under reports/), and the CSV for
// the region shows the small counts as "<5", names no client and is logged as an export.
import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './support/fixtures';
import { onboard } from './support/onboard';
import {
  answerOneByOne,
  checkAndShowResult,
  enterPositions,
  saveResult,
  startScreening,
} from './support/screening-page';

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

test('Praktijkcijfers: counts of the caseload, axe 0 at 390 and 1280 px, a suppressed CSV that is audited', async ({
  page,
  server,
}) => {
  await page.goto(server.url);
  test.setTimeout(120_000); // two screenings entered through the UI, then axe at two sizes and the print page
  await onboard(page, { roles: [/verloskundige/i] });
  for (const alias of ['M-1', 'M-2']) {
    await startScreening(page, { client: { alias }, weeks: 6 });
    await answerOneByOne(page, [1, 1, 1]);
    await enterPositions(page, [1, 1, 0, 3, 0, 3, 3, 3, 3, 3]);
    await checkAndShowResult(page);
    await saveResult(page);
  }
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Instellingen' }).click();
  await page.getByRole('link', { name: 'Praktijkcijfers' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Praktijkcijfers' })).toBeVisible();
  const screenings = page.getByRole('table', { name: 'Screenings' });
  // Both screenings, in this month: the footer's grand total is 2.
  await expect(screenings.locator('tfoot td').last()).toHaveText('2');
  await expect(page.getByRole('img', { name: /Staafdiagram/ })).toBeVisible();
  await expect(page.getByRole('img', { name: /Trechter/ })).toBeVisible();

  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 800 });
    const result = await new AxeBuilder({ page }).withTags(WCAG).analyze();
    expect(result.violations.map((v) => `${width}px: ${v.id} (${v.nodes.length})`)).toEqual([]);
    await page.screenshot({ path: `reports/screenshots/indicators-${width}.png`, fullPage: true });
  }

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'CSV downloaden' }).click(),
  ]);
  await expect(page.getByRole('status').filter({ hasText: 'Het CSV-bestand is gemaakt.' })).toBeVisible();
  const csv = await readFile((await download.path()) ?? '', 'utf8');
  expect(csv).toContain('<5');
  expect(csv).not.toContain('M-1');
  expect(csv).not.toMatch(/\d{4}-\d{2}-\d{2}/);

  await page.getByRole('link', { name: 'Afdrukpagina (A4)' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Praktijkcijfers voor de regio' })).toBeVisible();
  await expect(page.getByRole('table').filter({ hasText: '<5' }).first()).toBeVisible();
  const print = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  expect(print.violations.map((v) => `print page: ${v.id} (${v.nodes.length})`)).toEqual([]);
  await page.screenshot({ path: 'reports/screenshots/indicators-print-1280.png', fullPage: true });

  // In-app navigation: a reload would lock the app.
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Instellingen' }).click();
  await page.getByRole('link', { name: 'Logboek' }).click();
  await expect(page.getByRole('cell', { name: 'CSV-bestand gemaakt' })).toHaveCount(1);
});
