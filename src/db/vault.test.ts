// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { PRODUCTION_KDF, TEST_KDF, TEST_PBKDF2_KDF } from './crypto/kdf';
import { createClient, getClient } from './repositories/clients.repository';
import { TEST_PASSPHRASE, testDb, testVault, uniqueDbName } from './testing/fixture-db';
import { backoffStatus, changePassphrase, createVault, isInitialised, lock, unlock, vaultKdfParams } from './vault';

const T0 = Date.UTC(2025, 4, 1, 9);

describe('vault', () => {
  it('is not initialised until created, and can be created only once', async () => {
    const db = testDb();
    expect(await isInitialised(db)).toBe(false);
    await testVault(db);
    expect(await isInitialised(db)).toBe(true);
    await expect(createVault(db, TEST_PASSPHRASE, TEST_KDF)).rejects.toMatchObject({ code: 'already-initialised' });
  });

  it('refuses a passphrase shorter than 8 characters', async () => {
    await expect(createVault(testDb(), 'kort', TEST_KDF)).rejects.toMatchObject({ code: 'passphrase-too-short' });
  });

  it('unlocks with the right passphrase and reads what was written', async () => {
    const db = testDb();
    const session = await testVault(db);
    const client = await createClient(session, { alias: 'Moeder A' });
    session.lock();
    const again = await unlock(db, TEST_PASSPHRASE);
    expect((await getClient(again, client.id))?.data.alias).toBe('Moeder A');
  });

  it("rejects a wrong passphrase with 'wrong-passphrase' and reveals nothing", async () => {
    const db = testDb();
    await testVault(db);
    await expect(unlock(db, 'verkeerde zin', { now: T0 })).rejects.toMatchObject({ code: 'wrong-passphrase' });
  });

  it("lock drops the key: reads and writes then fail with 'locked'", async () => {
    const db = testDb();
    const session = await testVault(db);
    const client = await createClient(session, { alias: 'x' });
    lock(session);
    expect(session.locked).toBe(true);
    await expect(getClient(session, client.id)).rejects.toMatchObject({ code: 'locked' });
    await expect(createClient(session, { alias: 'y' })).rejects.toMatchObject({ code: 'locked' });
  });

  it('changing the passphrase re-wraps the key only: record ciphertexts are byte-identical', async () => {
    const db = testDb();
    const session = await testVault(db);
    const client = await createClient(session, { alias: 'Vader B' });
    const before = await db.clients.get(client.id);
    const wrappedBefore = await db.meta.get('vault');
    await changePassphrase(db, TEST_PASSPHRASE, 'een nieuwe lange zin', { now: T0 });
    const after = await db.clients.get(client.id);
    expect(after?.ct).toEqual(before?.ct);
    expect(after?.iv).toEqual(before?.iv);
    expect(await db.meta.get('vault')).not.toEqual(wrappedBefore);
    await expect(unlock(db, TEST_PASSPHRASE, { now: T0 })).rejects.toMatchObject({ code: 'wrong-passphrase' });
    const renewed = await unlock(db, 'een nieuwe lange zin', { now: T0 + 2000 });
    expect((await getClient(renewed, client.id))?.data.alias).toBe('Vader B');
  });

  it('R20: stores the KDF parameters with the wrapped key and can raise them on passphrase change', async () => {
    const db = testDb();
    await testVault(db);
    const vault = await db.meta.get('vault');
    expect(vault).toMatchObject({ kdf: { ...TEST_KDF } });
    expect(vault?.key === 'vault' && vault.kdf.salt.length).toBe(16);
    await changePassphrase(db, TEST_PASSPHRASE, TEST_PASSPHRASE, { kdf: { ...TEST_KDF, iterations: 2 } });
    expect((await vaultKdfParams(db)).iterations).toBe(2);
  });

  it('R39: a v1 vault wrapped with PBKDF2 opens and is re-wrapped with Argon2id at that unlock', async () => {
    const db = testDb();
    const created = await createVault(db, TEST_PASSPHRASE, TEST_PBKDF2_KDF);
    const client = await createClient(created, { alias: 'Moeder C' });
    created.lock();
    const session = await unlock(db, TEST_PASSPHRASE, { now: T0, rewrapTo: TEST_KDF });
    expect(await vaultKdfParams(db)).toEqual(TEST_KDF);
    expect((await getClient(session, client.id))?.data.alias).toBe('Moeder C');
    session.lock();
    const again = await unlock(db, TEST_PASSPHRASE, { now: T0 });
    expect((await getClient(again, client.id))?.data.alias).toBe('Moeder C');
  });
});

describe('wrong-passphrase backoff (persisted)', () => {
  it('delays 1, 2, 4 s after consecutive failures and survives a reload', async () => {
    const name = uniqueDbName();
    const db = testDb(undefined, name);
    await testVault(db);
    await expect(unlock(db, 'fout fout 1', { now: T0 })).rejects.toMatchObject({
      code: 'wrong-passphrase',
      retryAt: T0 + 1000,
    });
    await expect(unlock(db, TEST_PASSPHRASE, { now: T0 + 500 })).rejects.toMatchObject({
      code: 'backoff',
      retryAt: T0 + 1000,
    });
    await expect(unlock(db, 'fout fout 2', { now: T0 + 1000 })).rejects.toMatchObject({ retryAt: T0 + 3000 });
    db.close();

    const reloaded = testDb(undefined, name); // a new page: only IndexedDB remembers
    expect(await backoffStatus(reloaded)).toMatchObject({ failures: 2, retryAt: T0 + 3000 });
    await expect(unlock(reloaded, TEST_PASSPHRASE, { now: T0 + 2999 })).rejects.toMatchObject({ code: 'backoff' });
    await expect(unlock(reloaded, 'fout fout 3', { now: T0 + 3000 })).rejects.toMatchObject({ retryAt: T0 + 7000 });
    await unlock(reloaded, TEST_PASSPHRASE, { now: T0 + 7000 });
    expect(await backoffStatus(reloaded)).toMatchObject({ failures: 0, retryAt: 0 });
  });
});

describe('wrong-passphrase backoff under a slow key derivation', () => {
  it('counts the wait from the failed guess, so a slow derivation does not swallow the 1 s wait', async () => {
    const db = testDb();
    await createVault(db, TEST_PASSPHRASE, PRODUCTION_KDF); // Argon2id 64 MiB: a few hundred ms here
    const started = Date.now();
    const error: unknown = await unlock(db, 'niet de goede zin').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'wrong-passphrase' });
    const retryAt = (error as { retryAt: number }).retryAt;
    // Counted from the start of the attempt, the wait would end at about started + 1000; counted from the
    // failure it ends 1 s after the derivation (≥ 100 ms even on a fast machine) has finished.
    expect(retryAt - started).toBeGreaterThanOrEqual(1_100);
    expect(retryAt).toBeLessThanOrEqual(Date.now() + 1_000);
  });
});
