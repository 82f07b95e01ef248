// @vitest-environment node
// Archiving (reversible) and destroying a client (crypto-shredding), issue 20.
import { describe, expect, it } from 'vitest';
import { auditSettled, readAuditEvents } from '../audit';
import { exportBackup } from '../backup/export-backup';
import { applyRestore, checkBackupFile } from '../backup/restore-backup';
import { readCaseload } from '../caseload/read';
import { KNOWN_KDFS, TEST_KDF } from '../crypto/kdf';
import { isStorageError } from '../errors';
import type { VaultSession } from '../session';
import { TEST_PASSPHRASE, testDb, testVault } from '../testing/fixture-db';
import { sampleCompletion } from '../testing/sample';
import { unlock } from '../vault';
import { createClient, getClient, listClients, setClientArchived } from './clients.repository';
import { destroyClient, isShredded } from './destroy-client';
import { createNote } from './notes.repository';
import { recordSafetySignal } from './safety-events.repository';
import { completeScreening } from './screenings.repository';
import { putSetting } from './settings.repository';
import { applyPulled, listUnmirrored, readForSync } from './sync.repository';

const TZ = 'Europe/Amsterdam';
const KNOWN = { knownKdfs: [...KNOWN_KDFS, TEST_KDF] };
const SIGNAL = {
  kind: 'signal' as const,
  pathwayId: 'postpartum' as const,
  signal: { id: 'epds-10', kind: 'red-flag' as const, level: 'urgent' as const, label: { nl: 'x', en: 'x' } },
  draftId: null,
  at: '2025-05-18T10:00:00.000Z',
};

async function entryOf(session: VaultSession, clientId: string) {
  const snapshot = await readCaseload(session, { timeZone: TZ });
  return snapshot.entries.find((e) => e.key === clientId);
}

/** A client with a screening (decision, follow-up), a note and a safety signal. */
async function fullClient(session: VaultSession, alias: string) {
  const client = await createClient(session, { alias });
  await completeScreening(session, sampleCompletion(client.id));
  await createNote(session, client.id, { text: `${alias} notitie` });
  await recordSafetySignal(session, { signalId: `sig-${client.id}`, clientId: client.id }, SIGNAL);
  return client;
}

/** Every stored row that names `clientId` in clear, or is its client row or key. */
async function rowsOf(session: VaultSession, clientId: string): Promise<number> {
  const { db } = session;
  let n = (await db.clients.get(clientId)) ? 1 : 0;
  for (const t of ['screenings', 'drafts', 'decisions', 'followUps', 'plans', 'notes', 'followUpEvents'] as const) {
    n += await db.table(t).where('clientId').equals(clientId).count();
  }
  n += (await db.keys.get(`c:${clientId}`)) ? 1 : 0;
  return n;
}

describe('archiving a client', () => {
  it('moves the client to the archived list and back, updates the index entry and audits both', async () => {
    const db = testDb();
    const session = await testVault(db);
    await putSetting(session, 'profile', { roles: ['poh-ggz'], initials: 'AB' });
    const client = await createClient(session, { alias: 'Archief' });
    expect((await entryOf(session, client.id))?.client?.status).toBe('active');

    const archived = await setClientArchived(session, client, true);
    expect((await listClients(session)).records).toEqual([]);
    expect((await listClients(session, 'archived')).records.map((c) => c.id)).toEqual([client.id]);
    // A fresh session reads the stored index: the save wrote the entry in its own transaction.
    const other = await unlock(testDb(undefined, db.name), TEST_PASSPHRASE);
    expect((await entryOf(other, client.id))?.client?.status).toBe('archived');

    await setClientArchived(session, archived, false);
    expect((await getClient(session, client.id))?.status).toBe('active');
    expect((await entryOf(session, client.id))?.client?.status).toBe('active');
    await auditSettled(db);
    const events = (await readAuditEvents(session)).filter((e) => e.recordId === client.id);
    expect(events.map((e) => e.action)).toEqual(['create', 'change', 'archive', 'change', 'unarchive']);
    expect(events.find((e) => e.action === 'archive')?.actor).toBe('AB');
  });
});

