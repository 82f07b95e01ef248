// @vitest-environment node
/** R46 and CONTENT.md §4: a safety signal is stored once, stays open until an action, and is append-only. */
import { describe, expect, it } from 'vitest';
import * as db from '../index';
import { testDb, testVault } from '../testing/fixture-db';
import {
  linkSignalsToClient,
  listOpenSignals,
  recordSafetyOutcome,
  recordSafetySignal,
  signalIdFor,
} from './safety-events.repository';

const signal = {
  kind: 'signal' as const,
  pathwayId: 'postpartum' as const,
  signal: {
    id: 'epds.item-10',
    kind: 'red-flag' as const,
    level: 'urgent' as const,
    label: { nl: 'Gedachten aan zelfbeschadiging', en: 'Thoughts of self-harm' },
  },
  draftId: 'draft-1',
  at: '2026-03-03T09:00:00.000Z',
};

describe('a safety signal of a mother with thoughts of self-harm', () => {
  it('is stored once, however often the same answer is detected again', async () => {
    const session = await testVault(testDb());
    const signalId = await signalIdFor(session, 'draft-1', 'epds.item-10');
    expect(await recordSafetySignal(session, { signalId, clientId: 'c1' }, signal)).toBe(true);
    expect(await recordSafetySignal(session, { signalId, clientId: 'c1' }, signal)).toBe(false);
    expect((await listOpenSignals(session)).records.map((r) => r.id)).toEqual([signalId]);
  });

  it('stays open until an action is recorded, and the action is a new event beside it (nothing overwritten)', async () => {
    const session = await testVault(testDb());
    const signalId = await signalIdFor(session, 'draft-2', 'epds.item-10');
    await recordSafetySignal(session, { signalId, clientId: null }, { ...signal, draftId: 'draft-2' });
    expect((await listOpenSignals(session)).records).toHaveLength(1);
    await recordSafetyOutcome(session, [{ signalId }], 'c2', {
      kind: 'action',
      action: 'huisarts-informed',
      at: '2026-03-03T09:05:00.000Z',
    });
    expect((await listOpenSignals(session)).records).toHaveLength(0);
    const all = await db.listSafetyEvents(session);
    expect(all.records.map((e) => e.data.kind).sort()).toEqual(['action', 'signal']);
  });

  it('is encrypted at rest: the stored row holds no label text', async () => {
    const session = await testVault(testDb());
    const signalId = await signalIdFor(session, 'draft-3', 'epds.item-10');
    await recordSafetySignal(session, { signalId, clientId: 'c3' }, { ...signal, draftId: 'draft-3' });
    const raw = await session.db.safetyEvents.get(signalId);
    const dump = JSON.stringify(raw, (_k, v: unknown) =>
      v instanceof Uint8Array ? Buffer.from(v).toString('latin1') : v,
    );
    // Schema v5: the client and signal ids are sealed too, and the key is the data key (not the client's).
    expect(Object.keys(raw ?? {}).sort()).toEqual(['ct', 'id', 'iv', 'kid', 'rev']);
    expect(raw && 'kid' in raw ? raw.kid : null).toBe('dek');
    expect(dump).not.toContain('zelfbeschadiging');
  });

  it('the storage layer offers no way to update or delete a safety event', () => {
    const names = Object.keys(db).filter((n) => /safety/i.test(n));
    expect(names.filter((n) => /update|delete|remove|put/i.test(n))).toEqual([]);
  });
});

describe('a signal raised before the client was named (a "Ja" on the start screen)', () => {
  it('is linked to her by a new event: still open, now hers, the signal row itself unchanged', async () => {
    const session = await testVault(testDb());
    const signalId = await signalIdFor(session, 'draft-4', 'epds.item-10');
    await recordSafetySignal(session, { signalId, clientId: null }, { ...signal, draftId: 'draft-4' });
    const before = await session.db.safetyEvents.get(signalId);
    expect(await linkSignalsToClient(session, [signalId], 'c4')).toBe(1);
    expect((await listOpenSignals(session)).records.map((r) => [r.id, r.clientId])).toEqual([[signalId, 'c4']]);
    expect(await session.db.safetyEvents.get(signalId)).toEqual(before);
  });

  it('linking her again writes nothing; a later link to another client wins', async () => {
    const session = await testVault(testDb());
    const signalId = await signalIdFor(session, 'draft-5', 'epds.item-10');
    await recordSafetySignal(session, { signalId, clientId: null }, { ...signal, draftId: 'draft-5' });
    await linkSignalsToClient(session, [signalId], 'c5', 1_000);
    expect(await linkSignalsToClient(session, [signalId], 'c5', 2_000)).toBe(0);
    await linkSignalsToClient(session, [signalId], 'c6', 3_000);
    expect((await listOpenSignals(session)).records[0]?.clientId).toBe('c6');
    expect((await db.listSafetyEvents(session)).records).toHaveLength(3);
  });

  it('an unknown signal id is not linked (nothing is invented)', async () => {
    const session = await testVault(testDb());
    expect(await linkSignalsToClient(session, ['draft-x~epds.item-10'], 'c7')).toBe(0);
    expect((await db.listSafetyEvents(session)).records).toEqual([]);
  });
});
