// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { auditSettled } from '../audit';
import { exportBackup } from '../backup/export-backup';
import { applyRestore, checkBackupFile } from '../backup/restore-backup';
import { fromBase32, toBase32 } from '../crypto/base32';
import { KNOWN_KDFS, TEST_KDF } from '../crypto/kdf';
import { TEST_PASSPHRASE, testDb, testVault } from '../testing/fixture-db';
import { unlock } from '../vault';
import { deviceIdOf, deviceKey, publicKeyFromText } from './device-key';

describe('base32', () => {
  it('round-trips bytes and ignores spaces, dashes and case', () => {
    const bytes = crypto.getRandomValues(new Uint8Array(65));
    const text = toBase32(bytes);
    expect(text).toMatch(/^[A-Z2-7]{104}$/);
    expect(fromBase32(text)).toEqual(bytes);
    expect(fromBase32(` ${text.slice(0, 10).toLowerCase()}-${text.slice(10)} `)).toEqual(bytes);
    expect(() => fromBase32('ABC1')).toThrow(TypeError);
  });
});

describe('the device key', () => {
  it('is an ECDH P-256 pair whose private key is non-extractable and whose row holds nothing in clear but id, iv and wrapped', async () => {
    const db = testDb();
    const session = await testVault(db);
    const key = await deviceKey(session);
    expect(key.privateKey.extractable).toBe(false);
    expect(key.privateKey.algorithm).toMatchObject({ name: 'ECDH', namedCurve: 'P-256' });
    await expect(crypto.subtle.exportKey('jwk', key.privateKey)).rejects.toThrow();
    expect(key.publicRaw).toHaveLength(65);
    expect(key.deviceId).toBe(await deviceIdOf(key.publicRaw));
    expect(key.deviceId).toMatch(/^[A-Z2-7]{8}$/);
    // Two rows: the ECDH pair and the ECDSA signing pair, each sealed.
    const rows = await db.deviceKeys.toArray();
    expect(rows.map((r) => r.id).sort()).toEqual(['device', 'signing']);
    for (const row of rows) {
      expect(Object.keys(row).sort()).toEqual(['id', 'iv', 'wrapped']);
      // The JWK's private part is sealed, not stored.
      expect(new TextDecoder().decode(row.wrapped).includes('"d"')).toBe(false);
    }
  });

  it('has an ECDSA P-256 signing key beside it: non-extractable, sign only, its public key verifying what it signs', async () => {
    const session = await testVault(testDb());
    const key = await deviceKey(session);
    expect(key.signingKey.extractable).toBe(false);
    expect(key.signingKey.algorithm).toMatchObject({ name: 'ECDSA', namedCurve: 'P-256' });
    expect(key.signingKey.usages).toEqual(['sign']);
    await expect(crypto.subtle.exportKey('jwk', key.signingKey)).rejects.toThrow();
    expect(key.signingPublicText).toMatch(/^[A-Z2-7]{104}$/);
    expect(key.signingPublicText).not.toBe(key.publicText);
    const data = new TextEncoder().encode('an envelope');
    const sig = await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, key.signingKey, data);
    const pub = await crypto.subtle.importKey(
      'raw',
      fromBase32(key.signingPublicText),
      { name: 'ECDSA', namedCurve: 'P-256' },
      false,
      ['verify'],
    );
    expect(await crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, pub, sig, data)).toBe(true);
  });

  it('is the same key after lock and unlock, and the public text parses back to it', async () => {
    const db = testDb();
    const session = await testVault(db);
    const first = await deviceKey(session);
    session.lock();
    const again = await deviceKey(await unlock(db, TEST_PASSPHRASE));
    expect(again.deviceId).toBe(first.deviceId);
    expect(again.signingPublicText).toBe(first.signingPublicText);
    expect((await publicKeyFromText(again.publicText)).raw).toEqual(first.publicRaw);
  });

  it('is replaced by a new key when its row no longer opens (another vault’s data key, as after a restore)', async () => {
    const db = testDb();
    const session = await testVault(db);
    const first = await deviceKey(session);
    const other = testDb();
    const otherSession = await testVault(other);
    const row = await db.deviceKeys.get('device');
    if (!row) throw new Error('no row');
    await other.deviceKeys.put(row);
    const replaced = await deviceKey(otherSession);
    expect(replaced.deviceId).not.toBe(first.deviceId);
  });

  it('refuses text that is not a P-256 public key', async () => {
    await expect(publicKeyFromText('ABCD')).rejects.toThrow(TypeError);
    const notOnCurve = new Uint8Array(65);
    notOnCurve[0] = 4;
    notOnCurve[1] = 1;
    await expect(publicKeyFromText(toBase32(notOnCurve))).rejects.toThrow(TypeError);
  });

  it('a vault restored from a backup gets a new device key, even restored onto the same device', async () => {
    const db = testDb();
    const session = await testVault(db);
    const before = await deviceKey(session);
    await auditSettled(db);
    const backup = await exportBackup(session);
    const verified = await checkBackupFile(db, backup.blob, TEST_PASSPHRASE, { knownKdfs: [...KNOWN_KDFS, TEST_KDF] });
    const restored = await applyRestore(db, verified, Date.now(), { previous: session });
    expect(await db.deviceKeys.count()).toBe(0);
    const after = await deviceKey(restored);
    expect(after.deviceId).not.toBe(before.deviceId);
  });
});
