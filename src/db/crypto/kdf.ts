/**
 * Passphrase → key-encryption key (KEK). Owns the KDF choice and its parameters: PBKDF2-SHA-256
 * at the OWASP minimum of 600,000 iterations (R20). Parameters are stored with the wrapped key so
 * they can be raised later; tests inject a low iteration count, and one test pins these values.
 */
import type { KdfParams } from '../types';
import { utf8 } from './bytes';

export const PRODUCTION_KDF: Readonly<KdfParams> = Object.freeze({
  algorithm: 'PBKDF2',
  hash: 'SHA-256',
  iterations: 600_000,
});

/** Fast parameters for unit tests only. Never used by the app. */
export const TEST_KDF: Readonly<KdfParams> = Object.freeze({ algorithm: 'PBKDF2', hash: 'SHA-256', iterations: 1_000 });

export const SALT_BYTES = 16;
export const MIN_PASSPHRASE_LENGTH = 8;

/** Derives a non-extractable AES-KW key that can only wrap and unwrap the data key. */
export async function deriveKek(
  passphrase: string,
  salt: Uint8Array<ArrayBuffer>,
  params: KdfParams,
): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', utf8(passphrase.normalize('NFC')), 'PBKDF2', false, [
    'deriveKey',
  ]);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: params.hash, iterations: params.iterations, salt },
    material,
    { name: 'AES-KW', length: 256 },
    false,
    ['wrapKey', 'unwrapKey'],
  );
}
