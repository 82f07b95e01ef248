/**
 * Per-database audit context: the unlocked session (to read the profile initials and to anchor the
 * chain head in the encrypted settings) and the actor's initials. Kept beside the database handle,
 * not in the session, so appends also work while locked (failed unlock, wipe).
 */
import type { StapwijzerDb } from '../database';
import type { VaultSession } from '../session';

interface AuditContext {
  session: VaultSession | null;
  initials: string | null;
}

const contexts = new WeakMap<StapwijzerDb, AuditContext>();

export function auditContext(db: StapwijzerDb): AuditContext {
  let ctx = contexts.get(db);
  if (!ctx) {
    ctx = { session: null, initials: null };
    contexts.set(db, ctx);
  }
  return ctx;
}

/** Initials are a label, not free text: trimmed, at most 6 characters, no control characters. */
export function cleanInitials(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value
    .replace(/[^\p{L}\p{N}.\- ]/gu, '')
    .trim()
    .slice(0, 6);
  return trimmed === '' ? null : trimmed;
}

/** Reads `initials` out of a decrypted profile setting without trusting its shape. */
export function initialsFromProfile(data: unknown): string | null {
  if (typeof data !== 'object' || data === null || !('initials' in data)) return null;
  return cleanInitials((data as { initials: unknown }).initials);
}
