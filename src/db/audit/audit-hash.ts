/**
 * The audit chain's hash: SHA-256 (WebCrypto) over a canonical, fixed-order encoding of every field
 * of the event except the hash itself, prevHash included — so changing, reordering or removing any
 * event breaks every later link.
 */
import { utf8 } from '../crypto/bytes';
import type { AuditRow } from '../types';

export const GENESIS_HASH = '0'.repeat(64);
const FORMAT = 'stapwijzer/audit/1';

/** `prior` (an import's replaced chain, schema v8) is appended only when present: older events hash as before. */
export function canonicalEvent(event: Omit<AuditRow, 'hash'>): string {
  const { seq, id, ts, actor, action, recordId, prevHash, prior } = event;
  const fields: unknown[] = [FORMAT, seq, id, ts, actor, action, recordId, prevHash];
  if (prior) fields.push([prior.count, prior.hash]);
  return JSON.stringify(fields);
}

export async function sha256Hex(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', utf8(text)));
  let out = '';
  for (const byte of digest) out += byte.toString(16).padStart(2, '0');
  return out;
}

export async function hashEvent(event: Omit<AuditRow, 'hash'>): Promise<string> {
  return sha256Hex(canonicalEvent(event));
}
