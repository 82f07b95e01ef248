// The crypto of joining a team and of key rotation (issue 20). A device's team keys reach another
// device only wrapped to that device's public key:
//   shared = ECDH(P-256, sender's private device key, recipient's public key)
//   KEK    = HKDF-SHA-256(shared, random salt, info binding both public keys, the team and the kids)
//   each team-key generation → AES-KW under the KEK
// The sender uses its own long-term device key (not an ephemeral one), so the comparison code that
// both people confirm covers both public keys: a key swapped in transit (a typo, a forged QR code, a
// server that rewrites documents) shows a different code on the two screens. AES-KW's integrity
// check makes a tampered or misaddressed bundle fail to unwrap instead of yielding a wrong key.
import { toBase32 } from '../../db';
import { fromBase64 } from './team-settings';

export interface TeamGeneration {
  kid: string;
  /** Raw 32-byte team key, base64 (as the team setting keeps it). */
  key: string;
}

/** Team-key generations wrapped to one device, from one device. Not secret without the recipient's key. */
export interface KeyBundle {
  /** The sender's public key (base32). */
  from: string;
  /** The recipient's public key (base32). */
  to: string;
  salt: string;
  /** Oldest first; the last one is the current generation. */
  keys: { kid: string; wrapped: string }[];
}

export interface OwnDeviceKey {
  publicRaw: Uint8Array<ArrayBuffer>;
  privateKey: CryptoKey;
}

export class JoinCryptoError extends Error {
  override readonly name = 'JoinCryptoError';
}

const ECDH = { name: 'ECDH', namedCurve: 'P-256' } as const;
const encoder = new TextEncoder();

function bytes(text: string): Uint8Array<ArrayBuffer> {
  const e = encoder.encode(text);
  const out = new Uint8Array(new ArrayBuffer(e.length));
  out.set(e);
  return out;
}

function toBase64(buf: Uint8Array): string {
  let s = '';
  for (const b of buf) s += String.fromCharCode(b);
  return btoa(s);
}

/**
 * The 6-digit code both people compare. Ordered (inviter first), so the two roles cannot be
 * confused; any other key on either side gives another code (up to the 1-in-a-million chance).
 */
export async function comparisonCode(inviterPublic: Uint8Array, newcomerPublic: Uint8Array): Promise<string> {
  const label = bytes('stapwijzer/compare/1');
  const input = new Uint8Array(label.length + inviterPublic.length + newcomerPublic.length);
  input.set(label);
  input.set(inviterPublic, label.length);
  input.set(newcomerPublic, label.length + inviterPublic.length);
  const hash = new DataView(await crypto.subtle.digest('SHA-256', input));
  return String(hash.getUint32(0) % 1_000_000).padStart(6, '0');
}

async function kek(
  own: OwnDeviceKey,
  otherRaw: Uint8Array<ArrayBuffer>,
  bundle: { from: string; to: string; salt: Uint8Array<ArrayBuffer>; kids: string[] },
  context: string,
): Promise<CryptoKey> {
  let other: CryptoKey;
  try {
    other = await crypto.subtle.importKey('raw', otherRaw, ECDH, false, []);
  } catch (e) {
    throw new JoinCryptoError('not a P-256 public key', { cause: e });
  }
  const shared = await crypto.subtle.deriveBits({ name: 'ECDH', public: other }, own.privateKey, 256);
  const master = await crypto.subtle.importKey('raw', shared, 'HKDF', false, ['deriveKey']);
  const info = bytes(JSON.stringify(['stapwijzer/team-key-wrap/1', context, bundle.from, bundle.to, bundle.kids]));
  return crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: bundle.salt, info },
    master,
    { name: 'AES-KW', length: 256 },
    false,
    ['wrapKey', 'unwrapKey'],
  );
}

/**
 * Wraps every generation to the recipient. `context` names the team (its id and database), so a
 * bundle cannot be replayed into another team.
 */
export async function wrapTeamKeys(
  own: OwnDeviceKey,
  recipientPublic: Uint8Array<ArrayBuffer>,
  generations: readonly TeamGeneration[],
  context: string,
): Promise<KeyBundle> {
  if (generations.length === 0) throw new TypeError('nothing to wrap');
  const salt = crypto.getRandomValues(new Uint8Array(new ArrayBuffer(16)));
  const from = toBase32(own.publicRaw);
  const to = toBase32(recipientPublic);
  const kids = generations.map((g) => g.kid);
  const wrapping = await kek(own, recipientPublic, { from, to, salt, kids }, context);
  const keys: KeyBundle['keys'] = [];
  for (const g of generations) {
    // Extractable only for this wrap; the raw bytes are already in the (sealed) team setting.
    const teamKey = await crypto.subtle.importKey('raw', fromBase64(g.key), 'AES-GCM', true, ['encrypt']);
    const wrapped = new Uint8Array(await crypto.subtle.wrapKey('raw', teamKey, wrapping, 'AES-KW'));
    keys.push({ kid: g.kid, wrapped: toBase64(wrapped) });
  }
  return { from, to, salt: toBase64(salt), keys };
}

/** Unwraps a bundle addressed to this device; throws JoinCryptoError when it is tampered or not for it. */
export async function unwrapTeamKeys(
  own: OwnDeviceKey,
  senderPublic: Uint8Array<ArrayBuffer>,
  bundle: KeyBundle,
  context: string,
): Promise<TeamGeneration[]> {
  if (bundle.to !== toBase32(own.publicRaw)) throw new JoinCryptoError('addressed to another device');
  if (bundle.from !== toBase32(senderPublic)) throw new JoinCryptoError('from another sender');
  let salt: Uint8Array<ArrayBuffer>;
  try {
    salt = fromBase64(bundle.salt);
  } catch (e) {
    throw new JoinCryptoError('damaged', { cause: e });
  }
  const kids = bundle.keys.map((k) => k.kid);
  const wrapping = await kek(own, senderPublic, { from: bundle.from, to: bundle.to, salt, kids }, context);
  const out: TeamGeneration[] = [];
  for (const k of bundle.keys) {
    try {
      const key = await crypto.subtle.unwrapKey('raw', fromBase64(k.wrapped), wrapping, 'AES-KW', 'AES-GCM', true, [
        'encrypt',
      ]);
      out.push({ kid: k.kid, key: toBase64(new Uint8Array(await crypto.subtle.exportKey('raw', key))) });
    } catch (e) {
      throw new JoinCryptoError('does not unwrap: tampered or not for this device', { cause: e });
    }
  }
  return out;
}
