// Nothing typed is lost (issue 18): free text is kept as an encrypted draft until it is saved. A note
// survives the auto-lock; a plan edit survives leaving the page; neither is readable at rest.
import { addNoteViaUi, createClientViaUi, dumpIndexedDb } from './support/clients';
import { expect, test } from './support/fixtures';
import { onboard, unlock } from './support/onboard';

const nav = (page: import('@playwright/test').Page, name: string) =>
  page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name, exact: true });

test('a note typed, then the auto-lock, then unlock: the note is back in its field, encrypted at rest meanwhile', async ({
  page,
  server,
}) => {
  await page.clock.install();
  await page.goto(server.url);
  await onboard(page);
  await createClientViaUi(page, 'N-1');
  const field = page.getByRole('textbox', { name: 'Nieuwe notitie' });
  await test.step('When I type a note and leave the device for 5 minutes', async () => {
    await field.fill('Slaapt slecht sinds de verhuizing');
    await page.clock.fastForward('05:01');
    await expect(page.getByRole('heading', { level: 1, name: 'Stapwijzer is vergrendeld' })).toBeVisible();
  });
  await test.step('Then the text is stored only encrypted', async () => {
    const raw = await dumpIndexedDb(page, 'stapwijzer');
    expect(raw.text).not.toContain('verhuizing');
    expect(raw.counts['stapwijzer/drafts']).toBe(1);
  });
  await test.step('And after unlocking it is in the note field, told so, and saving it clears the draft', async () => {
    await unlock(page);
    await expect(field).toHaveValue('Slaapt slecht sinds de verhuizing');
    await expect(page.getByText('Je nog niet opgeslagen notitie is teruggezet.')).toBeVisible();
    await page.getByRole('button', { name: 'Notitie opslaan' }).click();
    await expect(field).toHaveValue('');
    await expect.poll(async () => (await dumpIndexedDb(page, 'stapwijzer')).counts['stapwijzer/drafts']).toBe(0);
  });
});

test('a plan edited, away to Vandaag and back: the edit is there; a saved note leaves no draft', async ({
  page,
  server,
}) => {
  await page.goto(server.url);
  await onboard(page, { roles: [/POH-GGZ/i] });
  const clientId = await createClientViaUi(page, 'P-2');
  await addNoteViaUi(page, 'Eerste gesprek');
  await page.getByRole('link', { name: /Signaleringsplan/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Signaleringsplan/ })).toBeVisible();
  await test.step('When I tick a sign, describe it and write a trigger, without saving, and go to Vandaag', async () => {
    await page.getByRole('checkbox', { name: 'Slaap verandert' }).check();
    await page.getByRole('textbox', { name: /Hoe merkt de cliënt dit/ }).fill('Wakker om 4 uur');
    await page.getByRole('textbox', { name: 'Wat het kan uitlokken' }).fill('Drukte op het werk');
    await nav(page, 'Vandaag').click();
    await expect(page.getByRole('heading', { level: 1, name: 'Vandaag' })).toBeVisible();
  });
  await test.step('Then coming back to the plan, every edit is there, marked as not yet saved', async () => {
    await nav(page, 'Cliënten').click();
    await page.getByRole('main').getByRole('link', { name: 'P-2' }).first().click();
    await expect(page).toHaveURL(new RegExp(`/clients/${clientId}$`));
    await page.getByRole('link', { name: /Signaleringsplan/ }).click();
    await expect(page.getByRole('checkbox', { name: 'Slaap verandert' })).toBeChecked();
    await expect(page.getByRole('textbox', { name: /Hoe merkt de cliënt dit/ })).toHaveValue('Wakker om 4 uur');
    await expect(page.getByRole('textbox', { name: 'Wat het kan uitlokken' })).toHaveValue('Drukte op het werk');
    await expect(page.getByText(/nog niet waren opgeslagen, zijn teruggezet/)).toBeVisible();
  });
  await test.step('And once saved, the draft is gone and the page opens on the saved plan', async () => {
    await page.getByRole('button', { name: 'Nieuwe versie opslaan' }).click();
    await expect(page.getByRole('status').filter({ hasText: /^Opgeslagen$/ })).toBeVisible();
    await expect.poll(async () => (await dumpIndexedDb(page, 'stapwijzer')).counts['stapwijzer/drafts']).toBe(0);
  });
});
