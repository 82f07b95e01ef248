/**
 * The data key (DEK): a random 256-bit AES-GCM key that encrypts every client record. Owns its
 * generation, wrapping with the passphrase-derived KEK (AES-KW, RFC 3394, whose built-in integrity
 * check makes a wrong passphrase fail cleanly) and unwrapping as NON-extractable, so the raw key
 * never exists in memory outside `createVault` and `changePassphrase`.
 */
import { StorageError } from '../errors';
import { toBytes } from './bytes';

const DEK_ALGORITHM = { name: 'AES-GCM', length: 256 } as const;

/** Extractable only so it can be wrapped once; callers drop it right after wrapping. */
export async function generateWrappableDataKey(): Promise<CryptoKey> {
  return crypto.subtle.generateKey(DEK_ALGORITHM, true, ['encrypt', 'decrypt']);
}

export async function wrapDataKey(dek: CryptoKey, kek: CryptoKey): Promise<Uint8Array<ArrayBuffer>> {
  return toBytes(await crypto.subtle.wrapKey('raw', dek, kek, 'AES-KW'));
}

/** Unwraps the DEK; a wrong KEK fails the AES-KW integrity check → 'wrong-passphrase'. */
export async function unwrapDataKey(
  wrapped: Uint8Array<ArrayBuffer>,
  kek: CryptoKey,
  extractable = false,
): Promise<CryptoKey> {
  try {
    return await crypto.subtle.unwrapKey('raw', wrapped, kek, 'AES-KW', DEK_ALGORITHM, extractable, [
      'encrypt',
      'decrypt',
    ]);
  } catch (e) {
    throw new StorageError('wrong-passphrase', { cause: e });
  }
}
