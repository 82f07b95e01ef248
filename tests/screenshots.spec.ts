// Screenshots for looking at (issue 18): Vandaag, the runner (score entry), a result, a client, the
// handover and the cards, at 320, 390 and 1280 px wide, full page, into reports/screenshots/ (ignored
// by git). Each screen must show its heading and must not scroll sideways.
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { onboard } from './support/onboard';
import { checkAndShowResult, enterPositions, saveResult, startScreening } from './support/screening-page';

const WIDTHS = [320, 390, 1280] as const;
const HEIGHT: Record<(typeof WIDTHS)[number], number> = { 320: 640, 390: 844, 1280: 800 };

/** Client-side navigation (a page load would lock the app): the router follows popstate. */
async function go(page: Page, path: string): Promise<void> {
  await page.evaluate((p) => {
    history.pushState({}, '', p);
    dispatchEvent(new PopStateEvent('popstate'));
  }, path);
}

async function shoot(page: Page, name: string, heading: RegExp): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
  await page.evaluate(() => window.scrollTo(0, 0));
  const width = page.viewportSize()?.width ?? 0;
  const sideways = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  if (sideways > 0)
    console.log(
      'WIDE',
      name,
      width,
      await page.evaluate(() =>
        [...document.querySelectorAll('body *')]
          .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
          .slice(0, 12)
          .map(
            (el) =>
              `${el.tagName}.${el.className} ${Math.round(el.getBoundingClientRect().right)} ${el.textContent?.slice(0, 40)}`,
          ),
      ),
    );
  expect(sideways, `${name} at ${width} px scrolls sideways`).toBeLessThanOrEqual(0);
  await page.screenshot({ path: `reports/screenshots/${name}-${width}.png`, fullPage: true });
}

test('screenshots of Vandaag, runner, result, client, handover and cards at 320, 390 and 1280 px, none scrolling sideways', async ({
  page,
  server,
}) => {
  test.setTimeout(150_000); // 21 full-page screenshots after a real onboarding and four screenings
  await page.goto(server.url);
  await onboard(page, { roles: [/verloskundige/i] });
  // A client with a saved EPDS (client page, handover), then a second screening left at its result
  // and a third left at item 4 (runner).
  await startScreening(page, { client: { alias: 'S-1' }, weeks: 6, instrument: /EPDS/ });
  await enterPositions(page, [1, 1, 0, 3, 0, 3, 3, 3, 3, 3]);
  await checkAndShowResult(page);
  await saveResult(page);
  const client = new URL(page.url()).pathname;
  await startScreening(page, { client: { existing: 'S-1' }, weeks: 6, instrument: /EPDS/ });
  await enterPositions(page, [2, 1, 0, 3, 0, 3, 3, 3, 3, 3]);
  await checkAndShowResult(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Uitslag' })).toBeVisible();
  const result = new URL(page.url()).pathname;
  await startScreening(page, { client: { existing: 'S-1' }, weeks: 6, instrument: /EPDS/ });
  await enterPositions(page, [1, 2, 0]);
  await expect(page.getByText('Opgeslagen')).toBeVisible();
  const runner = new URL(page.url()).pathname;
  // A fourth, left at item 1 with nothing entered: the row of digits for keyboard entry shows.
  await startScreening(page, { client: { existing: 'S-1' }, weeks: 6, instrument: /EPDS/ });
  await expect(page.getByLabel(/^Snel invoeren/)).toBeVisible();
  const runnerQuick = new URL(page.url()).pathname;

  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: HEIGHT[width] });
    await go(page, '/');
    await shoot(page, 'vandaag', /^Vandaag$/);
    await go(page, runner);
    await expect(page.getByRole('group', { name: /^4\. / })).toBeVisible();
    await shoot(page, 'runner', /EPDS/);
    await go(page, runnerQuick);
    await expect(page.getByLabel(/^Snel invoeren/)).toBeVisible();
    await shoot(page, 'runner-quick', /EPDS/);
    await go(page, result);
    await shoot(page, 'result', /^Uitslag$/);
    await go(page, client);
    await shoot(page, 'client', /^S-1$/);
    await go(page, `${client}/handover`);
    await shoot(page, 'handover', /^Overdracht: S-1$/);
    await go(page, '/cards');
    await shoot(page, 'cards', /Kaarten/);
  }
});
