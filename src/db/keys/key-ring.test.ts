// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { bucketFor, isBucketSize } from '../crypto/padding';
import { createClient, getClient, listClients } from '../repositories/clients.repository';
import { createNote, listNotes } from '../repositories/notes.repository';
import { getSetting, putSetting } from '../repositories/settings.repository';
import { TEST_PASSPHRASE, testDb, testVault } from '../testing/fixture-db';
import { unlock } from '../vault';
import { clientKeyId, DATA_KEY_ID } from './key-ring';

describe('padding buckets', () => {
  it('pads to powers of two from 1 KiB, with a per-table floor', () => {
    expect([0, 1, 1024, 1025, 3000, 5000].map((n) => bucketFor(n))).toEqual([1024, 1024, 1024, 2048, 4096, 8192]);
    expect(bucketFor(800, 2048)).toBe(2048);
    expect([1024, 2048, 65536].every(isBucketSize)).toBe(true);
    expect([0, 512, 1000, 3072].some(isBucketSize)).toBe(false);
  });
});

describe('the key hierarchy below the data key', () => {
  it('seals each client under its own wrapped key, rows without a client under the data key', async () => {
    const db = testDb();
    const session = await testVault(db);
    const a = await createClient(session, { alias: 'A' });
    const b = await createClient(session, { alias: 'B' });
    await createNote(session, a.id, { text: 'notitie' });
    await putSetting(session, 'profile', { initials: 'AB' });
    expect((await db.clients.get(a.id)) ?? {}).toMatchObject({ kid: clientKeyId(a.id) });
    expect((await db.notes.toArray())[0]).toMatchObject({ clientId: a.id, kid: clientKeyId(a.id) });
    expect(await db.settings.get('profile')).toMatchObject({ kid: DATA_KEY_ID });
    expect((await db.keys.toArray()).map((k) => [k.id, k.parent]).sort()).toEqual(
      [
        [clientKeyId(a.id), DATA_KEY_ID],
        [clientKeyId(b.id), DATA_KEY_ID],
      ].sort(),
    );
    // Another session (another tab, after a reload) unwraps the same keys.
    const other = await unlock(testDb(undefined, db.name), TEST_PASSPHRASE);
    expect((await listNotes(other, a.id)).records[0]?.data.text).toBe('notitie');
    expect((await getSetting(other, 'profile'))?.data).toEqual({ initials: 'AB' });
  });

  it('a destroyed client key makes only that client unreadable (integrity), the others still read', async () => {
    const db = testDb();
    const session = await testVault(db);
    const a = await createClient(session, { alias: 'A' });
    const b = await createClient(session, { alias: 'B' });
    await db.keys.delete(clientKeyId(a.id));
    const fresh = await unlock(testDb(undefined, db.name), TEST_PASSPHRASE);
    const list = await listClients(fresh);
    expect(list.damaged).toEqual([a.id]);
    expect(list.records.map((r) => r.id)).toEqual([b.id]);
  });

  it('a row moved to another client key, or a changed clear field, fails its tag', async () => {
    const db = testDb();
    const session = await testVault(db);
    const a = await createClient(session, { alias: 'A' });
    const b = await createClient(session, { alias: 'B' });
    const rowA = await db.clients.get(a.id);
    if (!rowA) throw new Error('no row');
    await db.clients.put({ ...rowA, kid: clientKeyId(b.id) });
    await expect(getClient(session, a.id)).rejects.toMatchObject({ code: 'integrity' });
    await db.clients.put({ ...rowA, rev: 7 });
    await expect(getClient(session, a.id)).rejects.toMatchObject({ code: 'integrity' });
  });

  it('lock drops the cached client keys: nothing opens afterwards', async () => {
    const db = testDb();
    const session = await testVault(db);
    const a = await createClient(session, { alias: 'A' });
    await getClient(session, a.id);
    session.lock();
    await expect(getClient(session, a.id)).rejects.toMatchObject({ code: 'locked' });
  });

  it('seal refuses a field that is on neither list of clear-fields.ts', async () => {
    const session = await testVault(testDb());
    const clear = { id: 'x', rev: 1, createdAt: 1, updatedAt: 1, status: 'active', diagnosis: 'MDD' };
    await expect(session.seal('clients', clear, { alias: 'A' })).rejects.toThrow(/diagnosis/);
  });

  it('the team-key slot: new client keys are wrapped under the team key once one is set', async () => {
    const db = testDb();
    const session = await testVault(db);
    const team = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
    session.setTeamKey('team-1', team);
    const a = await createClient(session, { alias: 'Team' });
    expect(await db.keys.get(clientKeyId(a.id))).toMatchObject({ parent: 'team-1' });
    expect((await getClient(session, a.id))?.data.alias).toBe('Team');
  });
});
