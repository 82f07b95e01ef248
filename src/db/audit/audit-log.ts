/**
 * The audit log (R38, NEN 7513-inspired): an append-only hash chain in the clear `auditLog` table.
 * Owns appending (serialised per database handle, optimistic against other tabs through the clear
 * tip row in meta), the actor label, and anchoring the chain head (count + last hash) in the
 * ENCRYPTED settings whenever a session is unlocked, so truncating the end of the log is detected.
 *
 * Record writes are collected inside their Dexie transaction (`trackInTx`) and appended only once
 * that transaction has committed: an aborted write leaves no event, a committed one exactly one.
 */
import Dexie from 'dexie';
import type { StapwijzerDb } from '../database';
import { withReopenRetry } from '../retry';
import type { VaultSession } from '../session';
import type { AuditAction, AuditRow, AuditTipMeta, SettingClear } from '../types';
import { auditContext, cleanInitials, initialsFromProfile } from './audit-context';
import { GENESIS_HASH, hashEvent } from './audit-hash';

export interface AuditEntry {
  action: AuditAction;
  recordId: string | null;
}

export interface AuditHead {
  count: number;
  hash: string;
}

export const AUDIT_HEAD_SETTING = 'auditHead';
export const UNKNOWN_ACTOR = '?';

/** Tables whose record writes are audited: client data. Drafts (autosaved per answer) and settings are not. */
export const AUDITED_TABLES: ReadonlySet<string> = new Set([
  'clients',
  'screenings',
  'decisions',
  'followUps',
  'plans',
  'notes',
  'safetyEvents',
  'followUpEvents',
]);

const queues = new WeakMap<StapwijzerDb, Promise<void>>();

function enqueue(db: StapwijzerDb, job: () => Promise<void>): Promise<void> {
  const next = (queues.get(db) ?? Promise.resolve()).then(job, job);
  // The queue itself never rejects, so one failed append does not block later ones.
  queues.set(
    db,
    next.catch(() => {}),
  );
  return next;
}

/** Resolves when every audit append queued so far on this handle has finished. */
export async function auditSettled(db: StapwijzerDb): Promise<void> {
  await (queues.get(db) ?? Promise.resolve());
}

export async function readTip(db: StapwijzerDb): Promise<AuditHead> {
  const tip = await db.meta.get('auditTip');
  return tip?.key === 'auditTip' ? { count: tip.count, hash: tip.hash } : { count: 0, hash: GENESIS_HASH };
}

async function currentActor(db: StapwijzerDb): Promise<string> {
  const ctx = auditContext(db);
  if (ctx.initials) return ctx.initials;
  const stored = await db.meta.get('auditActor');
  return (stored?.key === 'auditActor' ? cleanInitials(stored.initials) : null) ?? UNKNOWN_ACTOR;
}

class TipMoved extends Error {}

async function appendNow(db: StapwijzerDb, entries: readonly AuditEntry[], now: () => Date): Promise<AuditHead> {
  const actor = await currentActor(db);
  for (let attempt = 0; ; attempt++) {
    const tip = await readTip(db);
    const events: AuditRow[] = [];
    let prevHash = tip.hash;
    for (const [i, entry] of entries.entries()) {
      const base = {
        id: crypto.randomUUID(),
        seq: tip.count + i,
        ts: now().toISOString(),
        action: entry.action,
        recordId: entry.recordId,
        actor,
        prevHash,
      };
      const hash = await hashEvent(base);
      events.push({ ...base, hash });
      prevHash = hash;
    }
    const next: AuditTipMeta = { key: 'auditTip', count: tip.count + events.length, hash: prevHash };
    try {
      // Hashes are computed before the transaction: awaiting crypto.subtle inside it would commit it early.
      await db.transaction('rw', db.auditLog, db.meta, async () => {
        const stored = await readTip(db);
        if (stored.count !== tip.count || stored.hash !== tip.hash) throw new TipMoved();
        await db.auditLog.bulkAdd(events);
        await db.meta.put(next);
      });
      return { count: next.count, hash: next.hash };
    } catch (e) {
      // Another tab appended in between: rebuild on the new tip.
      if (!(e instanceof TipMoved) || attempt >= 10) throw e;
    }
  }
}

/** Writes the chain head into the encrypted settings (R38: detects truncation at the end). */
export async function anchorHead(session: VaultSession, head: AuditHead, now = Date.now()): Promise<void> {
  const { db } = session;
  for (let attempt = 0; attempt < 5; attempt++) {
    const existing = await db.settings.get(AUDIT_HEAD_SETTING);
    const clear: SettingClear = existing
      ? // Since v5 a row's createdAt is sealed; the anchor is rewritten whole, so a fresh one is fine.
        {
          id: AUDIT_HEAD_SETTING,
          rev: existing.rev + 1,
          createdAt: 'createdAt' in existing ? existing.createdAt : now,
          updatedAt: now,
        }
      : { id: AUDIT_HEAD_SETTING, rev: 1, createdAt: now, updatedAt: now };
    const row = await session.seal('settings', clear, head);
    const written = await db.transaction('rw', db.settings, async () => {
      const current = await db.settings.get(AUDIT_HEAD_SETTING);
      if ((current?.rev ?? 0) !== (existing?.rev ?? 0)) return false;
      await db.settings.put(row);
      return true;
    });
    if (written) return;
  }
}

