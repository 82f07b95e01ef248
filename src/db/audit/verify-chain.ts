/**
 * Checks the sealed audit chain (R38/R42) with an unlocked session: the anchor must exist once a
 * vault exists, open under the data key and record no earlier tampering; every event row must open
 * (a forged row cannot be sealed without the key); `seq` runs from 0 without gaps, every `prevHash`
 * links, every hash recomputes; the anchor's head is the last event (nothing cut off or deleted); and
 * the locked-time events since the last absorb are all still there.
 */
import type { VaultSession } from '../session';
import type { AuditRow } from '../types';
import { GENESIS_HASH, hashEvent } from './audit-hash';
import { pendingComplete, readPending } from './audit-pending';
import { type ChainProblem, openAllEvents, readAnchor } from './audit-store';

export type { ChainProblem };

export interface ChainReport {
  ok: boolean;
  count: number;
  /** True when the sealed anchor was present and read. */
  anchored: boolean;
  problem?: ChainProblem;
  /** The seq (position) where the chain first breaks. */
  at?: number;
}

export async function verifyAuditChain(session: VaultSession): Promise<ChainReport> {
  const read = await readAnchor(session);
  const { events, unreadable } = await openAllEvents(session);
  const count = events.length;
  const anchored = read.state === 'ok';
  const fail = (problem: ChainProblem, at: number): ChainReport => ({ ok: false, count, anchored, problem, at });
  if (read.state !== 'ok') return fail('anchor', 0);
  const { anchor } = read;
  if (anchor.broken) return fail(anchor.broken.problem, anchor.broken.at);
  if (unreadable > 0) return fail('forged', count);
  let prevHash = GENESIS_HASH;
  for (const [i, event] of events.entries()) {
    if (event.seq !== i) return fail('sequence', i);
    if (event.prevHash !== prevHash) return fail('link', i);
    const { hash, ...rest } = event;
    if ((await hashEvent(rest)) !== hash) return fail('hash', i);
    prevHash = hash;
  }
  if (anchor.count !== count || anchor.hash !== prevHash) return fail('truncated', Math.min(anchor.count, count));
  if (!pendingComplete(await readPending(session.db), anchor.lockedSeen)) return fail('pending', count);
  return { ok: true, count, anchored };
}

/** The log newest first, one page at a time (page 0 is the newest). Decrypts the chain. */
export async function listAuditEvents(
  session: VaultSession,
  page: number,
  pageSize: number,
): Promise<{ events: AuditRow[]; total: number }> {
  const { events } = await openAllEvents(session);
  const all = events.reverse();
  return { events: all.slice(page * pageSize, (page + 1) * pageSize), total: all.length };
}

/** Every readable event in chain order (tests, the reminder's fallback, exports of the log). */
export async function readAuditEvents(session: VaultSession): Promise<AuditRow[]> {
  return (await openAllEvents(session)).events;
}
