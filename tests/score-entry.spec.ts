// Score entry as printed on the paper form (CONTENT.md §7): the EDIZ-plus shows its five answers,
// "Min of meer" scores a point, and the entered items are listed for a check before the result.
import { expect, test } from './support/fixtures';
import { onboard } from './support/onboard';
import { enterPositions, startScreening } from './support/screening-page';

test('EDIZ-plus: four "Min of meer" answers score four points, checked against the paper form first', async ({
  page,
  server,
}) => {
  await page.goto(server.url);
  await onboard(page, { roles: [/mantelzorg/i] });
  await startScreening(page, { client: { alias: 'C-15' } });
  await expect(page.getByRole('heading', { level: 1, name: /EDIZ-plus/ })).toBeVisible();
  // The per-item key is marked [U] until checked against the EDIZ-plus form itself (CONTENT.md §7).
  await expect(page.getByRole('note').filter({ hasText: 'Welke antwoorden een punt scoren' })).toBeVisible();
  const first = page.getByRole('group', { name: /^1\. / });
  await expect(first.getByRole('radio')).toHaveCount(5);
  await expect(first.getByRole('radio', { name: 'Min of meer' })).toHaveAccessibleDescription('(1 punt)');

  await test.step('When items 1–4 are "Min of meer" and the rest "Nee"', async () => {
    await enterPositions(page, [2, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
  });
  await test.step('Then the check lists every item beside its printed answer and points, before any result', async () => {
    const check = page.getByRole('region', { name: 'Controleer met het papieren formulier' });
    await expect(check.getByRole('row')).toHaveCount(16);
    await expect(check.getByRole('row').nth(1)).toContainText('Min of meer1');
    await expect(check.getByRole('row').nth(5)).toContainText('Nee0');
    await expect(page.getByRole('heading', { level: 1, name: 'Uitslag' })).toHaveCount(0);
  });
  await test.step('And once confirmed, the total is 4: moderately burdened', async () => {
    await page.getByRole('button', { name: 'Klopt, naar de uitslag' }).click();
    await expect(page.getByText('totaal 4 van 15')).toBeVisible();
    await expect(page.getByText('Matig belast (4–8)').first()).toBeVisible();
  });
});
