// @vitest-environment node
/** A backup made before schema v5 (rows of the old shape, no keys) still restores, then is re-sealed. */
import { describe, expect, it } from 'vitest';
import { KNOWN_KDFS, TEST_KDF } from '../crypto/kdf';
import { needsReseal, readResealState, runReseal } from '../migration/reseal';
import { listClients } from '../repositories/clients.repository';
import { listNotes } from '../repositories/notes.repository';
import { countRows, legacyVault, seedFixture, TEST_PASSPHRASE, testDb, testVault } from '../testing/fixture-db';
import { unlock } from '../vault';
import { exportBackup } from './export-backup';
import { exportBackupV1 } from './export-backup-v1';
import { applyRestore, checkBackupFile, parseBackup, verifyBackup } from './restore-backup';

const KNOWN = { knownKdfs: [...KNOWN_KDFS, TEST_KDF] };

describe('restoring a v1 backup (old row shape)', () => {
  it('restores every row, marks the migration pending, and reads the same after re-sealing', async () => {
    const source = testDb();
    const counts = await seedFixture(await legacyVault(source), 20);
    // Exported as stored, in format 1 as the v1–v4 app wrote it: the rows keep the old shape.
    const old = await exportBackupV1(await unlock(source, TEST_PASSPHRASE));
    const file = parseBackup(old.text);
    expect(file.keys ?? []).toEqual([]);
    expect(Object.keys(file.tables.clients[0] ?? {})).toContain('status');

    const target = testDb();
    await testVault(target);
    const session = await applyRestore(target, await verifyBackup(file, TEST_PASSPHRASE, KNOWN));
    expect(await countRows(target)).toEqual(counts);
    expect(await readResealState(target)).toMatchObject({ state: 'pending' });
    const before = await listClients(session);
    expect(before.records).toHaveLength(20);

    await runReseal(session);
    expect(await needsReseal(target)).toBe(false);
    const after = await listClients(session);
    expect(after.records.sort((a, b) => (a.id < b.id ? -1 : 1))).toEqual(
      before.records.sort((a, b) => (a.id < b.id ? -1 : 1)),
    );
    expect((await listNotes(session, after.records[0]?.id ?? '')).records).toHaveLength(1);

    // And a backup (format 2) of the re-sealed database round-trips with its keys.
    const next = await exportBackup(session);
    const third = testDb();
    await testVault(third);
    const restored = await applyRestore(third, await checkBackupFile(third, next.blob, TEST_PASSPHRASE, KNOWN));
    expect(await third.keys.count()).toBe(20);
    expect((await listClients(restored)).records).toHaveLength(20);
    expect(await readResealState(third)).toMatchObject({ state: 'done' });
  });
});
