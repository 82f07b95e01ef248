/**
 * Checks the audit chain: consecutive `seq` from 0, every `prevHash` linking to the previous hash,
 * every hash recomputed, the clear tip matching the last event and — with an unlocked session — the
 * head anchored in the encrypted settings still on the chain (so removing events at the end, even
 * with the clear tip rewritten, is detected).
 */
import type { StapwijzerDb } from '../database';
import type { VaultSession } from '../session';
import type { AuditRow } from '../types';
import { GENESIS_HASH, hashEvent } from './audit-hash';
import { readAnchoredHead, readTip } from './audit-log';

export type ChainProblem = 'sequence' | 'link' | 'hash' | 'tip' | 'anchor';

export interface ChainReport {
  ok: boolean;
  count: number;
  /** True when the encrypted anchor was available and checked. */
  anchored: boolean;
  problem?: ChainProblem;
  /** The seq (position) where the chain first breaks. */
  at?: number;
}

export async function verifyAuditChain(db: StapwijzerDb, session?: VaultSession): Promise<ChainReport> {
  const events = (await db.auditLog.toArray()).sort((a, b) => a.seq - b.seq);
  const count = events.length;
  const fail = (problem: ChainProblem, at: number, anchored = false): ChainReport => ({
    ok: false,
    count,
    anchored,
    problem,
    at,
  });
  let prevHash = GENESIS_HASH;
  for (const [i, event] of events.entries()) {
    if (event.seq !== i) return fail('sequence', i);
    if (event.prevHash !== prevHash) return fail('link', i);
    const { hash, ...rest } = event;
    if ((await hashEvent(rest)) !== hash) return fail('hash', i);
    prevHash = hash;
  }
  const tip = await readTip(db);
  if (tip.count !== count || tip.hash !== prevHash) return fail('tip', count);
  if (!session || session.locked) return { ok: true, count, anchored: false };
  const anchor = await readAnchoredHead(session);
  if (!anchor) return { ok: true, count, anchored: false };
  const anchoredHash = anchor.count === 0 ? GENESIS_HASH : events[anchor.count - 1]?.hash;
  if (anchor.count > count || anchoredHash !== anchor.hash) return fail('anchor', Math.min(anchor.count, count), true);
  return { ok: true, count, anchored: true };
}

/** The log newest first, one page at a time (page 0 is the newest). */
export async function listAuditEvents(
  db: StapwijzerDb,
  page: number,
  pageSize: number,
): Promise<{ events: AuditRow[]; total: number }> {
  const all = (await db.auditLog.toArray()).sort((a, b) => b.seq - a.seq);
  return { events: all.slice(page * pageSize, (page + 1) * pageSize), total: all.length };
}
