// @vitest-environment node
// Format version 2: export as a stream of sealed chunks, restore through the staging table.
import type { DBCore, Middleware } from 'dexie';
import { describe, expect, it } from 'vitest';
import { auditSettled, readAuditEvents, verifyAuditChain } from '../audit';
import { KNOWN_KDFS, TEST_KDF } from '../crypto/kdf';
import { createDatabase, type StapwijzerDb } from '../database';
import { readResealState } from '../migration/reseal';
import { createClient, listClients } from '../repositories/clients.repository';
import { createNote } from '../repositories/notes.repository';
import { listDrafts } from '../repositories/screenings.repository';
import { putSetting } from '../repositories/settings.repository';
import type { VaultSession } from '../session';
import { countRows, seedFixture, TEST_PASSPHRASE, testDb, testVault } from '../testing/fixture-db';
import { createVault, unlock } from '../vault';
import { exportBackup } from './export-backup';
import { applyRestore, checkBackupFile, currentCounts, discardVerified } from './restore-backup';
import { STREAM_TABLES } from './stream-format';
import { openChunk, splitStream } from './stream-testing';
import { snapshotDb } from './testing';
import { wipeAllData } from './wipe';

const CANARY = 'CANARY-7F3A';
const KNOWN = { knownKdfs: [...KNOWN_KDFS, TEST_KDF] };

async function source(clients = 3) {
  const db = testDb();
  const session = await testVault(db);
  await putSetting(session, 'profile', { roles: ['poh-ggz'], initials: 'SB' });
  const c = await createClient(session, { alias: CANARY });
  await createNote(session, c.id, { text: `${CANARY} notitie` });
  await seedFixture(session, clients);
  await auditSettled(db);
  return { db, session };
}

async function targetDb(): Promise<{ db: StapwijzerDb; session: VaultSession }> {
  const db = testDb();
  const session = await testVault(db);
  await putSetting(session, 'profile', { roles: ['poh-ggz'], initials: 'TG' });
  await createClient(session, { alias: 'Bestaande cliënt' });
  await auditSettled(db);
  return { db, session };
}

/** Fails the swap's write once `limit` rows have been handed to a live table (armed on demand). */
function failAtRow(db: StapwijzerDb, limit: number) {
  let armed = false;
  let rows = 0;
  const middleware: Middleware<DBCore> = {
    stack: 'dbcore',
    name: 'fail-at-row',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        return {
          ...table,
          mutate: (req) => {
            if (armed && name !== 'backupStaging' && (req.type === 'add' || req.type === 'put')) {
              rows += req.values.length;
              if (rows >= limit) return Promise.reject(new DOMException('injected failure', 'UnknownError'));
            }
            return table.mutate(req);
          },
        };
      },
    }),
  };
  db.use(middleware);
  return { arm: () => (armed = true), rows: () => rows };
}

