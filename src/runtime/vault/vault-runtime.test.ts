// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createDatabase, TEST_KDF, unlock } from '../../db';
import { TEST_PASSPHRASE, uniqueDbName } from '../../db/testing/fixture-db';
import { VaultRuntime } from './vault-runtime';

async function vaultDb() {
  const db = createDatabase({ name: uniqueDbName('warm-up') });
  await new VaultRuntime(db).createVault(TEST_PASSPHRASE, TEST_KDF);
  return db;
}

describe('the warm-up while the key derivation runs (issue 23)', () => {
  it('starts while the first unlock derives its key, before the session exists, and once per page', async () => {
    const db = await vaultDb();
    const seen: boolean[] = [];
    const runtime = new VaultRuntime(db, { warmUp: () => seen.push(runtime.hasSession()) });
    await runtime.unlock(TEST_PASSPHRASE);
    expect(seen).toEqual([false]);
    runtime.lock();
    await runtime.unlock(TEST_PASSPHRASE);
    expect(seen).toEqual([false]);
    expect(runtime.hasSession()).toBe(true);
  });

  it('starts when the lock screen prepares the unlock, before any passphrase, and not again at the unlock', async () => {
    const db = await vaultDb();
    let warmed = 0;
    const runtime = new VaultRuntime(db, { warmUp: () => warmed++ });
    runtime.prepareUnlock();
    expect(warmed).toBe(1);
    expect(runtime.hasSession()).toBe(false);
    runtime.prepareUnlock();
    await runtime.unlock(TEST_PASSPHRASE);
    expect(warmed).toBe(1);
    expect(runtime.hasSession()).toBe(true);
  });

  it('a wrong passphrase still leaves the vault locked (the warm-up loads code, it unlocks nothing)', async () => {
    const db = await vaultDb();
    let warmed = 0;
    const runtime = new VaultRuntime(db, { warmUp: () => warmed++ });
    await expect(runtime.unlock('not the passphrase at all')).rejects.toMatchObject({ code: 'wrong-passphrase' });
    expect(warmed).toBe(1);
    expect(runtime.hasSession()).toBe(false);
  });
});

describe("unlock()'s onDeriving", () => {
  it('is called once the derivation has started, before the unlock resolves; not when the backoff refuses the attempt', async () => {
    const db = await vaultDb();
    const order: string[] = [];
    await unlock(db, TEST_PASSPHRASE, { onDeriving: () => order.push('deriving') });
    order.push('unlocked');
    expect(order).toEqual(['deriving', 'unlocked']);

    const now = Date.now();
    await expect(unlock(db, 'not the passphrase at all', { now })).rejects.toMatchObject({ code: 'wrong-passphrase' });
    let called = 0;
    await expect(unlock(db, TEST_PASSPHRASE, { now, onDeriving: () => called++ })).rejects.toMatchObject({
      code: 'backoff',
    });
    expect(called).toBe(0);
  });
});
