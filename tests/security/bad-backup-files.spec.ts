// Every bad file gets its own true message (issue 16): a PNG is not "an incomplete backup", and a
// key-derivation setting changed in the file (digest recomputed, as an attacker can) is not "the wrong
// passphrase". Both are refused before anything is written.
import { sha256Hex } from '../../src/db/audit/audit-hash';
import { canonicalJson } from '../../src/db/backup/backup-format';
import { makeBackupFixture } from '../support/backup-fixture';
import { expect, test } from '../support/fixtures';
import { onboard, openUnlocked, PASSPHRASE } from '../support/onboard';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x7b, 0x5b, 0x7b]);

async function withTamperedKdf(text: string): Promise<string> {
  const { integrity, ...body } = JSON.parse(text) as { integrity: object; vault: { kdf: { iterations: number } } };
  body.vault.kdf.iterations = 1; // Argon2id t = 1 instead of 3
  return JSON.stringify({ ...body, integrity: { ...integrity, digest: await sha256Hex(canonicalJson(body)) } });
}

test('a PNG and a backup with a tampered key-derivation setting each get their own true message', async ({
  page,
  server,
}) => {
  test.setTimeout(90_000); // the production Argon2id key derivation at onboarding and for each backup file checked
  // A format-1 file (one JSON object): its digest can be recomputed, as an attacker of that format can.
  const fixture = await makeBackupFixture({ format: 1 });
  await page.goto(server.url);
  await onboard(page);
  await openUnlocked(page, `${server.url}/settings/backup`);
  const choose = (name: string, buffer: Buffer) =>
    page.getByLabel('Back-upbestand').setInputFiles({ name, mimeType: 'application/octet-stream', buffer });

  await choose('foto.png', PNG);
  await page.getByLabel('Wachtzin van de back-up').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Back-up controleren' }).click();
  await expect(page.getByText(/Dit is geen back-up maar een ander soort bestand/)).toBeVisible();
  await expect(page.getByText(/onvolledig/)).toHaveCount(0);

  await choose('stapwijzer-backup-2025-05-18.json', Buffer.from(await withTamperedKdf(fixture.text)));
  await page.getByLabel('Wachtzin van de back-up').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Back-up controleren' }).click();
  await expect(page.getByText(/De sleutelinstelling in deze back-up is gewijzigd/)).toBeVisible();
  await expect(page.getByText(/niet de wachtzin van deze back-up/)).toHaveCount(0);
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
});
