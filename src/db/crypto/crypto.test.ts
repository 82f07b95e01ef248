// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { StorageError } from '../errors';
import { aadFor, IV_BYTES, open, seal } from './aead';
import { randomBytes } from './bytes';
import { generateWrappableDataKey, unwrapDataKey, wrapDataKey } from './data-key';
import { deriveKek, LEGACY_PBKDF2_KDF, PRODUCTION_KDF, SALT_BYTES, TEST_KDF, TEST_PBKDF2_KDF } from './kdf';

async function dataKey(): Promise<CryptoKey> {
  return crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

describe('record encryption (AES-GCM)', () => {
  it('round-trips a payload bound to its table and clear fields', async () => {
    const key = await dataKey();
    const aad = aadFor('clients', { id: 'a', rev: 1 });
    const sealed = await seal(key, aad, { alias: 'CANARY-7F3A' });
    expect(sealed.iv).toHaveLength(IV_BYTES);
    expect(await open(key, aad, sealed)).toEqual({ alias: 'CANARY-7F3A' });
  });

  it('R22: fails with integrity when the AAD differs (record swapped to another id or table)', async () => {
    const key = await dataKey();
    const sealed = await seal(key, aadFor('clients', { id: 'a', rev: 1 }), { alias: 'x' });
    await expect(open(key, aadFor('clients', { id: 'b', rev: 1 }), sealed)).rejects.toMatchObject({
      code: 'integrity',
    });
    await expect(open(key, aadFor('notes', { id: 'a', rev: 1 }), sealed)).rejects.toMatchObject({ code: 'integrity' });
  });

  it('builds the same AAD whatever the field order', () => {
    expect(aadFor('t', { b: 1, a: 'x' })).toEqual(aadFor('t', { a: 'x', b: 1 }));
  });

  it('R23: 100,000 encryptions under one key give 0 repeated IVs, each 12 bytes', async () => {
    const key = await dataKey();
    const aad = aadFor('drafts', { id: 'x' });
    const seen = new Set<string>();
    let wrongLength = 0;
    for (let batch = 0; batch < 10; batch++) {
      const sealed = await Promise.all(Array.from({ length: 10_000 }, () => seal(key, aad, 1)));
      for (const s of sealed) {
        if (s.iv.length !== 12) wrongLength++;
        seen.add(Buffer.from(s.iv).toString('hex'));
      }
    }
    expect(wrongLength).toBe(0);
    expect(seen.size).toBe(100_000);
  });
});

describe('data key wrapping', () => {
  it('unwraps as non-extractable with the right passphrase', async () => {
    const salt = randomBytes(SALT_BYTES);
    const kek = await deriveKek('een lange zin', salt, TEST_KDF);
    const wrapped = await wrapDataKey(await generateWrappableDataKey(), kek);
    const dek = await unwrapDataKey(wrapped, kek);
    expect(dek.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('raw', dek)).rejects.toThrow();
  });

  it('rejects a wrong passphrase with a typed error', async () => {
    const salt = randomBytes(SALT_BYTES);
    const wrapped = await wrapDataKey(
      await generateWrappableDataKey(),
      await deriveKek('een lange zin', salt, TEST_KDF),
    );
    const wrong = await deriveKek('een andere zin', salt, TEST_KDF);
    const error = await unwrapDataKey(wrapped, wrong).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect(error).toMatchObject({ code: 'wrong-passphrase' });
  });

  it('R39: production KDF is Argon2id with m = 64 MiB, t = 3, p = 1; v1 vaults open with PBKDF2 600k', () => {
    expect(PRODUCTION_KDF).toEqual({ algorithm: 'Argon2id', memoryKiB: 65_536, iterations: 3, parallelism: 1 });
    expect(LEGACY_PBKDF2_KDF).toEqual({ algorithm: 'PBKDF2', hash: 'SHA-256', iterations: 600_000 });
    expect(SALT_BYTES).toBe(16);
  });

  it('Argon2id is deterministic: same inputs, same KEK; another salt, another KEK', async () => {
    const salt = randomBytes(SALT_BYTES);
    const wrapped = await wrapDataKey(
      await generateWrappableDataKey(),
      await deriveKek('een lange zin', salt, TEST_KDF),
    );
    await expect(unwrapDataKey(wrapped, await deriveKek('een lange zin', salt, TEST_KDF))).resolves.toBeTruthy();
    await expect(
      unwrapDataKey(wrapped, await deriveKek('een lange zin', randomBytes(SALT_BYTES), TEST_KDF)),
    ).rejects.toMatchObject({ code: 'wrong-passphrase' });
  });

  it('PBKDF2 (v1) keys still derive and unwrap', async () => {
    const salt = randomBytes(SALT_BYTES);
    const kek = await deriveKek('een lange zin', salt, TEST_PBKDF2_KDF);
    const wrapped = await wrapDataKey(await generateWrappableDataKey(), kek);
    await expect(unwrapDataKey(wrapped, await deriveKek('een lange zin', salt, TEST_PBKDF2_KDF))).resolves.toBeTruthy();
  });
});
