// @vitest-environment node
// The journaled swap of a team-size restore (restore-journal.ts): paged, resumable, atomic in effect.
// Small pages and a zero threshold put a 10-client backup through the same code a team's backup takes.
import type { DBCore, Middleware } from 'dexie';
import { describe, expect, it } from 'vitest';
import { auditSettled, readAuditEvents, verifyAuditChain } from '../audit';
import { KNOWN_KDFS, TEST_KDF } from '../crypto/kdf';
import type { StapwijzerDb } from '../database';
import { isStorageError } from '../errors';
import { createClient, listClients } from '../repositories/clients.repository';
import { putSetting } from '../repositories/settings.repository';
import { seedFixture, TEST_PASSPHRASE, testDb, testVault } from '../testing/fixture-db';
import { createVault, unlock } from '../vault';
import { exportBackup } from './export-backup';
import { applyRestore, checkBackupFile } from './restore-backup';
import { copyStagedPages } from './restore-journal';
import { pendingRestore, readRestoreJournal } from './restore-pending';
import { STREAM_TABLES } from './stream-format';
import { snapshotDb } from './testing';

const KNOWN = { knownKdfs: [...KNOWN_KDFS, TEST_KDF] };
const CANARY = 'CANARY-JOURNAL';
const DEVICE_PASSPHRASE = 'de wachtzin van dit apparaat';
/** Every staged row through pages of 7: many pages, tables split across page edges. */
const JOURNALED = { singleTransactionRows: 0, pageRows: 7 };

async function backupFile() {
  const db = testDb();
  const session = await testVault(db);
  await putSetting(session, 'profile', { roles: ['poh-ggz'], initials: 'BK' });
  await createClient(session, { alias: CANARY });
  await seedFixture(session, 10);
  await auditSettled(db);
  return (await exportBackup(session, { chunkBytes: 16 * 1024 })).blob;
}

/** A device with its own vault and one client of its own (the old data a restore replaces). */
async function device(): Promise<StapwijzerDb> {
  const db = testDb();
  const own = await createVault(db, DEVICE_PASSPHRASE, TEST_KDF);
  await createClient(own, { alias: 'OUDE-CLIENT' });
  await auditSettled(db);
  own.lock();
  return db;
}

/** The restored tables, to compare two restores of one file (vault meta and times differ by design). */
async function streamTables(db: StapwijzerDb) {
  const all = await snapshotDb(db);
  return Object.fromEntries(STREAM_TABLES.filter((t) => t !== 'auditChain').map((t) => [t, all[t]]));
}

async function aliases(db: StapwijzerDb, passphrase: string): Promise<string[]> {
  const session = await unlock(db, passphrase, { now: 1 });
  const names = (await listClients(session)).records.map((c) => c.data.alias);
  session.lock();
  return names.sort();
}

/** Fails once the first page has committed: what a closed tab or a crash between pages leaves. */
function stopAfterPages(pages: number) {
  let seen = 0;
  return (progress: { done: number }) => {
    if (progress.done > 0 && ++seen >= pages) throw new Error('stopped between pages');
  };
}

