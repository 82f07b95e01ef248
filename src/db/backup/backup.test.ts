// @vitest-environment node
// Format version 1 files (written before schema v8) still restore; version 2 streams: backup-stream.test.ts.
import type { DBCore, Middleware } from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { backupErrorMessages } from '../../features/backup/backup-errors.messages';
import { auditSettled, readAuditEvents, verifyAuditChain } from '../audit';
import { sha256Hex } from '../audit/audit-hash';
import { KNOWN_KDFS, TEST_KDF } from '../crypto/kdf';
import { CURRENT_SCHEMA_VERSION, createDatabase, type StapwijzerDb } from '../database';
import { createClient, getClient, listClients } from '../repositories/clients.repository';
import { createNote, listNotes } from '../repositories/notes.repository';
import { listDrafts } from '../repositories/screenings.repository';
import { putSetting } from '../repositories/settings.repository';
import { countRows, seedFixture, TEST_PASSPHRASE, testDb, testVault } from '../testing/fixture-db';
import { createVault, unlock } from '../vault';
import { type BackupErrorCode, isBackupError } from './backup-error';
import { backupFileName, canonicalJson, MAX_BACKUP_BYTES } from './backup-format';
import { fromBase64, toBase64 } from './base64';
import { exportBackupV1 as exportBackup } from './export-backup-v1';
import { applyRestore, parseBackup, readBackupFile, verifyBackup } from './restore-backup';
import { snapshotDb } from './testing';
import { wipeAllData } from './wipe';

const CANARY = 'CANARY-7F3A';

async function sourceBackup(clients = 3) {
  const db = testDb();
  const session = await testVault(db);
  await putSetting(session, 'profile', { roles: ['poh-ggz'], initials: 'SB' });
  const c = await createClient(session, { alias: CANARY });
  await createNote(session, c.id, { text: `${CANARY} notitie` });
  await seedFixture(session, clients);
  await auditSettled(db);
  const backup = await exportBackup(session, { now: new Date('2025-05-18T10:00:00Z') });
  return { db, session, backup };
}

async function targetDb(): Promise<StapwijzerDb> {
  const db = testDb();
  const session = await testVault(db);
  await putSetting(session, 'profile', { roles: ['poh-ggz'], initials: 'TG' });
  await createClient(session, { alias: 'Bestaande cliënt' });
  await auditSettled(db);
  return db;
}

// Backups of test vaults use the fast test KDF; restore accepts it here as a known setting.
const KNOWN = { knownKdfs: [...KNOWN_KDFS, TEST_KDF] };

async function restore(db: StapwijzerDb, text: string, passphrase = TEST_PASSPHRASE) {
  const verified = await verifyBackup(parseBackup(text), passphrase, KNOWN);
  return applyRestore(db, verified);
}

/** An attacker's edit that also recomputes the (unkeyed) digest, so only the sealed checks remain. */
async function resealed(text: string): Promise<string> {
  const { integrity, ...body } = JSON.parse(text) as { integrity: { digest: string } };
  return JSON.stringify({ ...body, integrity: { ...integrity, digest: await sha256Hex(canonicalJson(body)) } });
}

function mutate(text: string, change: (file: Record<string, unknown>) => void): string {
  const file = JSON.parse(text) as Record<string, unknown>;
  change(file);
  return JSON.stringify(file);
}

type Rows = Record<string, Record<string, unknown>[]>;

/** Sets a field on the first client row of a parsed backup. */
function setField(file: Record<string, unknown>, key: string, value: unknown): void {
  const row = (file.tables as Rows).clients?.[0];
  if (row) row[key] = value;
}

function flipByteIn(b64: string): string {
  const bytes = fromBase64(b64);
  bytes[Math.floor(bytes.length / 2)] = (bytes[Math.floor(bytes.length / 2)] ?? 0) ^ 0x01;
  return toBase64(bytes);
}

