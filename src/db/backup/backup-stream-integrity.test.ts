// @vitest-environment node
// Format version 2 under tampering that keeps every line well-formed. Each title names the check(s)
// of restore-stream.ts that catch the case (the row swap is caught by the running digest alone:
// checked by removing that comparison, which lets it through). Chunks are sealed: without the key nobody can edit rows, only
// drop, move, duplicate or swap whole chunks — the rows cases below hold the vault's key and re-seal
// the chunk they edit, which only the trailer's running digest (sealed too) catches.
import { describe, expect, it } from 'vitest';
import { auditSettled } from '../audit';
import { KNOWN_KDFS, TEST_KDF } from '../crypto/kdf';
import type { StapwijzerDb } from '../database';
import { createClient, updateClient } from '../repositories/clients.repository';
import { createNote } from '../repositories/notes.repository';
import { putSetting } from '../repositories/settings.repository';
import { TEST_PASSPHRASE, testDb, testVault } from '../testing/fixture-db';
import { isBackupError } from './backup-error';
import { exportBackup } from './export-backup';
import { applyRestore, checkBackupFile } from './restore-backup';
import { joinStream, openChunk, resealChunk, type SplitFile, splitStream } from './stream-testing';
import { snapshotDb } from './testing';

const KNOWN = { knownKdfs: [...KNOWN_KDFS, TEST_KDF] };
const SMALL = { chunkBytes: 2 * 1024 }; // a few rows per chunk: many chunks from little data

/** One vault with five clients, exported twice: before and after one client was renamed. */
async function twoBackupsOfOneVault() {
  const db = testDb();
  const session = await testVault(db);
  await putSetting(session, 'profile', { roles: ['poh-ggz'], initials: 'IB' });
  const renamed = await createClient(session, { alias: 'Eerst A' });
  for (const alias of ['B', 'C', 'D']) await createClient(session, { alias: `Cliënt ${alias}` });
  const extra = await createClient(session, { alias: 'Cliënt E' });
  await createNote(session, extra.id, { text: 'een notitie' });
  await auditSettled(db);
  const first = await exportBackup(session, { ...SMALL, now: new Date('2025-05-18T10:00:00Z') });
  await updateClient(session, renamed, { alias: 'Later A' });
  await auditSettled(db);
  const second = await exportBackup(session, { ...SMALL, now: new Date('2025-05-19T10:00:00Z') });
  return {
    db,
    session,
    first: splitStream(await first.blob.text()),
    second: splitStream(await second.blob.text()),
    renamedId: renamed.id,
    extraId: extra.id,
  };
}

async function targetDb(): Promise<StapwijzerDb> {
  const db = testDb();
  const session = await testVault(db);
  await createClient(session, { alias: 'Bestaande cliënt' });
  await auditSettled(db);
  return db;
}

/** Restores `text` into a database with data of its own; the restore must fail with `code` and change nothing. */
async function expectRefused(text: string, code = 'altered'): Promise<void> {
  const db = await targetDb();
  const before = await snapshotDb(db);
  const error = await checkBackupFile(db, new Blob([text]), TEST_PASSPHRASE, KNOWN)
    .then((verified) => applyRestore(db, verified))
    .then(
      () => 'accepted',
      (e: unknown) => e,
    );
  expect(isBackupError(error) ? error.code : error).toBe(code);
  expect(await snapshotDb(db)).toEqual(before);
}

/** The index of the first chunk holding rows of `table`. */
async function chunkOf(session: Parameters<typeof openChunk>[0], file: SplitFile, table: string): Promise<number> {
  for (let i = 0; i < file.chunks.length; i++) if ((await openChunk(session, file, i)).table === table) return i;
  throw new Error(`no ${table} chunk`);
}

