// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { CLEAR_FIELDS, UNSEALED_TABLE_FIELDS } from '../clear-fields';
import { createClient, updateClient } from '../repositories/clients.repository';
import { createNote, deleteNote } from '../repositories/notes.repository';
import { completeScreening } from '../repositories/screenings.repository';
import { putSetting } from '../repositories/settings.repository';
import type { VaultSession } from '../session';
import { TEST_PASSPHRASE, testDb, testVault } from '../testing/fixture-db';
import { sampleCompletion } from '../testing/sample';
import type { AuditAction } from '../types';
import { lock, unlock } from '../vault';
import { hashEvent } from './audit-hash';
import { ANCHOR_ID, openEvent, sealEvent } from './audit-store';
import { appendAudit, auditSettled, readAuditEvents, verifyAuditChain } from './index';

const CANARY = 'CANARY-7F3A';
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const UUID = /^[0-9a-f-]{36}$/;
const LATER = () => Date.now() + 10 * 60_000;

async function actions(session: VaultSession): Promise<AuditAction[]> {
  await auditSettled(session.db);
  return (await readAuditEvents(session)).map((e) => e.action);
}

async function setup() {
  const db = testDb();
  const session = await testVault(db);
  await putSetting(session, 'profile', { roles: ['poh-ggz'], initials: 'TV' });
  return { db, session };
}

/** Five clients created: five events on the chain. */
async function withFive() {
  const { db, session } = await setup();
  for (let i = 0; i < 5; i++) await createClient(session, { alias: `c${i}` });
  await auditSettled(db);
  return { db, session };
}

/** The stored event rows in chain order, with their decrypted events. */
async function eventRows(session: VaultSession) {
  const rows = (await session.db.auditChain.toArray()).filter((r) => r.id !== ANCHOR_ID);
  const opened = await Promise.all(rows.map(async (row) => ({ row, event: await openEvent(session, row) })));
  return opened.sort((a, b) => a.event.seq - b.event.seq);
}

describe('R38: audit trail', () => {
  it('create, change and delete of a record each append one event, with the actor, UTC time and record id', async () => {
    const { session } = await setup();
    const client = await createClient(session, { alias: CANARY });
    expect(await actions(session)).toEqual(['create']);
    await updateClient(session, client, { alias: `${CANARY} 2` });
    expect(await actions(session)).toEqual(['create', 'change']);
    const note = await createNote(session, client.id, { text: `${CANARY} zegt iets` });
    await deleteNote(session, note);
    expect(await actions(session)).toEqual(['create', 'change', 'create', 'delete']);
    const [first] = await readAuditEvents(session);
    expect(first).toMatchObject({ actor: 'TV', recordId: client.id, seq: 0, prevHash: '0'.repeat(64) });
    expect(first?.ts).toMatch(ISO_UTC);
    expect(first?.id).toMatch(UUID);
  });

  it('a completed screening logs its screening, decision and follow-up once each, after the commit', async () => {
    const { session } = await setup();
    const client = await createClient(session, { alias: 'x' });
    await completeScreening(session, sampleCompletion(client.id));
    expect(await actions(session)).toEqual(['create', 'create', 'create', 'create']);
  });

  it('view, each export channel, import and wipe append exactly one event each', async () => {
    const { db, session } = await setup();
    const list: AuditAction[] = [
      'view',
      'export-backup',
      'export-print',
      'export-share',
      'export-copy',
      'export-ics',
      'export-fhir',
      'export-csv',
      'import',
      'wipe',
    ];
    for (const action of list) await appendAudit(db, [{ action, recordId: null }]);
    expect(await actions(session)).toEqual(list);
    expect(await verifyAuditChain(session)).toMatchObject({ ok: true, count: list.length, anchored: true });
  });

  it('a failed unlock waits in clear with the last known initials and is sealed into the chain at the next unlock', async () => {
    const { db, session } = await setup();
    lock(session);
    await expect(unlock(db, 'verkeerde wachtzin')).rejects.toMatchObject({ code: 'wrong-passphrase' });
    await auditSettled(db);
    const pending = await db.auditPending.toArray();
    expect(pending.map((p) => [p.action, p.actor, p.n])).toEqual([['unlock-failed', 'TV', 1]]);
    for (const row of pending) expect(Object.keys(row).sort()).toEqual([...UNSEALED_TABLE_FIELDS.auditPending].sort());
    const next = await unlock(db, TEST_PASSPHRASE, { now: LATER() });
    expect(await actions(next)).toEqual(['unlock-failed', 'unlock']);
    expect(await db.auditPending.count()).toBe(0);
    expect(await verifyAuditChain(next)).toMatchObject({ ok: true, count: 2 });
  });

  it('stores events sealed: in clear only a random id and the revision, and no canary anywhere', async () => {
    const { db, session } = await setup();
    const client = await createClient(session, { alias: CANARY, code: CANARY });
    await createNote(session, client.id, { text: `note ${CANARY}` });
    await completeScreening(session, sampleCompletion(client.id));
    await appendAudit(db, [{ action: 'view', recordId: client.id }]);
    await auditSettled(db);
    const rows = await db.auditChain.toArray();
    expect(rows.length).toBe(7); // six events and the anchor
    for (const row of rows)
      expect(Object.keys(row).sort()).toEqual([...CLEAR_FIELDS.auditChain.clear, 'iv', 'ct'].sort());
    const dump = JSON.stringify([rows, await db.auditPending.toArray(), await db.meta.toArray()], (_k, v: unknown) =>
      v instanceof Uint8Array ? Buffer.from(v).toString('latin1') : v,
    );
    expect(dump).not.toContain('CANARY');
    expect(dump).not.toContain(client.id); // the record id is sealed too
  });
});

