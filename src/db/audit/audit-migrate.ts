/**
 * Gives the sealed chain its anchor when it has none (schema v8), once per vault:
 *
 * - a v1–v7 vault: its clear `auditLog` is checked (links, hashes, and the head it anchored in the
 *   encrypted settings), sealed event by event into `auditChain` as it was (same ids and hashes), and
 *   the clear rows, clear tip and old anchor are deleted — all in one transaction, so a crash leaves
 *   either the old log or the new chain, and running it again is a no-op;
 * - a vault with nothing in it yet (no client rows, no anchored head): a fresh anchor;
 * - anything else lost its anchor: that is tampering (R42) — the chain continues from what is left,
 *   and the anchor records the break for good, so the audit screen says "not intact".
 */
import type { VaultSession } from '../session';
import type { AuditRow, SettingClear } from '../types';
import { GENESIS_HASH, hashEvent } from './audit-hash';
import { pendingComplete, readPending } from './audit-pending';
import {
  ANCHOR_ID,
  type AuditAnchor,
  advanceAnchor,
  type ChainProblem,
  emptyAnchor,
  hasClientRows,
  openAllEvents,
  sealAnchor,
  sealEvent,
} from './audit-store';

/** The settings row where schema v1–v7 anchored the head of the clear log. */
export const LEGACY_HEAD_SETTING = 'auditHead';

type LegacyHead = { state: 'absent' } | { state: 'unreadable' } | { state: 'ok'; count: number; hash: string };

async function readLegacyHead(session: VaultSession): Promise<LegacyHead> {
  const row = await session.db.settings.get(LEGACY_HEAD_SETTING);
  if (!row) return { state: 'absent' };
  try {
    const { data } = await session.open<SettingClear, unknown>('settings', row);
    if (typeof data !== 'object' || data === null) return { state: 'unreadable' };
    const { count, hash } = data as { count?: unknown; hash?: unknown };
    return typeof count === 'number' && typeof hash === 'string'
      ? { state: 'ok', count, hash }
      : { state: 'unreadable' };
  } catch {
    return { state: 'unreadable' };
  }
}

/** The first place a clear v1 log breaks, or null. */
export async function checkLegacyLog(
  events: readonly AuditRow[],
): Promise<{ problem: ChainProblem; at: number } | null> {
  let prevHash = GENESIS_HASH;
  for (const [i, event] of events.entries()) {
    if (event.seq !== i) return { problem: 'sequence', at: i };
    if (event.prevHash !== prevHash) return { problem: 'link', at: i };
    const { hash, ...rest } = event;
    if ((await hashEvent(rest)) !== hash) return { problem: 'hash', at: i };
    prevHash = hash;
  }
  return null;
}

/** Events a vault can have logged before anything was anchored: only ones written while locked. */
const LOCKED_ACTIONS: ReadonlySet<string> = new Set(['unlock-failed', 'wipe', 'content-repaired']);

export async function establishAnchor(session: VaultSession): Promise<void> {
  const { db } = session;
  const legacy = (await db.auditLog.toArray()).sort((a, b) => a.seq - b.seq);
  const legacyHead = await readLegacyHead(session);
  const sealed = await openAllEvents(session);
  const pending = await readPending(db);

  let toSeal: AuditRow[] = [];
  let anchor: AuditAnchor;
  let broken: AuditAnchor['broken'] = null;
  if (sealed.events.length > 0 || sealed.unreadable > 0) {
    // The anchor was deleted from a chain that exists: continue from it, remember the break.
    anchor = advanceAnchor(emptyAnchor(), sealed.events, 0);
    broken = { problem: 'anchor', at: sealed.events.length };
  } else {
    toSeal = legacy;
    anchor = advanceAnchor(emptyAnchor(), legacy, 0);
    const legacyBreak = await checkLegacyLog(legacy);
    if (legacyHead.state === 'ok') {
      const anchoredHash = legacyHead.count === 0 ? GENESIS_HASH : legacy[legacyHead.count - 1]?.hash;
      if (legacyBreak) broken = legacyBreak;
      else if (legacyHead.count > legacy.length || anchoredHash !== legacyHead.hash)
        broken = { problem: 'truncated', at: Math.min(legacyHead.count, legacy.length) };
    } else if (legacyHead.state === 'unreadable') {
      broken = { problem: 'anchor', at: 0 };
    } else {
      const onlyLocked = legacy.every((e) => LOCKED_ACTIONS.has(e.action));
      broken = legacyBreak ?? (onlyLocked && !(await hasClientRows(db)) ? null : { problem: 'anchor', at: 0 });
    }
  }
  // Pending rows present now are the ones not yet absorbed; a gap before them cannot be told here.
  const lockedSeen = pendingComplete(pending, 0) ? 0 : pending.counter - pending.rows.length;
  anchor = { ...anchor, lockedSeen: Math.max(0, lockedSeen), broken };
  const rows = await Promise.all(toSeal.map((e) => sealEvent(session, e)));
  const anchorRow = await sealAnchor(session, 1, anchor);
  await db.transaction('rw', [db.auditChain, db.auditLog, db.settings, db.meta], async () => {
    if (await db.auditChain.get(ANCHOR_ID)) return; // another tab got there first
    await db.auditChain.bulkAdd(rows);
    await db.auditChain.add(anchorRow);
    await db.auditLog.bulkDelete(toSeal.map((e) => e.id));
    await db.settings.delete(LEGACY_HEAD_SETTING);
    await db.meta.delete('auditTip');
  });
}
