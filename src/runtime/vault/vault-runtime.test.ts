// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createDatabase, TEST_KDF } from '../../db';
import { TEST_PASSPHRASE, uniqueDbName } from '../../db/testing/fixture-db';
import { VaultRuntime } from './vault-runtime';

describe('the warm-up when unlocking begins (issue 23)', () => {
  it('runs once, at the first sign of unlocking, and again neither at the next keystroke nor at the unlock', async () => {
    const db = createDatabase({ name: uniqueDbName('warm-up') });
    await new VaultRuntime(db).createVault(TEST_PASSPHRASE, TEST_KDF);
    let warmed = 0;
    const runtime = new VaultRuntime(db, { warmUp: () => warmed++ });
    expect(warmed).toBe(0);
    runtime.prepareUnlock();
    runtime.prepareUnlock();
    expect(warmed).toBe(1);
    await runtime.unlock(TEST_PASSPHRASE);
    expect(warmed).toBe(1);
    expect(runtime.hasSession()).toBe(true);
  });

  it('starts with the unlock itself when nothing announced it (a pasted passphrase and Enter)', async () => {
    const db = createDatabase({ name: uniqueDbName('warm-up') });
    await new VaultRuntime(db).createVault(TEST_PASSPHRASE, TEST_KDF);
    const order: string[] = [];
    const runtime = new VaultRuntime(db, { warmUp: () => order.push('warm-up') });
    const unlocking = runtime.unlock(TEST_PASSPHRASE).then(() => order.push('unlocked'));
    // Before the key derivation has finished: the warm-up runs beside it, not after it.
    expect(order).toEqual(['warm-up']);
    await unlocking;
    expect(order).toEqual(['warm-up', 'unlocked']);
  });

  it('a wrong passphrase still leaves the vault locked (the warm-up loads code, it unlocks nothing)', async () => {
    const db = createDatabase({ name: uniqueDbName('warm-up') });
    await new VaultRuntime(db).createVault(TEST_PASSPHRASE, TEST_KDF);
    let warmed = 0;
    const runtime = new VaultRuntime(db, { warmUp: () => warmed++ });
    await expect(runtime.unlock('not the passphrase at all')).rejects.toMatchObject({ code: 'wrong-passphrase' });
    expect(warmed).toBe(1);
    expect(runtime.hasSession()).toBe(false);
  });
});
