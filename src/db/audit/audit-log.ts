/**
 * The audit log (R38/R42, NEN 7513-inspired): an append-only hash chain SEALED under the data key
 * (`auditChain`, schema v8), with an anchor row — head (count + last hash), the locked-time counter
 * it absorbed, any tampering found — rewritten in the same transaction as every append. Appends are
 * serialised per database handle and optimistic against other tabs through the anchor's `rev`.
 *
 * Without an unlocked session (a failed unlock) events wait in the clear pending table and the next
 * sealed append absorbs them. Record writes are collected inside their Dexie transaction (`trackInTx`)
 * and appended only once that transaction has committed: an aborted write leaves no event.
 */
import Dexie from 'dexie';
import type { StapwijzerDb } from '../database';
import { withReopenRetry } from '../retry';
import type { VaultSession } from '../session';
import type { AuditAction, AuditPrior, AuditRow, SettingClear } from '../types';
import { activeSession, auditContext, cleanInitials, initialsFromProfile, pushSession } from './audit-context';
import { hashEvent } from './audit-hash';
import { establishAnchor } from './audit-migrate';
import { appendPending, pendingComplete, readPending } from './audit-pending';
import {
  ANCHOR_ID,
  type AuditAnchor,
  advanceAnchor,
  emptyAnchor,
  openAllEvents,
  readAnchor,
  sealAnchor,
  sealEvent,
} from './audit-store';

export interface AuditEntry {
  action: AuditAction;
  recordId: string | null;
  /** Only on the 'import' a restore appends: the chain the restore replaced. */
  prior?: AuditPrior;
}

export interface AuditHead {
  count: number;
  hash: string;
}

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

async function currentActor(db: StapwijzerDb): Promise<string> {
  const ctx = auditContext(db);
  if (ctx.initials) return ctx.initials;
  const stored = await db.meta.get('auditActor');
  return (stored?.key === 'auditActor' ? cleanInitials(stored.initials) : null) ?? UNKNOWN_ACTOR;
}

class AnchorMoved extends Error {}

/** An anchor for a chain whose own anchor was unreadable: continue from the events, and say so. */
async function anchorFromEvents(session: VaultSession): Promise<AuditAnchor> {
  const { events } = await openAllEvents(session);
  const head = advanceAnchor(emptyAnchor(), events, 0);
  return { ...head, broken: { problem: 'anchor', at: events.length } };
}

/**
 * Seals the pending (locked-time) events and `entries` onto the chain and rewrites the anchor, in one
 * transaction. Crypto runs before the transaction: awaiting crypto.subtle inside it would commit it early.
 */
async function appendSealed(
  session: VaultSession,
  entries: readonly AuditEntry[],
  now: () => Date,
): Promise<AuditHead | null> {
  const { db } = session;
  for (let attempt = 0; ; attempt++) {
    const read = await readAnchor(session);
    if (read.state === 'absent') {
      await establishAnchor(session);
      if (attempt >= 10) throw new AnchorMoved();
      continue;
    }
    const base = read.state === 'ok' ? read.anchor : await anchorFromEvents(session);
    const pending = await readPending(db);
    const complete = pendingComplete(pending, base.lockedSeen);
    if (entries.length === 0 && pending.rows.length === 0 && complete && read.state === 'ok') {
      return { count: base.count, hash: base.hash };
    }
    const actor = entries.length > 0 ? await currentActor(db) : UNKNOWN_ACTOR;
    const events: AuditRow[] = [];
    let prevHash = base.hash;
    const drafts = [
      ...pending.rows.map((p) => ({ id: p.id, ts: p.ts, action: p.action, recordId: p.recordId, actor: p.actor })),
      ...entries.map((e) => ({
        id: crypto.randomUUID(),
        ts: now().toISOString(),
        action: e.action,
        recordId: e.recordId,
        actor,
        ...(e.prior ? { prior: e.prior } : {}),
      })),
    ];
    for (const draft of drafts) {
      const event = { ...draft, seq: base.count + events.length, prevHash };
      const hash = await hashEvent(event);
      events.push({ ...event, hash });
      prevHash = hash;
    }
    const lockedSeen = Math.max(base.lockedSeen, pending.counter);
    const next: AuditAnchor = {
      ...advanceAnchor(base, events, lockedSeen),
      broken: base.broken ?? (complete ? null : { problem: 'pending', at: base.count }),
    };
    const rows = await Promise.all(events.map((e) => sealEvent(session, e)));
    const anchorRow = await sealAnchor(session, read.rev + 1, next);
    try {
      await db.transaction('rw', db.auditChain, db.auditPending, async () => {
        const current = await db.auditChain.get(ANCHOR_ID);
        if (current?.rev !== read.rev) throw new AnchorMoved();
        await db.auditChain.bulkAdd(rows);
        await db.auditChain.put(anchorRow);
        await db.auditPending.bulkDelete(pending.rows.map((p) => p.id));
      });
      return { count: next.count, hash: next.hash };
    } catch (e) {
      // Another tab appended in between: rebuild on its anchor.
      if (!(e instanceof AnchorMoved) || attempt >= 10) throw e;
    }
  }
}

