// R41: content altered in IndexedDB (the EPDS self-harm red flag removed from the stored pack, its
// digest string left as it was) is refused before the engine uses it, repaired from the bundle,
// shown and audited — so item 10 = 3 still opens the safety path.
import { expect, test } from '../support/fixtures';
import { onboard, unlock } from '../support/onboard';
import { checkAndShowResult, enterPositionsRaisingSignal, startScreening } from '../support/screening-page';
import { readAll, removeStoredRedFlags } from './support/raw-idb';

test('R41: a pack with its red flag removed in IndexedDB is refused, repaired, shown and audited; item 10 = 3 still gives the safety path', async ({
  page,
  server,
}) => {
  test.setTimeout(90_000); // onboarding and two unlocks with the production Argon2id key derivation
  await page.goto(server.url);
  await onboard(page, { roles: [/verloskundige/i] });

  await test.step('Given someone removed the red flags from the stored postpartum pack while the app was locked', async () => {
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Stapwijzer is vergrendeld' })).toBeVisible();
    // The attacker needs the stored pack: the content import after onboarding may still be under way.
    await expect.poll(() => removeStoredRedFlags(page, 'postpartum')).toBeGreaterThan(0);
    await page.reload();
    await unlock(page);
  });

  await test.step('Then the app says the content was altered and restored', async () => {
    await expect(page.getByTestId('content-repaired')).toContainText('was op dit apparaat gewijzigd');
    await expect(page.getByTestId('content-repaired')).toContainText('teruggezet');
  });

  await test.step('And item 10 = 3 opens the safety path first', async () => {
    await startScreening(page, { client: { alias: 'V-41' }, weeks: 4, instrument: /EPDS/ });
    // Item 10 at its first printed answer scores 3 (reversed): the urgent panel replaces the form at once.
    await enterPositionsRaisingSignal(page, [0, 0, 3, 0, 3, 3, 3, 3, 3, 0]);
    await page.getByRole('button', { name: 'Verder met de screening' }).click();
    await checkAndShowResult(page, { fromItem: true });
    await expect(page.getByRole('heading', { level: 2 }).first()).toHaveText(/Veiligheid eerst/);
  });

  await test.step('And the stored copy has its red flags back, and the audit log records the repair', async () => {
    const packs = (await readAll(page, 'packs')) as { id: string; pack: { instruments: { redFlags: unknown[] }[] } }[];
    const postpartum = packs.filter((p) => p.id === 'postpartum');
    expect(postpartum.length).toBeGreaterThan(0);
    for (const row of postpartum) expect(row.pack.instruments.some((i) => i.redFlags.length > 0)).toBe(true);
    // The log is sealed (R40): the repair is read where the professional reads it, on the audit page.
    await page.goto(`${server.url}/settings/audit`);
    await unlock(page);
    await expect(page.getByRole('cell', { name: 'Gewijzigde inhoud geweigerd en hersteld' }).first()).toBeVisible();
  });
});
