/**
 * Passphrase → key-encryption key (KEK). Owns the KDF choice and its parameters: Argon2id with
 * m = 64 MiB, t = 3, p = 1 (R39, ARCHITECTURE "Keys and passphrases"). One Argon2id guess costs about
 * as much CPU as PBKDF2 600k; the gain is memory-hardness against GPU attackers, while refusing weak
 * passphrases (strength.ts) is what stops a word list. Parameters are stored with the wrapped key;
 * PBKDF2 vaults and backups (v1) still open and are re-wrapped at their next unlock. Tests inject tiny
 * parameters, and one test pins the production values.
 */
import type { Argon2idParams, KdfParams, Pbkdf2Params } from '../types';
import { argon2id } from './argon2';
import { utf8 } from './bytes';

export const PRODUCTION_KDF: Readonly<Argon2idParams> = Object.freeze({
  algorithm: 'Argon2id',
  memoryKiB: 64 * 1024,
  iterations: 3,
  parallelism: 1,
});

/** What v1 wrapped with (R20). Opened, never written for a new vault. */
export const LEGACY_PBKDF2_KDF: Readonly<Pbkdf2Params> = Object.freeze({
  algorithm: 'PBKDF2',
  hash: 'SHA-256',
  iterations: 600_000,
});

/** Fast parameters for unit tests only. Never used by the app. */
export const TEST_KDF: Readonly<Argon2idParams> = Object.freeze({
  algorithm: 'Argon2id',
  memoryKiB: 64,
  iterations: 1,
  parallelism: 1,
});

/** Fast PBKDF2 for tests of the v1 path (open, then re-wrap). */
export const TEST_PBKDF2_KDF: Readonly<Pbkdf2Params> = Object.freeze({
  algorithm: 'PBKDF2',
  hash: 'SHA-256',
  iterations: 1_000,
});

/** Every setting this app has written for a vault or backup; restore refuses any other as altered. */
export const KNOWN_KDFS: readonly KdfParams[] = [PRODUCTION_KDF, LEGACY_PBKDF2_KDF];

export const SALT_BYTES = 16;
export const MIN_PASSPHRASE_LENGTH = 8;

/** Whether a vault wrapped with `stored` should be re-wrapped with `target` at unlock. */
export function needsRewrap(stored: KdfParams, target: KdfParams): boolean {
  return stored.algorithm === 'PBKDF2' && target.algorithm === 'Argon2id';
}

/** Only the parameters (no salt), e.g. to store or compare. */
export function kdfParamsOf(kdf: KdfParams): KdfParams {
  return kdf.algorithm === 'PBKDF2'
    ? { algorithm: 'PBKDF2', hash: kdf.hash, iterations: kdf.iterations }
    : { algorithm: 'Argon2id', memoryKiB: kdf.memoryKiB, iterations: kdf.iterations, parallelism: kdf.parallelism };
}

const KEK_USAGES: KeyUsage[] = ['wrapKey', 'unwrapKey'];

/** Derives a non-extractable AES-KW key that can only wrap and unwrap the data key. */
export async function deriveKek(
  passphrase: string,
  salt: Uint8Array<ArrayBuffer>,
  params: KdfParams,
  onStarted?: () => void,
): Promise<CryptoKey> {
  const secret = utf8(passphrase.normalize('NFC'));
  if (params.algorithm === 'Argon2id') {
    const raw = await argon2id(secret, salt, params, onStarted);
    try {
      return await crypto.subtle.importKey('raw', raw, 'AES-KW', false, KEK_USAGES);
    } finally {
      raw.fill(0);
    }
  }
  onStarted?.();
  const material = await crypto.subtle.importKey('raw', secret, 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: params.hash, iterations: params.iterations, salt },
    material,
    { name: 'AES-KW', length: 256 },
    false,
    KEK_USAGES,
  );
}