describe('backup format 2 integrity: a file edited after export is refused and the database stays as it was', () => {
  it('the untampered files restore (so each refusal below is the tampering’s doing)', async () => {
    const { first, second } = await twoBackupsOfOneVault();
    expect(first.chunks.length).toBeGreaterThan(4);
    for (const file of [first, second]) {
      const db = await targetDb();
      await applyRestore(db, await checkBackupFile(db, new Blob([joinStream(file)]), TEST_PASSPHRASE, KNOWN));
      expect(await db.clients.count()).toBe(5);
    }
  });

  it('chunk seal (place): a chunk dropped from the middle', async () => {
    const { first } = await twoBackupsOfOneVault();
    await expectRefused(joinStream({ ...first, chunks: first.chunks.filter((_, i) => i !== 1) }));
  });

  it('trailer (chunk count + digest): the last chunk dropped', async () => {
    const { first } = await twoBackupsOfOneVault();
    await expectRefused(joinStream({ ...first, chunks: first.chunks.slice(0, -1) }));
  });

  it('chunk seal (place): two chunks reordered', async () => {
    const { first } = await twoBackupsOfOneVault();
    const [a, b, ...rest] = first.chunks;
    await expectRefused(joinStream({ ...first, chunks: [b ?? '', a ?? '', ...rest] }));
  });

  it('chunk seal (backup id): a chunk from another backup of the same vault, at the same place', async () => {
    const { first, second } = await twoBackupsOfOneVault();
    await expectRefused(
      joinStream({ ...first, chunks: first.chunks.map((c, i) => (i === 0 ? (second.chunks[0] ?? c) : c)) }),
    );
  });

  it('trailer seal (backup id): the trailer of another backup of the same vault', async () => {
    const { first, second } = await twoBackupsOfOneVault();
    await expectRefused(joinStream({ ...first, trailer: second.trailer }));
  });

  it('chunk seal: one flipped character in a chunk’s ciphertext', async () => {
    const { first } = await twoBackupsOfOneVault();
    const line = first.chunks[0] ?? '';
    const at = line.indexOf('"ct":"') + 20;
    const flipped = `${line.slice(0, at)}${line[at] === 'A' ? 'B' : 'A'}${line.slice(at + 1)}`;
    await expectRefused(joinStream({ ...first, chunks: [flipped, ...first.chunks.slice(1)] }));
  });

  it('running digest: the header edited (schema version)', async () => {
    const { first } = await twoBackupsOfOneVault();
    const headerLine = first.headerLine.replace(
      `"schemaVersion":${first.header.schemaVersion}`,
      `"schemaVersion":${first.header.schemaVersion + 1}`,
    );
    await expectRefused(joinStream({ ...first, headerLine }));
  });

  it('no trailer: a file cut off after a chunk is incomplete', async () => {
    const { first } = await twoBackupsOfOneVault();
    await expectRefused(`${[first.headerLine, ...first.chunks].join('\n')}\n`, 'truncated');
  });

  it('row counts + running digest: a client row deleted from its chunk (chunk re-sealed with the key)', async () => {
    const { session, first } = await twoBackupsOfOneVault();
    const i = await chunkOf(session, first, 'clients');
    const body = await openChunk(session, first, i);
    const edited = await resealChunk(session, first, i, { ...body, rows: body.rows.slice(1) });
    await expectRefused(joinStream({ ...first, chunks: first.chunks.map((c, j) => (j === i ? edited : c)) }));
  });

  it('row counts + running digest: a row added from another backup of the same vault (chunk re-sealed with the key)', async () => {
    const { session, first, second } = await twoBackupsOfOneVault();
    const i = await chunkOf(session, first, 'settings');
    const body = await openChunk(session, first, i);
    const ids = new Set(body.rows.map((r) => r.id));
    const j = await chunkOf(session, second, 'settings');
    const added = (await openChunk(session, second, j)).rows.filter((r) => !ids.has(r.id));
    expect(added.length).toBeGreaterThan(0);
    const edited = await resealChunk(session, first, i, { ...body, rows: [...body.rows, ...added] });
    await expectRefused(joinStream({ ...first, chunks: first.chunks.map((c, k) => (k === i ? edited : c)) }));
  });

  it('running digest: a row swapped for its newer version from another backup (same id, chunk re-sealed)', async () => {
    const { session, first, second, renamedId } = await twoBackupsOfOneVault();
    const find = async (file: SplitFile) => {
      for (let i = 0; i < file.chunks.length; i++) {
        const body = await openChunk(session, file, i);
        if (body.table === 'clients' && body.rows.some((r) => r.id === renamedId)) return { i, body };
      }
      throw new Error('renamed client not found');
    };
    const old = await find(first);
    const newer = (await find(second)).body.rows.find((r) => r.id === renamedId);
    expect(newer).not.toEqual(old.body.rows.find((r) => r.id === renamedId));
    const rows = old.body.rows.map((r) => (r.id === renamedId ? (newer ?? r) : r));
    const edited = await resealChunk(session, first, old.i, { ...old.body, rows });
    await expectRefused(joinStream({ ...first, chunks: first.chunks.map((c, k) => (k === old.i ? edited : c)) }));
  });

  it("per-row decryption under the backup's keys + running digest: a client's key row dropped from the keys chunk (re-sealed)", async () => {
    const { session, first } = await twoBackupsOfOneVault();
    const i = await chunkOf(session, first, 'keys');
    expect(i).toBe(0); // keys come first: every key is known before the first row that needs it
    const body = await openChunk(session, first, i);
    expect(body.rows.length).toBeGreaterThan(0);
    const edited = await resealChunk(session, first, i, { ...body, rows: body.rows.slice(1) });
    await expectRefused(joinStream({ ...first, chunks: first.chunks.map((c, j) => (j === i ? edited : c)) }));
  });

  it('per-row decryption: a record damaged on the exporting device, sealed as it was exported', async () => {
    const { db, session, extraId } = await twoBackupsOfOneVault();
    const row = await db.clients.get(extraId);
    if (!row) throw new Error('no client row');
    const ct = new Uint8Array(row.ct);
    ct[0] = (ct[0] ?? 0) ^ 0x01;
    await db.clients.update(extraId, { ct }); // bit rot below the app: the export copies rows as stored
    const damaged = await exportBackup(session, { now: new Date('2025-05-20T10:00:00Z') });
    await expectRefused(await damaged.blob.text());
  });
});

