/**
 * Per-database audit context: the unlocked sessions (to seal events under the data key) and the
 * actor's initials. Kept beside the database handle, not in the session, so appends also work while
 * locked (failed unlock, wipe): they then wait in the clear pending table.
 *
 * Sessions form a stack, not one slot: leaving hand-to-client mode checks the passphrase with a
 * second, short-lived unlock that is locked at once. With one slot, that lock forgot the app's own
 * session and the anchor stopped updating for the rest of the day (R42); with a stack, the app's
 * session is active again as soon as the check's session locks.
 */
import type { StapwijzerDb } from '../database';
import type { VaultSession } from '../session';

interface AuditContext {
  sessions: VaultSession[];
  initials: string | null;
}

const contexts = new WeakMap<StapwijzerDb, AuditContext>();

export function auditContext(db: StapwijzerDb): AuditContext {
  let ctx = contexts.get(db);
  if (!ctx) {
    ctx = { sessions: [], initials: null };
    contexts.set(db, ctx);
  }
  return ctx;
}

/** The most recently attached session that is still unlocked, if any. */
export function activeSession(db: StapwijzerDb): VaultSession | null {
  const { sessions } = auditContext(db);
  for (let i = sessions.length - 1; i >= 0; i--) {
    const s = sessions[i];
    if (s && !s.locked) return s;
  }
  return null;
}

/** Remembers `session` until it locks. */
export function pushSession(session: VaultSession): void {
  const ctx = auditContext(session.db);
  ctx.sessions = [...ctx.sessions.filter((s) => s !== session && !s.locked), session];
  session.onLock(() => {
    ctx.sessions = ctx.sessions.filter((s) => s !== session);
  });
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
