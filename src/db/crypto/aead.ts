/**
 * Record encryption: AES-GCM with a fresh 12-byte IV from crypto.getRandomValues per write (R23)
 * and additional authenticated data binding the table, the record id and every clear field (R22).
 * Swapping ciphertexts between rows, or editing a clear field such as clientId or status, makes
 * the GCM tag fail → 'integrity' for that record only.
 */
import { StorageError } from '../errors';
import type { Sealed } from '../types';
import { copyBytes, fromUtf8, randomBytes, toBytes, utf8 } from './bytes';
import { pad } from './padding';

export const IV_BYTES = 12;
/** v1–v4 rows: the AAD binds every clear field of the row as it was stored then. */
export const AAD_FORMAT_LEGACY = 'stapwijzer/aad/1';
/** Schema v5 rows (clear-fields.ts): id, client id, key id and revision only. */
export const AAD_FORMAT_V2 = 'stapwijzer/aad/2';

export type ClearValue = string | number | null;

/**
 * Canonical AAD: format tag, table name, then the clear fields sorted by name. `iv` and `ct` are
 * skipped so a stored row can be passed as is. Clear fields must be strings, numbers or null.
 */
export function aadFor(table: string, clear: object, format = AAD_FORMAT_LEGACY): Uint8Array<ArrayBuffer> {
  const fields: [string, ClearValue][] = [];
  for (const [k, v] of Object.entries(clear)) {
    if (k === 'iv' || k === 'ct' || v === undefined) continue;
    if (typeof v !== 'string' && typeof v !== 'number' && v !== null) {
      throw new TypeError(`Clear field ${table}.${k} must be a string, number or null`);
    }
    fields.push([k, v]);
  }
  fields.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return utf8(JSON.stringify([format, table, fields]));
}

/** Encrypts JSON; with `padded`, the plaintext is first padded to its size bucket (padding.ts). */
export async function seal(
  key: CryptoKey,
  aad: Uint8Array<ArrayBuffer>,
  payload: unknown,
  options: { padded?: boolean; minBucket?: number } = {},
): Promise<Sealed> {
  const iv = randomBytes(IV_BYTES);
  const plain = utf8(JSON.stringify(payload));
  const ct = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: aad, tagLength: 128 },
    key,
    options.padded ? pad(plain, options.minBucket) : plain,
  );
  return { iv, ct: toBytes(ct) };
}

/** Decrypts and parses (the space padding is ignored by JSON.parse); any failure (tag, IV, JSON) is an integrity error for this record. */
export async function open(key: CryptoKey, aad: Uint8Array<ArrayBuffer>, sealed: Sealed): Promise<unknown> {
  try {
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: copyBytes(sealed.iv), additionalData: aad, tagLength: 128 },
      key,
      copyBytes(sealed.ct),
    );
    return JSON.parse(fromUtf8(plain));
  } catch (e) {
    throw new StorageError('integrity', { cause: e });
  }
}
