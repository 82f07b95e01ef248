// R47: every text field has a limit with a clear message, and 100,000 characters typed or pasted
// into every field leave no screen scrolling sideways at 320 px (handover and plan print included).
import type { Page } from '@playwright/test';
import { TEXT_LIMITS } from '../../src/ui/text-limits';
import { expect, test } from '../support/fixtures';
import { onboard, openUnlocked } from '../support/onboard';

const HUGE = 'x'.repeat(100_000); // one unbroken "word": the worst case for wrapping

async function noSidewaysScroll(page: Page, where: string): Promise<void> {
  const { scroll, width } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    width: document.documentElement.clientWidth,
  }));
  expect(scroll, `${where} scrolls sideways`).toBeLessThanOrEqual(width);
}

test('R47: 100k characters in every field are cut at the limit with a message; no screen scrolls sideways at 320 px', async ({
  page,
  server,
}) => {
  test.setTimeout(120_000); // types 100k characters into every field of several screens, then visits every route at 320 px
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto(server.url);
  await onboard(page);

  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Cliënten' }).click();
  await page.getByRole('link', { name: 'Nieuwe cliënt' }).click();
  const alias = page.getByRole('textbox', { name: 'Bijnaam of code' });
  await alias.fill(HUGE);
  await expect(alias).toHaveValue('x'.repeat(TEXT_LIMITS.alias));
  await expect(page.getByText(`Maximaal ${TEXT_LIMITS.alias} tekens: meer past hier niet.`)).toBeVisible();
  await noSidewaysScroll(page, 'new client');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('x'.repeat(TEXT_LIMITS.alias));
  const clientId = new URL(page.url()).pathname.split('/').pop() ?? '';

  const note = page.getByRole('textbox', { name: 'Nieuwe notitie' });
  await note.fill(HUGE);
  await expect(note).toHaveValue('x'.repeat(TEXT_LIMITS.note));
  await expect(page.getByText(`Maximaal ${TEXT_LIMITS.note} tekens`)).toBeVisible();
  await page.getByRole('button', { name: 'Notitie opslaan' }).click();
  await expect(note).toHaveValue('');
  await noSidewaysScroll(page, 'client with a long note');

  await openUnlocked(page, `${server.url}/clients/${clientId}/plan`);
  await expect(page.getByRole('heading', { level: 1, name: /Signaleringsplan/ })).toBeVisible();
  const fields = page.locator('main textarea, main input:not([type=radio]):not([type=checkbox]):not([type=date])');
  const count = await fields.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i++) {
    const field = fields.nth(i);
    if (!(await field.isVisible())) continue;
    await field.fill(HUGE);
    const max = Number(await field.getAttribute('maxlength'));
    expect(max, `plan field ${i} has a limit`).toBeGreaterThan(0);
    expect((await field.inputValue()).length).toBeLessThanOrEqual(max);
  }
  await noSidewaysScroll(page, 'plan');
  await page.getByRole('button', { name: 'Nieuwe versie opslaan' }).click();
  await expect(page.getByRole('button', { name: 'Nieuwe versie opslaan' })).toBeEnabled();

  await openUnlocked(page, `${server.url}/clients/${clientId}/plan/print`);
  await expect(page.getByText(/x{50}/).first()).toBeVisible();
  await noSidewaysScroll(page, 'plan print');

  await openUnlocked(page, `${server.url}/clients/${clientId}/handover`);
  await expect(page.getByRole('heading', { level: 1, name: /Overdracht/ })).toBeVisible();
  await expect(page.getByText(/x{50}/).nth(1)).toBeVisible(); // the heading's alias, then plan or note
  await noSidewaysScroll(page, 'handover');
});