describe('the journaled restore swap', () => {
  it('pages a backup into the live tables with the same rows as the single transaction, and logs one import', async () => {
    const file = await backupFile();
    const single = await device();
    await applyRestore(single, await checkBackupFile(single, file, TEST_PASSPHRASE, KNOWN));
    const paged = await device();
    const progress: number[] = [];
    const swap = { ...JOURNALED, onProgress: (p: { done: number; total: number }) => progress.push(p.done) };
    const session = await applyRestore(paged, await checkBackupFile(paged, file, TEST_PASSPHRASE, KNOWN), 5, { swap });
    await auditSettled(paged);
    expect(await streamTables(paged)).toEqual(await streamTables(single));
    expect(progress.length).toBeGreaterThan(10);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(await readRestoreJournal(paged)).toBeNull();
    expect(await paged.backupStaging.count()).toBe(0);
    const events = await readAuditEvents(session);
    expect(events.filter((e) => e.action === 'import')).toHaveLength(1);
    expect(await verifyAuditChain(session)).toMatchObject({ ok: true });
    session.lock();
    expect(await aliases(paged, TEST_PASSPHRASE)).toContain(CANARY);
    expect(await aliases(paged, TEST_PASSPHRASE)).not.toContain('OUDE-CLIENT');
  });

  it.each([1, 3, 12])(
    'stopped after page %i: locked with the restore pending, and the next unlock finishes it to the same rows, never a mix',
    async (pages) => {
      const file = await backupFile();
      const reference = await device();
      await applyRestore(reference, await checkBackupFile(reference, file, TEST_PASSPHRASE, KNOWN));
      const db = await device();
      const verified = await checkBackupFile(db, file, TEST_PASSPHRASE, KNOWN);
      const staged = await db.backupStaging.count();
      const swap = { ...JOURNALED, onProgress: stopAfterPages(pages) };
      await expect(applyRestore(db, verified, 5, { swap })).rejects.toMatchObject({ code: 'interrupted' });
      // Meanwhile: the old data is gone (its passphrase opens nothing), the restored vault's waits.
      expect(await pendingRestore(db)).toEqual({ unlockWith: 'backup' });
      expect(await db.backupStaging.count()).toBeGreaterThan(0);
      const old = await unlock(db, DEVICE_PASSPHRASE, { now: 1 }).catch((e: unknown) => e);
      expect(isStorageError(old, 'wrong-passphrase')).toBe(true);

      const seen: number[] = [];
      const session = await unlock(db, TEST_PASSPHRASE, { now: 10_000, onRestoreProgress: (p) => seen.push(p.done) });
      await auditSettled(db);
      expect(seen.at(-1)).toBe(staged);
      expect(await streamTables(db)).toEqual(await streamTables(reference));
      expect(await readRestoreJournal(db)).toBeNull();
      expect(await db.backupStaging.count()).toBe(0);
      const events = await readAuditEvents(session);
      expect(events.filter((e) => e.action === 'import')).toHaveLength(1);
      expect(await verifyAuditChain(session)).toMatchObject({ ok: true });
      const names = (await listClients(session)).records.map((c) => c.data.alias);
      expect(names).toContain(CANARY);
      expect(names).not.toContain('OUDE-CLIENT');
    },
  );

  it('a failure in the transaction that begins the journal leaves every live table as it was', async () => {
    const file = await backupFile();
    const db = testDb();
    let armed = false;
    const failJournal: Middleware<DBCore> = {
      stack: 'dbcore',
      name: 'fail-journal',
      create: (down) => ({
        ...down,
        table: (name) => {
          const table = down.table(name);
          return {
            ...table,
            mutate: (req) => {
              const journal =
                req.type === 'put' && name === 'meta' && req.values.some((v) => v?.key === 'restoreJournal');
              if (armed && journal) return Promise.reject(new DOMException('injected failure', 'UnknownError'));
              return table.mutate(req);
            },
          };
        },
      }),
    };
    db.use(failJournal);
    const own = await createVault(db, DEVICE_PASSPHRASE, TEST_KDF);
    await createClient(own, { alias: 'OUDE-CLIENT' });
    await auditSettled(db);
    own.lock();
    const before = await snapshotDb(db);
    const verified = await checkBackupFile(db, file, TEST_PASSPHRASE, KNOWN);
    armed = true;
    await expect(applyRestore(db, verified, 5, { swap: JOURNALED })).rejects.toMatchObject({ code: 'write-failed' });
    expect(await snapshotDb(db)).toEqual(before);
    expect(await aliases(db, DEVICE_PASSPHRASE)).toEqual(['OUDE-CLIENT']);
  });

  it("keeping this device's passphrase: the lock screen is told so, and that passphrase finishes the restore", async () => {
    const file = await backupFile();
    const db = await device();
    const verified = await checkBackupFile(db, file, TEST_PASSPHRASE, KNOWN);
    const keep = { keepPassphrase: { device: DEVICE_PASSPHRASE, backup: TEST_PASSPHRASE } };
    const swap = { ...JOURNALED, onProgress: stopAfterPages(2) };
    await expect(applyRestore(db, verified, 5, { ...keep, swap })).rejects.toMatchObject({ code: 'interrupted' });
    expect(await pendingRestore(db)).toEqual({ unlockWith: 'device' });
    expect(await aliases(db, DEVICE_PASSPHRASE)).toContain(CANARY);
    expect(await pendingRestore(db)).toBeNull();
  });

  it('two tabs copying one interrupted restore at once move every row once; their unlocks, one after the other, log one import', async () => {
    const file = await backupFile();
    const reference = await device();
    await applyRestore(reference, await checkBackupFile(reference, file, TEST_PASSPHRASE, KNOWN));
    const db = await device();
    const verified = await checkBackupFile(db, file, TEST_PASSPHRASE, KNOWN);
    const swap = { ...JOURNALED, onProgress: stopAfterPages(1) };
    await expect(applyRestore(db, verified, 5, { swap })).rejects.toMatchObject({ code: 'interrupted' });
    const second = testDb(undefined, db.name);
    await Promise.all([copyStagedPages(db, { pageRows: 3 }), copyStagedPages(second, { pageRows: 5 })]);
    expect(await streamTables(db)).toEqual(await streamTables(reference));
    // Unlocks are one at a time across tabs (runtime/cross-tab/unlock-queue.ts): the second finds the journal gone.
    const a = await unlock(db, TEST_PASSPHRASE, { now: 10_000 });
    await auditSettled(db);
    const b = await unlock(second, TEST_PASSPHRASE, { now: 10_000 });
    await auditSettled(second);
    expect((await readAuditEvents(a)).filter((e) => e.action === 'import')).toHaveLength(1);
    expect(await verifyAuditChain(b)).toMatchObject({ ok: true });
    second.close();
  });
});
