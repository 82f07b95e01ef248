// Envelope signatures (issue 20: "every event is signed by the device key"). A device of a joined team
// signs every envelope it pushes with its ECDSA P-256 device signing key (db/keys/device-key.ts);
// every device verifies on pull, before anything is opened into Dexie, against the signing keys in the
// team's member documents. The signature covers a canonical byte string of what the server stores —
// the envelope id, the key generation, the format version, the ciphertext — and the signer's device id,
// so neither the content nor the author can be changed, and a signed envelope cannot be moved to
// another document. It does not cover the CouchDB revision (a replayed old revision still verifies:
// signatures authenticate author and content, not freshness).
//
// What the server sees in addition: `by`, the signer's device id (already in clear as the member
// document's id), and `sig`. Teams set up by hand (the dev action: no device id, no member documents)
// neither sign nor verify: there is no member list to check a signer against.
//
// Envelopes from before signing (no `sig`): accepted only under a key generation made before signing
// existed (a legacy kid, see isSignedGeneration), and counted as unsigned. Every generation this build
// makes (a new team, a rotation) is marked in its kid, and the kid is bound into the envelope's AAD and
// into the key wrap, so nobody can relabel it: under a marked generation an unsigned envelope is refused.
// After the first removal of a member (a rotation) every envelope is therefore signed.
import { fromBase32 } from '../../db';
import { fromBase64 } from './team-settings';

const FORMAT = 'stapwijzer/envelope-sig/1';
const ECDSA = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGN = { name: 'ECDSA', hash: 'SHA-256' } as const;

/** The fields of a stored envelope that a signature covers, plus the signature itself. */
export interface SignableEnvelope {
  _id: string;
  kid: string;
  v: number;
  payload: string;
}

export interface SignedFields {
  /** The signer's device id (8 base32 characters). */
  by: string;
  /** ECDSA P-256 / SHA-256 signature (IEEE P1363, 64 bytes), base64. */
  sig: string;
}

/** A generation made by a build that signs: `g<n>-s-<random>` (legacy kids have no second dash). */
export function isSignedGeneration(kid: unknown): boolean {
  return typeof kid === 'string' && /^g\d+-s-/.test(kid);
}

function canonical(doc: { _id: unknown; kid?: unknown; v?: unknown; payload?: unknown }, by: string) {
  const text = JSON.stringify([FORMAT, doc._id, doc.kid, doc.v, doc.payload, by]);
  const e = new TextEncoder().encode(text);
  const out = new Uint8Array(new ArrayBuffer(e.length));
  out.set(e);
  return out;
}

function toBase64(buf: Uint8Array): string {
  let s = '';
  for (const b of buf) s += String.fromCharCode(b);
  return btoa(s);
}

export async function signEnvelope<T extends SignableEnvelope>(
  signer: { deviceId: string; signingKey: CryptoKey },
  env: T,
): Promise<T & SignedFields> {
  const sig = new Uint8Array(await crypto.subtle.sign(SIGN, signer.signingKey, canonical(env, signer.deviceId)));
  return { ...env, by: signer.deviceId, sig: toBase64(sig) };
}

/** A member's signing public key (base32 text, as the member document has it), for verifying. */
export async function importSigningKey(text: string): Promise<CryptoKey | null> {
  try {
    const raw = fromBase32(text);
    if (raw.length !== 65 || raw[0] !== 4) return null;
    return await crypto.subtle.importKey('raw', raw, ECDSA, false, ['verify']);
  } catch {
    return null;
  }
}

/** The signers a device trusts: the team's current members that published a signing key. */
export interface Signer {
  initials: string;
  key: CryptoKey;
  /**
   * A removed member (team-docs.ts `x-…`): its signatures count only under generations older than this
   * generation number, the one its removal made.
   */
  until?: number;
}

/** The generation number a kid names (`g<n>-…`), or NaN. */
export function generationOf(kid: unknown): number {
  const m = typeof kid === 'string' ? /^g(\d+)-/.exec(kid) : null;
  return m?.[1] ? Number(m[1]) : Number.NaN;
}
export type Signers = ReadonlyMap<string, Signer>;

export type Verdict =
  | { ok: true; signed: true; by: string }
  /** No signature, under a generation from before signing: accepted, counted as unsigned. */
  | { ok: true; signed: false }
  /**
   * Refused. `bad-signature`: the signature does not verify under the key of the member it names;
   * `not-member`: it names a device that is not a member of the team (or has published no signing key);
   * `unsigned`: no signature under a generation that requires one.
   */
  | { ok: false; reason: 'bad-signature' | 'not-member' | 'unsigned'; by: string | null };

export async function verifyEnvelope(
  doc: { _id: string; kid?: unknown; v?: unknown; payload?: unknown; by?: unknown; sig?: unknown },
  signers: Signers,
): Promise<Verdict> {
  const by = typeof doc.by === 'string' ? doc.by : null;
  if (doc.sig === undefined && by === null) {
    return isSignedGeneration(doc.kid) ? { ok: false, reason: 'unsigned', by: null } : { ok: true, signed: false };
  }
  if (by === null || typeof doc.sig !== 'string') return { ok: false, reason: 'bad-signature', by };
  const signer = signers.get(by);
  if (!signer) return { ok: false, reason: 'not-member', by };
  // A removed member's key signs nothing under the generation its removal made, or any later one.
  if (signer.until !== undefined && !(generationOf(doc.kid) < signer.until)) {
    return { ok: false, reason: 'not-member', by };
  }
  let sig: Uint8Array<ArrayBuffer>;
  try {
    sig = fromBase64(doc.sig);
  } catch {
    return { ok: false, reason: 'bad-signature', by };
  }
  const valid = await crypto.subtle.verify(SIGN, signer.key, sig, canonical(doc, by)).catch(() => false);
  return valid ? { ok: true, signed: true, by } : { ok: false, reason: 'bad-signature', by };
}
