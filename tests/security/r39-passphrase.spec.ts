// R39: weak passphrases are refused at first use, and the vault is wrapped with Argon2id (64 MiB,
// t = 3) — so a copied profile costs a memory-hard derivation per guess, and a word list of weak
// passphrases finds nothing because none of them could have been chosen.
import { expect, test } from '../support/fixtures';
import { PASSPHRASE, unlock } from '../support/onboard';
import { readRow } from './support/raw-idb';

const WEAK = ['wachtwoord', '12345678', 'password', 'welkom123', '        '];

test('R39: the five weak passphrases are all refused with a reason; a generated one is accepted and Argon2id wraps the key', async ({
  page,
  server,
}) => {
  test.setTimeout(90_000); // real Argon2id derivations (64 MiB, about 0.3–1 s each under load) at onboarding and unlock
  await page.goto(server.url);
  await page.getByRole('checkbox', { name: /POH-GGZ/i }).check();
  await page.getByLabel('Je initialen').fill('TV');
  await page.getByRole('button', { name: 'Volgende' }).click();
  await page.getByRole('checkbox', { name: /niet te herstellen/ }).check();
  const alert = page.locator('.form-errors');
  for (const weak of WEAK) {
    await test.step(`"${weak}" is refused`, async () => {
      await page.getByLabel('Wachtzin', { exact: true }).fill(weak);
      await page.getByLabel('Wachtzin nog een keer').fill(weak);
      await page.getByRole('button', { name: 'Beveiliging instellen' }).click();
      await expect(alert).toContainText(/te makkelijk te raden|alleen uit spaties/);
      await expect(page.getByRole('heading', { name: 'Zet Stapwijzer op je beginscherm' })).toHaveCount(0);
    });
  }
  expect(await readRow(page, 'meta', 'vault')).toBeUndefined();

  await page.getByRole('button', { name: 'Stel een sterke wachtzin voor' }).click();
  const suggested = (await page.getByTestId('suggested-passphrase').textContent()) ?? '';
  expect(suggested.split(' ')).toHaveLength(4);
  await page.getByRole('button', { name: 'Deze gebruiken' }).click();
  await expect(page.getByLabel('Wachtzin', { exact: true })).toHaveValue(suggested);
  await page.getByRole('button', { name: 'Beveiliging instellen' }).click();
  await expect(page.getByRole('heading', { name: 'Zet Stapwijzer op je beginscherm' })).toBeVisible();

  const vault = (await readRow(page, 'meta', 'vault')) as { kdf: Record<string, unknown> };
  expect(vault.kdf).toMatchObject({ algorithm: 'Argon2id', memoryKiB: 65_536, iterations: 3, parallelism: 1 });
});

test('R39: unlock with Argon2id in headless Chromium is measured and reported; the best of three is under 3 s', async ({
  page,
  server,
}) => {
  test.setTimeout(90_000); // real Argon2id derivations (64 MiB, about 0.3–1 s each under load) at onboarding and unlock
  const { onboard } = await import('../support/onboard');
  await page.goto(server.url);
  await onboard(page);
  const timings: number[] = [];
  for (let run = 0; run < 3; run++) {
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Stapwijzer is vergrendeld' })).toBeVisible();
    await page.getByLabel('Wachtzin').fill(PASSPHRASE);
    const started = Date.now();
    await page.getByRole('button', { name: 'Ontgrendelen' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Stapwijzer is vergrendeld' })).toHaveCount(0);
    timings.push(Date.now() - started);
  }
  const sorted = [...timings].sort((a, b) => a - b);
  const [best, median] = [sorted[0] ?? 0, sorted[1] ?? 0];
  test.info().annotations.push({ type: 'unlock-ms', description: `${timings.join(', ')} (median ${median})` });
  console.log(`Argon2id unlock in headless Chromium: ${timings.join(', ')} ms (median ${median} ms)`);
  // A bound that load beside the suite cannot break (R49): a worker that fell back to the main thread or a
  // 10× slower derivation would. The 1.5 s goal (R21) is judged by `npm run bench` on a quiet machine.
  expect(best).toBeLessThanOrEqual(3_000);
  // The same unlock helper the other specs use still works with the stronger KDF.
  await page.reload();
  await unlock(page);
});
