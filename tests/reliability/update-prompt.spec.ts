// R27: an update never interrupts clinical work. v1 is open with typed, unsaved input; v2 is deployed on
// the same origin. The prompt shows, nothing reloads by itself, the input stays; only "Bijwerken" moves
// the tab to v2, and a second open tab follows after it flushed its open work.
import { expect, openAndWaitForServiceWorker, test } from '../support/fixtures';
import { unlock } from '../support/onboard';
import { enterPositions, startScreening } from '../support/screening-page';
import {
  checkForUpdate,
  expectControlled,
  expectUpdateWaiting,
  isSameDocument,
  markDocument,
  releaseDir,
  runningRelease,
  UPDATE_PROMPT,
} from './support/releases';
import { installV1 } from './support/update-flow';

test('R27 a new release waits for "Bijwerken": typed input survives, then the app runs v2', async ({
  page,
  server,
}) => {
  await test.step('Given v1 is installed and this tab is controlled by its service worker', async () => {
    await openAndWaitForServiceWorker(page, server.url);
    await page.reload();
    await expectControlled(page);
    expect(await runningRelease(page)).toBe('v1');
  });

  // Onboarding step 1 is the form whose input lives only in memory until "Volgende" (nothing is stored
  // before the passphrase step), so a reload would visibly lose it.
  await test.step('And I am halfway through a form, nothing saved yet', async () => {
    await page.getByRole('checkbox', { name: /POH-GGZ/i }).check();
    await page.getByLabel('Je initialen').fill('AB');
    await markDocument(page);
  });

  await test.step('When v2 is deployed and the app checks for updates', async () => {
    server.setRoot(releaseDir('v2'));
    await checkForUpdate(page);
  });

  await test.step('Then it offers the update and reloads nothing by itself', async () => {
    await expect(page.getByText(UPDATE_PROMPT)).toBeVisible();
    await expectUpdateWaiting(page);
    expect(await isSameDocument(page)).toBe(true);
    expect(await runningRelease(page)).toBe('v1');
    await expect(page.getByLabel('Je initialen')).toHaveValue('AB');
    await expect(page.getByRole('checkbox', { name: /POH-GGZ/i })).toBeChecked();
  });

  await test.step('When I choose "Bijwerken", the app reloads as v2', async () => {
    await page.getByRole('button', { name: 'Bijwerken' }).click();
    await expect.poll(() => runningRelease(page).catch(() => 'navigating')).toBe('v2');
    await expect(page.getByRole('heading', { level: 1, name: 'Welkom bij Stapwijzer' })).toBeVisible();
    await expect(page.getByText(UPDATE_PROMPT)).toHaveCount(0);
  });
});

test('R27 a second tab with an unsaved answer flushes it before the update reloads it', async ({
  page: tabA,
  context,
  server,
}) => {
  await test.step('Given v1 is installed and tab A is open', async () => {
    await installV1(tabA, server, { roles: [/verloskundige/i] });
  });

  const tabB = await context.newPage();
  let draftUrl = '';
  await test.step('And in tab B a screening draft has 3 saved answers and a 4th just given', async () => {
    await tabB.goto(server.url);
    await unlock(tabB);
    await startScreening(tabB, { client: { alias: 'R27-B' }, weeks: 3, instrument: /EPDS/ });
    draftUrl = tabB.url();
    await enterPositions(tabB, [1, 2, 0]);
    await expect(tabB.getByText('Opgeslagen')).toBeVisible();
  });

  await test.step('When v2 is deployed, both tabs offer it and nothing reloads by itself', async () => {
    server.setRoot(releaseDir('v2'));
    await markDocument(tabA);
    await markDocument(tabB);
    await checkForUpdate(tabA);
    await expect(tabA.getByText(UPDATE_PROMPT)).toBeVisible();
    await expect(tabB.getByText(UPDATE_PROMPT)).toBeVisible();
    await expectUpdateWaiting(tabA);
    expect(await isSameDocument(tabA)).toBe(true);
    expect(await isSameDocument(tabB)).toBe(true);
  });

  await test.step('When I answer question 4 in B and at once choose "Bijwerken" in A', async () => {
    await tabB.getByRole('group', { name: /^4\. / }).getByRole('radio').nth(3).click();
    await tabA.getByRole('button', { name: 'Bijwerken' }).click();
  });

  await test.step('Then both tabs run v2, and B, unlocked, has all 4 answers back', async () => {
    await expect.poll(() => runningRelease(tabA).catch(() => 'navigating')).toBe('v2');
    await expect.poll(() => runningRelease(tabB).catch(() => 'navigating')).toBe('v2');
    await unlock(tabB);
    await expect(tabB).toHaveURL(draftUrl);
    await expect(tabB.getByText(/Concept hersteld: 4 antwoorden/)).toBeVisible();
  });
});
