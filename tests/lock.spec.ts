import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { onboard, PASSPHRASE, unlock } from './support/onboard';

const INITIALS = 'QXZ'; // stands in for record data: it must never be in the DOM while locked

async function domHasNoRecordData(page: Page) {
  const html = await page.content();
  const values = await page.locator('input').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
  expect(html).not.toContain(INITIALS);
  expect(values.join(' ')).not.toContain(INITIALS);
}

async function setVisibility(page: Page, state: 'hidden' | 'visible') {
  await page.evaluate((s) => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => s });
    document.dispatchEvent(new Event('visibilitychange'));
  }, state);
}

test('R19: ten wrong passphrases give one generic message, growing waits that survive a reload, and no wipe', async ({
  page,
  server,
}) => {
  await page.clock.install();
  await page.goto(server.url);
  await onboard(page, { initials: INITIALS });
  await page.reload();
  const heading = page.getByRole('heading', { level: 1, name: 'Stapwijzer is vergrendeld' });
  await expect(heading).toBeVisible();
  const alert = page.locator('#unlock-status');
  const button = page.getByRole('button', { name: 'Ontgrendelen' });

  for (let attempt = 1; attempt <= 10; attempt++) {
    const wait = Math.min(2 ** (attempt - 1), 300);
    await test.step(`When I type a wrong passphrase (try ${attempt}), I wait ${wait} s`, async () => {
      await expect(button).toBeEnabled();
      await page.getByLabel('Wachtzin').fill(`verkeerde wachtzin ${attempt}`);
      await button.click();
      // The same generic message every time; the wait shown counts down in real time while the KDF runs,
      // so under load it may already read one second less.
      await expect(alert).toHaveText(
        /^Dat is niet de juiste wachtzin\. Je kunt het over \d+ seconden? opnieuw proberen\.$/,
      );
      const shown = Number((await alert.textContent())?.match(/over (\d+) seconden?/)?.[1]);
      expect(shown).toBeGreaterThanOrEqual(Math.max(1, wait - 1));
      expect(shown).toBeLessThanOrEqual(wait);
      await expect(button).toBeDisabled();
      await domHasNoRecordData(page);
      if (attempt < 10) await page.clock.fastForward(wait * 1000);
    });
  }

  await test.step('Then after a reload the wait still applies', async () => {
    await page.reload();
    await expect(heading).toBeVisible();
    await expect(alert).toContainText(/Je kunt het over \d+ seconden? opnieuw proberen/);
    await expect(button).toBeDisabled();
    await domHasNoRecordData(page);
  });

  await test.step('And once it has passed, the right passphrase opens my data: nothing was wiped', async () => {
    await page.clock.fastForward(300_000);
    await expect(button).toBeEnabled();
    await unlock(page, PASSPHRASE);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Instellingen' }).click();
    await expect(page.getByLabel('Je initialen')).toHaveValue(INITIALS);
  });
});

test('R24: after 5 minutes without input, and after 60 s hidden, the app locks and no record data stays in the DOM', async ({
  page,
  server,
}) => {
  await page.clock.install();
  await page.goto(server.url);
  await onboard(page, { initials: INITIALS });
  const locked = page.getByRole('heading', { level: 1, name: 'Stapwijzer is vergrendeld' });
  const settings = page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Instellingen' });

  await test.step('Given my profile is on screen', async () => {
    await settings.click();
    await expect(page.getByLabel('Je initialen')).toHaveValue(INITIALS);
  });

  await test.step('When 4 minutes pass the app is still open; after 5 minutes without input it locks', async () => {
    await page.clock.fastForward('04:00');
    await expect(page.getByLabel('Je initialen')).toHaveValue(INITIALS);
    await page.clock.fastForward('01:01');
    await expect(locked).toBeVisible();
    await domHasNoRecordData(page);
  });

  await test.step('When I unlock, switch away for more than 60 s and come back, it is locked', async () => {
    await unlock(page);
    await settings.click();
    await expect(page.getByLabel('Je initialen')).toHaveValue(INITIALS);
    await setVisibility(page, 'hidden');
    await page.clock.fastForward('01:01');
    await setVisibility(page, 'visible');
    await expect(locked).toBeVisible();
    await domHasNoRecordData(page);
  });
});
