// Page model for /settings/backup: restore a backup through the file chooser, export through the download.
import { expect, type Page } from '@playwright/test';
import type { BackupFixture } from './backup-fixture';
import { openUnlocked, PASSPHRASE } from './onboard';

export async function restoreThroughUi(page: Page, baseUrl: string, fixture: BackupFixture): Promise<void> {
  await openUnlocked(page, `${baseUrl}/settings/backup`);
  await expect(page.getByRole('heading', { level: 1, name: 'Back-up en gegevens' })).toBeVisible();
  await page.getByLabel('Back-upbestand').setInputFiles({
    name: fixture.fileName,
    mimeType: 'application/json',
    buffer: Buffer.from(fixture.text),
  });
  await page.getByLabel('Wachtzin van de back-up').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Back-up controleren' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Weet je het zeker?' });
  await expect(dialog).toBeVisible();
  // The fixture's passphrase is the device's, so either choice unlocks with PASSPHRASE afterwards.
  await dialog.getByRole('radio', { name: 'Mijn huidige wachtzin van dit apparaat houden' }).check();
  await dialog.getByLabel('Huidige wachtzin van dit apparaat', { exact: true }).fill(PASSPHRASE);
  await dialog.getByRole('button', { name: 'Ja, vervang alles' }).click();
  await expect(page.getByText('De back-up is teruggezet.')).toBeVisible();
}
