/**
 * This device's key pairs (issue 20): ECDH P-256, to which a colleague wraps the team key when this
 * device joins (or after a rotation), and ECDSA P-256, with which this device signs every envelope it
 * pushes (an ECDH key cannot sign). Both public keys travel in the member document; the private keys
 * never leave the device.
 *
 * Kept in the vault as the key ring keeps client keys: generated once, its JWK sealed under the data
 * key (AES-GCM, AAD binding the row's purpose), stored in `deviceKeys` (schema v11), and imported
 * NON-extractable for the session. The JWK exists in memory only between generation and sealing,
 * and while being imported at unlock. The table is never synced and never in a backup, and a
 * restore empties it: a restored vault gets a new device key and rejoins through a colleague. A row
 * that no longer opens (another vault's data key) is replaced the same way.
 */
import { fromBase32, toBase32 } from '../crypto/base32';
import { toBytes } from '../crypto/bytes';
import type { VaultSession } from '../session';
import type { Sealed } from '../types';

const ROW_ID = 'device';
/** The sealing binding: a settings-table AAD no record can have (no setting has a `purpose`). */
const BINDING = { id: 'device-key', purpose: 'stapwijzer/device-key/1' } as const;
const ALGORITHM = { name: 'ECDH', namedCurve: 'P-256' } as const;
/** The signing pair's row: sealed the same way under its own binding, so neither row opens as the other. */
const SIGNING_ROW_ID = 'signing';
const SIGNING_BINDING = { id: 'device-signing-key', purpose: 'stapwijzer/device-signing-key/1' } as const;
export const SIGNING_ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256' } as const;

export interface DeviceKey {
  /** Short id of this device: base32 of the first 5 bytes of SHA-256(public key), 8 characters. */
  deviceId: string;
  /** Uncompressed P-256 point (65 bytes). */
  publicRaw: Uint8Array<ArrayBuffer>;
  /** The public key as text (base32, 104 characters). Not secret. */
  publicText: string;
  /** Non-extractable, `deriveBits` only. */
  privateKey: CryptoKey;
  /** ECDSA P-256, non-extractable, `sign` only: signs what this device pushes to the team. */
  signingKey: CryptoKey;
  /** The ECDSA public key as text (base32 of the uncompressed point, 104 characters). Not secret. */
  signingPublicText: string;
}

const cache = new WeakMap<VaultSession, Promise<DeviceKey>>();

/** This device's key pair, created on first use. Cached for the session; dropped with it. */
export function deviceKey(session: VaultSession): Promise<DeviceKey> {
  let pending = cache.get(session);
  if (!pending) {
    pending = loadOrCreate(session);
    cache.set(session, pending);
    pending.catch(() => cache.delete(session));
    session.onLock(() => cache.delete(session));
  }
  return pending;
}

/** The device id of a public key (what join and key documents are addressed to). */
export async function deviceIdOf(publicRaw: Uint8Array<ArrayBuffer>): Promise<string> {
  const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', publicRaw));
  return toBase32(hash.subarray(0, 5));
}

/** Parses a public key typed or pasted as base32; throws a TypeError when it is not a P-256 point. */
export async function publicKeyFromText(text: string): Promise<{ raw: Uint8Array<ArrayBuffer>; key: CryptoKey }> {
  const raw = fromBase32(text);
  if (raw.length !== 65 || raw[0] !== 4) throw new TypeError('not a P-256 public key');
  try {
    return { raw, key: await crypto.subtle.importKey('raw', raw, ALGORITHM, true, []) };
  } catch (e) {
    throw new TypeError('not a point on P-256', { cause: e });
  }
}

async function loadOrCreate(session: VaultSession): Promise<DeviceKey> {
  const exchange = await loadOrCreatePair(session, ROW_ID, BINDING, ALGORITHM, ['deriveBits']);
  // Made beside the ECDH pair on first use: a device that joined before signing existed gets one at its
  // next unlock, and the sync engine publishes it in the member document before it pushes anything.
  const signing = await loadOrCreatePair(session, SIGNING_ROW_ID, SIGNING_BINDING, SIGNING_ALGORITHM, ['sign']);
  const publicRaw = exchange.publicRaw;
  return {
    deviceId: await deviceIdOf(publicRaw),
    publicRaw,
    publicText: toBase32(publicRaw),
    privateKey: exchange.privateKey,
    signingKey: signing.privateKey,
    signingPublicText: toBase32(signing.publicRaw),
  };
}

async function loadOrCreatePair(
  session: VaultSession,
  rowId: string,
  binding: { id: string; purpose: string },
  algorithm: typeof ALGORITHM | typeof SIGNING_ALGORITHM,
  usages: KeyUsage[],
): Promise<{ privateKey: CryptoKey; publicRaw: Uint8Array<ArrayBuffer> }> {
  const row = await session.db.deviceKeys.get(rowId);
  if (row) {
    const jwk = await session
      .openManifest('settings', binding, { iv: row.iv, ct: row.wrapped } satisfies Sealed)
      .catch(() => null);
    if (isPrivateJwk(jwk)) return fromJwk(jwk, algorithm, usages);
  }
  const pair = await crypto.subtle.generateKey(algorithm, true, usages);
  const jwk = await crypto.subtle.exportKey('jwk', pair.privateKey);
  if (!isPrivateJwk(jwk)) throw new TypeError('the browser exported no P-256 private key');
  const sealed = await session.sealManifest('settings', binding, jwk);
  await session.db.deviceKeys.put({ id: rowId, iv: sealed.iv, wrapped: sealed.ct });
  return fromJwk(jwk, algorithm, usages);
}

type PrivateJwk = JsonWebKey & { d: string; x: string; y: string };

function isPrivateJwk(x: unknown): x is PrivateJwk {
  if (typeof x !== 'object' || x === null) return false;
  const k = x as Record<string, unknown>;
  return k.kty === 'EC' && k.crv === 'P-256' && ['d', 'x', 'y'].every((f) => typeof k[f] === 'string');
}

async function fromJwk(
  jwk: PrivateJwk,
  algorithm: typeof ALGORITHM | typeof SIGNING_ALGORITHM,
  usages: KeyUsage[],
): Promise<{ privateKey: CryptoKey; publicRaw: Uint8Array<ArrayBuffer> }> {
  // The JWK carries the usages it was made with; imported for exactly those, non-extractable.
  const privateKey = await crypto.subtle.importKey('jwk', { ...jwk, key_ops: usages }, algorithm, false, usages);
  const publicJwk: JsonWebKey = { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y };
  const pub = await crypto.subtle.importKey(
    'jwk',
    publicJwk,
    algorithm,
    true,
    algorithm.name === 'ECDSA' ? ['verify'] : [],
  );
  const publicRaw = toBytes(await crypto.subtle.exportKey('raw', pub));
  return { privateKey, publicRaw };
}
