// Shared steps of the update specs: install v1 the way a professional has it (controlled tab,
// onboarded), then deploy v2 and apply it through the real prompt.
import { expect, type Page } from '@playwright/test';
import { openAndWaitForServiceWorker } from '../../support/fixtures';
import { onboard, unlock } from '../../support/onboard';
import type { StaticServer } from '../../support/static-server';
import { checkForUpdate, expectControlled, releaseDir, runningRelease, UPDATE_PROMPT } from './releases';

/** v1 installed, this tab controlled by its worker, onboarded and unlocked. */
export async function installV1(page: Page, server: StaticServer, options: { roles?: RegExp[] } = {}): Promise<void> {
  await openAndWaitForServiceWorker(page, server.url);
  await page.reload(); // controlled from now on; the one-time "ready offline" toast is behind us too
  await expectControlled(page);
  await onboard(page, options);
}

/** Deploys v2, lets the app find it, accepts "Bijwerken", and unlocks the reloaded v2 tab. */
export async function updateToV2(page: Page, server: StaticServer): Promise<void> {
  server.setRoot(releaseDir('v2'));
  await checkForUpdate(page);
  await expect(page.getByText(UPDATE_PROMPT)).toBeVisible();
  await page.getByRole('button', { name: 'Bijwerken' }).click();
  await expect.poll(() => runningRelease(page).catch(() => 'navigating')).toBe('v2');
  await unlock(page);
}
