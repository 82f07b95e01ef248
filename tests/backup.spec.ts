import { readFile } from 'node:fs/promises';
import { CANARY, makeBackupFixture } from './support/backup-fixture';
import { restoreThroughUi } from './support/backup-page';
import { expect, test } from './support/fixtures';
import { onboard, openUnlocked, unlock } from './support/onboard';

/** A browser without the File System Access API: the backup is a Blob download. */
const NO_FILE_PICKER = () => Object.defineProperty(window, 'showSaveFilePicker', { value: undefined });

interface SavedFile {
  name: string | null;
  text: string[];
  writes: number;
  closed: boolean;
}

/**
 * Stands in for the browser's save dialog (File System Access API): the "chosen file" keeps what the
 * export writes, part by part, in the page, for the test to read back.
 */
const FAKE_FILE_PICKER = () => {
  const saved: SavedFile = { name: null, text: [], writes: 0, closed: false };
  const decoder = new TextDecoder();
  Object.assign(window, {
    __saved: saved,
    showSaveFilePicker: async (options: { suggestedName: string }) => {
      saved.name = options.suggestedName;
      return {
        name: options.suggestedName,
        createWritable: async () => ({
          write: async (part: string | Uint8Array) => {
            saved.text.push(typeof part === 'string' ? part : decoder.decode(part));
            saved.writes += 1;
          },
          truncate: async () => {
            saved.text = [];
          },
          close: async () => {
            saved.closed = true;
          },
          abort: async () => undefined,
        }),
      };
    },
  });
};

test('R34/R33: a restored caseload is exported as an encrypted file with no client data in it or its name', async ({
  page,
  server,
  guard,
}) => {
  const fixture = await makeBackupFixture();
  await page.addInitScript(NO_FILE_PICKER);

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

test('where the browser can write a chosen file, the backup is written into it part by part, not downloaded', async ({
  page,
  server,
}) => {
  const fixture = await makeBackupFixture();
  await page.addInitScript(FAKE_FILE_PICKER);
  await page.goto(server.url);
  await onboard(page);
  await restoreThroughUi(page, server.url, fixture);
  await openUnlocked(page, `${server.url}/settings/backup`);
  let downloads = 0;
  page.on('download', () => {
    downloads += 1;
  });
  await page.getByRole('button', { name: 'Back-up downloaden' }).click();
  await expect(page.getByText(/Back-up opgeslagen als stapwijzer-backup-\d{4}-\d{2}-\d{2}\.json/)).toBeVisible();
  const saved = (await page.evaluate('window.__saved')) as SavedFile;
  expect(saved.closed).toBe(true);
  expect(downloads).toBe(0);
  // Header, at least one chunk and the trailer, each written as it was made.
  expect(saved.writes).toBeGreaterThanOrEqual(3);
  const text = saved.text.join('');
  expect(text).not.toContain('CANARY');
  const lines = text.split('\n').filter(Boolean);
  expect(JSON.parse(lines[0] ?? '')).toMatchObject({ format: 'stapwijzer-backup', formatVersion: 2 });
  expect(JSON.parse(lines.at(-1) ?? '')).toMatchObject({ end: true });
  await expect(page.getByText(/Laatste back-up:/)).toBeVisible();
});

/** What the download's file in the origin private file system holds (src/db/backup/export-file.ts), or null. */
const OPFS_EXPORT = async (): Promise<{ size: number; head: string } | null> => {
  try {
    const dir = await (await navigator.storage.getDirectory()).getDirectoryHandle('stapwijzer-backup-download');
    const file = await (await dir.getFileHandle('backup.json')).getFile();
    return { size: file.size, head: await file.slice(0, 40).text() };
  } catch {
    return null;
  }
};

/** A browser that cannot write the origin private file system: the download is built as a Blob. */
const NO_OPFS = () => Object.defineProperty(StorageManager.prototype, 'getDirectory', { value: undefined });

for (const opfs of [true, false]) {
  test(`the download is ${opfs ? 'written to a file on disk first (origin private file system), never one Blob in memory' : 'a Blob where the origin private file system cannot be written'}`, async ({
    page,
    server,
  }) => {
    await page.addInitScript(NO_FILE_PICKER);
    if (!opfs) await page.addInitScript(NO_OPFS);
    await page.goto(server.url);
    await onboard(page);
    await openUnlocked(page, `${server.url}/settings/backup`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Back-up downloaden' }).click(),
    ]);
    await expect(page.getByText(/Back-up opgeslagen als/)).toBeVisible();
    expect(await download.failure()).toBeNull();
    const text = await readFile(await download.path(), 'utf8');
    expect(JSON.parse(text.split('\n')[0] ?? '')).toMatchObject({ format: 'stapwijzer-backup', formatVersion: 2 });
    const kept = opfs ? await page.evaluate(OPFS_EXPORT) : null;
    if (opfs) expect(kept).toEqual({ size: Buffer.byteLength(text), head: text.slice(0, 40) });
    else expect(kept).toBeNull();
  });
}

test('the download’s file is gone after the next start and unlock', async ({ page, server }) => {
  await page.addInitScript(NO_FILE_PICKER);
  await page.goto(server.url);
  await onboard(page);
  await openUnlocked(page, `${server.url}/settings/backup`);
  await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Back-up downloaden' }).click()]);
  await expect(page.getByText(/Back-up opgeslagen als/)).toBeVisible();
  expect(await page.evaluate(OPFS_EXPORT)).not.toBeNull();
  await page.reload();
  await unlock(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Back-up en gegevens' })).toBeVisible();
  await expect.poll(() => page.evaluate(OPFS_EXPORT)).toBeNull();
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