/** Reads the anchored head; null when none was anchored yet. */
export async function readAnchoredHead(session: VaultSession): Promise<AuditHead | null> {
  const row = await session.db.settings.get(AUDIT_HEAD_SETTING);
  if (!row) return null;
  const { data } = await session.open<SettingClear, unknown>('settings', row);
  if (typeof data !== 'object' || data === null) return null;
  const { count, hash } = data as Partial<AuditHead>;
  return typeof count === 'number' && typeof hash === 'string' ? { count, hash } : null;
}

export interface AppendOptions {
  now?: () => Date;
}

/**
 * Appends events (one per entry) to the chain, then anchors the head when a session is unlocked.
 * Serialised per database handle. Rejects if the append fails; callers that must not fail (unlock)
 * use `appendAuditQuietly`.
 */
export function appendAudit(
  db: StapwijzerDb,
  entries: readonly AuditEntry[],
  options: AppendOptions = {},
): Promise<void> {
  if (entries.length === 0) return auditSettled(db);
  const now = options.now ?? (() => new Date());
  return enqueue(db, async () => {
    const head = await withReopenRetry(db, () => appendNow(db, entries, now));
    const session = auditContext(db).session;
    if (session && !session.locked) await anchorHead(session, head);
  });
}

/** Appends without ever rejecting: auditing must not break unlocking or saving. Logs no data. */
export async function appendAuditQuietly(db: StapwijzerDb, entries: readonly AuditEntry[]): Promise<void> {
  try {
    await appendAudit(db, entries);
  } catch (e) {
    reportAuditFailure(e);
  }
}

/** Reports a failed append by error name only: no record data in the console (R37). */
function reportAuditFailure(e: unknown): void {
  console.error('Stapwijzer: audit event could not be written', e instanceof Error ? e.name : 'error');
}

/**
 * Inside a Dexie transaction: note that a record of `table` was created, changed or deleted. The
 * event is appended after the transaction commits (and dropped if it aborts); one batch per
 * transaction, so a completed screening logs its screening, decision and follow-up together.
 */
export function trackInTx(table: string, action: 'create' | 'change' | 'delete', recordId: string): void {
  if (!AUDITED_TABLES.has(table)) return;
  const tx = Dexie.currentTransaction;
  if (!tx) return;
  let batch = pendingByTx.get(tx);
  if (!batch) {
    const entries: AuditEntry[] = [];
    batch = entries;
    pendingByTx.set(tx, entries);
    const db = tx.db as StapwijzerDb;
    const committed = new Promise<boolean>((resolve) => {
      tx.on('complete', () => resolve(true));
      tx.on('error', () => resolve(false));
    });
    // Outside the transaction's zone: the append runs in its own transaction after this one committed.
    Dexie.ignoreTransaction(() =>
      enqueue(db, async () => {
        if (!(await committed)) return;
        const now = () => new Date();
        const head = await withReopenRetry(db, () => appendNow(db, entries, now));
        const session = auditContext(db).session;
        if (session && !session.locked) await anchorHead(session, head);
      }).catch(reportAuditFailure),
    );
  }
  batch.push({ action, recordId });
}

const pendingByTx = new WeakMap<object, AuditEntry[]>();

/** Remember the actor's initials for this handle and in clear meta (for a later failed unlock). */
export async function rememberActor(db: StapwijzerDb, initials: string | null): Promise<void> {
  const clean = cleanInitials(initials);
  if (!clean) return;
  auditContext(db).initials = clean;
  await withReopenRetry(db, () => db.meta.put({ key: 'auditActor', initials: clean }));
}

/** Called when a profile setting is written: keeps the actor label in step with the profile. */
export function noteProfileWritten(db: StapwijzerDb, data: unknown): Promise<void> {
  return rememberActor(db, initialsFromProfile(data));
}

/**
 * Registers an unlocked session for auditing: reads the profile initials, anchors from now on, and
 * forgets the session when it locks.
 */
export async function attachAuditSession(session: VaultSession): Promise<void> {
  const { db } = session;
  const ctx = auditContext(db);
  ctx.session = session;
  session.onLock(() => {
    if (ctx.session === session) ctx.session = null;
  });
  const row = await db.settings.get('profile');
  if (row) {
    try {
      const { data } = await session.open<SettingClear, unknown>('settings', row);
      await rememberActor(db, initialsFromProfile(data));
    } catch {
      // A damaged profile leaves the last known initials in place.
    }
  }
}