describe('destroying a client', () => {
  it('removes every record of the client, its key and its index entry, keeps the others, and audits the reason', async () => {
    const db = testDb();
    const session = await testVault(db);
    await putSetting(session, 'profile', { roles: ['poh-ggz'], initials: 'CD' });
    const gone = await fullClient(session, 'Weg');
    const kept = await fullClient(session, 'Blijft');
    expect(await rowsOf(session, gone.id)).toBeGreaterThan(4);
    expect(await entryOf(session, gone.id)).toBeDefined();

    await destroyClient(session, gone.id, { reason: 'client-request' });

    expect(await rowsOf(session, gone.id)).toBe(0);
    expect(await db.safetyEvents.get(`sig-${gone.id}`)).toBeUndefined();
    expect(await db.safetyEvents.get(`sig-${kept.id}`)).toBeDefined();
    expect(await rowsOf(session, kept.id)).toBeGreaterThan(4);
    expect(await entryOf(session, gone.id)).toBeUndefined();
    expect(await entryOf(session, kept.id)).toBeDefined();
    expect(await isShredded(db, gone.id)).toBe(true);
    expect(await isShredded(db, kept.id)).toBe(false);
    // A fresh session finds the stored index without the entry (written in the destroy's transaction).
    const other = await unlock(testDb(undefined, db.name), TEST_PASSPHRASE);
    expect(await entryOf(other, gone.id)).toBeUndefined();
    await auditSettled(db);
    const events = await readAuditEvents(session);
    expect(events.filter((e) => e.recordId === gone.id).at(-1)).toMatchObject({
      action: 'destroy-client-request',
      actor: 'CD',
    });
    // One destroy event, not a 'delete' per row.
    expect(events.filter((e) => e.action === 'delete')).toEqual([]);
  });

  it('crypto-shreds: a copy of a sealed row taken before the destroy no longer opens, in this session or a new one', async () => {
    const db = testDb();
    const session = await testVault(db);
    const client = await createClient(session, { alias: 'Kopie' });
    const note = await createNote(session, client.id, { text: 'geheim' });
    const copies = { client: await db.clients.get(client.id), note: await db.notes.get(note.id) };
    if (!copies.client || !copies.note) throw new Error('no rows');
    // The rows open before the destroy (the key is cached in this session)...
    await expect(session.open('notes', copies.note)).resolves.toMatchObject({ data: { text: 'geheim' } });

    await destroyClient(session, client.id, { reason: 'retention-ended' });

    // ...and not after: the key row is gone and the session forgot the unwrapped key.
    expect(await db.keys.get(`c:${client.id}`)).toBeUndefined();
    const reopen = await unlock(testDb(undefined, db.name), TEST_PASSPHRASE);
    for (const s of [session, reopen]) {
      const results = await Promise.allSettled([s.open('notes', copies.note), s.open('clients', copies.client)]);
      for (const r of results) {
        expect(r.status).toBe('rejected');
        if (r.status === 'rejected') expect(isStorageError(r.reason, 'integrity')).toBe(true);
      }
    }
  });

  it('refuses a later save for the destroyed client (a stale tab): no new key, no row comes back', async () => {
    const db = testDb();
    const session = await testVault(db);
    const client = await createClient(session, { alias: 'Oude tab' });
    await destroyClient(session, client.id, { reason: 'client-request' });
    await expect(createNote(session, client.id, { text: 'te laat' })).rejects.toMatchObject({ code: 'not-found' });
    expect(await rowsOf(session, client.id)).toBe(0);
  });

  it('restore refuses a destroyed client: a backup made before the destroy brings back the others, not it', async () => {
    const db = testDb();
    const session = await testVault(db);
    const gone = await fullClient(session, 'Weg');
    const kept = await fullClient(session, 'Blijft');
    await auditSettled(db);
    const backup = await exportBackup(session);

    await destroyClient(session, gone.id, { reason: 'client-request' });
    const verified = await checkBackupFile(db, backup.blob, TEST_PASSPHRASE, KNOWN);
    expect(verified.kind === 'stream' && verified.refusedClients).toBe(1);
    const restored = await applyRestore(db, verified, Date.now(), { previous: session });

    expect(await rowsOf(restored, gone.id)).toBe(0);
    expect(await db.safetyEvents.get(`sig-${gone.id}`)).toBeUndefined();
    expect(await getClient(restored, gone.id)).toBeUndefined();
    expect((await getClient(restored, kept.id))?.data.alias).toBe('Blijft');
    expect(await rowsOf(restored, kept.id)).toBeGreaterThan(4);
    // The device's list survives the restore, so a second restore (or a pull) still refuses it.
    expect(await isShredded(db, gone.id)).toBe(true);
    expect((await readCaseload(restored, { timeZone: TZ })).entries.map((e) => e.key)).not.toContain(gone.id);
  });

  it('a backup made after the destroy carries the list: restored on a fresh device, it still refuses the client', async () => {
    const db = testDb();
    const session = await testVault(db);
    const gone = await createClient(session, { alias: 'Weg' });
    await destroyClient(session, gone.id, { reason: 'retention-ended' });
    await auditSettled(db);
    const backup = await exportBackup(session);

    const fresh = testDb();
    await testVault(fresh);
    const restored = await applyRestore(fresh, await checkBackupFile(fresh, backup.blob, TEST_PASSPHRASE, KNOWN));
    expect(await isShredded(fresh, gone.id)).toBe(true);
    const { data: _d, ...clear } = gone;
    const outcome = await applyPulled(restored, [
      { table: 'clients', record: { clear, data: { alias: 'Weg' } }, envelopeRev: '1-old' },
    ]);
    expect(outcome).toEqual(['shredded']);
    expect(await fresh.clients.get(gone.id)).toBeUndefined();
  });
});

