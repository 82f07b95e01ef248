// Page model for the screening flow (start → runner → result), shared by the screening and journey specs.
import { expect, type Page } from '@playwright/test';

export async function startScreening(
  page: Page,
  options: {
    pathway?: RegExp;
    client: { alias: string } | { existing: string } | 'anonymous';
    instrument?: RegExp;
    weeks?: number;
    followUp?: boolean;
  },
): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Hoofdmenu' })
    .getByRole('link', { name: 'Screening', exact: true })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Screening' })).toBeVisible();
  if (options.pathway) await page.getByRole('radio', { name: options.pathway }).check();
  const client = options.client;
  if (client === 'anonymous') await page.getByRole('radio', { name: /Snelle anonieme screening/ }).check();
  else if ('alias' in client) {
    await page.getByRole('radio', { name: 'Nieuwe cliënt' }).check();
    await page.getByLabel('Code of bijnaam van de cliënt').fill(client.alias);
  } else await page.getByRole('radio', { name: client.existing, exact: true }).check();
  if (options.followUp) await page.getByRole('radio', { name: /Ja, de vervolgafspraak/ }).check();
  if (options.instrument) await page.getByRole('radio', { name: options.instrument }).check();
  if (options.weeks !== undefined) {
    await page.getByRole('radio', { name: 'Na de bevalling', exact: true }).check();
    await page.getByLabel('Weken na de bevalling').fill(String(options.weeks));
  }
  await page.getByRole('button', { name: 'Screening starten' }).click();
  await expect(page).toHaveURL(/\/screening\/[^/]+$/);
}

/** Score entry: tap the printed positions (0-based) item by item. */
export async function enterPositions(page: Page, positions: readonly number[]): Promise<void> {
  for (const [i, p] of positions.entries()) {
    const group = page.getByRole('group', { name: new RegExp(`^${i + 1}\\. `) });
    await group.getByRole('radio').nth(p).check();
  }
}

/** Score entry done: check the listed items against the paper form, then go to the result. */
export async function checkAndShowResult(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Controleren' }).click();
  await expect(page.getByRole('heading', { name: 'Controleer met het papieren formulier' })).toBeVisible();
  await page.getByRole('button', { name: 'Klopt, naar de uitslag' }).click();
}

/** Full text, one question per screen: choose the option at each position and go on. */
export async function answerOneByOne(page: Page, positions: readonly number[]): Promise<void> {
  for (const p of positions) {
    await page.locator('form.questionnaire fieldset.question').getByRole('radio').nth(p).check();
    await page
      .locator('form.questionnaire')
      .getByRole('button', { name: /Volgende|Klaar/ })
      .click();
  }
}

export async function saveResult(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page).toHaveURL(/\/clients\/[^/]+$/);
}
