// Issue 18: "Ik heb een back-up" on a fresh device restores before any vault is made; the backup's
// passphrase unlocks afterwards, and every onboarding step moves focus to its new heading.
import { CANARY, makeBackupFixture } from './support/backup-fixture';
import { expect, test } from './support/fixtures';
import { PASSPHRASE, unlock } from './support/onboard';

test('a fresh device restores a backup from onboarding, opens Vandaag with its client and unlocks with its passphrase', async ({
  page,
  server,
}) => {
  const fixture = await makeBackupFixture();
  await page.goto(server.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Welkom bij Stapwijzer' })).toBeVisible();
  await page.getByRole('button', { name: 'Ik heb een back-up' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Back-up terugzetten' })).toBeFocused();

  await page.getByRole('button', { name: 'Back-up terugzetten' }).click();
  await expect(page.getByLabel('Back-upbestand')).toBeFocused();
  await expect(page.getByLabel('Back-upbestand')).toHaveAccessibleDescription('Kies het back-upbestand.');

  await page.getByLabel('Back-upbestand').setInputFiles({
    name: fixture.fileName,
    mimeType: 'application/json',
    buffer: Buffer.from(fixture.text),
  });
  await page.getByLabel('Wachtzin van de back-up').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Back-up terugzetten' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Vandaag' })).toBeVisible();
  await expect(page.getByRole('main').getByText(CANARY).first()).toBeVisible();

  await page.reload();
  await unlock(page, PASSPHRASE);
  await expect(page.getByRole('heading', { level: 1, name: 'Vandaag' })).toBeVisible();
});

test('each onboarding step moves focus to its heading', async ({ page, server }) => {
  await page.goto(server.url);
  await page.getByRole('checkbox', { name: /POH-GGZ/i }).check();
  await page.getByLabel('Je initialen').fill('TV');
  await page.getByRole('button', { name: 'Volgende' }).click();
  await expect(page.getByRole('heading', { level: 2, name: /wachtzin/i })).toBeFocused();
  await page.getByRole('button', { name: 'Terug' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Welkom bij Stapwijzer' })).toBeFocused();
});
