// The lock screen after a team-size restore stopped past its point of no return (db/backup/restore-journal.ts):
// it says a restore waits and with which passphrase, and the unlock finishes it before Vandaag shows.
import { Blob as NodeBlob } from 'node:buffer';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import {
  applyRestore,
  checkBackupFile,
  createClient,
  createDatabase,
  createVault,
  exportBackupTo,
  listClients,
  TEST_KDF,
} from '../../db';
import { KNOWN_KDFS } from '../../db/crypto/kdf';
import { renderRoute } from '../../runtime/testing/render-route';
import { testRuntime } from '../../runtime/testing/test-runtime';
import { TEST_PASSPHRASE, unlockedVault } from '../../runtime/testing/unlocked';

async function backupWith(alias: string): Promise<Blob> {
  const source = createDatabase({ name: `source-${crypto.randomUUID()}` });
  const session = await createVault(source, TEST_PASSPHRASE, TEST_KDF);
  await createClient(session, { alias });
  for (let i = 0; i < 8; i += 1) await createClient(session, { alias: `cliënt ${i}` });
  // jsdom's Blob cannot stream(), which the restore reads with: the file as a browser (and Node) holds it.
  const parts: (string | Uint8Array<ArrayBuffer>)[] = [];
  await exportBackupTo(
    session,
    { write: (part) => void parts.push(part), reset: () => void parts.splice(0) },
    {
      chunkBytes: 4 * 1024,
    },
  );
  return new NodeBlob(parts) as Blob;
}

describe('lock screen: a restore that waits to be finished', () => {
  it('says so, names the backup’s passphrase, and unlocking with it finishes the restore', async () => {
    const file = await backupWith('UIT-DE-BACKUP');
    const session = await unlockedVault();
    await createClient(session, { alias: 'OUDE-CLIENT' });
    const verified = await checkBackupFile(session.db, file, TEST_PASSPHRASE, { knownKdfs: [...KNOWN_KDFS, TEST_KDF] });
    let pages = 0;
    const swap = {
      singleTransactionRows: 0,
      pageRows: 2,
      onProgress: (p: { done: number }) => {
        if (p.done > 0 && ++pages === 2) throw new Error('the tab was closed');
      },
    };
    await expect(applyRestore(session.db, verified, Date.now(), { previous: session, swap })).rejects.toMatchObject({
      code: 'interrupted',
    });
    testRuntime().lock();

    renderRoute('/');
    const notice = await screen.findByText(/Het terugzetten van een back-up is nog niet af/);
    expect(notice).toHaveTextContent('Ontgrendel met de wachtzin van de back-up');
    await userEvent.type(screen.getByLabelText('Wachtzin'), TEST_PASSPHRASE);
    await userEvent.click(screen.getByRole('button', { name: 'Ontgrendelen' }));
    await screen.findByRole('heading', { level: 1, name: 'Vandaag' });
    const aliases = (await listClients(testRuntime().session())).records.map((c) => c.data.alias);
    expect(aliases).toContain('UIT-DE-BACKUP');
    expect(aliases).not.toContain('OUDE-CLIENT');
  });
});
