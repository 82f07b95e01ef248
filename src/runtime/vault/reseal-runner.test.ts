// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createDatabase, readResealState } from '../../db';
import { legacyVault, seedFixture, TEST_PASSPHRASE, uniqueDbName } from '../../db/testing/fixture-db';
import { resealAfterUnlock, useResealStatus } from './reseal-runner';
import { VaultRuntime } from './vault-runtime';

type Grant = () => Promise<void>;

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
});