describe('R31: a bad backup file is rejected with a specific Dutch message and the database is untouched', async () => {
  const { backup } = await sourceBackup();
  const good = backup.text;
  const kdfTampered = await resealed(
    mutate(good, (f) => Object.assign((f.vault as { kdf: object }).kdf, { iterations: 2 })),
  );
  const corpus: [string, () => string, BackupErrorCode, string?][] = [
    ['truncated file', () => good.slice(0, Math.floor(good.length * 0.6)), 'truncated'],
    [
      'one flipped byte in a ciphertext',
      () =>
        mutate(good, (f) => {
          const row = (f.tables as Rows).clients?.[0];
          if (row) row.ct = flipByteIn(String(row.ct));
        }),
      'altered',
    ],
    [
      'one flipped byte in the header',
      () => good.replace(`"schemaVersion":${CURRENT_SCHEMA_VERSION}`, `"schemaVersion":${CURRENT_SCHEMA_VERSION + 1}`),
      'altered',
    ],
    ['wrong passphrase', () => good, 'wrong-passphrase', 'een heel andere wachtzin'],
    ['unknown formatVersion', () => mutate(good, (f) => Object.assign(f, { formatVersion: 2 })), 'unknown-version'],
    ['extra unknown field (top level)', () => mutate(good, (f) => Object.assign(f, { extra: 1 })), 'unknown-fields'],
    ['extra unknown field (in a record)', () => mutate(good, (f) => setField(f, 'alias', 'x')), 'unknown-fields'],
    ['__proto__ key', () => good.replace('{"format"', '{"__proto__":{"polluted":true},"format"'), 'forbidden-key'],
    ['constructor key in a record', () => good.replace('"kid":"c:', '"constructor":{},"kid":"c:'), 'forbidden-key'],
    ['a record failing the schema', () => mutate(good, (f) => setField(f, 'rev', 0)), 'invalid-record'],
    [
      'a file one byte over the size limit',
      () => `{"format":"stapwijzer-backup","pad":"${'x'.repeat(MAX_BACKUP_BYTES - 38)}"}`,
      'too-large',
    ],
    ['10^5-deep nesting', () => `${'['.repeat(100_000)}${']'.repeat(100_000)}`, 'too-deep'],
    ['a foreign JSON file', () => JSON.stringify({ name: 'iets anders', items: [1, 2] }), 'not-backup'],
    ['a foreign non-JSON file', () => 'BEGIN:VCALENDAR\nEND:VCALENDAR', 'not-backup'],
    ['text with unbalanced brackets that is not JSON', () => 'x{[[{', 'not-backup'],
    ['a tampered key-derivation setting (digest recomputed)', () => kdfTampered, 'kdf-altered'],
  ];

  it.each(corpus)('%s', async (_name, make, code, passphrase) => {
    const db = await targetDb();
    const before = await snapshotDb(db);
    const error = await restore(db, make(), passphrase).catch((e: unknown) => e);
    expect(isBackupError(error) ? error.code : error).toBe(code);
    expect(backupErrorMessages.nl[code]).toMatch(/niets veranderd|niet veranderd/);
    expect(await snapshotDb(db)).toEqual(before);
  });

  it('gives every failure its own message', () => {
    const messages = Object.values(backupErrorMessages.nl);
    expect(new Set(messages).size).toBe(messages.length);
  });

  it('a PNG (or other binary file) is told apart from an incomplete backup', async () => {
    const png = new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x7b, 0x5b, 0x00])]);
    await expect(readBackupFile(png)).rejects.toMatchObject({ code: 'not-text' });
    const zip = new Blob([new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x7b])]);
    await expect(readBackupFile(zip)).rejects.toMatchObject({ code: 'not-text' });
  });

  it('checks the size of a chosen file before reading it', async () => {
    const big = new Blob([new Uint8Array(MAX_BACKUP_BYTES + 1)]);
    await expect(readBackupFile(big)).rejects.toMatchObject({ code: 'too-large' });
  });
});

/** Fails the restore's write once `limit` rows have been handed to IndexedDB (armed on demand). */
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
            if (armed && (req.type === 'add' || req.type === 'put')) {
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
  return {
    arm: () => {
      armed = true;
    },
    rows: () => rows,
  };
}

