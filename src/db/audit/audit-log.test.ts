// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { StapwijzerDb } from '../database';
import { createClient, updateClient } from '../repositories/clients.repository';
import { createNote, deleteNote } from '../repositories/notes.repository';
import { completeScreening } from '../repositories/screenings.repository';
import { putSetting } from '../repositories/settings.repository';
import { TEST_PASSPHRASE, testDb, testVault } from '../testing/fixture-db';
import { sampleCompletion } from '../testing/sample';
import type { AuditAction } from '../types';
import { unlock } from '../vault';
import { appendAudit, auditSettled, verifyAuditChain } from './index';

const CANARY = 'CANARY-7F3A';
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const UUID = /^[0-9a-f-]{36}$/;

async function actions(db: StapwijzerDb): Promise<AuditAction[]> {
  await auditSettled(db);
  return (await db.auditLog.toArray()).sort((a, b) => a.seq - b.seq).map((e) => e.action);
}

async function setup() {
  const db = testDb();
  const session = await testVault(db);
  await putSetting(session, 'profile', { roles: ['poh-ggz'], initials: 'TV' });
  return { db, session };
}

describe('R38: audit trail', () => {
  it('create, change and delete of a record each append one event, with the actor, UTC time and record id', async () => {
    const { db, session } = await setup();
    const client = await createClient(session, { alias: CANARY });
    expect(await actions(db)).toEqual(['create']);
    await updateClient(session, client, { alias: `${CANARY} 2` });
    expect(await actions(db)).toEqual(['create', 'change']);
    const note = await createNote(session, client.id, { text: `${CANARY} zegt iets` });
    await deleteNote(session, note);
    expect(await actions(db)).toEqual(['create', 'change', 'create', 'delete']);
    const [first] = (await db.auditLog.toArray()).sort((a, b) => a.seq - b.seq);
    expect(first).toMatchObject({ actor: 'TV', recordId: client.id, seq: 0, prevHash: '0'.repeat(64) });
    expect(first?.ts).toMatch(ISO_UTC);
    expect(first?.id).toMatch(UUID);
  });

  it('a completed screening logs its screening, decision and follow-up once each, after the commit', async () => {
    const { db, session } = await setup();
    const client = await createClient(session, { alias: 'x' });
    await completeScreening(session, sampleCompletion(client.id));
    expect(await actions(db)).toEqual(['create', 'create', 'create', 'create']);
  });

  it('view, each export channel, import and wipe append exactly one event each', async () => {
    const { db } = await setup();
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
    expect(await actions(db)).toEqual(list);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, count: list.length });
  });

  it('unlock succeeded and failed each append one event; a failed unlock carries the last known initials', async () => {
    const { db, session } = await setup();
    session.lock();
    await expect(unlock(db, 'verkeerde wachtzin')).rejects.toMatchObject({ code: 'wrong-passphrase' });
    expect(await actions(db)).toEqual(['unlock-failed']);
    const [failed] = await db.auditLog.toArray();
    expect(failed?.actor).toBe('TV');
    await unlock(db, TEST_PASSPHRASE, { now: Date.now() + 10 * 60_000 });
    expect(await actions(db)).toEqual(['unlock-failed', 'unlock']);
  });

  it('changing any field of any event breaks the chain check', async () => {
    const { db, session } = await setup();
    for (let i = 0; i < 5; i++) await createClient(session, { alias: `c${i}` });
    await auditSettled(db);
    expect(await verifyAuditChain(db, session)).toMatchObject({ ok: true, count: 5, anchored: true });
    for (const field of ['ts', 'actor', 'action', 'recordId'] as const) {
      const [, second] = (await db.auditLog.toArray()).sort((a, b) => a.seq - b.seq);
      if (!second) throw new Error('missing');
      const original = { ...second };
      await db.auditLog.put({ ...second, [field]: field === 'action' ? 'view' : 'X' });
      expect(await verifyAuditChain(db, session)).toMatchObject({ ok: false, at: 1 });
      await db.auditLog.put(original);
    }
    expect((await verifyAuditChain(db, session)).ok).toBe(true);
  });

  it('removing an event in the middle, reordering, or cutting the end (tip rewritten) breaks the check', async () => {
    const { db, session } = await setup();
    for (let i = 0; i < 5; i++) await createClient(session, { alias: `c${i}` });
    await auditSettled(db);
    const events = (await db.auditLog.toArray()).sort((a, b) => a.seq - b.seq);
    const [e0, e1, e2, , e4] = events;
    if (!e0 || !e1 || !e2 || !e4) throw new Error('missing');

    await db.auditLog.delete(e2.id);
    expect(await verifyAuditChain(db, session)).toMatchObject({ ok: false, problem: 'sequence' });
    await db.auditLog.put(e2);

    await db.auditLog.bulkPut([
      { ...e1, seq: 2 },
      { ...e2, seq: 1 },
    ]);
    expect((await verifyAuditChain(db, session)).ok).toBe(false);
    await db.auditLog.bulkPut([e1, e2]);
    expect((await verifyAuditChain(db, session)).ok).toBe(true);

    // Truncation at the end with the clear tip made consistent: only the encrypted anchor sees it.
    await db.auditLog.delete(e4.id);
    await db.meta.put({ key: 'auditTip', count: 4, hash: events[3]?.hash ?? '' });
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
    expect(await verifyAuditChain(db, session)).toMatchObject({ ok: false, problem: 'anchor' });
  });

  it('a rewritten, re-hashed chain is caught by the encrypted anchor', async () => {
    const { db, session } = await setup();
    for (let i = 0; i < 3; i++) await createClient(session, { alias: `c${i}` });
    await auditSettled(db);
    const { hashEvent } = await import('./audit-hash');
    const events = (await db.auditLog.toArray()).sort((a, b) => a.seq - b.seq);
    let prevHash = '0'.repeat(64);
    for (const e of events) {
      const { hash: _old, ...rest } = { ...e, actor: 'ZZ', prevHash };
      const hash = await hashEvent(rest);
      await db.auditLog.put({ ...rest, hash });
      prevHash = hash;
    }
    await db.meta.put({ key: 'auditTip', count: events.length, hash: prevHash });
    expect(await verifyAuditChain(db, session)).toMatchObject({ ok: false, problem: 'anchor' });
  });

  it('R37: no audit event contains client data (canary)', async () => {
    const { db, session } = await setup();
    const client = await createClient(session, { alias: CANARY, code: CANARY });
    await createNote(session, client.id, { text: `note ${CANARY}` });
    await completeScreening(session, sampleCompletion(client.id));
    await appendAudit(db, [{ action: 'view', recordId: client.id }]);
    await auditSettled(db);
    const dump = JSON.stringify([await db.auditLog.toArray(), await db.meta.toArray()], (_k, v: unknown) =>
      v instanceof Uint8Array ? Buffer.from(v).toString('latin1') : v,
    );
    expect(dump).not.toContain('CANARY');
  });
});
