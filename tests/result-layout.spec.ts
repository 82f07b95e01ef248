// The result leads with the decision (issue 18): on a 390×844 phone the first screen shows the score,
// the proposed step with its actions and the save button; the reasons and sources fold open below.
// A self-harm answer still puts the safety path before anything else.
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { onboard } from './support/onboard';
import { checkAndShowResult, enterPositions, startScreening } from './support/screening-page';

const PHONE = { width: 390, height: 844 };

/** Top of an element in page coordinates (not the viewport), with the page scrolled to its top. */
async function topOf(page: Page, locator: ReturnType<Page['locator']>): Promise<number> {
  const box = await locator.boundingBox();
  if (box === null) throw new Error('element not laid out');
  return box.y + (await page.evaluate(() => window.scrollY));
}

test('at 390×844 the save button is on the first screen, after the score and the proposed step, before the reasons', async ({
  page,
  server,
}) => {
  await page.setViewportSize(PHONE);
  await page.goto(server.url);
  await onboard(page, { roles: [/verloskundige/i] });
  await startScreening(page, { client: { alias: 'L-1' }, weeks: 6, instrument: /EPDS/ });
  await enterPositions(page, [1, 1, 0, 3, 0, 3, 3, 3, 3, 3]);
  await checkAndShowResult(page);
  await expect(page.getByText('totaal 11 van 30')).toBeVisible();
  await page.evaluate(() => window.scrollTo(0, 0));

  const save = page.getByRole('button', { name: 'Opslaan' });
  const decision = page.getByRole('heading', { level: 2, name: 'Voorgestelde stap' });
  const reasons = page.getByText('Waarom deze stap: redenen en bronnen');
  const report = async (when: string) => {
    const box = await save.boundingBox();
    const navTop = await topOf(page, page.getByRole('navigation', { name: 'Hoofdmenu' }));
    console.log(
      `result at 390×844, ${when}: "Opslaan" top ${Math.round(box?.y ?? -1)} px, bottom ${Math.round((box?.y ?? 0) + (box?.height ?? 0))} px; tab bar from ${Math.round(navTop)} px`,
    );
    return { top: box?.y ?? Number.POSITIVE_INFINITY, bottom: (box?.y ?? 0) + (box?.height ?? 0), navTop };
  };

  // First use: the storage notice still shows above the page; the button starts on the first screen.
  await page.screenshot({ path: 'reports/screenshots/result-first-screen-390.png' });
  const first = await report('storage notice shown');
  expect(first.top).toBeLessThan(PHONE.height);

  // Once the notice is dismissed (a dismissal that lasts), the whole button clears the tab bar, with
  // the score and the step and its actions above it.
  await page.getByRole('button', { name: 'Verbergen' }).click();
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: 'reports/screenshots/result-first-screen-dismissed-390.png' });
  await page.screenshot({ path: 'reports/screenshots/result-full-390.png', fullPage: true });
  const after = await report('notice dismissed');
  expect(after.bottom).toBeLessThanOrEqual(after.navTop);
  await expect(save).toBeInViewport();
  await expect(page.getByText('totaal 11 van 30')).toBeInViewport();
  await expect(page.getByText('Stap 1 Lichte ondersteuning', { exact: true })).toBeInViewport();
  await expect(page.getByRole('list').filter({ hasText: /Opnieuw screenen/ })).toBeInViewport();

  // Decision before reasons, reasons folded.
  expect(await topOf(page, decision)).toBeLessThan(await topOf(page, reasons));
  expect(await topOf(page, save)).toBeLessThan(await topOf(page, reasons));
  await expect(page.locator('details.reasons-fold')).not.toHaveAttribute('open');
  await reasons.click();
  await expect(page.locator('details.reasons-fold .reasons li').first()).toBeVisible();
});

test('at 390×844 a self-harm answer puts the safety path first, above the score and the step, and saving waits for its action', async ({
  page,
  server,
}) => {
  await page.setViewportSize(PHONE);
  await page.goto(server.url);
  await onboard(page, { roles: [/verloskundige/i] });
  await startScreening(page, { client: { alias: 'L-2' }, weeks: 6, instrument: /EPDS/ });
  await enterPositions(page, [1, 1, 0, 3, 0, 3, 3, 3, 3, 1]);
  await page.getByRole('button', { name: 'Verder met de screening' }).click();
  await checkAndShowResult(page, { fromItem: true });
  await expect(page.getByRole('heading', { level: 2 }).first()).toHaveText(/Veiligheid eerst/);
  const panel = page.getByRole('region', { name: /Veiligheid eerst/ });
  const score = page.getByRole('heading', { level: 2, name: /^EPDS totaal \d+ van 30$/ });
  expect(await topOf(page, panel)).toBeLessThan(await topOf(page, score));
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByText('Leg eerst vast wat je hebt gedaan voor de veiligheid.')).toBeVisible();
  await expect(page).toHaveURL(/\/result$/);
});