describe('a destroy and team sync', () => {
  it('applyPulled refuses every record of a destroyed client (and a client row destroyed in the same batch)', async () => {
    const source = await testVault(testDb());
    const target = await testVault(testDb());
    const gone = await fullClient(source, 'Weg');
    const record = await readForSync(source, 'clients', gone.id);
    const notes = await source.db.notes.where('clientId').equals(gone.id).toArray();
    const note = await readForSync(source, 'notes', notes[0]?.id ?? '');
    if (!record || !note) throw new Error('no records');

    await destroyClient(target, gone.id, { reason: 'client-request' });
    const outcomes = await applyPulled(target, [
      { table: 'clients', record, envelopeRev: '1-a' },
      { table: 'notes', record: note, envelopeRev: '1-b' },
    ]);
    expect(outcomes).toEqual(['shredded', 'shredded']);
    expect(await rowsOf(target, gone.id)).toBe(0);

    // Destroyed by an event in the same batch, before the target ever had it: its record is refused too.
    const other = await createClient(source, { alias: 'Ander' });
    const otherRecord = await readForSync(source, 'clients', other.id);
    await destroyClient(source, other.id, { reason: 'retention-ended' });
    const event = await readForSync(source, 'shreddedClients', other.id);
    if (!otherRecord || !event) throw new Error('no records');
    expect(
      await applyPulled(target, [
        { table: 'shreddedClients', record: event, envelopeRev: '1-s' },
        { table: 'clients', record: otherRecord, envelopeRev: '1-c' },
      ]),
    ).toEqual(['applied', 'shredded']);
    expect(await target.db.clients.get(other.id)).toBeUndefined();
  });

  it('a pulled client-shredded event destroys the copy on this device: records, key and index entry', async () => {
    const a = await testVault(testDb());
    const b = await testVault(testDb());
    const client = await fullClient(a, 'Gedeeld');
    // B receives every record of the client, as sync would hand them over.
    const pulled = [];
    for (const table of ['clients', 'screenings', 'decisions', 'followUps', 'notes', 'safetyEvents'] as const) {
      for (const row of await listUnmirrored(a, table)) {
        const record = await readForSync(a, table, row.id);
        if (record) pulled.push({ table, record, envelopeRev: `1-${row.id}` });
      }
    }
    expect(new Set(await applyPulled(b, pulled))).toEqual(new Set(['applied']));
    expect(await rowsOf(b, client.id)).toBeGreaterThan(4);
    expect(await entryOf(b, client.id)).toBeDefined();

    await destroyClient(a, client.id, { reason: 'client-request' });
    const event = await readForSync(a, 'shreddedClients', client.id);
    if (!event) throw new Error('no event');
    expect(event.data).toMatchObject({ kind: 'client-shredded', reason: 'client-request' });
    expect((event.data as { records: string[] }).records).toContain(`clients:${client.id}`);
    expect(await applyPulled(b, [{ table: 'shreddedClients', record: event, envelopeRev: '1-s' }])).toEqual([
      'applied',
    ]);

    expect(await rowsOf(b, client.id)).toBe(0);
    expect(await b.db.safetyEvents.get(`sig-${client.id}`)).toBeUndefined();
    expect(await entryOf(b, client.id)).toBeUndefined();
    expect(await isShredded(b.db, client.id)).toBe(true);
    // Pulled again later (another device's copy of the same records): refused.
    expect(await applyPulled(b, pulled.slice(0, 1))).toEqual(['shredded']);
    await auditSettled(b.db);
    expect((await readAuditEvents(b)).at(-1)).toMatchObject({ action: 'destroy-synced', recordId: client.id });
  });

  it('refuses a client-shredded event of another shape (it would delete what it names)', async () => {
    const b = await testVault(testDb());
    const client = await createClient(b, { alias: 'Blijft' });
    const now = Date.now();
    const forged = {
      clear: { id: client.id, rev: 1, createdAt: now, updatedAt: now },
      data: { kind: 'client-shredded', reason: 'because', by: 'X', at: new Date(now).toISOString(), records: [] },
    };
    expect(await applyPulled(b, [{ table: 'shreddedClients', record: forged, envelopeRev: '1-f' }])).toEqual([
      'invalid',
    ]);
    expect((await getClient(b, client.id))?.data.alias).toBe('Blijft');
  });
});