describe('backup format 2: a bad file is refused with its own error and the database is untouched (R31)', () => {
  it('wrong passphrase, header fields, forbidden keys, key-derivation settings, over-long lines', async () => {
    const { first } = await twoBackupsOfOneVault();
    const header = (change: (h: Record<string, unknown>) => void) => {
      const h = JSON.parse(first.headerLine) as Record<string, unknown>;
      change(h);
      return joinStream({ ...first, headerLine: JSON.stringify(h) });
    };
    const db = await targetDb();
    const before = await snapshotDb(db);
    const refuse = async (text: string, code: string, passphrase = TEST_PASSPHRASE) => {
      const error = await checkBackupFile(db, new Blob([text]), passphrase, KNOWN).then(
        () => 'accepted',
        (e: unknown) => e,
      );
      expect(isBackupError(error) ? error.code : error).toBe(code);
      expect(await snapshotDb(db)).toEqual(before);
    };
    await refuse(joinStream(first), 'wrong-passphrase', 'een heel andere wachtzin');
    await refuse(
      header((h) => Object.assign(h, { extra: 1 })),
      'unknown-fields',
    );
    await refuse(
      joinStream({ ...first, headerLine: first.headerLine.replace('"backupId"', '"__proto__":{},"backupId"') }),
      'forbidden-key',
    );
    await refuse(
      header((h) => Object.assign((h.vault as { kdf: object }).kdf, { iterations: 2 })),
      'kdf-altered',
    );
    await refuse(
      `${first.headerLine}\n{"chunk":0,"iv":"${'A'.repeat(16)}","ct":"${'A'.repeat(9 * 1024 * 1024)}"}\n`,
      'too-large',
    );
  });
});