describe('R42: the audit chain detects tampering', () => {
  it('an untouched chain is intact (so each failure below is the tampering’s doing)', async () => {
    const { session } = await withFive();
    expect(await verifyAuditChain(session)).toEqual({ ok: true, count: 5, anchored: true });
  });

  it('a vault exists, so a deleted anchor is itself tampering — also when the log is then truncated', async () => {
    const { db, session } = await withFive();
    const rows = await eventRows(session);
    await db.auditChain.delete(ANCHOR_ID);
    expect(await verifyAuditChain(session)).toMatchObject({ ok: false, problem: 'anchor' });
    await db.auditChain.bulkDelete(rows.slice(3).map((r) => r.row.id));
    expect(await verifyAuditChain(session)).toMatchObject({ ok: false, problem: 'anchor' });
    // The next append re-anchors on what is left and keeps the break on record.
    await createClient(session, { alias: 'na' });
    await auditSettled(db);
    expect(await verifyAuditChain(session)).toMatchObject({ ok: false, problem: 'anchor', at: 3 });
  });

  it('the log deleted (anchor kept)', async () => {
    const { db, session } = await withFive();
    await db.auditChain.bulkDelete((await eventRows(session)).map((r) => r.row.id));
    expect(await verifyAuditChain(session)).toMatchObject({ ok: false, problem: 'truncated', at: 0 });
  });

  it('the end of the log cut off (anchor kept)', async () => {
    const { db, session } = await withFive();
    const rows = await eventRows(session);
    await db.auditChain.delete(rows[4]?.row.id ?? '');
    expect(await verifyAuditChain(session)).toMatchObject({ ok: false, problem: 'truncated', at: 4 });
  });

  it('forged events appended: bytes that are no seal, or an event sealed under another vault’s key', async () => {
    const { db, session } = await withFive();
    const [last] = (await eventRows(session)).slice(-1);
    if (!last) throw new Error('no events');
    await db.auditChain.add({ ...last.row, id: crypto.randomUUID(), ct: new Uint8Array(last.row.ct.length) });
    expect(await verifyAuditChain(session)).toMatchObject({ ok: false, problem: 'forged' });

    const other = await setup();
    const { db: db2, session: session2 } = await withFive();
    const event = { ...last.event, seq: 5, prevHash: last.event.hash, action: 'view' as const };
    const forged = await sealEvent(other.session, { ...event, hash: await hashEvent(event) });
    expect(await verifyAuditChain(session2)).toMatchObject({ ok: true });
    await db2.auditChain.add(forged);
    expect(await verifyAuditChain(session2)).toMatchObject({ ok: false, problem: 'forged' });
  });

  it('an event changed and re-sealed by someone holding the key breaks the hash', async () => {
    const { db, session } = await withFive();
    const [, second] = await eventRows(session);
    if (!second) throw new Error('no events');
    for (const change of [{ actor: 'ZZ' }, { action: 'view' as const }, { ts: '2020-01-01T00:00:00.000Z' }]) {
      const resealed = await sealEvent(session, { ...second.event, ...change });
      await db.auditChain.delete(second.row.id);
      await db.auditChain.add(resealed);
      expect(await verifyAuditChain(session)).toMatchObject({ ok: false, problem: 'hash', at: 1 });
      await db.auditChain.delete(resealed.id);
      await db.auditChain.add(second.row);
    }
    expect(await verifyAuditChain(session)).toMatchObject({ ok: true });
  });

  it('locked-time events erased before the next unlock', async () => {
    const { db, session } = await withFive();
    lock(session);
    await expect(unlock(db, 'verkeerde wachtzin')).rejects.toMatchObject({ code: 'wrong-passphrase' });
    await expect(unlock(db, 'nog een gok', { now: LATER() })).rejects.toMatchObject({ code: 'wrong-passphrase' });
    await auditSettled(db);
    expect(await db.auditPending.count()).toBe(2);
    await db.auditPending.clear(); // the clear counter in meta still says 2
    const next = await unlock(db, TEST_PASSPHRASE, { now: LATER() + 3_600_000 });
    await auditSettled(db);
    expect(await verifyAuditChain(next)).toMatchObject({ ok: false, problem: 'pending', at: 5 });
  });

  it('locked-time events erased while another session is open are seen by the check too', async () => {
    const { db, session } = await withFive();
    const locked = testDb(undefined, db.name); // a second tab, locked
    await expect(unlock(locked, 'verkeerde wachtzin')).rejects.toMatchObject({ code: 'wrong-passphrase' });
    await auditSettled(locked);
    await db.auditPending.clear();
    expect(await verifyAuditChain(session)).toMatchObject({ ok: false, problem: 'pending' });
  });

  it('hand-to-client mode: the exit check’s own unlock and lock leave anchoring on, so a later cut is seen', async () => {
    const { db, session } = await withFive();
    // Leaving client mode checks the passphrase with a second unlock that is locked at once.
    lock(await unlock(db, TEST_PASSPHRASE));
    await createClient(session, { alias: 'na de cliëntmodus' });
    await auditSettled(db);
    expect(await verifyAuditChain(session)).toEqual({ ok: true, count: 7, anchored: true });
    const [last] = (await eventRows(session)).slice(-1);
    expect(last?.event.action).toBe('create');
    await db.auditChain.delete(last?.row.id ?? '');
    expect(await verifyAuditChain(session)).toMatchObject({ ok: false, problem: 'truncated', at: 6 });
  });
});
