// One journey in English end to end (issue 18): the caregiver supporter's, from first use to a saved
// follow-up, with the language set to English before the first load (as a device that chose English
// in Settings keeps it). Every screen on the way is English: key texts are checked, and the visible
// text of each screen holds none of the Dutch words a missing translation would show.
import type { Page } from '@playwright/test';
import { expect, openAndWaitForServiceWorker, test } from './support/fixtures';
import { PASSPHRASE } from './support/onboard';
import { enterPositions } from './support/screening-page';

const DAY = 24 * 60 * 60 * 1000;
const START = new Date('2026-03-02T09:00:00');

/** Dutch words no English screen of this journey should show (function words and UI verbs). */
const DUTCH =
  /\b(het|een|niet|wordt|jouw|naar|voor|zijn|ook|maar|nog|geen|Opslaan|Volgende|Vorige|Vraag|Terug|Wachtzin|Cliënten?|Vandaag|Instellingen|Kaarten|Uitslag|Stap|Zorg|Totaal|totaal|vervolgafspraak|Veiligheid)\b/;

/** Proper names that stay Dutch in English (organisations and the app's own name). */
const NAMES =
  /Steunpunt Mantelzorg|Mantelzorglijn|MantelzorgNL|Veilig Thuis|Zelfmoordpreventie|huisartsenpost|Stapwijzer/gi;

async function englishOnly(page: Page, screen: string): Promise<void> {
  const text = (await page.locator('body').innerText()).replace(NAMES, '');
  const hit = DUTCH.exec(text);
  const around = hit ? text.slice(Math.max(0, hit.index - 60), hit.index + 60).replaceAll('\n', ' ⏎ ') : '';
  expect(hit?.[0] ?? null, `${screen}: Dutch text "${around}"`).toBeNull();
}

const nav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name, exact: true });

async function unlockEnglish(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: 'Stapwijzer is locked' })).toBeVisible();
  await englishOnly(page, 'lock screen');
  await page.getByLabel('Passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Stapwijzer is locked' })).toHaveCount(0);
}

async function answerSafety(page: Page): Promise<void> {
  const section = page.getByRole('region', { name: 'First: safety' });
  for (const group of await section.getByRole('group').all())
    await group.getByRole('radio', { name: 'No', exact: true }).check();
}

async function checkAndResult(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Check against the paper form' })).toBeVisible();
  await englishOnly(page, 'check list');
  await page.getByRole('button', { name: 'Correct, show the result' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Result' })).toBeVisible();
}

test('in English, caregiver supporter: EDIZ-plus 5 → step 1; after 42 days, from Today, EDIZ-plus 5 → step 2, no Dutch on the way', async ({
  page,
  context,
  server,
}) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 390, height: 844 });
  // The stored language choice (src/runtime/language-persistence.ts), as Settings → Language writes it.
  await page.addInitScript(() =>
    localStorage.setItem('stapwijzer.preferences', JSON.stringify({ state: { language: 'en' }, version: 0 })),
  );

  await test.step('Given I set up Stapwijzer in English as a caregiver support worker, then go offline', async () => {
    await openAndWaitForServiceWorker(page, server.url);
    await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Stapwijzer' })).toBeVisible();
    await englishOnly(page, 'onboarding');
    await page.getByRole('checkbox', { name: /Caregiver support worker/ }).check();
    await page.getByLabel('Your initials').fill('TV');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    await page.getByLabel('Passphrase again').fill(PASSPHRASE);
    await page.getByRole('checkbox', { name: /cannot be recovered/ }).check();
    await englishOnly(page, 'onboarding passphrase');
    await page.getByRole('button', { name: 'Set up security' }).click();
    await expect(page.getByRole('heading', { name: 'Put Stapwijzer on your home screen' })).toBeVisible();
    await englishOnly(page, 'onboarding install');
    await page.getByRole('button', { name: 'Get started' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
    await englishOnly(page, 'Today (empty)');
    await context.setOffline(true);
    await page.clock.install({ time: START });
    await page.reload();
    await unlockEnglish(page);
  });

  await test.step('When I enter an EDIZ-plus with 5 yes answers for a new client', async () => {
    await nav(page, 'Screening').click();
    await expect(page.getByRole('heading', { level: 1, name: 'Screening' })).toBeVisible();
    await page.getByRole('radio', { name: 'New client' }).check();
    await page.getByLabel("Client's code or alias").fill('C-7');
    await answerSafety(page);
    await englishOnly(page, 'start form');
    await page.getByRole('button', { name: 'Start screening' }).click();
    await expect(page.getByRole('heading', { level: 1, name: /EDIZ-plus/ })).toBeVisible();
    await expect(page.getByText(/^Question 1 of 15$/)).toBeVisible();
    await englishOnly(page, 'score entry');
    await enterPositions(page, [3, 3, 3, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
    await checkAndResult(page);
  });

  await test.step('Then the result is in English: total, step 1, its actions, and I save it', async () => {
    await expect(page.getByText('total 5 of 15')).toBeVisible();
    await expect(page.locator('p.proposal')).toHaveText('Step 1 Light support');
    await expect(page.getByRole('heading', { name: 'What you can do' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Decision' })).toBeVisible();
    await englishOnly(page, 'result');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page).toHaveURL(/\/clients\/[^/]+$/);
    await expect(page.getByRole('heading', { level: 1, name: 'C-7' })).toBeVisible();
    await englishOnly(page, 'client page');
  });

  await test.step('When 42 days later I open the follow-up from Today and type the EDIZ-plus (still 5)', async () => {
    await page.clock.setSystemTime(new Date(START.getTime() + 42 * DAY));
    await page.reload();
    await unlockEnglish(page);
    await nav(page, 'Today').click();
    await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
    const due = page.locator('a[href*="/screening?followUp="]').filter({ hasText: 'C-7' }).first();
    await expect(due).toBeVisible();
    await englishOnly(page, 'Today (follow-up due)');
    await due.click();
    await expect(page.getByRole('button', { name: 'Start screening' })).toBeVisible();
    await answerSafety(page);
    await englishOnly(page, 'follow-up start form');
    await page.getByRole('button', { name: 'Start screening' }).click();
    await expect(page.getByRole('heading', { level: 1, name: /EDIZ-plus/ })).toBeVisible();
    await page.getByLabel(/^Quick entry: type questions 1–15/).fill('444442222222222');
    await checkAndResult(page);
  });

  await test.step('Then it did not improve, the proposal is step 2 Care, and the save lands on the client', async () => {
    await expect(page.getByText('Last time 5, now 5:')).toBeVisible();
    await expect(page.locator('.comparison strong')).toHaveText(/^Not improved:/);
    await expect(page.getByText(/one step up: step 2 Care/)).toBeVisible();
    await englishOnly(page, 'follow-up result');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page).toHaveURL(/\/clients\/[^/]+$/);
    await englishOnly(page, 'client page after the follow-up');
  });
});
