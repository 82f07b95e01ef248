/**
 * Pack digests: SHA-256 (WebCrypto) over a canonical JSON form — object keys sorted at every
 * level, no whitespace, the top-level `digest` field left out — so the digest does not depend
 * on formatting or key order, and a pack cannot vouch for itself: the loader compares it with
 * the digest compiled into the app (expected-digests.ts).
 */

function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const entries = Object.entries(value)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
}

/** Canonical JSON of a pack without its own `digest` field. */
export function canonicalJson(pack: unknown): string {
  if (pack === null || typeof pack !== 'object' || Array.isArray(pack)) return canonical(pack);
  return canonical(Object.fromEntries(Object.entries(pack).filter(([key]) => key !== 'digest')));
}

/** Lower-case hex SHA-256 of the pack's canonical form. */
export async function packDigest(pack: unknown): Promise<string> {
  const bytes = new TextEncoder().encode(canonicalJson(pack));
  const hash = await globalThis.crypto.subtle.digest('SHA-256', bytes);
  return Array.from(new Uint8Array(hash), (b) => b.toString(16).padStart(2, '0')).join('');
}
