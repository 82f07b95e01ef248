// R43–R45: tabs that agree. Several tabs of one Chromium profile share IndexedDB; the cross-tab module
// (src/runtime/cross-tab) makes restore, wipe and a passphrase change lock every other tab at once,
// serialises unlock attempts so each guess meets the backoff, and lets a draft complete once.
import type { BrowserContext, Page } from '@playwright/test';
import { makeBackupFixture } from '../support/backup-fixture';
import { restoreThroughUi } from '../support/backup-page';
import { createClientViaUi } from '../support/clients';
import { expect, test } from '../support/fixtures';
import { onboard, PASSPHRASE, unlock } from '../support/onboard';
import { checkAndShowResult, enterPositions, startScreening } from '../support/screening-page';
import { readAll, readRow } from './support/raw-idb';

const LOCKED = { level: 1, name: 'Stapwijzer is vergrendeld' } as const;

// New pages of the context are already watched for page errors and CSP violations (fixtures.ts).
async function secondTab(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url);
  await unlock(page);
  return page;
}

test('R43: a restore in one tab locks the other at once; after unlocking it saves under the restored key, readable everywhere', async ({
  page,
  server,
  context,
}) => {
  test.setTimeout(120_000); // two or more tabs, each unlocking with the production Argon2id key derivation
  const fixture = await makeBackupFixture();
  await page.goto(server.url);
  await onboard(page);
  const other = await secondTab(context, server.url);

  await restoreThroughUi(page, server.url, fixture);
  await expect(other.getByRole('heading', LOCKED)).toBeVisible();
  await expect(other.getByText('In een ander tabblad is een back-up teruggezet.')).toBeVisible();

  await unlock(other);
  await createClientViaUi(other, 'Na-restore');
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Cliënten' }).click();
  await expect(page.getByRole('link', { name: /Na-restore/ })).toBeVisible();
  await expect(page.getByText(/kunnen niet gelezen worden/)).toHaveCount(0);
});

test('R43: a passphrase change and a wipe in one tab lock the other tab at once', async ({ page, server, context }) => {
  test.setTimeout(120_000); // two or more tabs, each unlocking with the production Argon2id key derivation
  await page.goto(server.url);
  await onboard(page);
  const other = await secondTab(context, server.url);

  const next = 'nieuwe zin voor het andere tabblad';
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Instellingen' }).click();
  await page.getByLabel('Huidige wachtzin').fill(PASSPHRASE);
  await page.getByLabel('Nieuwe wachtzin', { exact: true }).fill(next);
  await page.getByLabel('Nieuwe wachtzin nog een keer').fill(next);
  await page.getByRole('button', { name: 'Wachtzin wijzigen' }).click();
  await expect(page.getByText(/Je wachtzin is gewijzigd/)).toBeVisible();
  await expect(other.getByRole('heading', LOCKED)).toBeVisible();
  await expect(other.getByText(/de wachtzin gewijzigd/)).toBeVisible();
  await unlock(other, next);

  await page.goto(`${server.url}/settings/backup`);
  await unlock(page, next);
  await page.getByLabel('Typ WISSEN om te bevestigen').fill('WISSEN');
  await page.getByRole('button', { name: 'Alle gegevens wissen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Welkom bij Stapwijzer' })).toBeVisible();
  await expect(other.getByRole('heading', { level: 1, name: 'Welkom bij Stapwijzer' })).toBeVisible();
});

test('R44: six tabs submitting a wrong passphrase at once: every evaluated guess counts toward the backoff', async ({
  page,
  server,
  context,
}) => {
  test.setTimeout(120_000); // two or more tabs, each unlocking with the production Argon2id key derivation
  await page.goto(server.url);
  await onboard(page);
  await page.reload();
  const tabs = [page];
  for (let i = 1; i < 6; i++) {
    const tab = await context.newPage();
    await tab.goto(server.url);
    tabs.push(tab);
  }
  for (const tab of tabs) {
    await expect(tab.getByRole('heading', LOCKED)).toBeVisible();
    await tab.getByLabel('Wachtzin').fill('geen goede wachtzin hier');
  }
  await Promise.all(tabs.map((tab) => tab.getByRole('button', { name: 'Ontgrendelen' }).click()));
  const texts: string[] = [];
  for (const tab of tabs) {
    const status = tab.locator('#unlock-status');
    await expect(status).toContainText(/Dat is niet de juiste wachtzin|niet geprobeerd/);
    texts.push((await status.textContent()) ?? '');
  }
  const guesses = texts.filter((t) => t.includes('Dat is niet de juiste wachtzin')).length;
  const backoff = (await readRow(page, 'meta', 'backoff')) as { failures: number };
  // Before: 6 tabs each derived and were told "wrong" while the counter rose by 1.
  expect(guesses).toBeGreaterThanOrEqual(1);
  expect(backoff.failures).toBe(guesses);
});

test('R45: one draft completed in two tabs gives one screening, decision and follow-up; the second tab is told', async ({
  page,
  server,
  context,
}) => {
  test.setTimeout(120_000); // two or more tabs, each unlocking with the production Argon2id key derivation
  await page.goto(server.url);
  await onboard(page, { roles: [/verloskundige/i] });
  await startScreening(page, { client: { alias: 'Twee-tabs' }, weeks: 4, instrument: /EPDS/ });
  await enterPositions(page, [1, 1, 1, 1, 1, 1, 1, 1, 1, 3]);
  await expect(page.getByText('Opgeslagen', { exact: true })).toBeVisible();
  await checkAndShowResult(page);
  await expect(page.getByRole('button', { name: 'Opslaan' })).toBeVisible();
  const resultUrl = page.url();

  const other = await context.newPage();
  await other.goto(resultUrl);
  await unlock(other);
  await expect(other.getByRole('button', { name: 'Opslaan' })).toBeVisible();

  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page).toHaveURL(/\/clients\/[^/]+$/);
  await expect(other.getByText(/Deze screening is al opgeslagen, in een ander tabblad/)).toBeVisible();
  await expect(other.getByRole('button', { name: 'Opslaan' })).toBeDisabled();

  expect(await readAll(page, 'screenings')).toHaveLength(1);
  expect(await readAll(page, 'decisions')).toHaveLength(1);
  expect(await readAll(page, 'followUps')).toHaveLength(1);
});