/** Appends now (inside the queue): sealed with an unlocked session, else into the pending table. */
async function appendNow(db: StapwijzerDb, entries: readonly AuditEntry[], now: () => Date): Promise<void> {
  const session = activeSession(db);
  if (session) {
    await withReopenRetry(db, () => appendSealed(session, entries, now));
    return;
  }
  const actor = await currentActor(db);
  await withReopenRetry(db, () =>
    appendPending(
      db,
      entries.map((e) => ({ action: e.action, recordId: e.recordId })),
      actor,
      now,
    ),
  );
}

export interface AppendOptions {
  now?: () => Date;
}

/**
 * Appends events (one per entry) to the chain. Serialised per database handle. Rejects if the append
 * fails; callers that must not fail (unlock) use `appendAuditQuietly`.
 */
export function appendAudit(
  db: StapwijzerDb,
  entries: readonly AuditEntry[],
  options: AppendOptions = {},
): Promise<void> {
  if (entries.length === 0) return auditSettled(db);
  const now = options.now ?? (() => new Date());
  return enqueue(db, () => appendNow(db, entries, now));
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
export function trackInTx(table: string, action: AuditAction, recordId: string): void {
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
        await appendNow(db, entries, () => new Date());
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
 * Registers an unlocked session for auditing: reads the profile initials, then (in the queue) makes
 * sure the chain has an anchor — migrating a v1–v7 clear log — and absorbs the locked-time events.
 */
export async function attachAuditSession(session: VaultSession): Promise<void> {
  const { db } = session;
  pushSession(session);
  const row = await db.settings.get('profile');
  if (row) {
    try {
      const { data } = await session.open<SettingClear, unknown>('settings', row);
      await rememberActor(db, initialsFromProfile(data));
    } catch {
      // A damaged profile leaves the last known initials in place.
    }
  }
  await enqueue(db, async () => {
    if (!session.locked) await withReopenRetry(db, () => appendSealed(session, [], () => new Date()));
  }).catch(reportAuditFailure);
}

/** Seals the locked-time events waiting in clear into the chain now (before a backup, say). */
export function sealPendingEvents(session: VaultSession): Promise<void> {
  const { db } = session;
  return enqueue(db, async () => {
    if (!session.locked) await withReopenRetry(db, () => appendSealed(session, [], () => new Date()));
  });
}

/** The head the chain has now, or null when it cannot be read (no anchor, locked). */
export async function readHead(session: VaultSession): Promise<AuditHead | null> {
  if (session.locked) return null;
  const read = await readAnchor(session);
  return read.state === 'ok' ? { count: read.anchor.count, hash: read.anchor.hash } : null;
}
