// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createClient } from './repositories/clients.repository';
import { completeScreening, saveDraft } from './repositories/screenings.repository';
import { injectFaults } from './testing/chaos';
import { countRows, testDb, testVault } from './testing/fixture-db';
import { draftData } from './testing/payloads';
import { sampleCompletion } from './testing/sample';

afterEach(() => vi.restoreAllMocks());

async function setup(fault?: Parameters<typeof injectFaults>[1]) {
  const db = testDb();
  let armed = false;
  const chaos = fault ? injectFaults(db, (n, t) => (armed ? fault(n, t) : null)) : null;
  const session = await testVault(db);
  const client = await createClient(session, { alias: 'Moeder C' });
  const draft = await saveDraft(session, {
    clientId: client.id,
    data: draftData({ q1: 2 }),
  });
  const base = chaos?.writes() ?? 0;
  armed = true;
  return { db, session, client, draft, writesSince: () => (chaos?.writes() ?? 0) - base, base };
}

describe('completeScreening', () => {
  it('writes screening, decision and follow-up and deletes the draft together', async () => {
    const { db, session, client, draft } = await setup();
    const done = await completeScreening(session, sampleCompletion(client.id, draft.id));
    expect(await countRows(db)).toMatchObject({ screenings: 1, decisions: 1, followUps: 1, drafts: 0 });
    expect(done.decision.screeningId).toBe(done.screening.id);
  });

  it('R45: the same draft completed twice (two tabs) gives one screening, decision and follow-up', async () => {
    const { db, session, client, draft } = await setup();
    const results = await Promise.allSettled([
      completeScreening(session, sampleCompletion(client.id, draft.id)),
      completeScreening(session, sampleCompletion(client.id, draft.id)),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'already-completed' } });
    expect(await countRows(db)).toMatchObject({ screenings: 1, decisions: 1, followUps: 1, drafts: 0 });
  });

  it('R4: a failure after the first of N puts leaves 0 rows changed', async () => {
    let base = Number.POSITIVE_INFINITY;
    const ctx = await setup((n) => (n === base + 2 ? { kind: 'throw', error: new Error('injected') } : null));
    base = ctx.base;
    const before = await countRows(ctx.db);
    await expect(completeScreening(ctx.session, sampleCompletion(ctx.client.id, ctx.draft.id))).rejects.toThrow();
    expect(ctx.writesSince()).toBe(2); // the first put reached the store, the second failed
    expect(await countRows(ctx.db)).toEqual(before);
    expect(await ctx.db.drafts.get(ctx.draft.id)).toBeDefined();
  });

  it("R5: the complete-screening transaction is created with durability 'strict', draft autosave 'relaxed'", async () => {
    // Spy before the database opens: Dexie binds the native transaction() at open time.
    const spy = vi.spyOn(IDBDatabase.prototype, 'transaction');
    const { session, client, draft } = await setup();
    await completeScreening(session, sampleCompletion(client.id, draft.id));
    await saveDraft(session, { clientId: client.id, data: draftData({}) });
    const calls = spy.mock.calls.map(([stores, mode, options]) => ({ stores: [stores].flat(), mode, options }));
    const complete = calls.find((c) => c.mode === 'readwrite' && c.stores.includes('screenings'));
    const draftSave = calls.find((c) => c.mode === 'readwrite' && c.stores.length === 1 && c.stores[0] === 'drafts');
    expect(complete?.options).toEqual({ durability: 'strict' });
    expect(draftSave?.options).toEqual({ durability: 'relaxed' });
  });

  it('R9: a QuotaExceededError mid-save maps to a quota error and writes nothing', async () => {
    let base = Number.POSITIVE_INFINITY;
    const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    const ctx = await setup((n) => (n === base + 3 ? { kind: 'throw', error: quota } : null));
    base = ctx.base;
    const before = await countRows(ctx.db);
    await expect(completeScreening(ctx.session, sampleCompletion(ctx.client.id, ctx.draft.id))).rejects.toMatchObject({
      name: 'StorageError',
      code: 'quota',
    });
    expect(await countRows(ctx.db)).toEqual(before);
  });
});

describe('R7: lost connection mid-save', () => {
  it('reopens once, retries once, and resolves only with the data committed', async () => {
    let base = Number.POSITIVE_INFINITY;
    const ctx = await setup((n) => (n === base + 1 ? { kind: 'connection-lost' } : null));
    base = ctx.base;
    const done = await completeScreening(ctx.session, sampleCompletion(ctx.client.id, ctx.draft.id));
    expect(ctx.writesSince()).toBe(5); // 1 cut off + 4 in the retry (3 adds, 1 draft delete)
    const fresh = testDb(undefined, ctx.db.name);
    expect(await fresh.screenings.get(done.screening.id)).toBeDefined();
    expect(await countRows(fresh)).toMatchObject({ screenings: 1, decisions: 1, followUps: 1, drafts: 0 });
  });

  it("rejects with 'connection-lost' (never resolves) when the retry is cut off too, and nothing is stored", async () => {
    const ctx = await setup(() => ({ kind: 'connection-lost' }));
    await expect(completeScreening(ctx.session, sampleCompletion(ctx.client.id, ctx.draft.id))).rejects.toMatchObject({
      code: 'connection-lost',
    });
    const fresh = testDb(undefined, ctx.db.name);
    expect(await countRows(fresh)).toMatchObject({ screenings: 0, decisions: 0, followUps: 0, drafts: 1 });
  });
});