describe('backup format 2: a stream of sealed chunks', () => {
  it('R33: export → wipe → import gives deep-equal data for 1,000 records in many chunks, audit chain included', async () => {
    const db = testDb();
    const session = await testVault(db);
    await putSetting(session, 'profile', { roles: ['poh-ggz'], initials: 'RT' });
    const counts = await seedFixture(session, 100);
    await auditSettled(db);
    const before = await snapshotDb(db);
    const oldLog = await readAuditEvents(session);
    const progress: { done: number; total: number }[] = [];
    const backup = await exportBackup(session, { chunkBytes: 64 * 1024, onProgress: (p) => progress.push(p) });
    expect(backup.chunks).toBeGreaterThan(10);
    expect(progress.map((p) => p.done)).toEqual([
      ...Array.from({ length: backup.chunks }, (_, i) => i + 1),
      backup.chunks,
    ]);
    expect(progress.at(-1)).toEqual({ done: backup.chunks, total: backup.chunks });
    expect(backup.fileName).toMatch(/^stapwijzer-backup-\d{4}-\d{2}-\d{2}\.json$/);
    const lines = (await backup.blob.text()).split('\n').filter(Boolean);
    expect(lines).toHaveLength(backup.chunks + 2);
    for (const line of lines) expect(line.length).toBeLessThan(8 * 1024 * 1024);

    await wipeAllData(db, { caches: null, storages: [], restart: () => {} });
    const fresh = createDatabase({ name: db.name });
    const restored = await applyRestore(fresh, await checkBackupFile(fresh, backup.blob, TEST_PASSPHRASE, KNOWN));
    await auditSettled(fresh);
    const after = await snapshotDb(fresh);
    for (const t of ['clients', 'screenings', 'drafts', 'decisions', 'followUps', 'plans', 'notes', 'keys']) {
      expect(after[t], t).toEqual(before[t]);
    }
    expect(before.keys?.length).toBe(100); // one wrapped key per client, restored with the rows
    expect(after.backupStaging).toEqual([]);
    expect(after.caseloadIndex).toEqual([]);
    expect(await readResealState(fresh)).toMatchObject({ state: 'done' });
    const log = await readAuditEvents(restored);
    expect(log.slice(0, oldLog.length)).toEqual(oldLog);
    expect(log.at(-1)).toMatchObject({ action: 'import', prior: { count: 0, hash: null } });
    expect(await verifyAuditChain(restored)).toEqual({ ok: true, count: oldLog.length + 1, anchored: true });
    expect((await listDrafts(restored)).records).toHaveLength(100);
    expect(await countRows(fresh)).toEqual(counts);
  });

  it('the import event names the head and count of the chain the restore replaced', async () => {
    const { session } = await source(1);
    const backup = await exportBackup(session);
    const target = await targetDb();
    const head = (await readAuditEvents(target.session)).at(-1);
    const count = (await readAuditEvents(target.session)).length;
    const verified = await checkBackupFile(target.db, backup.blob, TEST_PASSPHRASE, KNOWN);
    const restored = await applyRestore(target.db, verified, Date.now(), { previous: target.session });
    await auditSettled(target.db);
    expect((await readAuditEvents(restored)).at(-1)).toMatchObject({
      action: 'import',
      prior: { count, hash: head?.hash },
    });
    expect(await verifyAuditChain(restored)).toMatchObject({ ok: true });
  });

  it('R32: a failure at record 500 of the swap leaves every live table as it was, and the staging empty', async () => {
    const { session } = await source(100);
    const backup = await exportBackup(session, { chunkBytes: 64 * 1024 });
    const db = testDb();
    const fault = failAtRow(db, 500);
    const own = await testVault(db);
    const existing = await createClient(own, { alias: 'Bestaande cliënt' });
    // Team sync's bookkeeping stays too (part of the snapshot): it is only emptied with a swap that commits.
    await db.syncState.put({ key: `clients:${existing.id}`, localRev: 1, envelopeRev: '1-abc' });
    await auditSettled(db);
    const before = await snapshotDb(db);
    const verified = await checkBackupFile(db, backup.blob, TEST_PASSPHRASE, KNOWN);
    expect(await db.backupStaging.count()).toBeGreaterThan(1000);
    fault.arm();
    await expect(applyRestore(db, verified)).rejects.toMatchObject({ code: 'write-failed' });
    expect(fault.rows()).toBeGreaterThanOrEqual(500);
    expect(await snapshotDb(db)).toEqual(before);
  });

  it("a restore empties team sync's bookkeeping in the swap: the restored rows were never mirrored from here", async () => {
    const { session } = await source(2);
    const backup = await exportBackup(session);
    const target = await targetDb();
    const [mine] = await target.db.clients.toArray();
    await target.db.syncState.bulkPut([
      { key: `clients:${mine?.id ?? ''}`, localRev: 1, envelopeRev: '1-abc' },
      { key: 'notes:n1', localRev: 2, envelopeRev: '2-def' },
    ]);
    const verified = await checkBackupFile(target.db, backup.blob, TEST_PASSPHRASE, KNOWN);
    // Verifying (staging) changes nothing live: only the swap does.
    expect(await target.db.syncState.count()).toBe(2);
    await applyRestore(target.db, verified);
    expect(await target.db.syncState.count()).toBe(0);
  });

  it('cancelling at the confirmation drops the staged rows; the counts shown are the file’s', async () => {
    const { session } = await source(2);
    const backup = await exportBackup(session);
    const target = await targetDb();
    const before = await snapshotDb(target.db);
    const verified = await checkBackupFile(target.db, backup.blob, TEST_PASSPHRASE, KNOWN);
    expect(verified.counts).toEqual({ ...backup.counts });
    expect(verified.counts.clients).toBe(3);
    expect((await currentCounts(target.db)).clients).toBe(1);
    await discardVerified(target.db, verified);
    expect(await snapshotDb(target.db)).toEqual(before);
  });

  it("keeping this device's passphrase re-wraps the backup's key under it", async () => {
    const { session } = await source(1);
    const backup = await exportBackup(session);
    const db = testDb();
    await createVault(db, 'de wachtzin van dit apparaat', TEST_KDF);
    const verified = await checkBackupFile(db, backup.blob, TEST_PASSPHRASE, KNOWN);
    const keep = { keepPassphrase: { device: 'de wachtzin van dit apparaat', backup: TEST_PASSPHRASE } };
    (await applyRestore(db, verified, Date.now(), keep)).lock();
    const again = await unlock(db, 'de wachtzin van dit apparaat', { now: 1 });
    expect((await listClients(again)).records.map((c) => c.data.alias)).toContain(CANARY);
    expect(await verifyAuditChain(again)).toMatchObject({ ok: true });
  });

  it('R40: the file holds no canary, no record id and no clear field; only the backup tables are in it', async () => {
    const { db, session } = await source(3);
    const backup = await exportBackup(session, { chunkBytes: 16 * 1024 });
    const text = await backup.blob.text();
    expect(text).not.toContain('CANARY');
    const [client] = await db.clients.toArray();
    expect(text).not.toContain(client?.id);
    expect(text).not.toContain('postpartum');
    expect(text).not.toContain('dueDate');
    const file = splitStream(text);
    expect(Object.keys(file.header).sort()).toEqual([
      'backupId',
      'createdAt',
      'format',
      'formatVersion',
      'schemaVersion',
      'sentinel',
      'vault',
    ]);
    const tables = new Set<string>();
    for (let i = 0; i < file.chunks.length; i++) tables.add((await openChunk(session, file, i)).table);
    expect([...tables].every((t) => (STREAM_TABLES as readonly string[]).includes(t))).toBe(true);
    expect(tables.has('auditChain')).toBe(true);
  });

  it('locked-time events are sealed into the chain before the export, so none travel in clear', async () => {
    const { db, session } = await source(1);
    const other = testDb(undefined, db.name);
    await expect(unlock(other, 'verkeerde wachtzin')).rejects.toMatchObject({ code: 'wrong-passphrase' });
    await auditSettled(other);
    expect(await db.auditPending.count()).toBe(1);
    const backup = await exportBackup(session);
    expect(await db.auditPending.count()).toBe(0);
    expect(await backup.blob.text()).not.toContain('unlock-failed');
    const target = await targetDb();
    const restored = await applyRestore(
      target.db,
      await checkBackupFile(target.db, backup.blob, TEST_PASSPHRASE, KNOWN),
    );
    await auditSettled(target.db);
    expect((await readAuditEvents(restored)).map((e) => e.action)).toContain('unlock-failed');
    expect(await verifyAuditChain(restored)).toMatchObject({ ok: true });
  });
});
