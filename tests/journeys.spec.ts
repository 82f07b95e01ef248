// One journey per role, from first use to a result and a follow-up after the pathway's default
// interval, where the new score did not improve or got worse: the proposal is then the next step up
// (CONTENT.md §3; on relapse prevention a steady score below 10 stays, so that journey gets worse).
import type { BrowserContext, Page } from '@playwright/test';
import { expect, openAndWaitForServiceWorker, test } from './support/fixtures';
import { onboard, unlock } from './support/onboard';
import {
  answerOneByOne,
  checkAndShowResult,
  enterPositions,
  saveResult,
  startScreening,
} from './support/screening-page';

const DAY = 24 * 60 * 60 * 1000;
const START = new Date('2026-03-02T09:00:00');

async function firstUseOffline(page: Page, context: BrowserContext, url: string, role: RegExp) {
  await openAndWaitForServiceWorker(page, url);
  await onboard(page, { roles: [role] });
  await context.setOffline(true);
  // The clock is installed once the service worker is in: from here on the test decides what day it is.
  await page.clock.install({ time: START });
  await page.reload();
  await unlock(page);
}

async function afterDays(page: Page, days: number) {
  await page.clock.setSystemTime(new Date(START.getTime() + days * DAY));
  await page.reload();
  await unlock(page);
}

test('midwife: Whooley positive → EPDS 11 → step 1; after 14 days EPDS 12 did not improve → step 2', async ({
  page,
  context,
  server,
}) => {
  await test.step('Given I start Stapwijzer for the first time as a midwife, then go offline', async () => {
    await firstUseOffline(page, context, server.url, /verloskundige/i);
  });
  await test.step('When I screen a new client 6 weeks after birth with the Whooley questions', async () => {
    await startScreening(page, { client: { alias: 'M-12' }, weeks: 6 });
    await expect(page.getByRole('heading', { level: 1, name: /Whooley/ })).toBeVisible();
    await answerOneByOne(page, [1, 1, 1]);
  });
  await test.step('Then the engine asks for the EPDS, which I enter from the paper form (total 11)', async () => {
    await expect(page.getByRole('heading', { level: 1, name: /EPDS/ })).toBeVisible();
    await enterPositions(page, [1, 1, 0, 3, 0, 3, 3, 3, 3, 3]);
    await checkAndShowResult(page);
    await expect(page.getByText('totaal 11 van 30')).toBeVisible();
    await expect(page.locator('p.proposal')).toHaveText('Stap 1 Lichte ondersteuning');
    await expect(page.getByLabel('Vervolgafspraak')).toHaveValue('2026-03-16');
    await saveResult(page);
  });
  await test.step('When 14 days later I start the follow-up for M-12 and the EPDS is 12', async () => {
    await afterDays(page, 14);
    await startScreening(page, { client: { existing: 'M-12' }, followUp: true, weeks: 8 });
    await enterPositions(page, [2, 1, 0, 3, 0, 3, 3, 3, 3, 3]);
    await checkAndShowResult(page);
  });
  await test.step('Then it did not improve and the proposal is one step up: step 2 Zorg', async () => {
    await expect(page.getByText('Vorige keer 11, nu 12:')).toBeVisible();
    await expect(page.locator('.comparison strong')).toHaveText(/^Niet verbeterd:/);
    await expect(page.getByText(/een stap omhoog: stap 2 Zorg/)).toBeVisible();
    await saveResult(page);
  });
});

test('POH-GGZ: relapse-prevention intake + PHQ-9 7 → step 1; after 90 days PHQ-9 13 is worse → step 2', async ({
  page,
  context,
  server,
}) => {
  await test.step('Given I start Stapwijzer as a POH-GGZ, then go offline', async () => {
    await firstUseOffline(page, context, server.url, /POH-GGZ/i);
  });
  await test.step('When I do the relapse-prevention intake (2 episodes) and the PHQ-9', async () => {
    await startScreening(page, { pathway: /Terugvalpreventie/i, client: { alias: 'R-3' }, intake: { episodes: 2 } });
    await expect(page.getByRole('heading', { level: 1, name: /PHQ-9/ })).toBeVisible();
    await answerOneByOne(page, [1, 1, 1, 1, 1, 1, 1, 0, 0, 0]);
  });
  await test.step('Then step 1 is proposed and the decision aid lists its options', async () => {
    await expect(page.getByText('totaal 7 van 27')).toBeVisible();
    await expect(page.locator('p.proposal')).toHaveText('Stap 1 Lichte ondersteuning');
    await expect(page.getByRole('heading', { name: 'Mogelijkheden uit de keuzehulp' })).toBeVisible();
    await saveResult(page);
  });
  await test.step('When 90 days later the PHQ-9 is 13', async () => {
    await afterDays(page, 90);
    await startScreening(page, {
      pathway: /Terugvalpreventie/i,
      client: { existing: 'R-3' },
      followUp: true,
      intake: { episodes: 2 },
    });
    await answerOneByOne(page, [2, 2, 2, 2, 2, 1, 1, 1, 0, 0]);
  });
  await test.step('Then it got worse and the proposal is step 2', async () => {
    await expect(page.locator('.comparison strong')).toHaveText(/^Verslechterd:/);
    await expect(page.getByText(/een stap omhoog: stap 2 Zorg/)).toBeVisible();
    await saveResult(page);
  });
});

test('caregiver supporter: EDIZ-plus 5 → step 1; after 42 days EDIZ-plus 5 → step 2', async ({
  page,
  context,
  server,
}) => {
  await test.step('Given I start Stapwijzer as a caregiver supporter, then go offline', async () => {
    await firstUseOffline(page, context, server.url, /mantelzorg/i);
  });
  await test.step('When I enter an EDIZ-plus with 5 yes answers', async () => {
    await startScreening(page, { client: { alias: 'C-7' } });
    // EDIZ-plus prints Nee! · Nee · Min of meer · Ja · Ja!: five "Ja" (position 3), the rest "Nee".
    await enterPositions(page, [3, 3, 3, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
    await checkAndShowResult(page);
    await expect(page.getByText('totaal 5 van 15')).toBeVisible();
    await expect(page.locator('p.proposal')).toHaveText('Stap 1 Lichte ondersteuning');
    await saveResult(page);
  });
  await test.step('When 42 days later the EDIZ-plus is still 5', async () => {
    await afterDays(page, 42);
    await startScreening(page, { client: { existing: 'C-7' }, followUp: true });
    // EDIZ-plus prints Nee! · Nee · Min of meer · Ja · Ja!: five "Ja" (position 3), the rest "Nee".
    await enterPositions(page, [3, 3, 3, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
    await checkAndShowResult(page);
  });
  await test.step('Then it did not improve and the proposal is step 2', async () => {
    await expect(page.locator('.comparison strong')).toHaveText(/^Niet verbeterd:/);
    await expect(page.getByText(/een stap omhoog: stap 2 Zorg/)).toBeVisible();
    await saveResult(page);
  });
});
