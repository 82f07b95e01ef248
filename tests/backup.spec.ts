import { readFile } from 'node:fs/promises';
import { CANARY, makeBackupFixture } from './support/backup-fixture';
import { restoreThroughUi } from './support/backup-page';
import { expect, test } from './support/fixtures';
import { onboard, openUnlocked } from './support/onboard';

test('R34/R33: a restored caseload is exported as an encrypted file with no client data in it or its name', async ({
  page,
  server,
  guard,
}) => {
  const fixture = await makeBackupFixture();

  await test.step('Given a fresh device where I restore a backup through the file chooser', async () => {
    await page.goto(server.url);
    await onboard(page);
    await restoreThroughUi(page, server.url, fixture);
  });

  await test.step('Then the restored client is there (handover shows the alias)', async () => {
    await openUnlocked(page, `${server.url}/clients/${fixture.clientId}/handover`);
    await expect(page.getByRole('heading', { level: 1, name: `Overdracht: ${CANARY}` })).toBeVisible();
  });

  const download = await test.step('When I download a backup', async () => {
    await openUnlocked(page, `${server.url}/settings/backup`);
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Back-up downloaden' }).click(),
    ]);
    await expect(page.getByText(/Back-up opgeslagen als/)).toBeVisible();
    return file;
  });

  await test.step('Then the file and its name hold no canary, and the file is a Stapwijzer backup', async () => {
    const name = download.suggestedFilename();
    expect(name).toMatch(/^stapwijzer-backup-\d{4}-\d{2}-\d{2}\.json$/);
    expect(name).not.toContain('CANARY');
    const path = await download.path();
    const text = await readFile(path, 'utf8');
    expect(text).not.toContain('CANARY');
    expect(text).not.toContain('Notitie');
    // Format 2: a header line, sealed chunks, a sealed trailer (src/db/backup/stream-format.ts).
    const lines = text.split('\n').filter(Boolean);
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({ format: 'stapwijzer-backup', formatVersion: 2 });
    expect(lines.length).toBeGreaterThanOrEqual(3);
    expect(JSON.parse(lines.at(-1) ?? '')).toMatchObject({ end: true });
    await expect(page.getByText(/Laatste back-up:/)).toBeVisible();
  });

  await test.step('And no console message carried client data (R37)', async () => {
    expect(guard.consoleMessages.filter((m) => m.includes('CANARY'))).toEqual([]);
  });
});

test('R31 (file chooser): a tampered backup is refused with a Dutch message and nothing changes', async ({
  page,
  server,
}) => {
  const fixture = await makeBackupFixture();
  await page.goto(server.url);
  await onboard(page);
  await openUnlocked(page, `${server.url}/settings/backup`);
  await page.getByLabel('Back-upbestand').setInputFiles({
    name: 'stapwijzer-backup-2025-05-18.json',
    mimeType: 'application/json',
    // One changed digit in the sealed header (whatever schema version this build writes).
    buffer: Buffer.from(
      fixture.text.replace(/"schemaVersion":(\d+)/, (_m, n: string) => `"schemaVersion":${Number(n) + 1}`),
    ),
  });
  await page.getByLabel('Wachtzin van de back-up').fill('stapwijzer test wachtzin');
  await page.getByRole('button', { name: 'Back-up controleren' }).click();
  await expect(page.getByText('Deze back-up is gewijzigd of beschadigd')).toBeVisible();
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
});

test('a backup in format 1 (written before schema v8) still restores, and its audit log reads intact', async ({
  page,
  server,
}) => {
  const fixture = await makeBackupFixture({ format: 1 });
  await page.goto(server.url);
  await onboard(page);
  await restoreThroughUi(page, server.url, fixture);
  await openUnlocked(page, `${server.url}/clients/${fixture.clientId}/handover`);
  await expect(page.getByRole('heading', { level: 1, name: `Overdracht: ${CANARY}` })).toBeVisible();
  await openUnlocked(page, `${server.url}/settings/audit`);
  await expect(page.getByText(/Het logboek is compleet en niet gewijzigd/)).toBeVisible();
});
