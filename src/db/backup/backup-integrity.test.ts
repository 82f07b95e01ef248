// @vitest-environment node
// Format version 1 (the files written before schema v8 still restore); version 2: backup-stream-integrity.test.ts.
// Tampering that keeps the file well-formed: each case is caught by exactly one check of
// verifyBackup (named first in its title) and is accepted when that check is removed, so no check
// can be dropped while these stay green. The plain SHA-256 is public: anyone can recompute it after an edit; the
// sealed digest (AES-GCM under the vault's data key) and the per-row AEAD cannot be forged.
import { describe, expect, it } from 'vitest';
import { auditSettled } from '../audit';
import { sha256Hex } from '../audit/audit-hash';
import { KNOWN_KDFS, TEST_KDF } from '../crypto/kdf';
import type { StapwijzerDb } from '../database';
import { createClient, updateClient } from '../repositories/clients.repository';
import { createNote } from '../repositories/notes.repository';
import { putSetting } from '../repositories/settings.repository';
import { TEST_PASSPHRASE, testDb, testVault } from '../testing/fixture-db';
import { isBackupError } from './backup-error';
import { canonicalJson } from './backup-format';
import { exportBackupV1 as exportBackup } from './export-backup-v1';
import { applyRestore, parseBackup, verifyBackup } from './restore-backup';
import { snapshotDb } from './testing';

// The test vault's fast KDF is one this build may restore (the app itself only writes KNOWN_KDFS).
const KNOWN = { knownKdfs: [...KNOWN_KDFS, TEST_KDF] };

type Row = Record<string, unknown> & { id: string };
interface File {
  counts: Record<string, number>;
  tables: Record<string, Row[]>;
  auditLog: Row[];
  integrity: { digest: string };
}

/** One vault with three clients, exported twice: before and after one client was renamed. */
async function twoBackupsOfOneVault() {
  const db = testDb();
  const session = await testVault(db);
  await putSetting(session, 'profile', { roles: ['poh-ggz'], initials: 'IB' });
  const renamed = await createClient(session, { alias: 'Eerst A' });
  await createClient(session, { alias: 'Cliënt B' });
  const extra = await createClient(session, { alias: 'Cliënt C' });
  await createNote(session, extra.id, { text: 'een notitie' });
  await auditSettled(db);
  const first = await exportBackup(session, { now: new Date('2025-05-18T10:00:00Z') });
  await updateClient(session, renamed, { alias: 'Later A' });
  await auditSettled(db);
  const second = await exportBackup(session, { now: new Date('2025-05-19T10:00:00Z') });
  return { db, session, first: first.text, second: second.text, renamedId: renamed.id, extraId: extra.id };
}

const parse = (text: string) => JSON.parse(text) as File;

/** What anyone can do after editing a file: fix the counts and recompute the plain SHA-256. */
async function recomputeDigest(file: File): Promise<string> {
  for (const [t, rows] of Object.entries(file.tables)) file.counts[t] = rows.length;
  file.counts.auditLog = file.auditLog.length;
  const { integrity, ...body } = file;
  integrity.digest = await sha256Hex(canonicalJson(body));
  return JSON.stringify(file);
}

async function targetDb(): Promise<StapwijzerDb> {
  const db = testDb();
  const session = await testVault(db);
  await createClient(session, { alias: 'Bestaande cliënt' });
  await auditSettled(db);
  return db;
}

/** Restores `text` into a database with data of its own; the restore must fail and change nothing. */
async function expectRefused(text: string): Promise<void> {
  const db = await targetDb();
  const before = await snapshotDb(db);
  const error = await verifyBackup(parseBackup(text), TEST_PASSPHRASE, KNOWN)
    .then((verified) => applyRestore(db, verified))
    .then(
      () => 'accepted',
      (e: unknown) => e,
    );
  expect(isBackupError(error) ? error.code : error).toBe('altered');
  expect(await snapshotDb(db)).toEqual(before);
}

describe('backup integrity: a file edited after export is refused and the database stays as it was', () => {
  it('the untampered files restore (so each refusal below is the tampering’s doing)', async () => {
    const { first, second } = await twoBackupsOfOneVault();
    for (const text of [first, second]) {
      const db = await targetDb();
      await applyRestore(db, await verifyBackup(parseBackup(text), TEST_PASSPHRASE, KNOWN));
      expect(await db.clients.count()).toBe(3);
    }
  });

  it('plain digest: a client row deleted, the digest left as it was', async () => {
    const { first } = await twoBackupsOfOneVault();
    const file = parse(first);
    file.tables.clients?.pop();
    file.counts.clients = file.tables.clients?.length ?? 0;
    await expectRefused(JSON.stringify(file));
  });

  it('sealed digest: a client row deleted, counts and plain SHA-256 recomputed', async () => {
    const { first, extraId } = await twoBackupsOfOneVault();
    const file = parse(first);
    file.tables.clients = file.tables.clients?.filter((row) => row.id !== extraId) ?? [];
    await expectRefused(await recomputeDigest(file));
  });

  it('sealed digest: the last audit-log entry removed (the log is not encrypted), digest recomputed', async () => {
    const { first } = await twoBackupsOfOneVault();
    const file = parse(first);
    file.auditLog.pop();
    await expectRefused(await recomputeDigest(file));
  });

  it('sealed digest: a row added from another backup of the same vault, digest recomputed', async () => {
    const { first, second } = await twoBackupsOfOneVault();
    const file = parse(first);
    // The settings row the second export wrote (its backup status) is new to the first file and
    // decrypts under the same data key: only the seal tells that it was not in this export.
    const firstIds = new Set(file.tables.settings?.map((row) => row.id));
    const added = parse(second).tables.settings?.filter((row) => !firstIds.has(row.id)) ?? [];
    expect(added.length).toBeGreaterThan(0);
    file.tables.settings = [...(file.tables.settings ?? []), ...added];
    await expectRefused(await recomputeDigest(file));
  });

  it('sealed digest: rows swapped between two backups of the same vault (same ids), digest recomputed', async () => {
    const { first, second, renamedId } = await twoBackupsOfOneVault();
    const file = parse(first);
    const newer = parse(second).tables.clients?.find((row) => row.id === renamedId);
    if (!newer) throw new Error('no renamed client in the second backup');
    expect(newer).not.toEqual(file.tables.clients?.find((row) => row.id === renamedId));
    file.tables.clients = file.tables.clients?.map((row) => (row.id === renamedId ? newer : row)) ?? [];
    await expectRefused(await recomputeDigest(file));
  });

  it('per-row decryption: a record damaged on the exporting device, sealed as it was exported', async () => {
    const { db, session, extraId } = await twoBackupsOfOneVault();
    const row = await db.clients.get(extraId);
    if (!row) throw new Error('no client row');
    const ct = new Uint8Array(row.ct);
    ct[0] = (ct[0] ?? 0) ^ 0x01;
    await db.clients.update(extraId, { ct }); // bit rot below the app: the export copies rows as stored
    const damaged = await exportBackup(session, { now: new Date('2025-05-20T10:00:00Z') });
    await expectRefused(damaged.text);
  });
});
