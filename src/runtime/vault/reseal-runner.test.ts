// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  createDatabase,
  hasLegacySignalIds,
  legacySignalIdFor,
  listOpenSignals,
  readResealState,
  recordSafetySignal,
  signalIdFor,
} from '../../db';
import { legacyVault, seedFixture, TEST_PASSPHRASE, uniqueDbName } from '../../db/testing/fixture-db';
import { resealAfterUnlock, useResealStatus } from './reseal-runner';
import { VaultRuntime } from './vault-runtime';

type Grant = () => Promise<void>;

const SIGNAL = {
  kind: 'signal' as const,
  pathwayId: 'postpartum' as const,
  signal: { id: 'epds.item-10', kind: 'red-flag' as const, level: 'urgent' as const, label: { nl: 'x', en: 'x' } },
  draftId: 'draft-1',
  at: '2026-03-03T09:00:00.000Z',
};

/** A stand-in for navigator.locks that records which lock was asked for. */
function recordingLocks() {
  const names: string[] = [];
  return {
    names,
    locks: {
      request: (async (name: string, callback: Grant) => {
        names.push(name);
        return callback();
      }) as unknown as LockManager['request'],
    },
  };
}

describe('the re-sealing migration after unlock (R40)', () => {
  it('runs under the Web Lock, tells the other tabs to lock first, and reports its progress to the end', async () => {
    const name = uniqueDbName('runner');
    const old = createDatabase({ name });
    await seedFixture(await legacyVault(old), 5);
    old.close();

    const db = createDatabase({ name });
    const runtime = new VaultRuntime(db);
    const session = await runtime.unlock(TEST_PASSPHRASE);
    await runtime.resealing; // the background run the unlock started
    expect(await readResealState(db)).toMatchObject({ state: 'done' });
    expect(useResealStatus.getState()).toMatchObject({ phase: 'done' });
    const { done, total } = useResealStatus.getState();
    expect(done).toBe(total);
    expect(total).toBeGreaterThanOrEqual(50);

    // Nothing left to do: a second run neither locks nor announces.
    const { names, locks } = recordingLocks();
    let announced = 0;
    await resealAfterUnlock(session, { locks, announce: () => announced++ });
    expect([names, announced]).toEqual([[], 0]);
    db.close();
  });

  it('announces to the other tabs only once it holds the lock', async () => {
    const name = uniqueDbName('runner');
    const old = createDatabase({ name });
    await seedFixture(await legacyVault(old), 2);
    old.close();
    const db = createDatabase({ name });
    const { unlock } = await import('../../db');
    const session = await unlock(db, TEST_PASSPHRASE);
    const order: string[] = [];
    await resealAfterUnlock(session, {
      locks: {
        request: (async (lock: string, callback: Grant) => {
          order.push(`lock ${lock}`);
          return callback();
        }) as unknown as LockManager['request'],
      },
      announce: () => order.push('announce'),
    });
    expect(order).toEqual(['lock stapwijzer-reseal', 'announce']);
    expect(await readResealState(db)).toMatchObject({ state: 'done' });
    db.close();
  });

  it('moves safety signals still under their legacy id (rule in clear) to their opaque id, also when nothing needs re-sealing', async () => {
    const name = uniqueDbName('runner');
    const old = createDatabase({ name });
    const legacy = await legacyVault(old);
    await recordSafetySignal(
      legacy,
      { signalId: legacySignalIdFor('draft-1', 'epds.item-10'), clientId: null },
      SIGNAL,
    );
    old.close();

    const db = createDatabase({ name });
    const runtime = new VaultRuntime(db);
    const session = await runtime.unlock(TEST_PASSPHRASE);
    await runtime.resealing;
    expect(await db.safetyEvents.toCollection().primaryKeys()).toEqual([
      await signalIdFor(session, 'draft-1', 'epds.item-10'),
    ]);

    // A vault re-sealed by an earlier build (marker done) that still has a legacy id: the rewrite alone runs.
    await recordSafetySignal(
      session,
      { signalId: legacySignalIdFor('draft-2', 'epds.item-10'), clientId: null },
      {
        ...SIGNAL,
        draftId: 'draft-2',
      },
    );
    expect(await readResealState(db)).toMatchObject({ state: 'done' });
    const { names, locks } = recordingLocks();
    await resealAfterUnlock(session, { locks, announce: () => {} });
    expect(names).toEqual(['stapwijzer-reseal']);
    expect(await hasLegacySignalIds(db)).toBe(false);
    expect((await listOpenSignals(session)).records.map((r) => r.data.draftId).sort()).toEqual(['draft-1', 'draft-2']);
    db.close();
  });
});
