// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { TEST_PASSPHRASE, testDb, testVault } from '../testing/fixture-db';
import { followUpData } from '../testing/payloads';
import { unlock } from '../vault';
import { createClient, getClient, listClients, updateClient } from './clients.repository';
import { completeFollowUp } from './followup-events.repository';
import { createFollowUp, listDueFollowUps } from './followups.repository';
import { createNote, listNotes } from './notes.repository';
import { getSetting, putSetting } from './settings.repository';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('encrypted repositories', () => {
  it('store only clear, non-identifying fields next to the ciphertext (no canary in the row)', async () => {
    const db = testDb();
    const session = await testVault(db);
    const client = await createClient(session, { alias: 'CANARY-7F3A', code: 'X1' });
    await createNote(session, client.id, { text: 'CANARY-7F3A zegt iets' });
    expect(client.id).toMatch(UUID);
    const raw = await db.clients.get(client.id);
    // Schema v5 (clear-fields.ts): status and timestamps are sealed.
    expect(Object.keys(raw ?? {}).sort()).toEqual(['ct', 'id', 'iv', 'kid', 'rev']);
    const dump = JSON.stringify([await db.clients.toArray(), await db.notes.toArray()], (_k, v: unknown) =>
      v instanceof Uint8Array ? Buffer.from(v).toString('latin1') : v,
    );
    expect(dump).not.toContain('CANARY');
    expect((await listNotes(session, client.id)).records[0]?.data.text).toContain('CANARY-7F3A');
  });

  it('R17: a save based on a stale rev is rejected as a conflict (two tabs), never overwriting', async () => {
    const db = testDb();
    const tabA = await testVault(db);
    const tabB = await unlock(testDb(undefined, db.name), TEST_PASSPHRASE);
    const created = await createClient(tabA, { alias: 'Origineel' });
    const loadedB = await getClient(tabB, created.id);
    const savedA = await updateClient(tabA, created, { alias: 'Door A' });
    expect(savedA.rev).toBe(2);
    await expect(updateClient(tabB, loadedB!, { alias: 'Door B' })).rejects.toMatchObject({ code: 'conflict' });
    expect((await getClient(tabA, created.id))?.data.alias).toBe('Door A');
  });

  it('R22: one flipped ciphertext byte fails that record with integrity; the others still read', async () => {
    const db = testDb();
    const session = await testVault(db);
    const a = await createClient(session, { alias: 'A' });
    const b = await createClient(session, { alias: 'B' });
    const row = await db.clients.get(a.id);
    const ct = new Uint8Array(row!.ct);
    ct[3] = (ct[3] ?? 0) ^ 0x01;
    await db.clients.update(a.id, { ct });
    await expect(getClient(session, a.id)).rejects.toMatchObject({ code: 'integrity' });
    const all = await listClients(session);
    expect(all.damaged).toEqual([a.id]);
    expect(all.records.map((r) => r.data.alias)).toEqual(['B']);
    expect((await getClient(session, b.id))?.data.alias).toBe('B');
  });

  it('R22: swapping the ciphertexts of two records is detected through the AAD', async () => {
    const db = testDb();
    const session = await testVault(db);
    const a = await createClient(session, { alias: 'A' });
    const b = await createClient(session, { alias: 'B' });
    const [ra, rb] = [await db.clients.get(a.id), await db.clients.get(b.id)];
    await db.clients.update(a.id, { iv: rb!.iv, ct: rb!.ct });
    await db.clients.update(b.id, { iv: ra!.iv, ct: ra!.ct });
    expect((await listClients(session)).damaged.sort()).toEqual([a.id, b.id].sort());
  });

  it('R22: editing a clear field (e.g. moving a follow-up to another client) is detected', async () => {
    const db = testDb();
    const session = await testVault(db);
    const f = await createFollowUp(
      session,
      { clientId: 'c1', pathwayId: 'postpartum', dueDate: '2025-05-01' },
      followUpData('r'),
    );
    await db.followUps.update(f.id, { clientId: 'c2' });
    expect((await listDueFollowUps(session, '2025-12-31')).damaged).toEqual([f.id]);
  });

  it('lists open follow-ups due on or before a date through the [status+dueDate] index', async () => {
    const db = testDb();
    const session = await testVault(db);
    const mk = (dueDate: string) =>
      createFollowUp(session, { clientId: 'c', pathwayId: 'postpartum', dueDate }, followUpData(dueDate));
    const early = await mk('2025-04-30');
    await mk('2025-05-01');
    await mk('2025-05-02');
    await completeFollowUp(session, early);
    const due = await listDueFollowUps(session, '2025-05-01');
    expect(due.records.map((r) => r.dueDate)).toEqual(['2025-05-01']);
  });

  it('settings are encrypted, created once and updated with a rev check', async () => {
    const session = await testVault(testDb());
    const created = await putSetting(session, 'idleLockMinutes', 5);
    const updated = await putSetting(session, 'idleLockMinutes', 10, created);
    expect(updated.rev).toBe(2);
    expect((await getSetting(session, 'idleLockMinutes'))?.data).toBe(10);
    await expect(putSetting(session, 'idleLockMinutes', 3, created)).rejects.toMatchObject({ code: 'conflict' });
  });
});

describe('decrypted payloads are validated at the repository boundary', () => {
  it('a row that decrypts but has another shape is reported as damaged; the other rows still read', async () => {
    const db = testDb();
    const session = await testVault(db);
    const good = await createClient(session, { alias: 'Goed' });
    // Sealed with the real key, so the GCM tag is valid: only the payload's shape is wrong.
    const clear = { id: crypto.randomUUID(), rev: 1, createdAt: 1, updatedAt: 1, status: 'active' as const };
    await db.clients.add(await session.seal('clients', clear, { name: 'geen alias-veld' }));
    const read = await listClients(session);
    expect(read.records.map((r) => r.id)).toEqual([good.id]);
    expect(read.damaged).toEqual([clear.id]);
    await expect(getClient(session, clear.id)).rejects.toMatchObject({ code: 'integrity' });
  });

  it('a payload with a field a newer build added still reads, and keeps that field', async () => {
    const db = testDb();
    const session = await testVault(db);
    const clear = { id: crypto.randomUUID(), rev: 1, createdAt: 1, updatedAt: 1, status: 'active' as const };
    await db.clients.add(await session.seal('clients', clear, { alias: 'Nieuw', addedLater: 3 }));
    expect((await getClient(session, clear.id))?.data).toEqual({ alias: 'Nieuw', addedLater: 3 });
  });
});