describe('R32/R33: restore is atomic and round-trips', () => {
  it('R32: a valid 1,000-record backup failing at record 500 of the write leaves 0 rows changed', async () => {
    const { backup } = await sourceBackup(100);
    const total = Object.values(backup.counts).reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThanOrEqual(1000);
    const db = testDb();
    const fault = failAtRow(db, 500);
    const session = await testVault(db);
    await createClient(session, { alias: 'Bestaande cliënt' });
    await auditSettled(db);
    const before = await snapshotDb(db);
    const verified = await verifyBackup(parseBackup(backup.text), TEST_PASSPHRASE, KNOWN);
    fault.arm();
    await expect(applyRestore(db, verified)).rejects.toMatchObject({ code: 'write-failed' });
    expect(fault.rows()).toBeGreaterThanOrEqual(500);
    expect(await snapshotDb(db)).toEqual(before);
  });

  it('R33: export → wipe → import gives deep-equal data for 1,000 records, drafts and audit log included', async () => {
    const db = testDb();
    const session = await testVault(db);
    await putSetting(session, 'profile', { roles: ['poh-ggz'], initials: 'RT' });
    const counts = await seedFixture(session, 100);
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(1000);
    await auditSettled(db);
    const before = await snapshotDb(db);
    const oldLog = await readAuditEvents(session);
    const backup = await exportBackup(session);
    expect(backup.fileName).toMatch(/^stapwijzer-backup-\d{4}-\d{2}-\d{2}\.json$/);

    await wipeAllData(db, { caches: null, storages: [], restart: () => {} });
    const fresh = createDatabase({ name: db.name });
    expect(await fresh.clients.count()).toBe(0);
    const restored = await restore(fresh, backup.text);
    await auditSettled(fresh);

    const after = await snapshotDb(fresh);
    for (const t of ['clients', 'screenings', 'drafts', 'decisions', 'followUps', 'plans', 'notes']) {
      expect(after[t], t).toEqual(before[t]);
    }
    expect(after.drafts).toHaveLength(100);
    // The file's clear log is sealed into the chain at the restore; the import event follows it.
    const log = await readAuditEvents(restored);
    expect(log.slice(0, oldLog.length)).toEqual(oldLog);
    expect(log.at(-1)?.action).toBe('import');
    expect(await fresh.auditLog.count()).toBe(0);
    expect(await verifyAuditChain(restored)).toMatchObject({ ok: true, anchored: true });
    expect((await listDrafts(restored)).records).toHaveLength(100);
    expect(await countRows(fresh)).toEqual(counts);
  });

  it("a version 1 restore empties team sync's bookkeeping in the same transaction", async () => {
    const { backup } = await sourceBackup(1);
    const db = await targetDb();
    await db.syncState.put({ key: 'clients:c1', localRev: 1, envelopeRev: '1-abc' });
    await restore(db, backup.text);
    expect(await db.syncState.count()).toBe(0);
  });

  it('restores on another device with the backup passphrase, and the data reads back', async () => {
    const { backup, db: source } = await sourceBackup();
    const db = await targetDb();
    const session = await restore(db, backup.text);
    const [client] = await source.clients.toArray();
    if (!client) throw new Error('no client');
    const read = await getClient(session, client.id);
    expect(read?.data.alias).toBeDefined();
    const canary = (await db.clients.toArray()).length;
    expect(canary).toBe(await source.clients.count());
    const notes = await Promise.all((await db.clients.toArray()).map((c) => listNotes(session, c.id)));
    expect(notes.flatMap((n) => n.records).some((n) => n.data.text.includes(CANARY))).toBe(true);
  });
});

describe('restore asks which passphrase unlocks afterwards', () => {
  it("keeping this device's passphrase re-wraps the backup's key under it; the backup's no longer unlocks", async () => {
    const { backup } = await sourceBackup(1);
    const db = testDb();
    await createVault(db, 'de wachtzin van dit apparaat', TEST_KDF);
    const verified = await verifyBackup(parseBackup(backup.text), TEST_PASSPHRASE, KNOWN);
    const keep = { keepPassphrase: { device: 'de wachtzin van dit apparaat', backup: TEST_PASSPHRASE } };
    (await applyRestore(db, verified, Date.now(), keep)).lock();
    const session = await unlock(db, 'de wachtzin van dit apparaat', { now: 1 });
    expect((await listClients(session)).records.map((c) => c.data.alias)).toContain(CANARY);
    session.lock();
    await expect(unlock(db, TEST_PASSPHRASE, { now: 10_000_000 })).rejects.toMatchObject({ code: 'wrong-passphrase' });
  });

  it('a wrong device passphrase is refused before anything is written', async () => {
    const { backup } = await sourceBackup(1);
    const db = testDb();
    await createVault(db, 'de wachtzin van dit apparaat', TEST_KDF);
    const before = await snapshotDb(db);
    const verified = await verifyBackup(parseBackup(backup.text), TEST_PASSPHRASE, KNOWN);
    const keep = { keepPassphrase: { device: 'niet de goede wachtzin', backup: TEST_PASSPHRASE } };
    await expect(applyRestore(db, verified, Date.now(), keep)).rejects.toMatchObject({
      code: 'wrong-device-passphrase',
    });
    expect(await snapshotDb(db)).toEqual(before);
  });
});

describe('R34/R37: exports and logs hold no client data', () => {
  afterEach(() => vi.restoreAllMocks());

  it('the backup file and its name contain no canary; nothing is logged to the console during backup and restore', async () => {
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((m) => vi.spyOn(console, m));
    const { backup } = await sourceBackup();
    expect(backup.text).not.toContain('CANARY');
    expect(backup.fileName).toBe(backupFileName(new Date('2025-05-18T10:00:00Z')));
    expect(backup.fileName).not.toContain('CANARY');
    await restore(await targetDb(), backup.text);
    const logged = spies.flatMap((s) => s.mock.calls.flat().map((a) => String(a)));
    expect(logged.filter((line) => line.includes('CANARY'))).toEqual([]);
  });
});

describe('backup size limit', () => {
  it('a file exactly at the limit is read, one byte more is refused', async () => {
    const { assertSize } = await import('./guard-text');
    expect(() => assertSize(MAX_BACKUP_BYTES)).not.toThrow();
    expect(() => assertSize(MAX_BACKUP_BYTES + 1)).toThrow(expect.objectContaining({ code: 'too-large' }));
  });
});
