// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { appendAudit, auditSettled, readAuditEvents, verifyAuditChain } from '../audit';
import { clientRecordIds, readLogEntries } from '../audit/log-entries';
import { testDb, testVault } from '../testing/fixture-db';
import { createClient } from './clients.repository';
import { applyPulled, readForSync } from './sync.repository';
import {
  type AuditDayEvent,
  applyPulledAuditDays,
  isTeamEvent,
  listUnmirroredAudit,
  markAuditMirrored,
  mergeDayEvents,
  readTeamAuditEvents,
  toDayEvent,
} from './team-audit.repository';

const event = (id: string, ts: string, over: Partial<AuditDayEvent> = {}): AuditDayEvent => ({
  id,
  seq: 0,
  ts,
  action: 'view',
  recordId: 'client-x',
  actor: 'AB',
  hash: 'a'.repeat(64),
  ...over,
});

describe('team audit: own events out, other devices’ day documents in', () => {
  it('lists own chain events until they are marked, and only events about a record travel', async () => {
    const session = await testVault(testDb());
    const client = await createClient(session, { alias: 'Log-1' });
    await appendAudit(session.db, [{ action: 'view', recordId: client.id }]);
    await auditSettled(session.db);
    const first = await listUnmirroredAudit(session);
    const actions = first.events.map((e) => e.event.action);
    expect(actions).toEqual(expect.arrayContaining(['create', 'view']));
    // The vault's creation leaves device events (no record): listed, but they do not travel.
    const travelling = first.events.filter((e) => isTeamEvent(e.event)).map((e) => e.event.recordId);
    expect(new Set(travelling)).toEqual(new Set([client.id]));
    await markAuditMirrored(
      session,
      first.events.map((e) => e.rowId),
    );
    expect((await listUnmirroredAudit(session)).events).toEqual([]);
    await appendAudit(session.db, [{ action: 'export-print', recordId: client.id }]);
    expect((await listUnmirroredAudit(session)).events.map((e) => e.event.action)).toEqual(['export-print']);
  });

  it('keeps a pulled day append-only: a later version with fewer events loses none; the own chain stays intact', async () => {
    const session = await testVault(testDb());
    const day = (events: AuditDayEvent[]) => ({ device: 'devicea1', day: '2026-12-01', events });
    const e1 = event('e1', '2026-12-01T09:00:00.000Z');
    const e2 = event('e2', '2026-12-01T10:00:00.000Z', { action: 'change' });
    const e3 = event('e3', '2026-12-01T11:00:00.000Z', { action: 'create' });
    expect(await applyPulledAuditDays(session, [{ docId: 'rday1', data: day([e1, e2]) }])).toEqual(['kept']);
    expect(await applyPulledAuditDays(session, [{ docId: 'rday1', data: day([e1]) }])).toEqual(['unchanged']);
    expect(await applyPulledAuditDays(session, [{ docId: 'rday1', data: day([e1, e3]) }])).toEqual(['kept']);
    expect(await applyPulledAuditDays(session, [{ docId: 'rday2', data: { device: 'x', events: 'no' } }])).toEqual([
      'invalid',
    ]);
    const { events, unreadable } = await readTeamAuditEvents(session);
    expect(unreadable).toBe(0);
    expect(events.map((e) => e.id)).toEqual(['e1', 'e2', 'e3']);
    expect(events.every((e) => e.device === 'devicea1')).toBe(true);
    // Kept apart from the own chain: that chain still verifies, and holds none of them.
    expect((await verifyAuditChain(session)).ok).toBe(true);
    expect((await readAuditEvents(session)).map((e) => e.id)).not.toContain('e1');
    // In clear only the envelope id, the key id and rev.
    for (const row of await session.db.teamAudit.toArray()) {
      expect(Object.keys(row).sort()).toEqual(['ct', 'id', 'iv', 'kid', 'rev']);
    }
  });

  it('the log lists own and team events newest first, each with its device; a client’s record ids are found in clear', async () => {
    const session = await testVault(testDb());
    const client = await createClient(session, { alias: 'Log-2' });
    await auditSettled(session.db);
    await applyPulledAuditDays(session, [
      {
        docId: 'rday3',
        data: {
          device: 'devicea1',
          day: '2999-01-01',
          events: [event('t1', '2999-01-01T09:00:00.000Z', { recordId: client.id, actor: 'COL' })],
        },
      },
    ]);
    const { entries, fromTeam } = await readLogEntries(session);
    expect(fromTeam).toBe(1);
    expect(entries[0]).toMatchObject({ id: 't1', actor: 'COL', device: 'other', recordId: client.id });
    expect(entries.some((e) => e.device === 'this' && e.action === 'create' && e.recordId === client.id)).toBe(true);
    expect(await clientRecordIds(session, client.id)).toEqual(new Set([client.id]));
  });

  it('a pulled record is not logged as this device’s user’s act (its author logs it on their device)', async () => {
    const source = await testVault(testDb());
    const target = await testVault(testDb());
    const client = await createClient(source, { alias: 'Van A' });
    const record = await readForSync(source, 'clients', client.id);
    if (!record) throw new Error('no record');
    const before = (await readAuditEvents(target)).length;
    expect(await applyPulled(target, [{ table: 'clients', record, envelopeRev: '1-x' }])).toEqual(['applied']);
    await auditSettled(target.db);
    const after = await readAuditEvents(target);
    expect(after.length).toBe(before);
    expect(after.some((e) => e.recordId === client.id)).toBe(false);
  });

  it('merges by id in time order', () => {
    const a = event('a', '2026-12-01T09:00:00.000Z');
    const b = event('b', '2026-12-01T08:00:00.000Z');
    expect(mergeDayEvents([a], [b, a]).map((e) => e.id)).toEqual(['b', 'a']);
    expect(
      toDayEvent({
        id: 'x',
        seq: 3,
        ts: 't',
        action: 'view',
        recordId: 'r',
        actor: 'A',
        prevHash: 'p',
        hash: 'h',
      }),
    ).toEqual({ id: 'x', seq: 3, ts: 't', action: 'view', recordId: 'r', actor: 'A', hash: 'h' });
  });
});
