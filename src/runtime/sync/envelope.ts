// The envelope: the only shape a synced record has outside this device. The server (and any device
// without the team key) sees `{_id, _rev, kid, v, payload}`: an HMAC-derived id, the revision, the
// team-key generation and AES-GCM ciphertext of the padded JSON `{table, record}`. The AAD binds the
// id and the generation, so an envelope copied under another id, or relabelled, fails to open.
// Plaintext lengths are padded to buckets (R40), so a safety case is not told apart by its size.
import type { SyncedTable, SyncRecord } from '../../db';
import { isSyncedTable } from '../../db';
import { AUDIT_DAY_TABLE } from '../../db/team-audit';
import { fromBase64 } from './team-settings';

export const ENVELOPE_VERSION = 1;
const AAD_FORMAT = 'stapwijzer/envelope/1';
const IV_BYTES = 12;

export interface Envelope {
  _id: string;
  _rev?: string;
  kid: string;
  v: number;
  payload: string;
}

/**
 * What an envelope carries: a record of a synced table, or a device's audit events of one day
 * (`teamAudit`: written by that device only, so it never conflicts; see team-audit.repository.ts).
 */
export type EnvelopeTable = SyncedTable | typeof AUDIT_DAY_TABLE;

export function isEnvelopeTable(name: string): name is EnvelopeTable {
  return name === AUDIT_DAY_TABLE || isSyncedTable(name);
}

export interface TeamKeys {
  kid: string;
  /** AES-GCM-256, non-extractable. */
  enc: CryptoKey;
  /** HMAC-SHA-256 for envelope ids, non-extractable. */
  ids: CryptoKey;
}

const encoder = new TextEncoder();
const bytes = (text: string): Uint8Array<ArrayBuffer> => {
  const e = encoder.encode(text);
  const out = new Uint8Array(new ArrayBuffer(e.length));
  out.set(e);
  return out;
};

/** Derives the two working keys from the raw team key (HKDF, one label each). */
export async function teamKeys(rawKeyBase64: string, kid: string): Promise<TeamKeys> {
  const master = await crypto.subtle.importKey('raw', fromBase64(rawKeyBase64), 'HKDF', false, ['deriveKey']);
  const hkdf = (info: string) => ({ name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: bytes(info) });
  const enc = await crypto.subtle.deriveKey(
    hkdf('stapwijzer/sync/enc/1'),
    master,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
  const ids = await crypto.subtle.deriveKey(
    hkdf('stapwijzer/sync/id/1'),
    master,
    { name: 'HMAC', hash: 'SHA-256', length: 256 },
    false,
    ['sign'],
  );
  return { kid, enc, ids };
}

/**
 * Every generation's working keys (issue 20: rotation). Envelopes are sealed under the current
 * generation and opened under the one their `kid` names. The envelope ids stay derived from the
 * FIRST generation: a record keeps its document (and its revision tree, so conflicts still meet)
 * across rotations. A removed member can therefore still tell which document an old record lives
 * in, not what is written there afterwards.
 */
export interface TeamKeyRing {
  current: TeamKeys;
  of(kid: unknown): TeamKeys | undefined;
}

export async function teamKeyRing(generations: readonly { kid: string; key: string }[]): Promise<TeamKeyRing> {
  const first = generations[0];
  if (!first) throw new TypeError('a team needs a key');
  const { ids } = await teamKeys(first.key, first.kid);
  const byKid = new Map<string, TeamKeys>();
  for (const g of generations) byKid.set(g.kid, { ...(await teamKeys(g.key, g.kid)), ids });
  const current = byKid.get(generations[generations.length - 1]?.kid ?? first.kid);
  if (!current) throw new TypeError('a team needs a key');
  return { current, of: (kid) => (typeof kid === 'string' ? byKid.get(kid) : undefined) };
}

/** Envelope ids start with `r`; join (`j-`), member (`m-`) and key (`k-`) documents share the database. */
export function isEnvelopeId(id: string): boolean {
  return id.startsWith('r');
}

const hex = (buf: ArrayBuffer) => [...new Uint8Array(buf)].map((b) => b.toString(16).padStart(2, '0')).join('');

/**
 * The envelope id of a record: the same on every device of the team (so two edits of one plan meet as
 * revisions of one document), and meaningless without the key (a safety event's id names its rule).
 */
export async function envelopeId(keys: TeamKeys, table: EnvelopeTable, id: string): Promise<string> {
  return `r${hex(await crypto.subtle.sign('HMAC', keys.ids, bytes(`${table}:${id}`))).slice(0, 40)}`;
}

/** Bucketed padded length: 512 B doubling up to 64 KiB, then whole 64 KiB steps. */
export function paddedLength(n: number): number {
  let size = 512;
  while (size < n && size < 65_536) size *= 2;
  return size >= n ? size : Math.ceil(n / 65_536) * 65_536;
}

const aad = (id: string, kid: string) => bytes(JSON.stringify([AAD_FORMAT, id, kid, ENVELOPE_VERSION]));

function toBase64(buf: Uint8Array): string {
  let s = '';
  for (let i = 0; i < buf.length; i += 0x8000) s += String.fromCharCode(...buf.subarray(i, i + 0x8000));
  return btoa(s);
}

export async function sealEnvelope(
  keys: TeamKeys,
  id: string,
  table: EnvelopeTable,
  record: SyncRecord,
): Promise<Envelope> {
  const json = JSON.stringify({ table, record });
  const plain = bytes(json.padEnd(paddedLength(encoder.encode(json).length), ' '));
  const iv = crypto.getRandomValues(new Uint8Array(new ArrayBuffer(IV_BYTES)));
  const ct = new Uint8Array(
    await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: aad(id, keys.kid) }, keys.enc, plain),
  );
  const out = new Uint8Array(IV_BYTES + ct.length);
  out.set(iv);
  out.set(ct, IV_BYTES);
  return { _id: id, kid: keys.kid, v: ENVELOPE_VERSION, payload: toBase64(out) };
}

export type OpenResult =
  | { ok: true; table: EnvelopeTable; record: SyncRecord }
  /** `other-key`: sealed under a team-key generation this device does not hold (rotated). */
  | { ok: false; reason: 'other-key' | 'damaged' };

export async function openEnvelope(
  keys: TeamKeys,
  doc: { _id: string; kid?: unknown; v?: unknown; payload?: unknown },
): Promise<OpenResult> {
  if (doc.kid !== keys.kid) return { ok: false, reason: 'other-key' };
  if (doc.v !== ENVELOPE_VERSION || typeof doc.payload !== 'string') return { ok: false, reason: 'damaged' };
  try {
    const all = fromBase64(doc.payload);
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: all.slice(0, IV_BYTES), additionalData: aad(doc._id, keys.kid) },
      keys.enc,
      all.slice(IV_BYTES),
    );
    const parsed: unknown = JSON.parse(new TextDecoder().decode(plain));
    if (typeof parsed !== 'object' || parsed === null || !('table' in parsed) || !('record' in parsed)) {
      return { ok: false, reason: 'damaged' };
    }
    const { table, record } = parsed;
    if (typeof table !== 'string' || !isEnvelopeTable(table) || !isRecord(record)) {
      return { ok: false, reason: 'damaged' };
    }
    return { ok: true, table, record };
  } catch {
    return { ok: false, reason: 'damaged' };
  }
}

function isRecord(x: unknown): x is SyncRecord {
  if (typeof x !== 'object' || x === null || !('clear' in x) || !('data' in x)) return false;
  const clear = x.clear;
  return typeof clear === 'object' && clear !== null && 'id' in clear && typeof clear.id === 'string';
}
