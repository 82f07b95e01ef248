// The one way browser tests get past the lock: real onboarding (roles, initials, passphrase with the
// production KDF) and a real unlock. No build flag bypasses the vault.
import { expect, type Page } from '@playwright/test';

export const PASSPHRASE = 'stapwijzer test wachtzin';

export async function onboard(page: Page, options: { roles?: RegExp[]; initials?: string } = {}): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: 'Welkom bij Stapwijzer' })).toBeVisible();
  const roles = options.roles ?? [/verloskundige/i, /POH-GGZ/i, /mantelzorg/i];
  for (const role of roles) await page.getByRole('checkbox', { name: role }).check();
  await page.getByLabel('Je initialen').fill(options.initials ?? 'TV');
  await page.getByRole('button', { name: 'Volgende' }).click();
  await page.getByLabel('Wachtzin', { exact: true }).fill(PASSPHRASE);
  await page.getByLabel('Wachtzin nog een keer').fill(PASSPHRASE);
  await page.getByRole('checkbox', { name: /niet te herstellen/ }).check();
  await page.getByRole('button', { name: 'Beveiliging instellen' }).click();
  await expect(page.getByRole('heading', { name: 'Zet Stapwijzer op je beginscherm' })).toBeVisible();
  await page.getByRole('button', { name: 'Aan de slag' }).click();
  // What a user waits for before going on: the app's first screen has opened and taken focus (its
  // heading focuses itself in the commit that shows it). A key pressed before that lands on a link that
  // the opening screen then takes focus from (seen as an Enter on "Cliënten" that went nowhere).
  await expect(page.getByRole('heading', { level: 1, name: 'Welkom bij Stapwijzer' })).toHaveCount(0);
  await expect(page.locator('h1:focus')).toHaveCount(1);
}

/** Unlocks the lock screen that any fresh page load shows. */
export async function unlock(page: Page, passphrase = PASSPHRASE): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: 'Stapwijzer is vergrendeld' })).toBeVisible();
  await page.getByLabel('Wachtzin').fill(passphrase);
  await page.getByRole('button', { name: 'Ontgrendelen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Stapwijzer is vergrendeld' })).toHaveCount(0);
}

/** Opens a URL of the app and unlocks it: the state a professional is in after typing the passphrase. */
export async function openUnlocked(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await unlock(page);
}
